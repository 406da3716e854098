// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx_types_dao.hpp"

namespace aif::ledger {

void add_dao_types(std::vector<TxTypeDef>& out)
{
    (void)out;  // The dao module's transaction types are appended here.
}

}  // namespace aif::ledger
