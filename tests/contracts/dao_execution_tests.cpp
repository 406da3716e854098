// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Execution and settlement (SPEC §7): timelock, parameter changes, treasury spends, deposits.
#include "contracts/chain_config.hpp"
#include "tests/contracts/dao_gov_fixture.hpp"

using namespace aif;
using namespace aif::ledger;
using namespace aif::test::dao;
namespace dao = aif::contracts::dao;

namespace {

struct ExecFixture : GovFixture
{
    /// Creates a proposal with `t`, has alice and bob vote for it, and ends the vote.
    std::uint64_t passed(const Tx& t)
    {
        const std::uint64_t id = propose(t);
        run(vote(ka, id, "for"));
        run(vote(kb, id, "for"));
        to_end(id);
        return id;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(dao_execution_tests, ExecFixture)

BOOST_AUTO_TEST_CASE(the_timelock_is_respected)
{
    const std::uint64_t id = passed(propose_param(ka, "minFee", 2 * FEE));
    BOOST_CHECK(status(id) == dao::ProposalStatus::queued);
    refused(execute(kc, id), ErrorCode::wrong_phase);  // at the end: timelock just started
    time = proposal(id).eta() - 1;
    refused(execute(kc, id), ErrorCode::wrong_phase);
    to_eta(id);
    BOOST_CHECK(status(id) == dao::ProposalStatus::executable);
    run(execute(kc, id));  // anyone may trigger it
    BOOST_CHECK(status(id) == dao::ProposalStatus::executed);
}

BOOST_AUTO_TEST_CASE(a_parameter_change_takes_effect)
{
    const std::uint64_t id = passed(propose_param(ka, "minFee", 3 * FEE));
    to_eta(id);
    auto ev = run(execute(kc, id));
    BOOST_CHECK_EQUAL(attr(ev, "ParamChanged", "key"), "minFee");
    BOOST_CHECK_EQUAL(attr(ev, "ParamChanged", "previous"), u128_to_string(FEE));
    BOOST_CHECK_EQUAL(attr(ev, "ParamChanged", "value"), u128_to_string(3 * FEE));
    BOOST_CHECK(contracts::read_params(state)->min_fee == 3 * FEE);
    // a transaction at the old minimum fee is now refused
    refused(transfer(kb, dave, UNIT), ErrorCode::fee_too_low);
    run(tx(kb, "Transfer", {dave, std::string{"AIF"}, UNIT, std::string{}}, {}, 3 * FEE));
}

BOOST_AUTO_TEST_CASE(a_dao_parameter_change_applies_to_later_proposals_only)
{
    const std::uint64_t running = propose(propose_text(ka, "running"));
    const std::uint64_t id = passed(propose_param(ka, "dao.votingPeriod", 7200));
    to_eta(id);
    run(execute(kc, id));
    BOOST_CHECK_EQUAL(dao::read_dao_params(state)->voting_period, 7200u);
    BOOST_CHECK_EQUAL(proposal(running).vote_end - proposal(running).vote_start,
                      genesis.dao.voting_period);
    const std::uint64_t later = propose(propose_text(ka, "later"));
    BOOST_CHECK_EQUAL(proposal(later).vote_end - proposal(later).vote_start, 7200u);
}

BOOST_AUTO_TEST_CASE(market_parameters_are_governable)
{
    const std::uint64_t id = passed(propose_param(ka, "market.feeBps", 55));
    to_eta(id);
    run(execute(kc, id));
    BOOST_CHECK(*dao::read_param(state, "market.feeBps") == 55);
}

BOOST_AUTO_TEST_CASE(a_treasury_spend_pays_exactly_once)
{
    fund_treasury(50 * UNIT);
    const std::uint64_t id = passed(propose_spend(ka, dave, 40 * UNIT));
    to_eta(id);
    const u128 t0 = aif(treasury());
    const u128 d0 = aif(dave);
    auto ev = run(execute(kc, id));
    BOOST_CHECK_EQUAL(attr(ev, "TreasurySpend", "amount"), u128_to_string(40 * UNIT));
    BOOST_CHECK(aif(dave) == d0 + 40 * UNIT);
    BOOST_CHECK(aif(treasury()) == t0 - 40 * UNIT + FEE);  // carol's fee came in
    // a second execution is refused and pays nothing
    refused(execute(kc, id), ErrorCode::wrong_phase);
    refused(execute(ka, id), ErrorCode::wrong_phase);
    BOOST_CHECK(aif(dave) == d0 + 40 * UNIT);
    BOOST_CHECK(proposal(id).executed);
    BOOST_CHECK_EQUAL(proposal(id).executed_height, height);
}

BOOST_AUTO_TEST_CASE(a_spend_the_treasury_cannot_cover_waits)
{
    const std::uint64_t id = passed(propose_spend(ka, dave, 1000 * UNIT));
    to_eta(id);
    refused(execute(kc, id), ErrorCode::insufficient_balance);
    fund_treasury(1000 * UNIT);
    run(execute(kc, id));
    BOOST_CHECK(proposal(id).executed);
}

BOOST_AUTO_TEST_CASE(execution_refusals)
{
    // not_found: no such proposal
    refused(execute(kc, 42), ErrorCode::not_found);
    // invalid_argument: a text proposal has nothing to execute
    const std::uint64_t text = passed(propose_text(ka));
    refused(execute(kc, text), ErrorCode::invalid_argument);
    // wrong_phase: before the end
    const std::uint64_t open = propose(propose_spend(ka, dave, UNIT));
    refused(execute(kc, open), ErrorCode::wrong_phase);
    // wrong_phase: defeated (quorum failure), even after its eta
    to_eta(open);
    BOOST_CHECK(status(open) == dao::ProposalStatus::defeated);
    refused(execute(kc, open), ErrorCode::wrong_phase);
}

BOOST_AUTO_TEST_CASE(the_deposit_is_returned_on_quorum)
{
    const u128 d0 = aif(dave);
    const std::uint64_t id = propose(propose_text(kd));
    run(vote(ka, id, "against"));                       // quorate, defeated: still returned
    refused(finalize(kc, id), ErrorCode::wrong_phase);  // not before the end
    to_end(id);
    auto ev = run(finalize(kc, id));
    BOOST_CHECK_EQUAL(attr(ev, "DepositReturned", "amount"),
                      u128_to_string(genesis.dao.proposal_deposit));
    BOOST_CHECK(aif(dave) == d0 - FEE);  // only his proposal fee is gone
    BOOST_CHECK(aif(dao::escrow_address()) == 0);
    BOOST_CHECK(proposal(id).deposit_state == dao::DepositState::returned);
    refused(finalize(kc, id), ErrorCode::wrong_phase);  // once
}

BOOST_AUTO_TEST_CASE(the_deposit_is_kept_without_quorum)
{
    const std::uint64_t id = propose(propose_text(kd));
    to_end(id);
    const u128 t0 = aif(treasury());
    run(finalize(kc, id));
    BOOST_CHECK(aif(treasury()) == t0 + genesis.dao.proposal_deposit + FEE);
    BOOST_CHECK(proposal(id).deposit_state == dao::DepositState::kept);
}

BOOST_AUTO_TEST_CASE(execution_settles_the_deposit)
{
    fund_treasury(10 * UNIT);
    const std::uint64_t id = passed(propose_spend(kd, dave, 5 * UNIT));
    to_eta(id);
    auto ev = run(execute(kc, id));
    BOOST_CHECK_EQUAL(attr(ev, "DepositReturned", "to"), to_hex(dave));
    BOOST_CHECK(proposal(id).deposit_state == dao::DepositState::returned);
    refused(finalize(kc, id), ErrorCode::wrong_phase);
}

BOOST_AUTO_TEST_CASE(finalize_without_a_deposit_is_refused)
{
    const std::uint64_t id = passed(propose_text(ka));
    refused(finalize(kc, id), ErrorCode::invalid_argument);
    refused(finalize(kc, 77), ErrorCode::not_found);
}

BOOST_AUTO_TEST_SUITE_END()
