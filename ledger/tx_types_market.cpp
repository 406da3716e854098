// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx_types_market.hpp"

namespace aif::ledger {

void add_market_types(std::vector<TxTypeDef>& out)
{
    (void)out;  // The market module's transaction types are appended here.
}

}  // namespace aif::ledger
