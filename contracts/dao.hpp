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

/// The dao module (SPEC §7, docs/dao.md): delegation and voting power (dao_power.hpp),
/// proposals and deposits (dao_proposal.hpp), votes and tallies (dao_tally.hpp), execution
/// (dao_execution.hpp), the parameter whitelist (dao_params.hpp), the state layout
/// (dao_keys.hpp). This header holds the module's entry points and cross-module seams.
namespace aif::contracts::dao {

/// Applies one of the module's transaction kinds (after the common nonce/fee step): Delegate,
/// ProposeText/ParamChange/Spend/AwardBallot, Vote, ExecuteProposal, FinalizeProposal.
/// Errors: unknown_tx_type for a kind the module does not define; the rules' own codes
/// (unauthorized, wrong_phase, not_found, invalid_argument, already_exists,
/// insufficient_balance, invalid_amount, amount_overflow — see each apply_* and docs/dao.md).
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
/// of a ballot that has ended (block time `now` ≥ its end) and met quorum; a tie goes to the
/// lowest film id. nullopt when there is no such decided ballot (none, still open, no quorum,
/// no film votes). Festival finalisation takes the DAO-voted award from here (SPEC §5).
[[nodiscard]] std::optional<std::uint64_t> award_ballot_result(const ledger::StateView& s,
                                                               std::uint32_t edition,
                                                               std::string_view award_id,
                                                               std::uint64_t now);

}  // namespace aif::contracts::dao
