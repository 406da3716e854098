// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Contract cases as pre-state, transaction, expectation (evmone state_transition.hpp).
#include "contracts/executor.hpp"
#include "contracts/token.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif;
using namespace aif::ledger;
namespace token = aif::contracts::token;

namespace {

constexpr u128 AIF_UNIT = 1'000'000'000'000'000'000ULL;
constexpr u128 MIN_FEE = 1'000'000'000'000'000ULL;

struct TokenFixture : test::LedgerFixture
{
    Address alice = test::address_of_key(test::dev_key(0));
    Address bob = test::address_of_key(test::dev_key(1));
    Address carol = test::fresh_address(0x33);
    contracts::BlockContext ctx{1, 1775000000, {}};

    /// Applies `tx` to a fresh overlay; returns the result and keeps the overlay for checks.
    Result<std::vector<Event>> apply(const Tx& tx, StateOverlay& o)
    {
        return contracts::apply_tx(o, ctx, test::verified(tx, chain_id()));
    }
    Address treasury() const { return genesis.treasury; }
};

/// Asserts that applying `tx` fails with `code` and leaves no write behind.
void expect_refused(TokenFixture& f, const Tx& tx, ErrorCode code)
{
    StateOverlay o{f.state};
    auto r = f.apply(tx, o);
    BOOST_REQUIRE(!r);
    BOOST_CHECK_EQUAL(to_string(r.error().code), to_string(code));
    BOOST_CHECK(o.changes().empty());
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(token_tests, TokenFixture)

BOOST_AUTO_TEST_CASE(transfer_moves_amount_and_fee)
{
    const u128 before_a = token::balance_of(state, alice, AIF);
    const u128 supply = token::supply_of(state, AIF);
    StateOverlay o{state};
    auto r = apply(test::make_transfer(test::dev_key(0), chain_id(), 0, carol, 12 * AIF_UNIT, MIN_FEE,
                                       "AIF", "hello"),
                   o);
    BOOST_REQUIRE(r);
    BOOST_CHECK(token::balance_of(o, alice, AIF) == before_a - 12 * AIF_UNIT - MIN_FEE);
    BOOST_CHECK(token::balance_of(o, carol, AIF) == 12 * AIF_UNIT);
    BOOST_CHECK(token::balance_of(o, treasury(), AIF) == MIN_FEE);
    BOOST_CHECK(token::supply_of(o, AIF) == supply);
    BOOST_CHECK_EQUAL(contracts::nonce_of(o, alice), 1u);
    BOOST_REQUIRE_EQUAL(r->size(), 2u);
    BOOST_CHECK_EQUAL((*r)[0].name, "Fee");
    BOOST_CHECK_EQUAL((*r)[1].name, "Transfer");
    BOOST_CHECK_EQUAL((*r)[1].attrs[4].second, "hello");
}

BOOST_AUTO_TEST_CASE(whole_balance_can_be_spent_exactly)
{
    const u128 bal = token::balance_of(state, bob, AIF);
    StateOverlay o{state};
    BOOST_REQUIRE(apply(test::make_transfer(test::dev_key(1), chain_id(), 0, carol, bal - MIN_FEE), o));
    BOOST_CHECK(token::balance_of(o, bob, AIF) == 0);
    BOOST_CHECK(token::balances_of(o, bob).empty());
}

BOOST_AUTO_TEST_CASE(self_transfer_only_costs_the_fee)
{
    const u128 bal = token::balance_of(state, alice, AIF);
    StateOverlay o{state};
    BOOST_REQUIRE(apply(test::make_transfer(test::dev_key(0), chain_id(), 0, alice, 5), o));
    BOOST_CHECK(token::balance_of(o, alice, AIF) == bal - MIN_FEE);
}

BOOST_AUTO_TEST_CASE(nonce_rules)
{
    expect_refused(*this, test::make_transfer(test::dev_key(0), chain_id(), 1, carol, 1),
                   ErrorCode::nonce_too_high);
    StateOverlay o{state};
    BOOST_REQUIRE(apply(test::make_transfer(test::dev_key(0), chain_id(), 0, carol, 1), o));
    state.apply(o.changes());
    expect_refused(*this, test::make_transfer(test::dev_key(0), chain_id(), 0, carol, 2),
                   ErrorCode::nonce_too_low);
}

BOOST_AUTO_TEST_CASE(fee_rules)
{
    expect_refused(*this, test::make_transfer(test::dev_key(0), chain_id(), 0, carol, 1, MIN_FEE - 1),
                   ErrorCode::fee_too_low);
    // A funded-nothing key (what a wrong-chain signature recovers to) cannot pay.
    SecretKey poor;
    poor.bytes.fill(0x42);
    expect_refused(*this, test::make_transfer(poor, chain_id(), 0, carol, 1),
                   ErrorCode::insufficient_fee_balance);
}

BOOST_AUTO_TEST_CASE(amount_rules)
{
    const u128 bal = token::balance_of(state, alice, AIF);
    expect_refused(*this, test::make_transfer(test::dev_key(0), chain_id(), 0, carol, bal),
                   ErrorCode::insufficient_balance);
    expect_refused(*this, test::make_transfer(test::dev_key(0), chain_id(), 0, carol, 0),
                   ErrorCode::invalid_amount);
    expect_refused(*this, test::make_transfer(test::dev_key(0), chain_id(), 0, carol, 1, MIN_FEE, "NOPE"),
                   ErrorCode::unknown_asset);
    expect_refused(*this, test::make_transfer(test::dev_key(0), chain_id(), 0, carol, ~u128{0}),
                   ErrorCode::insufficient_balance);
}

BOOST_AUTO_TEST_CASE(mint_overflow_is_an_error_not_a_wrap)
{
    StateOverlay o{state};
    auto r = token::mint(o, ctx, AIF, carol, ~u128{0});
    BOOST_REQUIRE(!r);
    BOOST_CHECK(r.error().code == ErrorCode::amount_overflow);
    BOOST_CHECK(token::mint(o, ctx, "NOPE", carol, 1).error().code == ErrorCode::unknown_asset);
    BOOST_CHECK(token::register_asset(o, AIF, {}).error().code == ErrorCode::already_exists);
}

BOOST_AUTO_TEST_CASE(recipient_overflow_is_refused)
{
    // Give a film token to carol near 2^128, then send more from alice: the sum would wrap.
    StateOverlay o{state};
    BOOST_REQUIRE(token::register_asset(o, "FILM", {0, "film-1"}));
    BOOST_REQUIRE(token::mint(o, ctx, "FILM", carol, ~u128{0} - 1));
    auto r = token::move(o, ctx, "FILM", carol, alice, 10);
    BOOST_REQUIRE(r);
    auto again = token::mint(o, ctx, "FILM", alice, 5);
    BOOST_CHECK(again.error().code == ErrorCode::amount_overflow);
}

BOOST_AUTO_TEST_CASE(failed_tx_in_sequence_leaves_earlier_writes)
{
    StateOverlay o{state};
    BOOST_REQUIRE(apply(test::make_transfer(test::dev_key(0), chain_id(), 0, carol, 7), o));
    const auto before = o.changes();
    BOOST_REQUIRE(!apply(test::make_transfer(test::dev_key(0), chain_id(), 1, carol, 0), o));
    BOOST_CHECK(o.changes() == before);
}

BOOST_AUTO_TEST_SUITE_END()
