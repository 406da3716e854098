// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "contracts/market_state.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// The IP-share market (SPEC §8, docs/market.md): FilmToken issuance and one limit-order book
/// per FilmToken, quoted in AIF, matched inside the transaction with price-time priority.
/// Files: market_state (records, keys, ordered indexes), market_issuance, market_matching
/// (PlaceOrder), market_orders (cancel, expiry, escrow release), market_queries.
namespace aif::contracts::market {

/// Applies one of the module's transaction kinds (after the common nonce/fee step):
/// IssueShares, PlaceOrder, CancelOrder, ExpireOrders. Errors: unknown_tx_type for a kind the
/// module does not define; otherwise those of the functions below. On error the executor rolls
/// the whole transaction back.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_tx(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

/// IssueShares by `sender` (SPEC §8): only the submitter of film `film_id`
/// (festival::film_submitter), once per film. Errors: not_found (no such film), unauthorized
/// (sender is not its submitter), already_exists (film already issued), then those of
/// issue_shares.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_issue(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::Address& sender,
    std::uint64_t film_id, std::string_view symbol, ledger::u128 supply) noexcept;

/// The issuance itself, once the caller is known to be the film's submitter: registers
/// `symbol` (0 decimals) and mints `supply` shares to `issuer`. Emits SharesIssued.
/// Errors: invalid_argument (symbol: 2–12 of A–Z and 0–9, starting with a letter),
/// already_exists (symbol taken, or the film already has shares), invalid_amount (supply 0).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> issue_shares(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::Address& issuer,
    std::uint64_t film_id, std::string_view symbol, ledger::u128 supply) noexcept;

/// What PlaceOrder asks for.
struct PlaceRequest
{
    std::string asset;
    Side side{Side::buy};
    /// AIF base units per share.
    ledger::u128 price{0};
    ledger::u128 quantity{0};
    /// Block time from which the order stops trading; 0 = good till cancelled.
    std::uint64_t expiry{0};
    TimeInForce tif{TimeInForce::gtc};
};

/// Places a limit order for `trader` and matches it against the other side (SPEC §8):
/// price-time priority, each fill at the maker's price; expired makers met on the way are
/// closed and refunded; the taker pays the trading fee (fee_bps, to the treasury) and the
/// seller pays the creator royalty (royalty_bps, to the issuer), both rounded down. What is
/// left rests (gtc, post_only) with its AIF (buy: price × rest) or shares (sell) in escrow, or
/// is cancelled (ioc; or after a self-trade stop). Emits OrderPlaced, Fill…, OrderExpired…,
/// then OrderRested or OrderCancelled.
/// Errors: unknown_asset (not a market FilmToken), invalid_amount (price or quantity 0),
/// invalid_argument (expiry not after block time; expiry with ioc; post_only that would trade;
/// self-trade before any fill), amount_overflow (price × quantity ≥ 2^128),
/// insufficient_balance (buy: AIF < price × quantity + taker fee on it, or price × quantity
/// for post_only; sell: shares < quantity), limit_exceeded (trader already has max_open_orders
/// open orders in this book and the order would rest).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> place_order(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::Address& trader,
    const PlaceRequest& rq) noexcept;

/// Cancels `trader`'s open order `order_id` and returns its escrow. Emits OrderCancelled.
/// Errors: not_found (no such order, or not open), unauthorized (someone else's order).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> cancel_order(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::Address& trader,
    std::uint64_t order_id) noexcept;

/// Closes up to `max` (1..MAX_EXPIRE_BATCH) orders of `asset` whose expiry block time has been
/// reached, earliest expiry first, returning their escrow to their owners. Anyone may send it.
/// Emits OrderExpired per order. Errors: unknown_asset, invalid_argument (max out of range),
/// not_found (nothing has expired).
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> expire_orders(ledger::StateOverlay& s,
                                                                       const BlockContext& ctx,
                                                                       std::string_view asset,
                                                                       std::uint32_t max) noexcept;

/// Largest `max` of one ExpireOrders.
inline constexpr std::uint32_t MAX_EXPIRE_BATCH = 1000;

/// Closes open order `o` as cancelled or expired: takes it out of the book, expiry and trader
/// indexes and returns its escrow (buy: price × remaining AIF; sell: remaining shares) to its
/// owner. Appends OrderCancelled or OrderExpired to `events`.
/// Errors: amount_overflow, insufficient_balance (escrow short: a bug).
[[nodiscard]] ledger::Result<void> close_order(ledger::StateOverlay& s, const BlockContext& ctx,
                                               Order o, OrderStatus status, std::string_view reason,
                                               std::vector<ledger::Event>& events) noexcept;

}  // namespace aif::contracts::market
