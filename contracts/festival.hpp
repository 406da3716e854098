// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

/// The festival module (SPEC §5, §6; docs/festival.md): film submissions, the jury (R1, R2
/// commit/reveal, R3), finalisation and trophy NFTs. Records and read-only queries are in
/// contracts/festival_state.hpp, the state layout in contracts/festival_keys.hpp.
namespace aif::contracts::festival {

/// Applies one of the module's transaction kinds (after the common nonce/fee step). Each
/// refusal leaves `s` for the executor to roll back and carries a detail naming the field and
/// the rule. Errors: unknown_tx_type for a kind the module does not define; unauthorized
/// (not the authority / not a juror / wrong faction / not core / not the owner), wrong_phase
/// (window closed, round not open, already finalised), not_found (edition, film, award,
/// commitment, token), invalid_argument (bounds, disclosure, reveal mismatch, finalist rules),
/// already_exists (duplicate hash, juror, review, commitment, vote, conflict),
/// conflict_of_interest (creator or declared conflict), limit_exceeded, insufficient_balance
/// (submission fee), amount_overflow, internal (a bug).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_tx(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

/// Cross-module queries (used by the market and the DAO). Film ids are sequential uint64 from 1.

/// The submitter of film `film_id`, or nullopt when no such film.
[[nodiscard]] std::optional<ledger::Address> film_submitter(const ledger::StateView& s,
                                                            std::uint64_t film_id);
/// The R2 shortlist of `edition` (the films that advanced to R3), ascending by film id; empty
/// until R2 has closed. The DAO's award ballot offers exactly these films.
[[nodiscard]] std::vector<std::uint64_t> r2_shortlist(const ledger::StateView& s,
                                                      std::uint32_t edition);

}  // namespace aif::contracts::festival
