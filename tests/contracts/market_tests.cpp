// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// SPEC §8 order book: placing, matching at the maker's price, fees and royalty, escrow,
// self-trade, post-only / ioc, cancel, expiry, limits — each as pre-state, transaction,
// expectation. Every refusal is checked to change nothing.
#include "tests/contracts/market_fixture.hpp"

using namespace aif;
using namespace aif::ledger;
using aif::test::mkt::AIF_UNIT;
using aif::test::mkt::MIN_FEE;
namespace market = aif::contracts::market;

BOOST_FIXTURE_TEST_SUITE(market_tests, test::MarketFixture)

BOOST_AUTO_TEST_CASE(escrow_address_is_the_documented_one)
{
    // keccak256("aifchain/market/escrow/v1")[12:], computed with ethers (docs/market.md).
    BOOST_CHECK_EQUAL(to_checksum(market::escrow_address()),
                      "0x9d1D8aAF9508dE2d9421b2623286aBF47B0f9885");
}

BOOST_AUTO_TEST_CASE(sell_order_rests_with_shares_in_escrow)
{
    // Pre: carol holds 300 FILM. Tx: sell 100 at 2 AIF. Expect: 100 shares in escrow, one ask.
    const u128 aif_before = aif(carol);
    auto ev = ok(place_tx(carol, "sell", 2 * AIF_UNIT, 100));
    BOOST_CHECK_EQUAL(ev[0].name, "Fee");
    BOOST_CHECK_EQUAL(attr(ev, "OrderPlaced", "orderId"), "1");
    BOOST_CHECK_EQUAL(attr(ev, "OrderRested", "remaining"), "100");
    BOOST_CHECK(shares(carol) == 200);
    BOOST_CHECK(escrow_shares() == 100);
    BOOST_CHECK(aif(carol) == aif_before - MIN_FEE);
    const auto o = order(1);
    BOOST_CHECK(o.status == market::OrderStatus::open);
    BOOST_CHECK(o.remaining == 100);
    auto book = market::book_depth(state, FILM, 10, ctx.timestamp);
    BOOST_REQUIRE_EQUAL(book.asks.size(), 1u);
    BOOST_CHECK(book.asks[0].price == 2 * AIF_UNIT);
    BOOST_CHECK(book.asks[0].quantity == 100);
    BOOST_CHECK(book.bids.empty());
    BOOST_CHECK_EQUAL(market::open_orders(state, carol, std::nullopt, 10).size(), 1u);
}

BOOST_AUTO_TEST_CASE(buy_fills_part_of_an_ask_at_the_maker_price)
{
    // Pre: carol asks 100 at 2 AIF. Tx: bob buys 40 at 3 AIF. Expect: 40 trade at 2 AIF (the
    // maker's price); bob pays 80 AIF + 0.24 taker fee (30 bps); carol gets 80 − 2 royalty
    // (250 bps) which goes to alice, the issuer; 60 stay on the ask.
    place(carol, "sell", 2 * AIF_UNIT, 100);
    const u128 bob0 = aif(bob), carol0 = aif(carol), alice0 = aif(alice), tre0 = aif(treasury());
    const u128 supply = contracts::token::supply_of(state, AIF);
    auto ev = ok(place_tx(bob, "buy", 3 * AIF_UNIT, 40));
    const u128 notional = 80 * AIF_UNIT, fee = notional * 30 / 10000,
               royalty = notional * 250 / 10000;
    BOOST_CHECK_EQUAL(count(ev, "Fill"), 1u);
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "price"), u128_to_string(2 * AIF_UNIT));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "quantity"), "40");
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "fee"), u128_to_string(fee));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "royalty"), u128_to_string(royalty));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "makerRemaining"), "60");
    BOOST_CHECK_EQUAL(count(ev, "OrderRested"), 0u);
    BOOST_CHECK(aif(bob) == bob0 - MIN_FEE - notional - fee);
    BOOST_CHECK(aif(carol) == carol0 + notional - royalty);
    BOOST_CHECK(aif(alice) == alice0 + royalty);
    BOOST_CHECK(aif(treasury()) == tre0 + MIN_FEE + fee);
    BOOST_CHECK(contracts::token::supply_of(state, AIF) == supply);
    BOOST_CHECK(shares(bob) == 40);
    BOOST_CHECK(escrow_shares() == 60);
    BOOST_CHECK(escrow_aif() == 0);
    BOOST_CHECK(order(1).remaining == 60);
    BOOST_CHECK(order(1).filled == 40);
    BOOST_CHECK(order(2).status == market::OrderStatus::filled);
    auto trades = market::recent_trades(state, FILM, 10);
    BOOST_REQUIRE_EQUAL(trades.size(), 1u);
    BOOST_CHECK(trades[0].price == 2 * AIF_UNIT);
    BOOST_CHECK(trades[0].taker == bob);
    BOOST_CHECK(trades[0].maker == carol);
}

