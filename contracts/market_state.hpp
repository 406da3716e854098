// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/genesis.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/types.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

/// The market's state: records, key layout and the ordered indexes its books are made of
/// (SPEC §8, docs/market.md "State layout"). Everything here is shared by issuance, matching,
/// order management and queries.
namespace aif::contracts::market {

/// A FilmToken issued through the market (SPEC §8): key "mkt/a/" + symbol.
struct AssetRecord
{
    std::string symbol;
    std::uint64_t film_id{0};
    /// The film's submitter at issuance; receives the creator royalty of every fill.
    ledger::Address issuer;
    ledger::u128 supply{0};
    std::uint64_t issued_height{0};
    std::uint64_t issued_time{0};
};

enum class Side : std::uint8_t { buy = 0, sell = 1 };
enum class TimeInForce : std::uint8_t { gtc = 0, ioc = 1, post_only = 2 };
enum class OrderStatus : std::uint8_t { open = 0, filled = 1, cancelled = 2, expired = 3 };

/// An order (key "mkt/o/" + be64(id)). Kept after it closes so `market_getOrder` can answer;
/// only open orders are in the book and trader indexes.
struct Order
{
    std::uint64_t id{0};
    ledger::Address owner;
    std::string asset;
    Side side{Side::buy};
    TimeInForce tif{TimeInForce::gtc};
    OrderStatus status{OrderStatus::open};
    /// AIF base units per share.
    ledger::u128 price{0};
    /// Shares asked for when placed.
    ledger::u128 quantity{0};
    /// Shares traded so far.
    ledger::u128 filled{0};
    /// Shares still resting in the book (0 once closed). quantity − filled − remaining is what
    /// was cancelled or expired.
    ledger::u128 remaining{0};
    /// Block time from which the order no longer trades (0 = good till cancelled).
    std::uint64_t expiry{0};
    std::uint64_t created_height{0};
    std::uint64_t created_time{0};
    /// Why it was cancelled: "", "user", "ioc", "self_trade".
    std::string close_reason;
};

/// One fill (key "mkt/tr/" + asset + "/" + be64(seq)); the last TRADE_LOG_CAP per asset are kept.
struct Trade
{
    std::uint64_t seq{0};
    std::uint64_t height{0};
    std::uint64_t time{0};
    ledger::u128 price{0};
    ledger::u128 quantity{0};
    /// The incoming order's side ("buy" means the taker bought).
    Side taker_side{Side::buy};
    std::uint64_t maker_order{0};
    std::uint64_t taker_order{0};
    ledger::Address maker;
    ledger::Address taker;
    ledger::u128 fee{0};
    ledger::u128 royalty{0};
};

/// Recent trades kept per asset (older ones are erased as new ones land).
inline constexpr std::uint64_t TRADE_LOG_CAP = 1000;

/// The account that holds escrowed AIF (open buys) and shares (open sells): the last 20 bytes of
/// keccak256("aifchain/market/escrow/v1"). No key is known for it; tokens sent to it by a
/// Transfer are locked forever.
[[nodiscard]] const ledger::Address& escrow_address();

/// "buy"/"sell", "gtc"/"ioc"/"post_only", "open"/"filled"/"cancelled"/"expired".
[[nodiscard]] std::string_view to_string(Side s) noexcept;
[[nodiscard]] std::string_view to_string(TimeInForce t) noexcept;
[[nodiscard]] std::string_view to_string(OrderStatus s) noexcept;
[[nodiscard]] std::optional<Side> parse_side(std::string_view s) noexcept;
[[nodiscard]] std::optional<TimeInForce> parse_tif(std::string_view s) noexcept;

/// Market parameters as they are now (the DAO may have changed them since genesis), checked:
/// fee_bps + royalty_bps ≤ 10000 so a seller's proceeds can never go negative.
/// Errors: internal (absent or corrupt), invalid_argument (bps above 10000).
[[nodiscard]] ledger::Result<ledger::MarketParams> read_params(const ledger::StateView& s) noexcept;

/// Keys (docs/market.md "State layout"). Integers are big-endian fixed width; an asset symbol is
/// [A-Z0-9] only, so the "/" after it is unambiguous.
namespace mkeys {
std::string be64(std::uint64_t v);
std::string be128(ledger::u128 v);
std::string asset(std::string_view symbol);
std::string film(std::uint64_t film_id);
std::string order(std::uint64_t id);
/// Next order id (u64; absent = 1).
inline const std::string NEXT_ORDER = "mkt/next";
/// Open-order count of a trader in a book (u64; absent = 0).
std::string open_count(const ledger::Address& trader, std::string_view asset);
/// Prefix of a trader's open orders ("mkt/t/" + addr, then be64(id) → "").
std::string trader_prefix(const ledger::Address& trader);
std::string trades_prefix(std::string_view asset);
std::string trade_seq(std::string_view asset);
}  // namespace mkeys

/// An ordered set of fixed-width suffixes under `prefix` with a head pointer at `head_key`
/// holding the smallest one. Scans start at the head, so entries removed from the front are never
/// walked again — not even inside the block that removed them, where the state overlay still
/// has to step over its own deletions (docs/market.md "Complexity"). Insert, erase and reading
/// the first k entries cost O(log n + k).
struct OrderedIndex
{
    std::string prefix;
    std::string head_key;

