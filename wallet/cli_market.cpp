// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Market transactions (SPEC §8, §9): issue, buy, sell, cancel, expire. Each fills in nonce and
// fee, signs, sends, waits for the receipt (the order id and the fills are in it) and prints
// what happened; --json prints the tx_get answer plus "hash" and, for orders, "orderId".
#include "wallet/cli_market.hpp"

#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/errors.hpp"
#include "wallet/tx_command.hpp"

#include <sstream>

namespace aif::wallet {

using ledger::u128;
using market_cli::aif_text;
using nlohmann::json;

namespace {

int issue(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market issue",
                     "market issue --from NAME --film FILM_ID --symbol SYMBOL --supply N",
                     "Issues a film's IP shares (its FilmToken), once per film: a symbol of 2-12\n"
                     "characters A-Z/0-9 starting with a letter and a fixed supply of whole\n"
                     "shares, minted to you. Only the film's submitter may do this.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("film", po::value<std::string>()->required(), "film id")(
        "symbol", po::value<std::string>()->required(), "FilmToken symbol, e.g. NEONDREAM")(
        "supply", po::value<std::string>()->required(), "number of shares (whole)");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto film = count_option(*vm, "film");
    const auto symbol = (*vm)["symbol"].as<std::string>();
    const u128 supply = parse_amount((*vm)["supply"].as<std::string>(), 0, "--supply");
    if (supply == 0) throw usage_error("--supply: must be at least 1 share");
    const TxSetup s = prepare_tx(ctx, *vm);
    if (s.account.balance(std::string{AIF}) < s.fee)
        throw insufficient_balance("insufficient AIF for the fee: " + s.sender.name + " has " +
                                   aif_text(s.account.balance(std::string{AIF})) + " AIF");
    const TxFields fields = {{"filmId", std::to_string(film)},
                             {"symbol", symbol},
                             {"supply", ledger::u128_to_string(supply)}};
    const json r = submit_tx(ctx, *vm, s, "IssueShares", fields, wait_requested(*vm));
    const auto summary = [&](json& out) {
        out["asset"] = symbol;
        out["supply"] = ledger::u128_to_string(supply);
        out["filmId"] = film;
        return "issued " + ledger::u128_to_string(supply) + " " + symbol + " shares of film " +
               std::to_string(film) + " to " + s.sender.name + "\n";
    };
    return report_tx(ctx, r, summary_with_block(summary));
}

/// Fills of an order's receipt, totals, and the text lines describing them.
std::string describe_fills(json& out, const json& r, const std::string& order_id)
{
    std::ostringstream t;
    json fills = json::array();
    u128 filled = 0;
    for (const auto& e : r.value("events", json::array())) {
        const json& a = e["attrs"];
        const std::string name = e.value("name", "");
        if (name == "Fill") {
            const u128 q = node_uint(a["quantity"], "quantity");
            filled += q;
            fills.push_back({{"tradeId", a.value("tradeId", "")},
                             {"price", a.value("price", "")},
                             {"priceAif", aif_text(node_uint(a["price"], "price"))},
                             {"quantity", a.value("quantity", "")},
                             {"makerOrderId", a.value("makerOrderId", "")},
                             {"fee", a.value("fee", "")},
                             {"royalty", a.value("royalty", "")}});
            t << "  filled " << a.value("quantity", "") << " at "
              << aif_text(node_uint(a["price"], "price")) << " AIF against order "
              << a.value("makerOrderId", "") << " (fee " << aif_text(node_uint(a["fee"], "fee"))
              << " AIF, royalty " << aif_text(node_uint(a["royalty"], "royalty")) << " AIF)\n";
        } else if (name == "OrderExpired") {
            t << "  order " << a.value("orderId", "") << " had expired and was closed\n";
        } else if (name == "OrderRested" && a.value("orderId", "") == order_id) {
            out["rested"] = a.value("remaining", "");
            t << "  " << a.value("remaining", "") << " rest in the book (escrowed)\n";
        } else if (name == "OrderCancelled" && a.value("orderId", "") == order_id) {
            out["cancelled"] = a.value("quantity", "");
            t << "  " << a.value("quantity", "") << " cancelled (" << a.value("reason", "")
              << ")\n";
        }
    }
    out["fills"] = fills;
    out["filled"] = ledger::u128_to_string(filled);
    if (!out.contains("rested")) out["rested"] = "0";
    if (!out.contains("cancelled")) out["cancelled"] = "0";
    return t.str();
}

int place(CliContext& ctx, const std::vector<std::string>& args, const std::string& side)
{
    CommandSpec spec{
        "market " + side,
        "market " + side +
            " --from NAME --asset SYMBOL --price AIF_PER_SHARE --quantity N [--expiry T|+S] "
            "[--post-only|--ioc]",
        "Places a limit order to " + side +
            " FilmToken shares, priced in AIF per share (e.g. 2.5).\n"
            "It trades at once with orders on the other side at their price (best first);\n"
            "what is left rests in the book with its " +
            (side == "buy" ? std::string{"AIF (price × quantity)"} : std::string{"shares"}) +
            " in escrow until filled,\ncancelled or expired. --expiry takes a Unix time or "
            "+SECONDS after the head block.\n--post-only is refused if it would trade; --ioc "
            "never rests.",
        {"Options", 100},
        {}};
    spec.options.add_options()("asset", po::value<std::string>()->required(), "FilmToken symbol")(
        "price", po::value<std::string>()->required(), "AIF per share, e.g. 2.5")(
        "quantity", po::value<std::string>()->required(), "number of shares (whole)")(
        "expiry", po::value<std::string>(), "Unix time, or +SECONDS from now (block time)")(
        "post-only", po::bool_switch(), "only rest; refused if it would trade")(
        "ioc", po::bool_switch(), "immediate or cancel: never rests");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto asset = (*vm)["asset"].as<std::string>();
    const u128 price = parse_amount((*vm)["price"].as<std::string>(), AIF_DECIMALS, "--price");
    const u128 qty = parse_amount((*vm)["quantity"].as<std::string>(), 0, "--quantity");
    if (price == 0) throw usage_error("--price: must be above 0");
    if (qty == 0) throw usage_error("--quantity: must be at least 1 share");
    const bool post_only = (*vm)["post-only"].as<bool>(), ioc = (*vm)["ioc"].as<bool>();
    if (post_only && ioc) throw usage_error("--post-only and --ioc exclude each other");
    const std::string tif = post_only ? "post_only" : ioc ? "ioc" : "gtc";
    auto notional = ledger::checked_mul(price, qty);
    if (!notional) throw usage_error("--price × --quantity is too large");

    const TxSetup s = prepare_tx(ctx, *vm);
    std::uint64_t expiry = 0;
    if (vm->count("expiry")) {
        const auto e = (*vm)["expiry"].as<std::string>();
        if (!e.empty() && e[0] == '+') {
            const auto now = static_cast<std::uint64_t>(
                node_uint(s.info.raw.value("timestamp", json(0)), "timestamp"));
            expiry = now + parse_count(e.substr(1), "--expiry +SECONDS", 100ULL * 365 * 86400);
        } else {
            expiry = parse_count(e, "--expiry", ~std::uint64_t{0});
        }
    }
    // Refuse locally what the node would refuse (docs/market.md "Funding"); nothing is signed.
    const json a = [&] {
        try {
            return ctx.rpc().call("market_getAsset", {{"asset", asset}});
        } catch (const RpcError& e) {
            if (e.rpc_code() == -32001)
                throw refused_error("unknown market asset " + asset, {{"reason", "unknown_asset"}});
            throw;
        }
    }();
    (void)a;
    const u128 have_aif = s.account.balance(std::string{AIF});
    if (side == "buy") {
        const json p = ctx.rpc().call("market_getParams", json::object());
        const auto fee_bps = static_cast<u128>(p.value("feeBps", 0));
        const u128 taker_fee =
            post_only ? 0 : *notional / 10000 * fee_bps + *notional % 10000 * fee_bps / 10000;
        auto need = ledger::checked_add(*notional, taker_fee);
        if (need) need = ledger::checked_add(*need, s.fee);
        if (!need || *need > have_aif)
            throw insufficient_balance(
                "insufficient balance: " + s.sender.name + " has " + aif_text(have_aif) +
                " AIF; buying " + ledger::u128_to_string(qty) + " " + asset + " at " +
                aif_text(price) + " needs " + aif_text(*notional) + " + taker fee " +
                aif_text(taker_fee) + " + fee " + aif_text(s.fee) + " AIF");
    } else {
        const u128 have = s.account.balance(asset);
        if (have < qty)
            throw insufficient_balance("insufficient balance: " + s.sender.name + " has " +
                                       ledger::u128_to_string(have) + " " + asset + ", selling " +
                                       ledger::u128_to_string(qty));
        if (have_aif < s.fee)
            throw insufficient_balance("insufficient AIF for the fee: " + s.sender.name + " has " +
                                       aif_text(have_aif) + " AIF");
    }
    const TxFields fields = {{"asset", asset},
                             {"side", side},
                             {"price", ledger::u128_to_string(price)},
                             {"quantity", ledger::u128_to_string(qty)},
                             {"expiry", std::to_string(expiry)},
                             {"timeInForce", tif}};
    const json r = submit_tx(ctx, *vm, s, "PlaceOrder", fields, wait_requested(*vm));
    const auto summary = [&](json& out) {
        const std::string id = event_attr(out, "OrderPlaced", "orderId");
        if (id.empty()) throw failure("the receipt has no OrderPlaced event");
        out["orderId"] = std::stoull(id);
        std::string text = "order " + id + ": " + side + " " + ledger::u128_to_string(qty) + " " +
                           asset + " at " + aif_text(price) + " AIF (" + tif + ")\n";
        return text + describe_fills(out, out, id);
    };
    return report_tx(ctx, r, summary_with_block(summary));
}

int cancel(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market cancel",
                     "market cancel --from NAME --order ID",
                     "Cancels one of your open orders; its escrow (AIF or shares) comes back.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("order", po::value<std::string>()->required(), "order id");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto id = count_option(*vm, "order");
    const TxSetup s = prepare_tx(ctx, *vm);
    const json r = submit_tx(ctx, *vm, s, "CancelOrder", {{"orderId", std::to_string(id)}},
                             wait_requested(*vm));
    const auto summary = [&](json& out) {
        const std::string asset = event_attr(out, "OrderCancelled", "refundAsset");
        const std::string refund = event_attr(out, "OrderCancelled", "refund");
        out["orderId"] = id;
        out["refund"] = refund;
        out["refundAsset"] = asset;
        const std::string shown = asset == AIF ? aif_text(node_uint(refund, "refund")) : refund;
        return "order " + std::to_string(id) + " cancelled; " + shown + " " + asset + " returned\n";
    };
    return report_tx(ctx, r, summary_with_block(summary));
}

int expire(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"market expire",
                     "market expire --from NAME --asset SYMBOL [--max N]",
                     "Closes up to N orders of a book whose expiry has passed and returns their\n"
                     "escrow to their owners. Anyone may do this.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("asset", po::value<std::string>()->required(), "FilmToken symbol")(
        "max", po::value<std::string>()->default_value("100"), "most orders to close (1-1000)");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto max = count_option(*vm, "max", 1000);
    if (max == 0) throw usage_error("--max: must be at least 1");
    const TxSetup s = prepare_tx(ctx, *vm);
    const json r =
        submit_tx(ctx, *vm, s, "ExpireOrders",
                  {{"asset", (*vm)["asset"].as<std::string>()}, {"max", std::to_string(max)}},
                  wait_requested(*vm));
    const auto summary = [&](json& out) {
        std::size_t n = 0;
        for (const auto& e : out.value("events", json::array()))
            n += e.value("name", "") == "OrderExpired";
        out["expired"] = n;
        return std::to_string(n) + " expired order(s) closed\n";
    };
    return report_tx(ctx, r, summary_with_block(summary));
}

}  // namespace

std::vector<CommandEntry> market_commands()
{
    std::vector<CommandEntry> out = {
        {"market issue", "issue a film's IP shares (its submitter, once)", issue},
        {"market buy", "limit order to buy FilmToken shares",
         [](CliContext& c, const std::vector<std::string>& a) { return place(c, a, "buy"); }},
        {"market sell", "limit order to sell FilmToken shares",
         [](CliContext& c, const std::vector<std::string>& a) { return place(c, a, "sell"); }},
        {"market cancel", "cancel an open order", cancel},
        {"market expire", "close a book's expired orders", expire}};
    for (auto& c : market_cli::query_commands()) out.push_back(std::move(c));
    return out;
}

}  // namespace aif::wallet
