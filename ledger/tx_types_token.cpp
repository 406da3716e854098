// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx.hpp"

namespace aif::ledger {

void add_token_types(std::vector<TxTypeDef>& out)
{
    using FT = FieldType;
    // SPEC §2 (contract): Transfer(uint64 nonce,uint256 fee,address to,string asset,
    // uint256 amount,string memo)
    out.push_back({TxKind::transfer, "Transfer",
                   with_header({{"to", FT::address, 0},
                                {"asset", FT::string, 32},
                                {"amount", FT::uint256, 0},
                                {"memo", FT::string, 256}})});
}

}  // namespace aif::ledger
