// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Read-only market commands (SPEC §8 queries): book, trades, a trader's orders, one order, an
// asset. Each is one market_ RPC call; --json prints the node's answer with "priceAif" added.
#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/cli_market.hpp"
#include "wallet/errors.hpp"
#include "wallet/node_api.hpp"

#include <sstream>

namespace aif::wallet::market_cli {

using ledger::u128;
using nlohmann::json;

std::string aif_text(u128 base_units)
{
    return format_amount(base_units, AIF_DECIMALS);
}

void add_aif_prices(json& j)
{
    if (j.is_array()) {
        for (auto& e : j) add_aif_prices(e);
        return;
    }
    if (!j.is_object()) return;
    for (const char* k : {"price", "bestBid", "bestAsk", "lastPrice"})
        if (j.contains(k) && j[k].is_string())
            j[std::string{k} + "Aif"] = aif_text(node_uint(j[k], k));
    for (auto& [k, v] : j.items())
        if (v.is_array() || (v.is_object() && k != "error")) add_aif_prices(v);
}

namespace {

std::string pad(std::string s, std::size_t w)
{
    if (s.size() < w) s = std::string(w - s.size(), ' ') + s;
    return s;
}

std::string order_line(const json& o)
{
    std::ostringstream s;
    s << "order " << o.value("orderId", 0) << ": " << o.value("side", "") << " "
      << o.value("quantity", "") << " " << o.value("asset", "") << " at "
      << aif_text(node_uint(o["price"], "price")) << " AIF, filled " << o.value("filled", "")
      << ", remaining " << o.value("remaining", "") << ", " << o.value("status", "");
    if (o.value("status", "") == "open" && !o.value("live", true)) s << " (expired)";
    if (!o.value("closeReason", "").empty()) s << " (" << o.value("closeReason", "") << ")";
    if (o.value("expiry", 0) != 0) s << ", expiry " << o.value("expiry", 0);
    s << "\n";
    return s.str();
}

int book(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market book",
                     "market book SYMBOL [--depth N]",
                     "Shows the order book of a FilmToken: price levels (AIF per share), the\n"
                     "quantity resting at each and how many orders. Asks above, bids below.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("asset", po::value<std::string>()->required(), "FilmToken symbol")(
        "depth", po::value<std::string>()->default_value("20"), "price levels per side (1-1000)");
    spec.positional.add("asset", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = ctx.rpc().call("market_getBook", {{"asset", (*vm)["asset"].as<std::string>()},
                                               {"depth", count_option(*vm, "depth", 1000)}});
    std::ostringstream t;
    t << r.value("asset", "") << " book at height " << r.value("height", 0) << "\n"
      << pad("price (AIF)", 24) << pad("quantity", 16) << pad("orders", 8) << "\n";
    const auto level = [&](const json& l, const char* side) {
        t << pad(aif_text(node_uint(l["price"], "price")), 24) << pad(l.value("quantity", ""), 16)
          << pad(std::to_string(l.value("orders", 0)), 8) << "  " << side << "\n";
    };
    const json& asks = r["asks"];
    for (auto it = asks.rbegin(); it != asks.rend(); ++it) level(*it, "ask");
    if (asks.empty()) t << pad("(no asks)", 24) << "\n";
    t << "  ----\n";
    for (const auto& l : r["bids"]) level(l, "bid");
    if (r["bids"].empty()) t << pad("(no bids)", 24) << "\n";
    add_aif_prices(r);
    ctx.print(r, t.str());
    return 0;
}

int trades(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market trades",
                     "market trades SYMBOL [--limit N]",
                     "Shows the most recent trades of a FilmToken, newest first.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("asset", po::value<std::string>()->required(), "FilmToken symbol")(
        "limit", po::value<std::string>()->default_value("20"), "how many (1-1000)");
    spec.positional.add("asset", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = ctx.rpc().call("market_getTrades", {{"asset", (*vm)["asset"].as<std::string>()},
                                                 {"limit", count_option(*vm, "limit", 1000)}});
    std::ostringstream t;
    for (const auto& tr : r["trades"])
        t << "trade " << tr.value("tradeId", 0) << " at height " << tr.value("height", 0) << ": "
          << tr.value("quantity", "") << " at " << aif_text(node_uint(tr["price"], "price"))
          << " AIF, taker " << tr.value("takerSide", "") << "s (" << tr.value("taker", "")
          << ", order " << tr.value("takerOrderId", 0) << "), maker " << tr.value("maker", "")
          << " (order " << tr.value("makerOrderId", 0) << ")\n";
    if (r["trades"].empty()) t << "no trades\n";
    add_aif_prices(r);
    ctx.print(r, t.str());
    return 0;
}

int orders(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market orders",
                     "market orders ADDRESS_OR_NAME [--asset SYMBOL]",
                     "Lists the open orders of an address or key, oldest first.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("who", po::value<std::string>()->required(), "address or key name")(
        "asset", po::value<std::string>(), "only this FilmToken's book");
    spec.positional.add("who", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const ledger::Address who =
        ctx.resolve_address((*vm)["who"].as<std::string>(), "market orders");
    json params = {{"trader", ledger::to_checksum(who)}};
    if (vm->count("asset")) params["asset"] = (*vm)["asset"].as<std::string>();
    json r = ctx.rpc().call("market_getOpenOrders", params);
    std::string t;
    for (const auto& o : r["orders"]) t += order_line(o);
    if (r["orders"].empty()) t = "no open orders\n";
    add_aif_prices(r);
    ctx.print(r, t);
    return 0;
}

int order(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market order",
                     "market order ID",
                     "Shows one order, open or closed.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("id", po::value<std::string>()->required(), "order id");
    spec.positional.add("id", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto id =
        parse_count((*vm)["id"].as<std::string>(), "market order ID", ~std::uint64_t{0});
    json r = ctx.rpc().call("market_getOrder", {{"orderId", std::to_string(id)}});
    const std::string t = order_line(r);
    add_aif_prices(r);
    ctx.print(r, t);
    return 0;
}

int asset(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market asset",
                     "market asset SYMBOL",
                     "Shows a FilmToken: film, issuer, supply, best bid and ask, last price.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("asset", po::value<std::string>()->required(), "FilmToken symbol");
    spec.positional.add("asset", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = ctx.rpc().call("market_getAsset", {{"asset", (*vm)["asset"].as<std::string>()}});
    add_aif_prices(r);
    ctx.print(r, render_text(r));
    return 0;
}

}  // namespace

std::vector<CommandEntry> query_commands()
{
    return {{"market book", "order book of a FilmToken", book},
            {"market trades", "recent trades of a FilmToken", trades},
            {"market orders", "open orders of an address or key", orders},
            {"market order", "one order by id", order},
            {"market asset", "a FilmToken's issuance and prices", asset}};
}

}  // namespace aif::wallet::market_cli
