// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/tx.hpp"

/// Transaction kinds of the dao module (range starting at TX_KIND_DAO) and their field
/// indexes.
namespace aif::ledger::dao_tx {
}  // namespace aif::ledger::dao_tx
