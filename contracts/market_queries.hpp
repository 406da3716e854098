// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/market_state.hpp"
#include "ledger/state.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

/// Read-only market queries (SPEC §3 market_getBook / market_getTrades, SPEC §8 an order and a
/// trader's open orders). They read committed state; `now` is the head block's time, and
/// orders that have expired by then are left out of the book (they can no longer trade).
namespace aif::contracts::market {

/// One price level: total resting quantity and number of orders at `price`.
struct BookLevel
{
    ledger::u128 price{0};
    ledger::u128 quantity{0};
    std::uint64_t orders{0};
};

/// Both sides, best first: bids by descending price, asks by ascending price.
struct BookDepth
{
    std::vector<BookLevel> bids;
    std::vector<BookLevel> asks;
};

/// Largest depth and trade/order list a query returns.
inline constexpr std::uint32_t MAX_QUERY_DEPTH = 1000;

/// Up to `depth` price levels per side of `asset`'s book. Cost: O(log n + orders in those
/// levels + expired orders stepped over).
[[nodiscard]] BookDepth book_depth(const ledger::StateView& s, std::string_view asset,
                                   std::uint32_t depth, std::uint64_t now);

/// The best live price of one side, if any.
[[nodiscard]] std::optional<ledger::u128> best_price(const ledger::StateView& s,
                                                     std::string_view asset, Side side,
                                                     std::uint64_t now);

/// The `limit` most recent trades of `asset`, newest first (at most TRADE_LOG_CAP are kept).
[[nodiscard]] std::vector<Trade> recent_trades(const ledger::StateView& s, std::string_view asset,
                                               std::uint32_t limit);

/// Number of trades `asset` has had (the last trade id).
[[nodiscard]] std::uint64_t trade_count(const ledger::StateView& s, std::string_view asset);

/// `trader`'s open orders (of `asset` only, when given), ascending by order id, at most
/// `limit`.
[[nodiscard]] std::vector<Order> open_orders(const ledger::StateView& s,
                                             const ledger::Address& trader,
                                             std::optional<std::string_view> asset,
                                             std::uint32_t limit);

/// Every market asset, ascending by symbol, at most `limit`.
[[nodiscard]] std::vector<AssetRecord> list_assets(const ledger::StateView& s, std::uint32_t limit);

}  // namespace aif::contracts::market
