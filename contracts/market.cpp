// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/market.hpp"

#include "ledger/tx_types_market.hpp"

namespace aif::contracts::market {

using namespace ledger;

Result<std::vector<Event>> apply_tx(StateOverlay& s, const BlockContext& ctx,
                                    const VerifiedTx& vt) noexcept
{
    try {
        namespace m = market_tx;
        const Tx& tx = vt.tx;
        switch (static_cast<std::uint16_t>(tx.type->kind)) {
            case static_cast<std::uint16_t>(m::ISSUE_SHARES): {
                namespace f = m::issue_field;
                return apply_issue(s, ctx, vt.sender, tx.get<std::uint64_t>(f::FILM_ID),
                                   tx.get<std::string>(f::SYMBOL), tx.get<u128>(f::SUPPLY));
            }
            case static_cast<std::uint16_t>(m::PLACE_ORDER): {
                namespace f = m::place_field;
                PlaceRequest rq;
                rq.asset = tx.get<std::string>(f::ASSET);
                const auto& side = tx.get<std::string>(f::SIDE);
                const auto& tif = tx.get<std::string>(f::TIME_IN_FORCE);
                auto ps = parse_side(side);
                if (!ps)
                    return err(ErrorCode::invalid_argument,
                               "side: '" + side + "' must be \"buy\" or \"sell\"");
                auto pt = parse_tif(tif);
                if (!pt)
                    return err(
                        ErrorCode::invalid_argument,
                        "timeInForce: '" + tif + "' must be \"gtc\", \"ioc\" or \"post_only\"");
                rq.side = *ps;
                rq.tif = *pt;
                rq.price = tx.get<u128>(f::PRICE);
                rq.quantity = tx.get<u128>(f::QUANTITY);
                rq.expiry = tx.get<std::uint64_t>(f::EXPIRY);
                return place_order(s, ctx, vt.sender, rq);
            }
            case static_cast<std::uint16_t>(m::CANCEL_ORDER):
                return cancel_order(s, ctx, vt.sender,
                                    tx.get<std::uint64_t>(m::cancel_field::ORDER_ID));
            case static_cast<std::uint16_t>(m::EXPIRE_ORDERS):
                return expire_orders(
                    s, ctx, tx.get<std::string>(m::expire_field::ASSET),
                    static_cast<std::uint32_t>(tx.get<std::uint64_t>(m::expire_field::MAX)));
            default:
                break;
        }
        return err(ErrorCode::unknown_tx_type, std::string{tx.type->name});
    } catch (...) {
        return err(ErrorCode::internal, "market apply_tx");
    }
}

}  // namespace aif::contracts::market
