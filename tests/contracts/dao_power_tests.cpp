// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Voting power (SPEC §7): delegation, checkpoints by height, power following transfers.
#include "tests/contracts/dao_fixture.hpp"

using namespace aif;
using namespace aif::ledger;
using namespace aif::test::dao;
namespace dao = aif::contracts::dao;

namespace {

struct PowerFixture : DaoFixture
{
    SecretKey ka = test::dev_key(0), kb = test::dev_key(1), kc = test::dev_key(2);
    Address alice = test::address_of_key(ka);
    Address bob = test::address_of_key(kb);
    Address carol = test::address_of_key(kc);
    Address dave = test::fresh_address(0x44);
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(dao_power_tests, PowerFixture)

BOOST_AUTO_TEST_CASE(self_delegation_counts_from_its_block)
{
    // pre: nobody delegated; tx: alice delegates to herself at height 1.
    BOOST_CHECK(power(alice) == 0);
    auto ev = run(delegate(ka, alice));
    // expectation: her balance (after the fee) is her power from height 1, not before.
    const u128 bal = aif(alice);
    BOOST_CHECK(power(alice) == bal);
    BOOST_CHECK(dao::power_at(state, alice, 0) == 0);
    BOOST_CHECK(dao::power_at(state, alice, 1) == bal);
    BOOST_CHECK(dao::power_at(state, alice, 1000) == bal);
    BOOST_CHECK(dao::current_total_delegated(state) == bal);
    BOOST_CHECK(dao::total_delegated_at(state, 0) == 0);
    BOOST_CHECK(*dao::delegate_of(state, alice) == alice);
    BOOST_CHECK_EQUAL(attr(ev, "DelegateChanged", "amount"), u128_to_string(bal));
    BOOST_CHECK_EQUAL(attr(ev, "DelegateChanged", "previous"), "");
}

BOOST_AUTO_TEST_CASE(delegating_to_another_gives_them_the_power)
{
    run(delegate(kb, alice));
    BOOST_CHECK(power(alice) == aif(bob));
    BOOST_CHECK(power(bob) == 0);
    run(delegate(ka, alice));
    BOOST_CHECK(power(alice) == aif(alice) + aif(bob));
    BOOST_CHECK(dao::current_total_delegated(state) == aif(alice) + aif(bob));
}

BOOST_AUTO_TEST_CASE(power_follows_transfers_and_fees)
{
    // pre: bob delegates to alice; carol is not delegated.
    run(delegate(kb, alice));
    const u128 before = power(alice);
    // tx: bob sends 1000 AIF to carol (and pays the fee).
    run(transfer(kb, carol, 1000 * UNIT));
    // expectation: alice loses exactly what left bob's balance: amount + fee.
    BOOST_CHECK(power(alice) == before - 1000 * UNIT - FEE);
    BOOST_CHECK(power(alice) == aif(bob));
    BOOST_CHECK(dao::current_total_delegated(state) == aif(bob));
    // tx: carol sends 10 AIF to bob: enters delegation.
    run(transfer(kc, bob, 10 * UNIT));
    BOOST_CHECK(power(alice) == aif(bob));
    BOOST_CHECK(dao::current_total_delegated(state) == aif(bob));
    // history keeps the past: power at each height.
    BOOST_CHECK(dao::power_at(state, alice, 1) == before);
    BOOST_CHECK(dao::power_at(state, alice, 2) == before - 1000 * UNIT - FEE);
}

BOOST_AUTO_TEST_CASE(transfer_between_two_delegators_of_one_delegate_changes_nothing)
{
    run(delegate(ka, carol));
    run(delegate(kb, carol));
    const u128 p = power(carol);
    const u128 total = dao::current_total_delegated(state);
    const std::uint64_t cps = dao::checkpoint_count(state, carol);
    run(transfer(ka, bob, 5 * UNIT));
    // only the fee left the delegation (to the treasury)
    BOOST_CHECK(power(carol) == p - FEE);
    BOOST_CHECK(dao::current_total_delegated(state) == total - FEE);
    BOOST_CHECK_EQUAL(dao::checkpoint_count(state, carol), cps + 1);
}

BOOST_AUTO_TEST_CASE(one_checkpoint_per_height)
{
    run(delegate(ka, alice));
    BOOST_CHECK_EQUAL(dao::checkpoint_count(state, alice), 1u);
    // three transfers in one block: still one new checkpoint, holding the block's end value.
    const std::uint64_t n = contracts::nonce_of(state, alice);
    const std::vector<Value> t = {dave, std::string{"AIF"}, UNIT, std::string{}};
    block({tx(ka, "Transfer", t, n), tx(ka, "Transfer", t, n + 1), tx(ka, "Transfer", t, n + 2)});
    BOOST_CHECK_EQUAL(dao::checkpoint_count(state, alice), 2u);
    BOOST_CHECK(dao::power_at(state, alice, 2) == aif(alice));
    const auto hist = dao::power_history(state, alice, 10);
    BOOST_REQUIRE_EQUAL(hist.size(), 2u);
    BOOST_CHECK_EQUAL(hist[0].height, 1u);
    BOOST_CHECK_EQUAL(hist[1].height, 2u);
    BOOST_CHECK_EQUAL(dao::power_history(state, alice, 1).size(), 1u);
}

BOOST_AUTO_TEST_CASE(binary_search_over_many_checkpoints)
{
    run(delegate(ka, alice));
    std::vector<u128> at{0, power(alice)};
    for (int i = 0; i < 40; ++i) {
        run(transfer(ka, dave, UNIT));
        at.push_back(power(alice));
    }
    BOOST_CHECK_EQUAL(dao::checkpoint_count(state, alice), 41u);
    for (std::uint64_t h = 0; h < at.size(); ++h)
        BOOST_CHECK(dao::power_at(state, alice, h) == at[h]);
}

BOOST_AUTO_TEST_CASE(redelegation_and_undelegation_move_the_whole_balance)
{
    run(delegate(ka, bob));
    run(delegate(ka, carol));
    BOOST_CHECK(power(bob) == 0);
    BOOST_CHECK(power(carol) == aif(alice));
    auto ev = run(delegate(ka, Address{}));  // zero address undelegates
    BOOST_CHECK(power(carol) == 0);
    BOOST_CHECK(!dao::delegate_of(state, alice));
    BOOST_CHECK(dao::current_total_delegated(state) == 0);
    BOOST_CHECK_EQUAL(attr(ev, "DelegateChanged", "delegate"), "");
}

BOOST_AUTO_TEST_CASE(refusals_change_nothing)
{
    // already_exists: delegating to the current delegate again.
    run(delegate(ka, bob));
    refused(delegate(ka, bob), ErrorCode::already_exists);
    // invalid_argument: undelegating without a delegate.
    refused(delegate(kc, Address{}), ErrorCode::invalid_argument);
}

BOOST_AUTO_TEST_CASE(mint_to_a_delegator_adds_power)
{
    run(delegate(kb, alice));
    const u128 p = power(alice);
    StateOverlay o{state};
    BOOST_REQUIRE(contracts::token::mint(o, next_ctx(), AIF, bob, 7 * UNIT));
    BOOST_CHECK(dao::current_power(o, alice) == p + 7 * UNIT);
    BOOST_CHECK(dao::current_total_delegated(o) == p + 7 * UNIT);
}

BOOST_AUTO_TEST_CASE(undelegated_transfer_touches_no_dao_key)
{
    // The hook's cheap path (issue 7): neither side delegated → no dao/ write.
    StateOverlay o{state};
    BOOST_REQUIRE(
        contracts::apply_tx(o, next_ctx(), test::verified(transfer(ka, dave, UNIT), chain_id())));
    for (const auto& [k, v] : o.changes()) BOOST_CHECK_MESSAGE(k.rfind("dao/", 0) != 0, k);
}

BOOST_AUTO_TEST_SUITE_END()
