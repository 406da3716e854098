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

/// Voting power (SPEC §7): AIF delegated to oneself or another, recorded in checkpoints by
/// height. A delegatee's power is the sum of the AIF balances of everyone who delegated to it;
/// token::move/mint keep it in step through on_aif_moved (contracts/dao.hpp).
namespace aif::contracts::dao {

/// One checkpoint: the power at the end of block `height` (until the next checkpoint).
struct Checkpoint
{
    std::uint64_t height{0};
    ledger::u128 power{0};
};

/// The address `who` delegates to, or nullopt when it has not delegated.
[[nodiscard]] std::optional<ledger::Address> delegate_of(const ledger::StateView& s,
                                                         const ledger::Address& who);

/// Voting power of `who` now (its latest checkpoint; 0 when it has none).
[[nodiscard]] ledger::u128 current_power(const ledger::StateView& s, const ledger::Address& who);
/// Voting power of `who` at the end of block `height`: binary search over its checkpoints,
/// O(log checkpoints) state reads. Heights above the head give the current power.
[[nodiscard]] ledger::u128 power_at(const ledger::StateView& s, const ledger::Address& who,
                                    std::uint64_t height);
/// Total delegated AIF now.
[[nodiscard]] ledger::u128 current_total_delegated(const ledger::StateView& s);
/// Total delegated AIF at the end of block `height` (the quorum base of a proposal, SPEC §7).
[[nodiscard]] ledger::u128 total_delegated_at(const ledger::StateView& s, std::uint64_t height);

/// The checkpoints of `who`, oldest first; at most the newest `limit`.
[[nodiscard]] std::vector<Checkpoint> power_history(const ledger::StateView& s,
                                                    const ledger::Address& who,
                                                    std::uint64_t limit);
/// Number of checkpoints of `who`.
[[nodiscard]] std::uint64_t checkpoint_count(const ledger::StateView& s,
                                             const ledger::Address& who);

/// Applies Delegate (SPEC §7): the sender's whole AIF balance counts for `to` from this block
/// on, and so does every later change of that balance; `to` = 0x0…0 undelegates.
/// Errors: already_exists (`to` is already the delegate), invalid_argument (undelegating
/// without a delegate), amount_overflow.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_delegate(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

}  // namespace aif::contracts::dao
