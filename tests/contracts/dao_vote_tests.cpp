// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Votes and tallies (SPEC §7): snapshot power, last vote counts, windows, quorum, threshold,
// O(1) per vote.
#include "tests/contracts/dao_gov_fixture.hpp"

using namespace aif;
using namespace aif::ledger;
using namespace aif::test::dao;
namespace dao = aif::contracts::dao;

BOOST_FIXTURE_TEST_SUITE(dao_vote_tests, GovFixture)

BOOST_AUTO_TEST_CASE(vote_weighs_the_power_at_the_snapshot)
{
    const std::uint64_t id = propose(propose_text(ka));
    const u128 alice_snap = dao::power_at(state, alice, 1);
    const u128 bob_snap = dao::power_at(state, bob, 1);
    // after the snapshot: bob sends alice 100,000 AIF, dave delegates his AIF to alice.
    run(transfer(kb, alice, 100'000 * UNIT));
    run(delegate(kd, alice));
    BOOST_CHECK(power(alice) > alice_snap);
    auto ev = run(vote(ka, id, "for"));
    BOOST_CHECK_EQUAL(attr(ev, "VoteCast", "power"), u128_to_string(alice_snap));
    run(vote(kb, id, "against"));
    const auto t = tally(id);
    // tokens moved after the snapshot add nothing to anyone's vote
    BOOST_CHECK(t.for_votes == alice_snap);
    BOOST_CHECK(t.against == bob_snap);
    BOOST_CHECK(t.turnout == alice_snap + bob_snap);
    BOOST_CHECK_EQUAL(t.voters, 2u);
}

BOOST_AUTO_TEST_CASE(power_acquired_after_the_snapshot_cannot_vote)
{
    const std::uint64_t id = propose(propose_text(ka));
    run(delegate(kd, dave));  // dave delegates after the snapshot
    BOOST_CHECK(power(dave) > 0);
    refused(vote(kd, id, "for"), ErrorCode::unauthorized);
    BOOST_CHECK(tally(id).for_votes == 0);
}

BOOST_AUTO_TEST_CASE(a_double_vote_counts_once)
{
    const std::uint64_t id = propose(propose_text(ka));
    run(vote(kb, id, "for"));
    refused(vote(kb, id, "for"), ErrorCode::already_exists);
    BOOST_CHECK(tally(id).for_votes == dao::power_at(state, bob, 1));
    BOOST_CHECK_EQUAL(tally(id).voters, 1u);
}

BOOST_AUTO_TEST_CASE(a_changed_vote_replaces_the_old_one)
{
    const std::uint64_t id = propose(propose_text(ka));
    const u128 p = dao::power_at(state, bob, 1);
    run(vote(kb, id, "for"));
    auto ev = run(vote(kb, id, "against"));
    BOOST_CHECK_EQUAL(attr(ev, "VoteCast", "previous"), "for");
    auto t = tally(id);
    BOOST_CHECK(t.for_votes == 0);
    BOOST_CHECK(t.against == p);
    BOOST_CHECK(t.turnout == p);
    BOOST_CHECK_EQUAL(t.voters, 1u);
    run(vote(kb, id, "abstain"));
    t = tally(id);
    BOOST_CHECK(t.against == 0);
    BOOST_CHECK(t.abstain == p);
    const auto v = dao::vote_of(state, id, bob);
    BOOST_REQUIRE(v);
    BOOST_CHECK_EQUAL(dao::to_string(v->choice), "abstain");
    BOOST_CHECK_EQUAL(v->changes, 2u);
    BOOST_CHECK(v->power == p);
}

BOOST_AUTO_TEST_CASE(votes_close_at_the_end)
{
    const std::uint64_t id = propose(propose_text(ka));
    time = proposal(id).vote_end - 1;
    run(vote(kb, id, "for"));  // the last second still counts
    to_end(id);
    refused(vote(ka, id, "for"), ErrorCode::wrong_phase);
    refused(vote(kb, id, "against"), ErrorCode::wrong_phase);  // no change after the end
    BOOST_CHECK(tally(id).for_votes == dao::power_at(state, bob, 1));
}

BOOST_AUTO_TEST_CASE(votes_open_after_the_voting_delay)
{
    GovFixture f{[](Genesis& g) { g.dao.voting_delay = 3600; }};
    const std::uint64_t id = f.propose(f.propose_text(f.ka));
    BOOST_CHECK(f.status(id) == dao::ProposalStatus::pending);
    f.refused(f.vote(f.kb, id, "for"), ErrorCode::wrong_phase);
    f.time += 3600;
    BOOST_CHECK(f.status(id) == dao::ProposalStatus::active);
    f.run(f.vote(f.kb, id, "for"));
}

BOOST_AUTO_TEST_CASE(choice_refusals)
{
    const std::uint64_t id = propose(propose_text(ka));
    refused(vote(kb, id, "maybe"), ErrorCode::invalid_argument);
    refused(vote(kb, id, "For"), ErrorCode::invalid_argument);
    refused(vote(kb, id, "007"), ErrorCode::invalid_argument);
    refused(vote(kb, id, "7"), ErrorCode::invalid_argument);  // a film id on a text proposal
    refused(vote(kb, 99, "for"), ErrorCode::not_found);
    BOOST_CHECK(!dao::parse_choice("18446744073709551616"));
    BOOST_CHECK(dao::parse_choice("18446744073709551615")->film == ~std::uint64_t{0});
}

BOOST_AUTO_TEST_CASE(quorum_failure_defeats)
{
    // quorum is 4% of the delegated supply at the snapshot (≈3M AIF): ≈120,000 AIF. A voter
    // with 1,000 AIF votes for alone.
    SecretKey ke = extra_key(3);
    run(transfer(ka, test::address_of_key(ke), 1000 * UNIT));
    run(delegate(ke, test::address_of_key(ke)));
    const std::uint64_t id = propose(propose_text(ka));
    const std::uint64_t silent = propose(propose_text(ka, "nobody votes"));
    run(vote(ke, id, "for"));
    to_end(id);
    const auto o = dao::outcome_of(proposal(id), tally(id), time);
    BOOST_CHECK(o.ended);
    BOOST_CHECK(!o.quorum_reached);
    BOOST_CHECK(o.threshold_met);
    BOOST_CHECK(!o.passed);
    BOOST_CHECK(status(id) == dao::ProposalStatus::defeated);
    BOOST_CHECK(status(silent) == dao::ProposalStatus::defeated);
}

BOOST_AUTO_TEST_CASE(pass_threshold_counts_for_against_and_ignores_abstain)
{
    // Two voters of exactly equal power: for = against is 50% → the threshold (≥ 5000 bps) is
    // met; abstain does not count against.
    SecretKey k1 = extra_key(4), k2 = extra_key(5);
    const std::uint64_t n = contracts::nonce_of(state, alice);
    block({tx(ka, "Transfer",
              {test::address_of_key(k1), std::string{"AIF"}, 1000 * UNIT, std::string{}}, n),
           tx(ka, "Transfer",
              {test::address_of_key(k2), std::string{"AIF"}, 1000 * UNIT, std::string{}}, n + 1)});
    block({delegate(k1, test::address_of_key(k1)), delegate(k2, test::address_of_key(k2))});
    const std::uint64_t tie = propose(propose_text(ka, "tie"));
    run(vote(k1, tie, "for"));
    run(vote(k2, tie, "against"));
    run(vote(kc, tie, "abstain"));
    // one for, two against (each ≈1M): below the threshold though quorate.
    const std::uint64_t lost = propose(propose_text(ka, "lost"));
    run(vote(ka, lost, "for"));
    run(vote(kb, lost, "against"));
    run(vote(kc, lost, "against"));
    to_end(lost);
    const auto t = dao::outcome_of(proposal(tie), tally(tie), time);
    BOOST_CHECK(t.threshold_met);
    BOOST_CHECK(t.quorum_reached);  // carol's abstention brings the turnout over quorum
    BOOST_CHECK(status(tie) == dao::ProposalStatus::succeeded);
    const auto o = dao::outcome_of(proposal(lost), tally(lost), time);
    BOOST_CHECK(o.quorum_reached);
    BOOST_CHECK(!o.threshold_met);
    BOOST_CHECK(status(lost) == dao::ProposalStatus::defeated);
}

BOOST_AUTO_TEST_CASE(only_abstain_never_passes)
{
    const std::uint64_t id = propose(propose_text(ka));
    run(vote(ka, id, "abstain"));
    to_end(id);
    const auto o = dao::outcome_of(proposal(id), tally(id), time);
    BOOST_CHECK(o.quorum_reached);
    BOOST_CHECK(!o.passed);
}

BOOST_AUTO_TEST_CASE(quorum_and_threshold_never_overflow)
{
    // Cross-multiplication is exact even near 2^128 (STYLE §4).
    dao::Proposal p;
    p.kind = dao::ProposalKind::text;
    p.vote_end = 10;
    p.quorum_bps = 10'000;
    p.pass_threshold_bps = 10'000;
    p.delegated_at_snapshot = ~u128{0};
    dao::Tally t;
    t.for_votes = ~u128{0};
    t.turnout = ~u128{0};
    auto o = dao::outcome_of(p, t, 10);
    BOOST_CHECK(o.quorum_reached && o.threshold_met && o.passed);
    t.turnout = ~u128{0} - 1;
    BOOST_CHECK(!dao::outcome_of(p, t, 10).quorum_reached);
    p.quorum_bps = 9'999;
    BOOST_CHECK(dao::outcome_of(p, t, 10).quorum_reached);
    t.against = 1;
    t.for_votes = ~u128{0} - 1;
    BOOST_CHECK(!dao::outcome_of(p, t, 10).threshold_met);
}

BOOST_AUTO_TEST_CASE(each_vote_writes_the_same_few_keys_whatever_the_voter_count)
{
    // SPEC §7: O(1) per vote. 30 delegated voters; the 1st and the 30th vote write the same
    // number of keys: sender and treasury balances, nonce, tally, turnout, vote record, and
    // for the fee the voter's own power checkpoint and the delegated-supply checkpoint (entry
    // and count each).
    std::vector<SecretKey> voters;
    std::vector<Tx> setup;
    std::uint64_t n = contracts::nonce_of(state, alice);
    for (std::uint32_t i = 0; i < 30; ++i) {
        voters.push_back(extra_key(100 + i));
        setup.push_back(
            tx(ka, "Transfer",
               {test::address_of_key(voters.back()), std::string{"AIF"}, 10 * UNIT, std::string{}},
               n++));
    }
    block(setup);
    setup.clear();
    for (const auto& k : voters) setup.push_back(delegate(k, test::address_of_key(k)));
    block(setup);
    const std::uint64_t id = propose(propose_text(ka));
    std::vector<std::size_t> writes;
    for (const auto& k : voters) {
        StateOverlay o{state};
        BOOST_REQUIRE(
            contracts::apply_tx(o, next_ctx(), test::verified(vote(k, id, "for"), chain_id())));
        writes.push_back(o.changes().size());
        state.apply(o.changes());
        ++height;  // one vote per block
    }
    BOOST_CHECK_EQUAL(writes.front(), writes.back());
    BOOST_CHECK_LE(writes.back(), 10u);
    BOOST_CHECK_EQUAL(tally(id).voters, 30u);
    BOOST_CHECK(tally(id).for_votes == 30 * (10 * UNIT - FEE));
}

BOOST_AUTO_TEST_SUITE_END()
