// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/festival.hpp"

namespace aif::contracts::festival {

using namespace ledger;

Result<std::vector<Event>> apply_tx(StateOverlay& s, const BlockContext& ctx,
                                    const VerifiedTx& tx) noexcept
{
    (void)s;
    (void)ctx;
    return err(ErrorCode::unknown_tx_type, std::string{tx.tx.type->name});
}

}  // namespace aif::contracts::festival
