// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <vector>

namespace aif::contracts {

/// The account nonce of `who` (0 when never used).
[[nodiscard]] std::uint64_t nonce_of(const ledger::StateView& s, const ledger::Address& who);

/// The checks every transaction passes before its type's rule, against state `s`:
/// nonce equal to the account's (nonce_too_low / nonce_too_high), fee ≥ min_fee (fee_too_low),
/// AIF balance ≥ fee (insufficient_fee_balance). Used by the mempool too.
[[nodiscard]] ledger::Result<void> precheck(const ledger::StateView& s,
                                            const ledger::VerifiedTx& tx) noexcept;

/// Applies one verified transaction to `s`: precheck, charge the fee to the treasury, bump the
/// nonce, then the type's rule. On error `s` is left exactly as it was (the caller need not roll
/// back, but may). Deterministic; never throws (STYLE §3).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_tx(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

}  // namespace aif::contracts