    /// Adds `suffix` (no-op if present).
    void insert(ledger::StateOverlay& s, std::string_view suffix) const;
    /// Removes `suffix` and, when it was the head, moves the head to the next entry.
    void erase(ledger::StateOverlay& s, std::string_view suffix) const;
    /// Visits suffixes from the head, ascending, until `fn` returns false.
    void scan(const ledger::StateView& s, const std::function<bool(std::string_view)>& fn) const;
    /// The smallest suffix, if any.
    [[nodiscard]] std::optional<std::string> first(const ledger::StateView& s) const;
};

/// The bid side (best = highest price first, then oldest), the ask side (lowest first, then
/// oldest) and the expiry index (earliest first) of `asset`.
[[nodiscard]] OrderedIndex book_index(std::string_view asset, Side side);
[[nodiscard]] OrderedIndex expiry_index(std::string_view asset);
/// Book suffix of an order: be128(price) for asks, be128(~price) for bids, then be64(id).
[[nodiscard]] std::string book_suffix(Side side, ledger::u128 price, std::uint64_t id);
/// Decodes a book suffix into (price, id). nullopt when malformed.
[[nodiscard]] std::optional<std::pair<ledger::u128, std::uint64_t>> parse_book_suffix(
    Side side, std::string_view suffix);
/// Expiry suffix: be64(expiry) then be64(id).
[[nodiscard]] std::string expiry_suffix(std::uint64_t expiry, std::uint64_t id);

/// Puts open order `o` into its book side, the expiry index (when it has an expiry) and its
/// owner's open orders, and counts it against maxOpenOrders.
void list_order(ledger::StateOverlay& s, const Order& o);
/// Takes `o` out of everything list_order put it in.
void unlist_order(ledger::StateOverlay& s, const Order& o);
/// Open orders of `trader` in the `asset` book.
[[nodiscard]] std::uint64_t open_count(const ledger::StateView& s, const ledger::Address& trader,
                                       std::string_view asset);

/// Record codecs (canonical ledger::Writer encoding).
[[nodiscard]] std::string encode_asset(const AssetRecord& a);
[[nodiscard]] std::optional<AssetRecord> decode_asset(std::string_view raw);
[[nodiscard]] std::string encode_order(const Order& o);
[[nodiscard]] std::optional<Order> decode_order(std::string_view raw);
[[nodiscard]] std::string encode_trade(const Trade& t);
[[nodiscard]] std::optional<Trade> decode_trade(std::string_view raw);

/// Readers (nullopt when absent).
[[nodiscard]] std::optional<AssetRecord> load_asset(const ledger::StateView& s,
                                                    std::string_view symbol);
[[nodiscard]] std::optional<Order> load_order(const ledger::StateView& s, std::uint64_t id);
/// The symbol issued for `film_id`, if any.
[[nodiscard]] std::optional<std::string> symbol_of_film(const ledger::StateView& s,
                                                        std::uint64_t film_id);

/// True when `o` has an expiry and block time `now` has reached it (SPEC §8: expiry by block
/// time; an order with expiry e trades only while now < e).
[[nodiscard]] inline bool is_expired(const Order& o, std::uint64_t now) noexcept
{
    return o.expiry != 0 && now >= o.expiry;
}

/// floor(amount × bps / 10000), checked. SPEC §8 fees and royalties round down; the remainder
/// stays with whoever would have paid it, so rounding never creates value. Errors:
/// amount_overflow.
[[nodiscard]] ledger::Result<ledger::u128> bps_of(ledger::u128 amount, std::uint32_t bps) noexcept;

}  // namespace aif::contracts::market
