// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// PlaceOrder (SPEC §8): validation, funding check, matching with price-time priority at the
// maker's price, settlement with fee and royalty, and resting the remainder in escrow.
#include "contracts/market.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"

namespace aif::contracts::market {

using namespace ledger;

namespace {

Side other(Side s)
{
    return s == Side::buy ? Side::sell : Side::buy;
}

/// Does a resting order at `maker_price` trade with an incoming `side` order at `limit`?
bool crosses(Side side, u128 limit, u128 maker_price)
{
    return side == Side::buy ? maker_price <= limit : maker_price >= limit;
}

std::uint64_t next_order_id(StateOverlay& s)
{
    auto raw = s.get(mkeys::NEXT_ORDER);
    const std::uint64_t id = raw ? decode_u64(*raw).value_or(1) : 1;
    s.put(mkeys::NEXT_ORDER, encode_u64(id + 1));
    return id;
}

/// Moves `amount` unless it is zero (a zero fee or royalty writes nothing).
Result<void> pay(StateOverlay& s, const BlockContext& ctx, std::string_view asset,
                 const Address& from, const Address& to, u128 amount)
{
    if (amount == 0) return ok();
    return token::move(s, ctx, asset, from, to, amount);
}

/// Appends a trade to the asset's bounded log and returns its sequence number (from 1).
std::uint64_t record_trade(StateOverlay& s, std::string_view asset, Trade t)
{
    auto raw = s.get(mkeys::trade_seq(asset));
    const std::uint64_t seq = (raw ? decode_u64(*raw).value_or(0) : 0) + 1;
    s.put(mkeys::trade_seq(asset), encode_u64(seq));
    t.seq = seq;
    const std::string prefix = mkeys::trades_prefix(asset);
    s.put(prefix + mkeys::be64(seq), encode_trade(t));
    if (seq > TRADE_LOG_CAP) s.erase(prefix + mkeys::be64(seq - TRADE_LOG_CAP));
    return seq;
}

/// One fill of `q` shares between the incoming order `taker` and the resting `maker`, at the
/// maker's price (SPEC §8). Value flow, every amount rounded down (docs/market.md "Rounding"):
///   notional = maker.price × q;  fee = ⌊notional × fee_bps / 10⁴⌋ (taker → treasury);
///   royalty = ⌊notional × royalty_bps / 10⁴⌋ (seller → issuer);
///   taker buys:  shares escrow → taker; AIF taker → seller (notional − royalty),
///                taker → issuer (royalty), taker → treasury (fee);
///   taker sells: shares taker → maker; AIF escrow → taker (notional − royalty − fee),
///                escrow → issuer (royalty), escrow → treasury (fee).
/// Every amount is a token::move, so no unit is created or destroyed; the escrow pays out
/// exactly maker.price × q, what this fill's shares had locked.
Result<Event> fill(StateOverlay& s, const BlockContext& ctx, const MarketParams& params,
                   const AssetRecord& asset, const Address& treasury, Order& taker, Order& maker,
                   u128 q)
{
    const Address& escrow = escrow_address();
    auto notional = checked_mul(maker.price, q);
    if (!notional) return err(ErrorCode::amount_overflow, "price × quantity of a fill");
    AIF_TRY(fee, bps_of(*notional, params.fee_bps));
    AIF_TRY(royalty, bps_of(*notional, params.royalty_bps));
    const std::string& sym = asset.symbol;
    if (taker.side == Side::buy) {
        AIF_CHECK(token::move(s, ctx, sym, escrow, taker.owner, q));
        AIF_CHECK(pay(s, ctx, AIF, taker.owner, maker.owner, *notional - royalty));
        AIF_CHECK(pay(s, ctx, AIF, taker.owner, asset.issuer, royalty));
        AIF_CHECK(pay(s, ctx, AIF, taker.owner, treasury, fee));
    } else {
        // fee + royalty ≤ notional because fee_bps + royalty_bps ≤ 10⁴ (read_params).
        AIF_CHECK(token::move(s, ctx, sym, taker.owner, maker.owner, q));
        AIF_CHECK(pay(s, ctx, AIF, escrow, taker.owner, *notional - royalty - fee));
        AIF_CHECK(pay(s, ctx, AIF, escrow, asset.issuer, royalty));
        AIF_CHECK(pay(s, ctx, AIF, escrow, treasury, fee));
    }
    taker.filled += q;
    maker.filled += q;
    maker.remaining -= q;

    Trade t;
    t.height = ctx.height;
    t.time = ctx.timestamp;
    t.price = maker.price;
    t.quantity = q;
    t.taker_side = taker.side;
    t.maker_order = maker.id;
    t.taker_order = taker.id;
    t.maker = maker.owner;
    t.taker = taker.owner;
    t.fee = fee;
    t.royalty = royalty;
    const std::uint64_t seq = record_trade(s, sym, t);
    return Event{"Fill",
                 {{"tradeId", std::to_string(seq)},
                  {"asset", sym},
                  {"price", u128_to_string(maker.price)},
                  {"quantity", u128_to_string(q)},
                  {"notional", u128_to_string(*notional)},
                  {"takerSide", std::string{to_string(taker.side)}},
                  {"takerOrderId", std::to_string(taker.id)},
                  {"makerOrderId", std::to_string(maker.id)},
                  {"taker", to_hex(taker.owner)},
                  {"maker", to_hex(maker.owner)},
                  {"fee", u128_to_string(fee)},
                  {"royalty", u128_to_string(royalty)},
                  {"makerRemaining", u128_to_string(maker.remaining)}}};
}

/// Checks the trader can fund the whole order before anything moves (docs/market.md
/// "Funding"): a buy needs price × quantity plus the taker fee on it (a post-only buy never
/// takes, so no fee); a sell needs the shares. Every fill is at a price no worse than the limit
/// and ⌊a⌋ + ⌊b⌋ ≤ ⌊a + b⌋, so what the order later spends never exceeds this.
Result<void> check_funding(const StateView& s, const Address& trader, const PlaceRequest& rq,
                           const MarketParams& params, u128 notional)
{
    if (rq.side == Side::sell) {
        const u128 have = token::balance_of(s, trader, rq.asset);
        if (have < rq.quantity)
            return err(ErrorCode::insufficient_balance,
                       "quantity: selling " + u128_to_string(rq.quantity) + " " + rq.asset +
                           " but the balance is " + u128_to_string(have));
        return ok();
    }
    u128 need = notional;
    if (rq.tif != TimeInForce::post_only) {
        AIF_TRY(fee, bps_of(notional, params.fee_bps));
        auto n = checked_add(notional, fee);
        if (!n) return err(ErrorCode::amount_overflow, "price × quantity + fee");
        need = *n;
    }
    const u128 have = token::balance_of(s, trader, AIF);
    if (have < need)
        return err(ErrorCode::insufficient_balance,
                   "price: buying " + u128_to_string(rq.quantity) + " at " +
                       u128_to_string(rq.price) + " needs " + u128_to_string(need) +
                       " AIF base units (price × quantity + taker fee) but the balance is " +
                       u128_to_string(have));
    return ok();
}

}  // namespace

Result<std::vector<Event>> place_order(StateOverlay& s, const BlockContext& ctx,
                                       const Address& trader, const PlaceRequest& rq) noexcept
{
    try {
        AIF_TRY(params, read_params(s));
        AIF_TRY(cfg, read_chain_config(s));
        auto asset = load_asset(s, rq.asset);
        if (!asset)
            return err(ErrorCode::unknown_asset,
                       "asset: " + rq.asset + " is not a FilmToken issued on the market");
        if (rq.price == 0) return err(ErrorCode::invalid_amount, "price: must be positive");
        if (rq.quantity == 0) return err(ErrorCode::invalid_amount, "quantity: must be positive");
        if (rq.expiry != 0 && rq.expiry <= ctx.timestamp)
            return err(ErrorCode::invalid_argument, "expiry: " + std::to_string(rq.expiry) +
                                                        " is not after block time " +
                                                        std::to_string(ctx.timestamp));
        if (rq.tif == TimeInForce::ioc && rq.expiry != 0)
            return err(ErrorCode::invalid_argument,
                       "expiry: must be 0 for an ioc order (it never rests)");
        auto notional = checked_mul(rq.price, rq.quantity);
        if (!notional) return err(ErrorCode::amount_overflow, "price × quantity");
        AIF_CHECK(check_funding(s, trader, rq, params, *notional));

        Order o;
        o.id = next_order_id(s);
        o.owner = trader;
        o.asset = rq.asset;
        o.side = rq.side;
        o.tif = rq.tif;
        o.price = rq.price;
        o.quantity = rq.quantity;
        o.expiry = rq.expiry;
        o.created_height = ctx.height;
        o.created_time = ctx.timestamp;
        std::vector<Event> events;
        events.push_back(Event{"OrderPlaced",
                               {{"orderId", std::to_string(o.id)},
                                {"trader", to_hex(trader)},
                                {"asset", o.asset},
                                {"side", std::string{to_string(o.side)}},
                                {"price", u128_to_string(o.price)},
                                {"quantity", u128_to_string(o.quantity)},
                                {"expiry", std::to_string(o.expiry)},
                                {"timeInForce", std::string{to_string(o.tif)}}}});

        // SPEC §8 matching: the other side from its best entry (price, then order id = time),
        // one entry at a time, while it crosses the limit.
        const OrderedIndex book = book_index(o.asset, other(o.side));
        u128 left = o.quantity;
        bool self_trade = false;
        while (left > 0) {
            auto head = book.first(s);
            if (!head) break;
            auto entry = parse_book_suffix(other(o.side), *head);
            if (!entry) return err(ErrorCode::internal, "corrupt book entry");
            if (!crosses(o.side, o.price, entry->first)) break;
            auto maker = load_order(s, entry->second);
            if (!maker || maker->status != OrderStatus::open || maker->remaining == 0)
                return err(ErrorCode::internal, "book entry without an open order");
            // Expired makers are closed and refunded where they are met (SPEC §8 expiry).
            if (is_expired(*maker, ctx.timestamp)) {
                AIF_CHECK(close_order(s, ctx, *maker, OrderStatus::expired, "", events));
                continue;
            }
            if (o.tif == TimeInForce::post_only)
                return err(ErrorCode::invalid_argument,
                           "timeInForce: post_only order at " + u128_to_string(o.price) +
                               " would trade with order " + std::to_string(maker->id) + " at " +
                               u128_to_string(maker->price));
            // SPEC §8 no self-trade (docs/market.md): refused when it is the first thing the
            // order would do; after other fills, the order stops and its rest is cancelled.
            if (maker->owner == trader) {
                if (o.filled == 0)
                    return err(ErrorCode::invalid_argument,
                               "self-trade: the order would trade with the sender's own order " +
                                   std::to_string(maker->id) + " at " +
                                   u128_to_string(maker->price));
                self_trade = true;
                break;
            }
            const u128 q = left < maker->remaining ? left : maker->remaining;
            AIF_TRY(ev, fill(s, ctx, params, *asset, cfg.treasury, o, *maker, q));
            events.push_back(std::move(ev));
            left -= q;
            if (maker->remaining == 0) {
                maker->status = OrderStatus::filled;
                unlist_order(s, *maker);
            }
            s.put(mkeys::order(maker->id), encode_order(*maker));
        }

        if (left == 0) {
            o.status = OrderStatus::filled;
        } else if (o.tif == TimeInForce::ioc || self_trade) {
            o.status = OrderStatus::cancelled;
            o.close_reason = self_trade ? "self_trade" : "ioc";
            events.push_back(Event{"OrderCancelled",
                                   {{"orderId", std::to_string(o.id)},
                                    {"trader", to_hex(trader)},
                                    {"asset", o.asset},
                                    {"quantity", u128_to_string(left)},
                                    {"refund", "0"},
                                    {"reason", o.close_reason}}});
        } else {
            // Rest: the book cannot cross here, since the loop ended on a non-crossing best
            // entry or an empty side (self-trade and ioc never rest).
            const std::uint64_t n = open_count(s, trader, o.asset);
            if (n >= params.max_open_orders)
                return err(ErrorCode::limit_exceeded,
                           "asset: " + std::to_string(n) + " open orders in the " + o.asset +
                               " book already (maxOpenOrders " +
                               std::to_string(params.max_open_orders) + ")");
            if (o.side == Side::buy) {
                auto lock = checked_mul(o.price, left);
                if (!lock) return err(ErrorCode::amount_overflow, "escrow");
                AIF_CHECK(token::move(s, ctx, AIF, trader, escrow_address(), *lock));
            } else {
                AIF_CHECK(token::move(s, ctx, o.asset, trader, escrow_address(), left));
            }
            o.remaining = left;
            list_order(s, o);
            events.push_back(
                Event{"OrderRested",
                      {{"orderId", std::to_string(o.id)}, {"remaining", u128_to_string(left)}}});
        }
        s.put(mkeys::order(o.id), encode_order(o));
        return events;
    } catch (...) {
        return err(ErrorCode::internal, "place_order");
    }
}

}  // namespace aif::contracts::market
