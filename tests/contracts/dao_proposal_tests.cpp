// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Proposal creation (SPEC §7): kinds, snapshot, deposit or threshold, validation.
#include "tests/contracts/dao_gov_fixture.hpp"

using namespace aif;
using namespace aif::ledger;
using namespace aif::test::dao;
namespace dao = aif::contracts::dao;

BOOST_FIXTURE_TEST_SUITE(dao_proposal_tests, GovFixture)

BOOST_AUTO_TEST_CASE(text_proposal_over_the_threshold_needs_no_deposit)
{
    // pre: alice delegated to herself at height 1 (1M AIF ≥ threshold 10,000 AIF).
    const u128 bal = aif(alice);
    auto ev = run(propose_text(ka, "Hello DAO"));
    const auto p = proposal(1);
    BOOST_CHECK(p.kind == dao::ProposalKind::text);
    BOOST_CHECK_EQUAL(p.title, "Hello DAO");
    BOOST_CHECK_EQUAL(p.created_height, 2u);
    BOOST_CHECK_EQUAL(p.snapshot_height, 1u);  // SPEC §7: the block before creation
    BOOST_CHECK_EQUAL(p.vote_start, time + genesis.dao.voting_delay);
    BOOST_CHECK_EQUAL(p.vote_end, p.vote_start + genesis.dao.voting_period);
    BOOST_CHECK_EQUAL(p.timelock, genesis.dao.timelock);
    BOOST_CHECK_EQUAL(p.quorum_bps, genesis.dao.quorum_bps);
    BOOST_CHECK(p.delegated_at_snapshot == dao::total_delegated_at(state, 1));
    BOOST_CHECK(p.deposit_state == dao::DepositState::none);
    BOOST_CHECK(aif(alice) == bal - FEE);
    BOOST_CHECK_EQUAL(attr(ev, "ProposalCreated", "proposalId"), "1");
    BOOST_CHECK_EQUAL(attr(ev, "ProposalCreated", "kind"), "text");
    BOOST_CHECK(status(1) == dao::ProposalStatus::active);
    BOOST_CHECK_EQUAL(dao::last_proposal_id(state), 1u);
    BOOST_CHECK_EQUAL(propose(propose_text(kb)), 2u);  // ids are sequential
}

BOOST_AUTO_TEST_CASE(below_the_threshold_the_deposit_is_locked_in_escrow)
{
    const u128 bal = aif(dave);
    propose(propose_text(kd));
    const auto p = proposal(1);
    BOOST_CHECK(p.deposit == genesis.dao.proposal_deposit);
    BOOST_CHECK(p.deposit_state == dao::DepositState::locked);
    BOOST_CHECK(aif(dave) == bal - FEE - genesis.dao.proposal_deposit);
    BOOST_CHECK(aif(dao::escrow_address()) == genesis.dao.proposal_deposit);
    BOOST_CHECK_EQUAL(
        to_checksum(dao::escrow_address()),
        to_checksum(*parse_address(
            "0x" +
            to_hex(keccak256(std::string_view{"aifchain/dao/deposit-escrow"})).substr(2 + 24))));
}

BOOST_AUTO_TEST_CASE(power_gained_in_the_creation_block_does_not_count)
{
    // dave delegates to himself and proposes in the same block: his snapshot power is 0, so he
    // pays the deposit even had he the threshold.
    const std::uint64_t n = contracts::nonce_of(state, dave);
    block({tx(kd, "Delegate", {dave}, n),
           tx(kd, "ProposeText", {std::string{"x"}, std::string{}}, n + 1)});
    BOOST_CHECK(proposal(1).deposit_state == dao::DepositState::locked);
}

