// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/tx.hpp"

/// Transaction kinds of the festival module (range starting at TX_KIND_FESTIVAL) and their field
/// indexes.
namespace aif::ledger::festival_tx {
}  // namespace aif::ledger::festival_tx
