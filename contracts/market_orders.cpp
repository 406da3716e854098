// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Closing resting orders (SPEC §8): cancel by the owner, expiry by block time; both return the
// order's escrow to its owner.
#include "contracts/market.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"

namespace aif::contracts::market {

using namespace ledger;

Result<void> close_order(StateOverlay& s, const BlockContext& ctx, Order o, OrderStatus status,
                         std::string_view reason, std::vector<Event>& events) noexcept
{
    try {
        const u128 shares = o.remaining;
        // Escrow held for an open order is exactly price × remaining AIF (buy) or remaining
        // shares (sell): fills take maker.price × q from it and nothing else does.
        u128 refund = shares;
        std::string refund_asset = o.asset;
        if (o.side == Side::buy) {
            auto aif = checked_mul(o.price, shares);
            if (!aif)
                return err(ErrorCode::amount_overflow, "escrow of order " + std::to_string(o.id));
            refund = *aif;
            refund_asset = std::string{AIF};
        }
        unlist_order(s, o);
        if (refund > 0)
            AIF_CHECK(token::move(s, ctx, refund_asset, escrow_address(), o.owner, refund));
        o.remaining = 0;
        o.status = status;
        o.close_reason = std::string{reason};
        s.put(mkeys::order(o.id), encode_order(o));
        std::vector<std::pair<std::string, std::string>> attrs = {
            {"orderId", std::to_string(o.id)},
            {"trader", to_hex(o.owner)},
            {"asset", o.asset},
            {"quantity", u128_to_string(shares)},
            {"refund", u128_to_string(refund)},
            {"refundAsset", refund_asset}};
        if (status == OrderStatus::expired) {
            events.push_back(Event{"OrderExpired", std::move(attrs)});
        } else {
            attrs.emplace_back("reason", std::string{reason});
            events.push_back(Event{"OrderCancelled", std::move(attrs)});
        }
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "close_order");
    }
}

Result<std::vector<Event>> cancel_order(StateOverlay& s, const BlockContext& ctx,
                                        const Address& trader, std::uint64_t order_id) noexcept
{
    try {
        const std::string id = std::to_string(order_id);
        auto o = load_order(s, order_id);
        if (!o) return err(ErrorCode::not_found, "orderId: no order " + id);
        if (o->owner != trader)
            return err(ErrorCode::unauthorized,
                       "orderId: order " + id + " belongs to " + to_checksum(o->owner));
        if (o->status != OrderStatus::open)
            return err(ErrorCode::not_found, "orderId: order " + id + " is not open (" +
                                                 std::string{to_string(o->status)} + ")");
        std::vector<Event> events;
        AIF_CHECK(close_order(s, ctx, std::move(*o), OrderStatus::cancelled, "user", events));
        return events;
    } catch (...) {
        return err(ErrorCode::internal, "cancel_order");
    }
}

Result<std::vector<Event>> expire_orders(StateOverlay& s, const BlockContext& ctx,
                                         std::string_view asset, std::uint32_t max) noexcept
{
    try {
        const std::string sym{asset};
        if (!load_asset(s, asset))
            return err(ErrorCode::unknown_asset,
                       "asset: " + sym + " is not a FilmToken issued on the market");
        if (max == 0 || max > MAX_EXPIRE_BATCH)
            return err(ErrorCode::invalid_argument,
                       "max: must be 1 to " + std::to_string(MAX_EXPIRE_BATCH));
        // The expiry index is ordered by (expiry, id): take the front while expired. Collect
        // first, then close (closing writes the index being scanned).
        std::vector<std::uint64_t> due;
        expiry_index(asset).scan(s, [&](std::string_view suffix) {
            auto expiry = decode_u64(suffix.substr(0, 8));
            auto id = decode_u64(suffix.substr(8));
            if (!expiry || !id || *expiry > ctx.timestamp) return false;
            due.push_back(*id);
            return due.size() < max;
        });
        if (due.empty())
            return err(ErrorCode::not_found, "asset: no " + sym +
                                                 " order has expired at block time " +
                                                 std::to_string(ctx.timestamp));
        std::vector<Event> events;
        for (std::uint64_t id : due) {
            auto o = load_order(s, id);
            if (!o || o->status != OrderStatus::open)
                return err(ErrorCode::internal, "expiry entry without an open order");
            AIF_CHECK(close_order(s, ctx, std::move(*o), OrderStatus::expired, "", events));
        }
        return events;
    } catch (...) {
        return err(ErrorCode::internal, "expire_orders");
    }
}

}  // namespace aif::contracts::market
