// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <vector>

/// What happens after a vote (SPEC §7): a passed parameter change or treasury spend executes
/// once the timelock is over, triggered by anyone, once; deposits are settled.
namespace aif::contracts::dao {

/// Applies ExecuteProposal: sets the parameter or pays the spend from the treasury, marks the
/// proposal executed and settles its deposit. Anyone may send it.
/// Errors: not_found, invalid_argument (text or ballot: nothing to execute; a parameter value
/// no longer valid), wrong_phase (voting not ended, defeated, timelock running, already
/// executed), insufficient_balance (treasury cannot pay the spend; may be retried).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_execute(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

/// Applies FinalizeProposal: settles the deposit of a proposal whose vote has ended (returned
/// on quorum, else kept by the treasury). Anyone may send it.
/// Errors: not_found, wrong_phase (voting not ended; deposit already settled),
/// invalid_argument (no deposit was locked).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_finalize(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

}  // namespace aif::contracts::dao