BOOST_AUTO_TEST_CASE(buy_sweeps_levels_in_price_time_order_and_rests_the_rest)
{
    // Pre: asks carol 10@5, alice 10@4 (placed later), carol 10@4 (latest). Tx: bob buys 25 at
    // 5. Expect: fills alice@4 (older at the best price), carol@4, then 5 of carol@5; nothing
    // rests since 25 ≤ 30.
    const auto c5 = place(carol, "sell", 5, 10);
    const auto a4 = place(alice, "sell", 4, 10);
    const auto c4 = place(carol, "sell", 4, 10);
    auto ev = ok(place_tx(bob, "buy", 5, 25));
    BOOST_REQUIRE_EQUAL(count(ev, "Fill"), 3u);
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "makerOrderId", 0), std::to_string(a4));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "makerOrderId", 1), std::to_string(c4));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "makerOrderId", 2), std::to_string(c5));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "price", 2), "5");
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "quantity", 2), "5");
    BOOST_CHECK(order(c5).remaining == 5);
    BOOST_CHECK(order(a4).status == market::OrderStatus::filled);
    // Tx: bob buys 20 at 6: 5 fill at 5, 15 rest at 6 with 6 × 15 AIF base units in escrow.
    auto ev2 = ok(place_tx(bob, "buy", 6, 20));
    BOOST_CHECK_EQUAL(attr(ev2, "OrderRested", "remaining"), "15");
    BOOST_CHECK(escrow_aif() == 6 * 15);
    auto book = market::book_depth(state, FILM, 10, ctx.timestamp);
    BOOST_CHECK(book.asks.empty());
    BOOST_REQUIRE_EQUAL(book.bids.size(), 1u);
    BOOST_CHECK(book.bids[0].price == 6);
}

BOOST_AUTO_TEST_CASE(sell_into_bids_pays_fee_and_royalty_from_the_proceeds)
{
    // Pre: bob bids 50 at 2 AIF and 10 at 1 AIF (escrow 110 AIF). Tx: carol sells 55 at 1 AIF.
    // Expect: 50 at 2 AIF then 5 at 1 AIF; carol (the taker) receives each fill's notional less
    // the royalty and the fee; bob's remaining bid keeps exactly 1 AIF × 5 in escrow.
    place(bob, "buy", 2 * AIF_UNIT, 50);
    place(bob, "buy", 1 * AIF_UNIT, 10);
    BOOST_CHECK(escrow_aif() == 110 * AIF_UNIT);
    const u128 carol0 = aif(carol), alice0 = aif(alice), tre0 = aif(treasury());
    auto ev = ok(place_tx(carol, "sell", 1 * AIF_UNIT, 55));
    BOOST_REQUIRE_EQUAL(count(ev, "Fill"), 2u);
    const u128 n1 = 100 * AIF_UNIT, n2 = 5 * AIF_UNIT;
    const u128 fee = n1 * 30 / 10000 + n2 * 30 / 10000;
    const u128 roy = n1 * 250 / 10000 + n2 * 250 / 10000;
    BOOST_CHECK(aif(carol) == carol0 - MIN_FEE + n1 + n2 - fee - roy);
    BOOST_CHECK(aif(alice) == alice0 + roy);
    BOOST_CHECK(aif(treasury()) == tre0 + MIN_FEE + fee);
    BOOST_CHECK(shares(bob) == 55);
    BOOST_CHECK(escrow_aif() == 5 * AIF_UNIT);
    BOOST_CHECK(shares(carol) == 245);
}

