// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/market_queries.hpp"

#include <algorithm>

namespace aif::contracts::market {

using namespace ledger;

namespace {

/// Walks one side from its best entry, live orders only, grouping by price; stops after
/// `depth` levels.
std::vector<BookLevel> side_levels(const StateView& s, std::string_view asset, Side side,
                                   std::uint32_t depth, std::uint64_t now)
{
    std::vector<BookLevel> levels;
    if (depth == 0) return levels;
    book_index(asset, side).scan(s, [&](std::string_view suffix) {
        auto entry = parse_book_suffix(side, suffix);
        if (!entry) return true;
        auto o = load_order(s, entry->second);
        if (!o || is_expired(*o, now)) return true;
        if (levels.empty() || levels.back().price != entry->first) {
            if (levels.size() == depth) return false;
            levels.push_back({entry->first, 0, 0});
        }
        levels.back().quantity += o->remaining;
        ++levels.back().orders;
        return true;
    });
    return levels;
}

}  // namespace

BookDepth book_depth(const StateView& s, std::string_view asset, std::uint32_t depth,
                     std::uint64_t now)
{
    return {side_levels(s, asset, Side::buy, depth, now),
            side_levels(s, asset, Side::sell, depth, now)};
}

std::optional<u128> best_price(const StateView& s, std::string_view asset, Side side,
                               std::uint64_t now)
{
    auto levels = side_levels(s, asset, side, 1, now);
    if (levels.empty()) return std::nullopt;
    return levels.front().price;
}

std::uint64_t trade_count(const StateView& s, std::string_view asset)
{
    auto raw = s.get(mkeys::trade_seq(asset));
    return raw ? decode_u64(*raw).value_or(0) : 0;
}

std::vector<Trade> recent_trades(const StateView& s, std::string_view asset, std::uint32_t limit)
{
    std::vector<Trade> out;
    const std::uint64_t last = trade_count(s, asset);
    if (limit == 0 || last == 0) return out;
    const std::uint64_t first = last > limit ? last - limit + 1 : 1;
    const std::string prefix = mkeys::trades_prefix(asset);
    s.scan_from(prefix, prefix + mkeys::be64(first), [&](std::string_view, std::string_view v) {
        if (auto t = decode_trade(v)) out.push_back(*t);
        return true;
    });
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<Order> open_orders(const StateView& s, const Address& trader,
                               std::optional<std::string_view> asset, std::uint32_t limit)
{
    std::vector<Order> out;
    if (limit == 0) return out;
    const std::string prefix = mkeys::trader_prefix(trader);
    std::vector<std::uint64_t> ids;
    s.scan(prefix, [&](std::string_view k, std::string_view v) {
        if (asset && v != *asset) return true;
        if (auto id = decode_u64(k.substr(prefix.size()))) ids.push_back(*id);
        return ids.size() < limit;
    });
    for (std::uint64_t id : ids)
        if (auto o = load_order(s, id)) out.push_back(std::move(*o));
    return out;
}

std::vector<AssetRecord> list_assets(const StateView& s, std::uint32_t limit)
{
    std::vector<AssetRecord> out;
    if (limit == 0) return out;
    s.scan(mkeys::asset(""), [&](std::string_view, std::string_view v) {
        if (auto a = decode_asset(v)) out.push_back(std::move(*a));
        return out.size() < limit;
    });
    return out;
}

}  // namespace aif::contracts::market
