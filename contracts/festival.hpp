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

/// The festival module (SPEC, docs/festival.md).
namespace aif::contracts::festival {

/// Applies one of the module's transaction kinds (after the common nonce/fee step).
/// Errors: unknown_tx_type for a kind the module does not define; the module's own rules.
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
