// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// market_ queries (SPEC §3, §8; docs/rpc.md "Market"). Amounts and prices are decimal strings
// of base units (price = AIF base units per share); ids, heights and times are JSON numbers.
#include "contracts/market_queries.hpp"
#include "ledger/crypto.hpp"
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

namespace aif::rpc {

namespace {

namespace market = contracts::market;
using ledger::u128;
using ledger::u128_to_string;

constexpr std::uint32_t DEFAULT_DEPTH = 20;
constexpr std::uint32_t DEFAULT_TRADES = 50;
constexpr std::uint32_t DEFAULT_ORDERS = 1000;

template <typename E>
std::string name_of(E e)
{
    return std::string{market::to_string(e)};
}

/// An optional count param in [1, max], `fallback` when absent.
std::uint32_t count_param(const json& params, std::string_view name, std::uint32_t fallback,
                          std::uint32_t max)
{
    auto v = optional_uint64(params, name);
    if (!v) return fallback;
    if (*v < 1 || *v > max)
        throw invalid_params("'" + std::string{name} + "' must be from 1 to " + std::to_string(max),
                             name);
    return static_cast<std::uint32_t>(*v);
}

[[noreturn]] void not_found(const std::string& what, json data)
{
    throw RpcError(code::NOT_FOUND, what, std::move(data));
}

market::AssetRecord require_asset(const ledger::StateView& s, const std::string& symbol)
{
    auto a = market::load_asset(s, symbol);
    if (!a) not_found("unknown market asset " + symbol, {{"asset", symbol}});
    return *a;
}

json price_or_null(const std::optional<u128>& p)
{
    return p ? json(u128_to_string(*p)) : json(nullptr);
}

json levels_json(const std::vector<market::BookLevel>& levels)
{
    json out = json::array();
    for (const auto& l : levels)
        out.push_back({{"price", u128_to_string(l.price)},
                       {"quantity", u128_to_string(l.quantity)},
                       {"orders", l.orders}});
    return out;
}

json order_json(const market::Order& o, std::uint64_t now)
{
    return {{"orderId", o.id},
            {"trader", ledger::to_checksum(o.owner)},
            {"asset", o.asset},
            {"side", name_of(o.side)},
            {"price", u128_to_string(o.price)},
            {"quantity", u128_to_string(o.quantity)},
            {"filled", u128_to_string(o.filled)},
            {"remaining", u128_to_string(o.remaining)},
            {"status", name_of(o.status)},
            // An open order past its expiry no longer trades; its escrow comes back at the next
            // ExpireOrders, cancel, or when an incoming order meets it.
            {"live", o.status == market::OrderStatus::open && !market::is_expired(o, now)},
            {"timeInForce", name_of(o.tif)},
            {"expiry", o.expiry},
            {"createdHeight", o.created_height},
            {"createdAt", o.created_time},
            {"closeReason", o.close_reason}};
}

json trade_json(const market::Trade& t)
{
    return {{"tradeId", t.seq},
            {"height", t.height},
            {"timestamp", t.time},
            {"price", u128_to_string(t.price)},
            {"quantity", u128_to_string(t.quantity)},
            {"takerSide", name_of(t.taker_side)},
            {"makerOrderId", t.maker_order},
            {"takerOrderId", t.taker_order},
            {"maker", ledger::to_checksum(t.maker)},
            {"taker", ledger::to_checksum(t.taker)},
            {"fee", u128_to_string(t.fee)},
            {"royalty", u128_to_string(t.royalty)}};
}

json asset_json(const ledger::StateView& s, const market::AssetRecord& a, std::uint64_t now)
{
    auto trades = market::recent_trades(s, a.symbol, 1);
    return {
        {"asset", a.symbol},
        {"filmId", a.film_id},
        {"issuer", ledger::to_checksum(a.issuer)},
        {"supply", u128_to_string(a.supply)},
        {"decimals", 0},
        {"issuedHeight", a.issued_height},
        {"issuedAt", a.issued_time},
        {"bestBid", price_or_null(market::best_price(s, a.symbol, market::Side::buy, now))},
        {"bestAsk", price_or_null(market::best_price(s, a.symbol, market::Side::sell, now))},
        {"lastPrice", trades.empty() ? json(nullptr) : json(u128_to_string(trades.front().price))},
        {"tradeCount", market::trade_count(s, a.symbol)}};
}

}  // namespace

void add_market_methods(MethodTable& table, Backend& backend)
{
    add_method(table, "market_getBook", [&backend](const json& params) {
        check_known_params(params, {"asset", "depth"});
        const auto asset = require_string(params, "asset");
        const auto depth = count_param(params, "depth", DEFAULT_DEPTH, market::MAX_QUERY_DEPTH);
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) -> json {
            require_asset(s, asset);
            auto book = market::book_depth(s, asset, depth, head.timestamp);
            return {{"asset", asset},
                    {"height", head.height},
                    {"timestamp", head.timestamp},
                    {"bids", levels_json(book.bids)},
                    {"asks", levels_json(book.asks)}};
        });
    });

    add_method(table, "market_getTrades", [&backend](const json& params) {
        check_known_params(params, {"asset", "limit"});
        const auto asset = require_string(params, "asset");
        const auto limit = count_param(params, "limit", DEFAULT_TRADES,
                                       static_cast<std::uint32_t>(market::TRADE_LOG_CAP));
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) -> json {
            require_asset(s, asset);
            json trades = json::array();
            for (const auto& t : market::recent_trades(s, asset, limit))
                trades.push_back(trade_json(t));
            return {{"asset", asset}, {"trades", trades}};
        });
    });

    add_method(table, "market_getOrder", [&backend](const json& params) {
        check_known_params(params, {"orderId"});
        const auto id = require_uint64(params, "orderId");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) -> json {
            auto o = market::load_order(s, id);
            if (!o) not_found("unknown order " + std::to_string(id), {{"orderId", id}});
            return order_json(*o, head.timestamp);
        });
    });

    add_method(table, "market_getOpenOrders", [&backend](const json& params) {
        check_known_params(params, {"trader", "asset", "limit"});
        const auto trader = require_address(params, "trader");
        const auto asset = optional_string(params, "asset");
        const auto limit = count_param(params, "limit", DEFAULT_ORDERS, market::MAX_QUERY_DEPTH);
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) -> json {
            if (asset) require_asset(s, *asset);
            json orders = json::array();
            std::optional<std::string_view> filter;
            if (asset) filter = *asset;
            for (const auto& o : market::open_orders(s, trader, filter, limit))
                orders.push_back(order_json(o, head.timestamp));
            return {{"trader", ledger::to_checksum(trader)}, {"orders", orders}};
        });
    });

    add_method(table, "market_getAsset", [&backend](const json& params) {
        check_known_params(params, {"asset"});
        const auto asset = require_string(params, "asset");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) -> json {
            return asset_json(s, require_asset(s, asset), head.timestamp);
        });
    });

    add_method(table, "market_listAssets", [&backend](const json& params) {
        check_known_params(params, {"limit"});
        const auto limit = count_param(params, "limit", DEFAULT_ORDERS, market::MAX_QUERY_DEPTH);
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) -> json {
            json assets = json::array();
            for (const auto& a : market::list_assets(s, limit))
                assets.push_back(asset_json(s, a, head.timestamp));
            return {{"assets", assets}};
        });
    });

    add_method(table, "market_getParams", [&backend](const json& params) {
        check_known_params(params, {});
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) -> json {
            auto p = market::read_params(s);
            if (!p) throw RpcError(code::INTERNAL_ERROR, p.error().message());
            return {{"feeBps", p->fee_bps},
                    {"royaltyBps", p->royalty_bps},
                    {"maxOpenOrders", p->max_open_orders},
                    {"escrow", ledger::to_checksum(market::escrow_address())}};
        });
    });
}

}  // namespace aif::rpc