BOOST_AUTO_TEST_CASE(param_spend_and_ballot_fields_are_kept)
{
    propose(propose_param(ka, "dao.quorumBps", 1000));
    BOOST_CHECK_EQUAL(proposal(1).param_key, "dao.quorumBps");
    BOOST_CHECK(proposal(1).param_value == 1000);
    propose(propose_spend(ka, dave, 5 * UNIT));
    BOOST_CHECK(proposal(2).recipient == dave);
    BOOST_CHECK(proposal(2).amount == 5 * UNIT);
    BOOST_CHECK(proposal(2).eta() == proposal(2).vote_end + genesis.dao.timelock);
}

BOOST_AUTO_TEST_CASE(record_round_trips)
{
    dao::Proposal p;
    p.id = 7;
    p.kind = dao::ProposalKind::ballot;
    p.proposer = alice;
    p.title = "t";
    p.description = "d";
    p.vote_end = 99;
    p.delegated_at_snapshot = ~u128{0};
    p.deposit_state = dao::DepositState::kept;
    p.edition = 2026;
    p.award_id = "dao_voted";
    p.choice_count = 3;
    auto back = dao::decode_proposal(dao::encode_proposal(p));
    BOOST_REQUIRE(back);
    BOOST_CHECK(dao::encode_proposal(*back) == dao::encode_proposal(p));
    BOOST_CHECK(!dao::decode_proposal(dao::encode_proposal(p) + "x"));
}

BOOST_AUTO_TEST_CASE(each_refusal_changes_nothing)
{
    // invalid_argument: empty title; unknown key; value out of range; zero recipient.
    refused(propose_text(ka, ""), ErrorCode::invalid_argument);
    refused(propose_param(ka, "maxBlockTxs", 10), ErrorCode::invalid_argument);
    refused(propose_param(ka, "dao.quorumBps", 10001), ErrorCode::invalid_argument);
    refused(propose_param(ka, "dao.passThresholdBps", 4999), ErrorCode::invalid_argument);
    refused(propose_param(ka, "minFee", 1001 * UNIT), ErrorCode::invalid_argument);
    refused(propose_spend(ka, Address{}, UNIT), ErrorCode::invalid_argument);
    // invalid_amount: a spend of nothing.
    refused(propose_spend(ka, dave, 0), ErrorCode::invalid_amount);
    // insufficient_balance: a deposit the proposer cannot pay.
    SecretKey poor = extra_key(2);
    run(transfer(ka, test::address_of_key(poor), 50 * UNIT));
    refused(propose_text(poor), ErrorCode::insufficient_balance);
    // award ballot: unknown edition, unknown award, a jury award, no shortlist yet.
    refused(propose_ballot(ka, 2099, "dao_voted"), ErrorCode::not_found);
    refused(propose_ballot(ka, 2026, "no_such_award"), ErrorCode::not_found);
    refused(propose_ballot(ka, 2026, "unicorn_gold"), ErrorCode::invalid_argument);
    refused(propose_ballot(ka, 2026, "dao_voted"), ErrorCode::wrong_phase);
    BOOST_CHECK_EQUAL(dao::last_proposal_id(state), 0u);
}

BOOST_AUTO_TEST_CASE(whitelist_ranges)
{
    BOOST_CHECK(dao::validate_param("minFee", 0));
    BOOST_CHECK(dao::validate_param("dao.votingPeriod", 3600));
    BOOST_CHECK(!dao::validate_param("dao.votingPeriod", 3599));
    BOOST_CHECK(dao::validate_param("market.feeBps", 1000));
    BOOST_CHECK(!dao::validate_param("market.feeBps", 1001));
    BOOST_CHECK(!dao::validate_param("market.maxOpenOrders", 0));
    BOOST_CHECK(!dao::validate_param("nope", 0));
    // every governable key reads back from the genesis state
    for (const auto& spec : dao::governable_params())
        BOOST_CHECK_MESSAGE(dao::read_param(state, spec.key), std::string{spec.key});
    BOOST_CHECK(*dao::read_param(state, "dao.quorumBps") == genesis.dao.quorum_bps);
    BOOST_CHECK(*dao::read_param(state, "market.feeBps") == genesis.market.fee_bps);
}

BOOST_AUTO_TEST_SUITE_END()
