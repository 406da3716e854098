// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// SPEC §8 issuance: a film's submitter issues its FilmToken once (a unique, validated symbol, a
// fixed supply of whole shares minted to them); anyone else is refused; shares move with
// Transfer. Films come from the festival's SubmitFilm, the submitter from
// festival::film_submitter.
#include "contracts/festival.hpp"
#include "tests/contracts/market_fixture.hpp"

using namespace aif;
using namespace aif::ledger;
namespace market = aif::contracts::market;
namespace token = aif::contracts::token;

namespace {

struct IssuanceFixture : test::MarketFixture
{
    /// Submits a film from `who` in the early-bird window of edition 2026 (dev genesis) and
    /// returns its id.
    std::uint64_t submit_film(const Address& who, std::uint8_t tag)
    {
        Hash32 content;
        content.bytes.fill(tag);
        Tx tx;
        tx.type = find_tx_type("SubmitFilm");
        BOOST_REQUIRE_MESSAGE(tx.type, "the festival's SubmitFilm type is not registered");
        tx.fields = {nonce(who),
                     test::mkt::MIN_FEE,
                     std::uint64_t{2026},
                     std::string{"Film "} + std::to_string(tag),
                     std::string{"generative_cinema"},
                     std::string{"short_film"},
                     std::uint64_t{0},
                     std::vector<Address>{}};
        for (int i = 0; i < 6; ++i) tx.fields.emplace_back(std::uint64_t{60});
        tx.fields.emplace_back(std::string{"custom diffusion"});
        tx.fields.emplace_back(content);
        tx.fields.emplace_back(std::string{"ipfs://film"});
        auto ev = ok(test::signed_tx(key_of(who), chain_id(), std::move(tx)));
        return std::stoull(attr(ev, "FilmSubmitted", "filmId"));
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(market_issuance_tests, IssuanceFixture)

BOOST_AUTO_TEST_CASE(submitter_issues_shares_once)
{
    // Pre: bob submitted a film. Tx: bob issues NEON, 1,000,000 shares. Expect: minted to bob,
    // a 0-decimal asset tied to the film, transferable with Transfer.
    const auto film = submit_film(bob, 0x11);
    BOOST_REQUIRE(contracts::festival::film_submitter(state, film) == bob);
    const u128 aif0 = aif(bob);
    auto ev = ok(issue_tx(bob, film, "NEON", 1'000'000));
    BOOST_CHECK_EQUAL(attr(ev, "SharesIssued", "asset"), "NEON");
    BOOST_CHECK_EQUAL(attr(ev, "SharesIssued", "filmId"), std::to_string(film));
    BOOST_CHECK_EQUAL(attr(ev, "SharesIssued", "supply"), "1000000");
    BOOST_CHECK(token::balance_of(state, bob, "NEON") == 1'000'000);
    BOOST_CHECK(token::supply_of(state, "NEON") == 1'000'000);
    BOOST_CHECK(aif(bob) == aif0 - test::mkt::MIN_FEE);
    auto info = token::asset_info(state, "NEON");
    BOOST_REQUIRE(info);
    BOOST_CHECK_EQUAL(info->decimals, 0);
    BOOST_CHECK_EQUAL(info->film_id, std::to_string(film));
    auto rec = market::load_asset(state, "NEON");
    BOOST_REQUIRE(rec);
    BOOST_CHECK(rec->issuer == bob);
    BOOST_CHECK_EQUAL(rec->film_id, film);
    BOOST_CHECK_EQUAL(*market::symbol_of_film(state, film), "NEON");
    // Shares move with the ordinary Transfer.
    ok(test::make_transfer(test::dev_key(1), chain_id(), nonce(bob), carol, 250, test::mkt::MIN_FEE,
                           "NEON"));
    BOOST_CHECK(token::balance_of(state, carol, "NEON") == 250);
    // Once per film, whatever the symbol.
    refused(issue_tx(bob, film, "NEON2", 5), ErrorCode::already_exists, "already issued");
    refused(issue_tx(bob, film, "NEON", 5), ErrorCode::already_exists, "already issued");
}

BOOST_AUTO_TEST_CASE(only_the_submitter_may_issue)
{
    const auto film = submit_film(bob, 0x12);
    refused(issue_tx(carol, film, "NEON", 10), ErrorCode::unauthorized, "submitter");
    refused(issue_tx(alice, film, "NEON", 10), ErrorCode::unauthorized, "submitter");
    refused(issue_tx(bob, film + 1000, "NEON", 10), ErrorCode::not_found, "no film");
    refused(issue_tx(bob, 0, "NEON", 10), ErrorCode::not_found, "no film");
}

BOOST_AUTO_TEST_CASE(symbols_are_validated_and_unique)
{
    const auto f1 = submit_film(bob, 0x13);
    const auto f2 = submit_film(carol, 0x14);
    for (const char* bad : {"A", "neon", "Neon", "1NEON", "NE-ON", "NE ON", "ABCDEFGHIJKLM"}) {
        BOOST_TEST_CONTEXT("symbol " << bad)
        {
            refused(issue_tx(bob, f1, bad, 10), ErrorCode::invalid_argument, "symbol");
        }
    }
    refused(issue_tx(bob, f1, "AIF", 10), ErrorCode::already_exists, "symbol");
    refused(issue_tx(bob, f1, "FILM", 10), ErrorCode::already_exists, "symbol");  // fixture's
    refused(issue_tx(bob, f1, "NEON", 0), ErrorCode::invalid_amount, "supply");
    ok(issue_tx(bob, f1, "NEON", 10));
    refused(issue_tx(carol, f2, "NEON", 10), ErrorCode::already_exists, "NEON");
    ok(issue_tx(carol, f2, "AB12", u128{1} << 100));
    BOOST_CHECK(token::balance_of(state, carol, "AB12") == u128{1} << 100);
}

BOOST_AUTO_TEST_CASE(issued_shares_trade_on_their_book)
{
    // The whole path of issue 6's "done when", at the contract level: issue, sell part, a buyer
    // fills part at the maker's price, the rest is cancelled and returned.
    const auto film = submit_film(bob, 0x15);
    ok(issue_tx(bob, film, "NEON", 1000));
    const auto sell = place(bob, "sell", 2 * test::mkt::AIF_UNIT, 400, 0, "gtc", "NEON");
    BOOST_CHECK(token::balance_of(state, bob, "NEON") == 600);
    auto ev = ok(place_tx(carol, "buy", 3 * test::mkt::AIF_UNIT, 150, 0, "gtc", "NEON"));
    BOOST_CHECK_EQUAL(attr(ev, "Fill", "price"), u128_to_string(2 * test::mkt::AIF_UNIT));
    BOOST_CHECK(token::balance_of(state, carol, "NEON") == 150);
    auto book = market::book_depth(state, "NEON", 5, ctx.timestamp);
    BOOST_REQUIRE_EQUAL(book.asks.size(), 1u);
    BOOST_CHECK(book.asks[0].quantity == 250);
    BOOST_CHECK_EQUAL(market::recent_trades(state, "NEON", 5).size(), 1u);
    ok(cancel_tx(bob, sell));
    BOOST_CHECK(token::balance_of(state, bob, "NEON") == 850);
    BOOST_CHECK(token::balance_of(state, market::escrow_address(), "NEON") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
