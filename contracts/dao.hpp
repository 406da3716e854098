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

/// The dao module (SPEC, docs/dao.md).
namespace aif::contracts::dao {

/// Applies one of the module's transaction kinds (after the common nonce/fee step).
/// Errors: unknown_tx_type for a kind the module does not define; the module's own rules.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_tx(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

/// Hook: `amount` AIF moved from `from` (nullopt for a mint) to `to` in block `ctx`. Keeps
/// delegated voting power in step with balances (SPEC §7). Called by token::move/mint for AIF
/// only. Errors: amount_overflow.
[[nodiscard]] ledger::Result<void> on_aif_moved(ledger::StateOverlay& s, const BlockContext& ctx,
                                                const std::optional<ledger::Address>& from,
                                                const ledger::Address& to,
                                                ledger::u128 amount) noexcept;

/// The winner of the award ballot for `award_id` of `edition`: the film with the most votes
/// of a ballot that has ended and met quorum (tie-break documented in docs/dao.md), or nullopt
/// when there is no such decided ballot. Festival finalisation takes the DAO-voted award from
/// here (SPEC §5).
[[nodiscard]] std::optional<std::uint64_t> award_ballot_result(const ledger::StateView& s,
                                                               std::uint32_t edition,
                                                               std::string_view award_id,
                                                               std::uint64_t now);

}  // namespace aif::contracts::dao
