// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/tx.hpp"

/// Transaction kinds of the market module (range starting at TX_KIND_MARKET) and their field
/// indexes.
namespace aif::ledger::market_tx {
}  // namespace aif::ledger::market_tx