BOOST_AUTO_TEST_CASE(rounding_is_down_and_creates_nothing)
{
    // 1 share at 333 base units: fee ⌊333 × 30 / 10⁴⌋ = 0, royalty ⌊333 × 250 / 10⁴⌋ = 8.
    // The fractions stay with the payer; the AIF supply and the sum of the four parties'
    // balances are unchanged.
    place(carol, "sell", 333, 1);
    const u128 sum0 = aif(bob) + aif(carol) + aif(alice) + aif(treasury());
    auto ev = ok(place_tx(bob, "buy", 333, 1));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "fee"), "0");
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "royalty"), "8");
    BOOST_CHECK(aif(bob) + aif(carol) + aif(alice) + aif(treasury()) == sum0);
    // 10001 base units at 30 bps: ⌊300030 / 10⁴⌋ = 30 (0.003 lost to rounding stays with bob).
    place(carol, "sell", 10001, 1);
    auto ev2 = ok(place_tx(bob, "buy", 10001, 1));
    BOOST_CHECK_EQUAL(attr(ev2, "Fill", "fee"), "30");
    BOOST_CHECK_EQUAL(attr(ev2, "Fill", "royalty"), "250");
    // bps_of never forms a·b: exact even for amounts near 2^128.
    const u128 big = ~u128{0};
    auto f = market::bps_of(big, 10000);
    BOOST_REQUIRE(f);
    BOOST_CHECK(*f == big);
    auto h = market::bps_of(big, 5000);
    BOOST_REQUIRE(h);
    BOOST_CHECK(*h == big / 2);
}

BOOST_AUTO_TEST_CASE(self_trade_is_refused_when_it_would_come_first)
{
    // Pre: carol asks 10 at 5. Tx: carol buys 5 at 5 → refused, nothing changes.
    place(carol, "sell", 5, 10);
    refused(place_tx(carol, "buy", 5, 5), ErrorCode::invalid_argument, "self-trade");
    // A buy below her own ask does not meet it and rests.
    place(carol, "buy", 4, 5);
}

BOOST_AUTO_TEST_CASE(self_trade_stops_an_order_after_other_fills)
{
    // Pre: asks alice 10@4, carol 10@5. Tx: carol buys 20 at 5. Expect: 10 from alice, then
    // her own ask stops the order; the other 10 are cancelled (reason self_trade), never
    // rested, so the book does not cross.
    place(alice, "sell", 4, 10);
    const auto own = place(carol, "sell", 5, 10);
    auto ev = ok(place_tx(carol, "buy", 5, 20));
    BOOST_CHECK_EQUAL(count(ev, "Fill"), 1u);
    BOOST_CHECK_EQUAL(attr(ev, "OrderCancelled", "quantity"), "10");
    BOOST_CHECK_EQUAL(attr(ev, "OrderCancelled", "reason"), "self_trade");
    BOOST_CHECK(order(own).remaining == 10);
    BOOST_CHECK(escrow_aif() == 0);
    auto book = market::book_depth(state, FILM, 10, ctx.timestamp);
    BOOST_CHECK(book.bids.empty());
    BOOST_REQUIRE_EQUAL(book.asks.size(), 1u);
    BOOST_CHECK(book.asks[0].price == 5);
    const auto taker = order(own + 1);
    BOOST_CHECK(taker.status == market::OrderStatus::cancelled);
    BOOST_CHECK_EQUAL(taker.close_reason, "self_trade");
    BOOST_CHECK(taker.filled == 10);
}

