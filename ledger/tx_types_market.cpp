// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx_types_market.hpp"

namespace aif::ledger {

void add_market_types(std::vector<TxTypeDef>& out)
{
    using FT = FieldType;
    namespace m = market_tx;
    // SPEC §8: the submitter of film `filmId` issues its FilmToken once.
    out.push_back({m::ISSUE_SHARES, "IssueShares",
                   with_header({{"filmId", FT::uint64, 0},
                                {"symbol", FT::string, m::SYMBOL_MAX_LEN},
                                {"supply", FT::uint256, 0}})});
    // SPEC §8: a limit order; side "buy"|"sell", price in AIF base units per share, expiry in
    // block time (0 = none), timeInForce "gtc"|"ioc"|"post_only".
    out.push_back({m::PLACE_ORDER, "PlaceOrder",
                   with_header({{"asset", FT::string, 32},
                                {"side", FT::string, 16},
                                {"price", FT::uint256, 0},
                                {"quantity", FT::uint256, 0},
                                {"expiry", FT::uint64, 0},
                                {"timeInForce", FT::string, 16}})});
    out.push_back({m::CANCEL_ORDER, "CancelOrder", with_header({{"orderId", FT::uint64, 0}})});
    // Anyone may sweep up to `max` expired orders of a book, releasing their escrow.
    out.push_back({m::EXPIRE_ORDERS, "ExpireOrders",
                   with_header({{"asset", FT::string, 32}, {"max", FT::uint32, 0}})});
}

}  // namespace aif::ledger
