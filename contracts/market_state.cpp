// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/market_state.hpp"

#include "contracts/keys.hpp"
#include "ledger/codec.hpp"
#include "ledger/crypto.hpp"

namespace aif::contracts::market {

using namespace ledger;

namespace {



/// Record format versions: a decoder refuses a record it does not know.
constexpr std::uint8_t ASSET_V1 = 1, ORDER_V1 = 1, TRADE_V1 = 1;

}  // namespace

const Address& escrow_address()
{
    static const Address addr = [] {
        const Hash32 h = keccak256(std::string_view{"aifchain/market/escrow/v1"});
        Address a;
        for (std::size_t i = 0; i < 20; ++i) a.bytes[i] = h.bytes[12 + i];
        return a;
    }();
    return addr;
}

std::string_view to_string(Side s) noexcept
{
    switch (s) {
        case Side::buy:
            return "buy";
        case Side::sell:
            return "sell";
    }
    return "?";
}

std::string_view to_string(TimeInForce t) noexcept
{
    switch (t) {
        case TimeInForce::gtc:
            return "gtc";
        case TimeInForce::ioc:
            return "ioc";
        case TimeInForce::post_only:
            return "post_only";
    }
    return "?";
}

std::string_view to_string(OrderStatus s) noexcept
{
    switch (s) {
        case OrderStatus::open:
            return "open";
        case OrderStatus::filled:
            return "filled";
        case OrderStatus::cancelled:
            return "cancelled";
        case OrderStatus::expired:
            return "expired";
    }
    return "?";
}

std::optional<Side> parse_side(std::string_view s) noexcept
{
    if (s == "buy") return Side::buy;
    if (s == "sell") return Side::sell;
    return std::nullopt;
}

std::optional<TimeInForce> parse_tif(std::string_view s) noexcept
{
    if (s == "gtc") return TimeInForce::gtc;
    if (s == "ioc") return TimeInForce::ioc;
    if (s == "post_only") return TimeInForce::post_only;
    return std::nullopt;
}

Result<MarketParams> read_params(const StateView& s) noexcept
{
    try {
        auto raw = s.get(keys::MARKET_PARAMS);
        if (!raw) return err(ErrorCode::internal, "market params missing");
        AIF_TRY(p, decode_market_params(*raw));
        // Proceeds = notional − royalty − fee must stay ≥ 0 whatever the DAO votes.
        if (std::uint64_t{p.fee_bps} + p.royalty_bps > 10000)
            return err(ErrorCode::invalid_argument,
                       "market params: feeBps + royaltyBps must not exceed 10000");
        return p;
    } catch (...) {
        return err(ErrorCode::internal, "read market params");
    }
}

Result<u128> bps_of(u128 amount, std::uint32_t bps) noexcept
{
    // floor(a·b/10000) without forming a·b (which may pass 2^128): with a = 10000q + r,
    // floor(a·b/10000) = q·b + floor(r·b/10000) exactly.
    const u128 q = amount / 10000, r = amount % 10000;
    auto hi = checked_mul(q, bps);
    if (!hi) return err(ErrorCode::amount_overflow, "fee of " + u128_to_string(amount));
    auto sum = checked_add(*hi, r * bps / 10000);
    if (!sum) return err(ErrorCode::amount_overflow, "fee of " + u128_to_string(amount));
    return *sum;
}

// ---------------------------------------------------------------------------------------------
// Keys

namespace mkeys {

std::string be64(std::uint64_t v)
{
    return encode_u64(v);
}
std::string be128(u128 v)
{
    return encode_u128(v);
}
std::string asset(std::string_view symbol)
{
    return "mkt/a/" + std::string{symbol};
}
std::string film(std::uint64_t film_id)
{
    return "mkt/f/" + be64(film_id);
}
std::string order(std::uint64_t id)
{
    return "mkt/o/" + be64(id);
}
std::string open_count(const Address& trader, std::string_view asset)
{
    return keys::tagged_address("mkt/c/", trader, asset);
}
std::string trader_prefix(const Address& trader)
{
    return keys::tagged_address("mkt/t/", trader);
}
std::string trades_prefix(std::string_view asset)
{
    return "mkt/tr/" + std::string{asset} + "/";
}
std::string trade_seq(std::string_view asset)
{
    return "mkt/ts/" + std::string{asset};
}

}  // namespace mkeys

// ---------------------------------------------------------------------------------------------
// Ordered indexes

void OrderedIndex::insert(StateOverlay& s, std::string_view suffix) const
{
    s.put(prefix + std::string{suffix}, std::string{});
    auto head = s.get(head_key);
    if (!head || suffix < *head) s.put(head_key, std::string{suffix});
}

void OrderedIndex::erase(StateOverlay& s, std::string_view suffix) const
{
    const std::string key = prefix + std::string{suffix};
    s.erase(key);
    auto head = s.get(head_key);
    if (!head || *head != suffix) return;
    // The next entry after the old head: the scan starts at the erased key, so it steps over
    // at most the deletions this block made right behind the head, once.
    std::optional<std::string> next;
    s.scan_from(prefix, key, [&](std::string_view k, std::string_view) {
        next = std::string{k.substr(prefix.size())};
        return false;
    });
    if (next)
        s.put(head_key, std::move(*next));
    else
        s.erase(head_key);
}

void OrderedIndex::scan(const StateView& s, const std::function<bool(std::string_view)>& fn) const
{
    auto head = s.get(head_key);
    if (!head) return;
    s.scan_from(prefix, prefix + *head,
                [&](std::string_view k, std::string_view) { return fn(k.substr(prefix.size())); });
}

std::optional<std::string> OrderedIndex::first(const StateView& s) const
{
    std::optional<std::string> out;
    scan(s, [&](std::string_view suffix) {
        out = std::string{suffix};
        return false;
    });
    return out;
}

OrderedIndex book_index(std::string_view asset, Side side)
{
    const char tag = side == Side::buy ? 'b' : 'a';
    const std::string a{asset};
    return {"mkt/b/" + a + "/" + tag + "/", "mkt/h/" + a + "/" + tag};
}

OrderedIndex expiry_index(std::string_view asset)
{
    const std::string a{asset};
    return {"mkt/x/" + a + "/", "mkt/h/" + a + "/x"};
}

std::string book_suffix(Side side, u128 price, std::uint64_t id)
{
    // Bids are keyed by the complement of the price so that the best (highest) comes first in
    // an ascending scan; the order id breaks ties by time (SPEC §8 price-time priority).
    return mkeys::be128(side == Side::buy ? ~price : price) + mkeys::be64(id);
}

std::optional<std::pair<u128, std::uint64_t>> parse_book_suffix(Side side, std::string_view suffix)
{
    if (suffix.size() != 24) return std::nullopt;
    auto p = decode_u128(suffix.substr(0, 16));
    auto id = decode_u64(suffix.substr(16));
    if (!p || !id) return std::nullopt;
    return std::make_pair(side == Side::buy ? ~*p : *p, *id);
}

std::string expiry_suffix(std::uint64_t expiry, std::uint64_t id)
{
    return mkeys::be64(expiry) + mkeys::be64(id);
}

void list_order(StateOverlay& s, const Order& o)
{
    book_index(o.asset, o.side).insert(s, book_suffix(o.side, o.price, o.id));
    if (o.expiry != 0) expiry_index(o.asset).insert(s, expiry_suffix(o.expiry, o.id));
    s.put(mkeys::trader_prefix(o.owner) + mkeys::be64(o.id), o.asset);
    s.put(mkeys::open_count(o.owner, o.asset), encode_u64(open_count(s, o.owner, o.asset) + 1));
}

void unlist_order(StateOverlay& s, const Order& o)
{
    book_index(o.asset, o.side).erase(s, book_suffix(o.side, o.price, o.id));
    if (o.expiry != 0) expiry_index(o.asset).erase(s, expiry_suffix(o.expiry, o.id));
    s.erase(mkeys::trader_prefix(o.owner) + mkeys::be64(o.id));
    const std::uint64_t n = open_count(s, o.owner, o.asset);
    if (n <= 1)
        s.erase(mkeys::open_count(o.owner, o.asset));
    else
        s.put(mkeys::open_count(o.owner, o.asset), encode_u64(n - 1));
}

std::uint64_t open_count(const StateView& s, const Address& trader, std::string_view asset)
{
    auto raw = s.get(mkeys::open_count(trader, asset));
    return raw ? decode_u64(*raw).value_or(0) : 0;
}

// ---------------------------------------------------------------------------------------------
// Records

std::string encode_asset(const AssetRecord& a)
{
    Writer w;
    w.u8(ASSET_V1);
    w.str(a.symbol);
    w.u64(a.film_id);
    w.fixed(a.issuer);
    w.u128v(a.supply);
    w.u64(a.issued_height);
    w.u64(a.issued_time);
    return string_of(w.take());
}

std::optional<AssetRecord> decode_asset(std::string_view raw)
{
    Reader r{bytes_of(raw)};
    if (r.u8() != ASSET_V1) return std::nullopt;
    AssetRecord a;
    a.symbol = r.str(64);
    a.film_id = r.u64();
    a.issuer = Address{r.fixed<20>()};
    a.supply = r.u128v();
    a.issued_height = r.u64();
    a.issued_time = r.u64();
    if (!r.done()) return std::nullopt;
    return a;
}

std::string encode_order(const Order& o)
{
    Writer w;
    w.u8(ORDER_V1);
    w.u64(o.id);
    w.fixed(o.owner);
    w.str(o.asset);
    w.u8(static_cast<std::uint8_t>(o.side));
    w.u8(static_cast<std::uint8_t>(o.tif));
    w.u8(static_cast<std::uint8_t>(o.status));
    w.u128v(o.price);
    w.u128v(o.quantity);
    w.u128v(o.filled);
    w.u128v(o.remaining);
    w.u64(o.expiry);
    w.u64(o.created_height);
    w.u64(o.created_time);
    w.str(o.close_reason);
    return string_of(w.take());
}

std::optional<Order> decode_order(std::string_view raw)
{
    Reader r{bytes_of(raw)};
    if (r.u8() != ORDER_V1) return std::nullopt;
    Order o;
    o.id = r.u64();
    o.owner = Address{r.fixed<20>()};
    o.asset = r.str(64);
    const std::uint8_t side = r.u8(), tif = r.u8(), status = r.u8();
    if (side > 1 || tif > 2 || status > 3) return std::nullopt;
    o.side = static_cast<Side>(side);
    o.tif = static_cast<TimeInForce>(tif);
    o.status = static_cast<OrderStatus>(status);
    o.price = r.u128v();
    o.quantity = r.u128v();
    o.filled = r.u128v();
    o.remaining = r.u128v();
    o.expiry = r.u64();
    o.created_height = r.u64();
    o.created_time = r.u64();
    o.close_reason = r.str(32);
    if (!r.done()) return std::nullopt;
    return o;
}

std::string encode_trade(const Trade& t)
{
    Writer w;
    w.u8(TRADE_V1);
    w.u64(t.seq);
    w.u64(t.height);
    w.u64(t.time);
    w.u128v(t.price);
    w.u128v(t.quantity);
    w.u8(static_cast<std::uint8_t>(t.taker_side));
    w.u64(t.maker_order);
    w.u64(t.taker_order);
    w.fixed(t.maker);
    w.fixed(t.taker);
    w.u128v(t.fee);
    w.u128v(t.royalty);
    return string_of(w.take());
}

std::optional<Trade> decode_trade(std::string_view raw)
{
    Reader r{bytes_of(raw)};
    if (r.u8() != TRADE_V1) return std::nullopt;
    Trade t;
    t.seq = r.u64();
    t.height = r.u64();
    t.time = r.u64();
    t.price = r.u128v();
    t.quantity = r.u128v();
    const std::uint8_t side = r.u8();
    if (side > 1) return std::nullopt;
    t.taker_side = static_cast<Side>(side);
    t.maker_order = r.u64();
    t.taker_order = r.u64();
    t.maker = Address{r.fixed<20>()};
    t.taker = Address{r.fixed<20>()};
    t.fee = r.u128v();
    t.royalty = r.u128v();
    if (!r.done()) return std::nullopt;
    return t;
}

std::optional<AssetRecord> load_asset(const StateView& s, std::string_view symbol)
{
    auto raw = s.get(mkeys::asset(symbol));
    if (!raw) return std::nullopt;
    return decode_asset(*raw);
}

std::optional<Order> load_order(const StateView& s, std::uint64_t id)
{
    auto raw = s.get(mkeys::order(id));
    if (!raw) return std::nullopt;
    return decode_order(*raw);
}

std::optional<std::string> symbol_of_film(const StateView& s, std::uint64_t film_id)
{
    return s.get(mkeys::film(film_id));
}

}  // namespace aif::contracts::market