BOOST_AUTO_TEST_CASE(post_only_rests_or_is_refused)
{
    place(carol, "sell", 5, 10);
    refused(place_tx(bob, "buy", 5, 1, 0, "post_only"), ErrorCode::invalid_argument, "post_only");
    // A post-only buy that does not cross needs no taker-fee headroom: price × quantity only.
    auto ev = ok(place_tx(bob, "buy", 4, 3, 0, "post_only"));
    BOOST_CHECK_EQUAL(attr(ev, "OrderRested", "remaining"), "3");
    BOOST_CHECK(escrow_aif() == 12);
}

BOOST_AUTO_TEST_CASE(ioc_fills_what_it_can_and_cancels_the_rest)
{
    place(carol, "sell", 5, 10);
    auto ev = ok(place_tx(bob, "buy", 5, 15, 0, "ioc"));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "quantity"), "10");
    BOOST_CHECK_EQUAL(attr(ev, "OrderCancelled", "quantity"), "5");
    BOOST_CHECK_EQUAL(attr(ev, "OrderCancelled", "reason"), "ioc");
    BOOST_CHECK(escrow_aif() == 0);
    BOOST_CHECK(market::book_depth(state, FILM, 10, ctx.timestamp).bids.empty());
    refused(place_tx(bob, "buy", 5, 1, ctx.timestamp + 10, "ioc"), ErrorCode::invalid_argument,
            "expiry");
}

BOOST_AUTO_TEST_CASE(cancel_returns_the_escrow)
{
    // Buy: 7 × 1 AIF locked, 3 filled, cancel returns 4 AIF. Sell: 20 shares back.
    const auto b = place(bob, "buy", 1 * AIF_UNIT, 7);
    place(carol, "sell", 1 * AIF_UNIT, 3);
    BOOST_CHECK(escrow_aif() == 4 * AIF_UNIT);
    const u128 bob0 = aif(bob);
    auto ev = ok(cancel_tx(bob, b));
    BOOST_CHECK_EQUAL(attr(ev, "OrderCancelled", "refund"), u128_to_string(4 * AIF_UNIT));
    BOOST_CHECK_EQUAL(attr(ev, "OrderCancelled", "reason"), "user");
    BOOST_CHECK(aif(bob) == bob0 - MIN_FEE + 4 * AIF_UNIT);
    BOOST_CHECK(escrow_aif() == 0);
    BOOST_CHECK(order(b).status == market::OrderStatus::cancelled);
    BOOST_CHECK(order(b).filled == 3);
    BOOST_CHECK(market::open_orders(state, bob, std::nullopt, 10).empty());

    const auto s = place(carol, "sell", 9, 20);
    BOOST_CHECK(shares(carol) == 277);
    ok(cancel_tx(carol, s));
    BOOST_CHECK(shares(carol) == 297);
    BOOST_CHECK(escrow_shares() == 0);
    BOOST_CHECK(market::book_depth(state, FILM, 10, ctx.timestamp).asks.empty());
}

BOOST_AUTO_TEST_CASE(cancel_refusals)
{
    const auto s = place(carol, "sell", 9, 20);
    refused(cancel_tx(bob, s), ErrorCode::unauthorized, "belongs to");
    refused(cancel_tx(carol, 999), ErrorCode::not_found, "no order 999");
    ok(cancel_tx(carol, s));
    refused(cancel_tx(carol, s), ErrorCode::not_found, "not open");
}

BOOST_AUTO_TEST_CASE(orders_the_trader_cannot_fund_are_refused)
{
    // 301 shares when carol has 300; a buy whose price × quantity + taker fee exceeds bob's AIF.
    refused(place_tx(carol, "sell", 1, 301), ErrorCode::insufficient_balance, "quantity");
    const u128 bal = aif(bob) - MIN_FEE;  // what is left after the tx fee
    refused(place_tx(bob, "buy", bal, 1), ErrorCode::insufficient_balance, "price");
    // Exactly enough for price × quantity but not the 30 bps taker fee on it.
    refused(place_tx(bob, "buy", bal / 2, 2), ErrorCode::insufficient_balance, "taker fee");
    // Post-only needs no fee headroom, so the same amount rests.
    ok(place_tx(bob, "buy", bal / 2, 2, 0, "post_only"));
    BOOST_CHECK(escrow_aif() == bal / 2 * 2);
}

