// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx_types_festival.hpp"

namespace aif::ledger {

void add_festival_types(std::vector<TxTypeDef>& out)
{
    (void)out;  // The festival module's transaction types are appended here.
}

}  // namespace aif::ledger
