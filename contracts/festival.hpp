// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <vector>

/// The festival module (SPEC, docs/festival.md).
namespace aif::contracts::festival {

/// Applies one of the module's transaction kinds (after the common nonce/fee step).
/// Errors: unknown_tx_type for a kind the module does not define; the module's own rules.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_tx(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

}  // namespace aif::contracts::festival