BOOST_AUTO_TEST_CASE(invalid_orders_are_refused)
{
    refused(place_tx(bob, "buy", 1, 1, 0, "gtc", "NOPE"), ErrorCode::unknown_asset, "asset");
    refused(place_tx(bob, "buy", 1, 1, 0, "gtc", "AIF"), ErrorCode::unknown_asset, "asset");
    refused(place_tx(bob, "bid", 1, 1), ErrorCode::invalid_argument, "side");
    refused(place_tx(bob, "buy", 1, 1, 0, "fok"), ErrorCode::invalid_argument, "timeInForce");
    refused(place_tx(bob, "buy", 0, 1), ErrorCode::invalid_amount, "price");
    refused(place_tx(bob, "buy", 1, 0), ErrorCode::invalid_amount, "quantity");
    refused(place_tx(bob, "buy", u128{1} << 100, u128{1} << 40), ErrorCode::amount_overflow,
            "price × quantity");
    refused(place_tx(bob, "buy", 1, 1, ctx.timestamp), ErrorCode::invalid_argument, "expiry");
}

BOOST_AUTO_TEST_CASE(open_orders_are_limited_per_book)
{
    set_params(30, 250, 2);
    place(carol, "sell", 10, 1);
    place(carol, "sell", 11, 1);
    refused(place_tx(carol, "sell", 12, 1), ErrorCode::limit_exceeded, "maxOpenOrders");
    // An order that fills completely never rests, so the limit does not apply to it.
    place(bob, "buy", 10, 1);
    place(carol, "sell", 12, 1);
    // Parameters are read at apply time: the DAO may change them.
    set_params(0, 0, 3);
    auto ev = ok(place_tx(bob, "buy", 11, 1));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "fee"), "0");
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "royalty"), "0");
    set_params(6000, 5000, 3);
    refused(place_tx(bob, "buy", 12, 1), ErrorCode::invalid_argument, "feeBps + royaltyBps");
}

BOOST_AUTO_TEST_CASE(expired_orders_do_not_trade_and_release_their_escrow)
{
    // Pre: carol asks 10@5 expiring at T0+100 and 10@6 without expiry. At T0+100 bob buys 10
    // at 6: the expired ask is closed and refunded where it is met, the fill is at 6.
    const auto e = place(carol, "sell", 5, 10, T0 + 100);
    const auto g = place(carol, "sell", 6, 10);
    ctx.timestamp = T0 + 99;
    BOOST_CHECK_EQUAL(market::book_depth(state, FILM, 10, ctx.timestamp).asks.size(), 2u);
    ctx.timestamp = T0 + 100;
    BOOST_CHECK_EQUAL(market::book_depth(state, FILM, 10, ctx.timestamp).asks.size(), 1u);
    auto ev = ok(place_tx(bob, "buy", 6, 10));
    BOOST_CHECK_EQUAL(attr(ev, "OrderExpired", "orderId"), std::to_string(e));
    BOOST_CHECK_EQUAL(attr(ev, "OrderExpired", "refund"), "10");
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "makerOrderId"), std::to_string(g));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "price"), "6");
    BOOST_CHECK(order(e).status == market::OrderStatus::expired);
    BOOST_CHECK(shares(carol) == 290);
    BOOST_CHECK(escrow_shares() == 0);
}

BOOST_AUTO_TEST_CASE(expire_orders_sweeps_the_earliest_first)
{
    const u128 bob0 = aif(bob);
    const auto b1 = place(bob, "buy", 3, 10, T0 + 50);
    const auto b2 = place(bob, "buy", 2, 10, T0 + 10);
    const auto b3 = place(bob, "buy", 1, 10, T0 + 500);
    refused(expire_tx(carol, 10), ErrorCode::not_found, "no FILM order has expired");
    refused(expire_tx(carol, 0), ErrorCode::invalid_argument, "max");
    refused(expire_tx(carol, 1001), ErrorCode::invalid_argument, "max");
    refused(expire_tx(carol, 1, "NOPE"), ErrorCode::unknown_asset, "asset");
    ctx.timestamp = T0 + 60;
    auto ev = ok(expire_tx(carol, 1));
    BOOST_CHECK_EQUAL(count(ev, "OrderExpired"), 1u);
    BOOST_CHECK_EQUAL(attr(ev, "OrderExpired", "orderId"), std::to_string(b2));
    ev = ok(expire_tx(carol, 10));
    BOOST_CHECK_EQUAL(count(ev, "OrderExpired"), 1u);
    BOOST_CHECK_EQUAL(attr(ev, "OrderExpired", "orderId"), std::to_string(b1));
    BOOST_CHECK(order(b3).status == market::OrderStatus::open);
    BOOST_CHECK(escrow_aif() == 10);
    BOOST_CHECK(aif(bob) == bob0 - 3 * MIN_FEE - 10);
}

BOOST_AUTO_TEST_CASE(book_depth_aggregates_levels_best_first)
{
    place(bob, "buy", 10, 1);
    place(bob, "buy", 12, 2);
    place(alice, "buy", 12, 3);
    place(bob, "buy", 11, 4);
    place(carol, "sell", 20, 5);
    place(alice, "sell", 20, 6);
    place(carol, "sell", 15, 7);
    auto book = market::book_depth(state, FILM, 2, ctx.timestamp);
    BOOST_REQUIRE_EQUAL(book.bids.size(), 2u);
    BOOST_CHECK(book.bids[0].price == 12);
    BOOST_CHECK(book.bids[0].quantity == 5);
    BOOST_CHECK_EQUAL(book.bids[0].orders, 2u);
    BOOST_CHECK(book.bids[1].price == 11);
    BOOST_REQUIRE_EQUAL(book.asks.size(), 2u);
    BOOST_CHECK(book.asks[0].price == 15);
    BOOST_CHECK(book.asks[1].price == 20);
    BOOST_CHECK(book.asks[1].quantity == 11);
    BOOST_CHECK(*market::best_price(state, FILM, market::Side::buy, ctx.timestamp) == 12);
    BOOST_CHECK_EQUAL(market::open_orders(state, bob, std::string_view{"FILM"}, 100).size(), 3u);
    BOOST_CHECK(market::open_orders(state, bob, std::string_view{"OTHER"}, 100).empty());
}

BOOST_AUTO_TEST_CASE(trade_log_keeps_the_most_recent)
{
    // More than TRADE_LOG_CAP fills: the oldest are dropped, ids keep counting.
    const std::size_t n = market::TRADE_LOG_CAP + 5;
    place(alice, "sell", 1, 700);
    place(carol, "sell", 1, 300);
    for (std::size_t i = 0; i < 1000; ++i) ok(place_tx(bob, "buy", 1, 1));
    place(alice, "buy", 1, 5);
    for (std::size_t i = 0; i < 5; ++i) ok(place_tx(bob, "sell", 1, 1));
    BOOST_CHECK_EQUAL(market::trade_count(state, FILM), n);
    auto all = market::recent_trades(state, FILM, 5000);
    BOOST_REQUIRE_EQUAL(all.size(), market::TRADE_LOG_CAP);
    BOOST_CHECK_EQUAL(all.front().seq, n);
    BOOST_CHECK_EQUAL(all.back().seq, 6u);
    auto last2 = market::recent_trades(state, FILM, 2);
    BOOST_REQUIRE_EQUAL(last2.size(), 2u);
    BOOST_CHECK_EQUAL(last2[1].seq, n - 1);
}

BOOST_AUTO_TEST_SUITE_END()
