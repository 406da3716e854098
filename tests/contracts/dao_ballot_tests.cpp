// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The award ballot (SPEC §5, §7): its choices are the edition's R2 shortlist, reached through
// the festival's real transactions; its result decides the DAO-voted award at finalisation.
#include "contracts/dao.hpp"
#include "contracts/dao_power.hpp"
#include "contracts/dao_proposal.hpp"
#include "contracts/dao_tally.hpp"
#include "tests/contracts/festival_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif;
using namespace aif::ledger;
using namespace aif::test;
namespace dao = aif::contracts::dao;

namespace {

/// Pre-state: six films through R1 and the R2 reveals (closing R2 makes films 1, 2, 3 the
/// shortlist); voters keys 21..24 (100,000 AIF each) delegated to themselves before any ballot.
struct BallotFixture : FestivalFixture
{
    BallotFixture()
    {
        for (int i = 1; i <= 6; ++i) submit(key(i), i);
        juror(key(11), "technology", true);
        juror(key(12), "ethics", true);
        juror(key(14), "art", true);
        now = SUBMISSIONS_CLOSE;
        open(1);
        for (std::uint64_t f = 1; f <= 6; ++f) {
            r1(key(11), f, true);
            r1(key(12), f, true);
        }
        // Delegation before R2 closes: the snapshot of any ballot comes later.
        for (int v = 21; v <= 24; ++v) ok(key(v), "Delegate", {addr(key(v))});
        close(1);
        open(2);
        for (std::uint64_t f = 1; f <= 6; ++f)
            for (int j : {11, 12, 14}) commit(key(j), f, score(f));
        open_reveal();
        for (std::uint64_t f = 1; f <= 6; ++f)
            for (int j : {11, 12, 14}) reveal(key(j), f, score(f));
    }
    static std::array<std::uint8_t, 4> score(std::uint64_t film)
    {
        const auto v = static_cast<std::uint8_t>(10 - film);
        return {v, v, v, v};
    }
    std::vector<Value> ballot_body(std::string award = "dao_voted", std::uint32_t ed = 2026)
    {
        return {std::string{"DAO-voted award 2026"}, std::string{}, std::uint64_t{ed},
                std::move(award)};
    }
    std::uint64_t propose_ballot()
    {
        return std::stoull(attr(ok(key(21), "ProposeAwardBallot", ballot_body()), "ProposalCreated",
                                "proposalId"));
    }
    dao::Proposal proposal(std::uint64_t id) { return *dao::load_proposal(state, id); }
    /// Closes R3 with votes for the jury awards and finalises the edition.
    void finish_festival()
    {
        vote(key(11), 2, "unicorn_gold");
        vote(key(12), 2, "unicorn_gold");
        vote(key(14), 1, "best_ai_native_film");
        close(3);
        finalize();
    }
    fest::AwardEntry award(const std::string& id)
    {
        auto ed = *fest::load_edition(state, year);
        for (auto& a : fest::awards_of(state, ed))
            if (a.def.id == id) return a;
        BOOST_FAIL("no award " << id);
        return {};
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(dao_ballot_tests, BallotFixture)

BOOST_AUTO_TEST_CASE(no_ballot_before_the_shortlist_exists)
{
    // pre: R2 revealed but not closed → no shortlist.
    refused(key(21), "ProposeAwardBallot", ballot_body(), ErrorCode::wrong_phase,
            "no R2 shortlist");
}

BOOST_AUTO_TEST_CASE(the_ballot_offers_exactly_the_r2_shortlist)
{
    close(2);
    const std::uint64_t id = propose_ballot();
    BOOST_CHECK(dao::ballot_choices(state, id) == fest::r2_shortlist(state, 2026));
    BOOST_CHECK(dao::ballot_choices(state, id) == (std::vector<std::uint64_t>{1, 2, 3}));
    BOOST_CHECK_EQUAL(proposal(id).choice_count, 3u);
    BOOST_CHECK_EQUAL(*dao::ballot_id(state, 2026, "dao_voted"), id);
    // refusals: a film off the shortlist, yes/no choices, a second live ballot, a jury award.
    refused(key(22), "Vote", {id, std::string{"4"}}, ErrorCode::not_found, "not on the ballot");
    refused(key(22), "Vote", {id, std::string{"for"}}, ErrorCode::invalid_argument, "award ballot");
    refused(key(22), "ProposeAwardBallot", ballot_body(), ErrorCode::already_exists,
            "already the ballot");
    refused(key(22), "ProposeAwardBallot", ballot_body("best_ai_native_film"),
            ErrorCode::invalid_argument, "jury award");
}

BOOST_AUTO_TEST_CASE(the_award_ballot_decides_the_dao_voted_award)
{
    close(2);
    open(3);
    const std::uint64_t id = propose_ballot();
    ok(key(21), "Vote", {id, std::string{"3"}});
    ok(key(22), "Vote", {id, std::string{"3"}});
    ok(key(23), "Vote", {id, std::string{"1"}});
    ok(key(24), "Vote", {id, std::string{"1"}});
    ok(key(24), "Vote", {id, std::string{"2"}});  // changed: film 3 leads 2–1–1
    BOOST_CHECK(!dao::award_ballot_result(state, 2026, "dao_voted", now));  // still open
    now = proposal(id).vote_end;
    BOOST_CHECK_EQUAL(*dao::award_ballot_result(state, 2026, "dao_voted", now), 3u);
    finish_festival();
    const auto a = award("dao_voted");
    BOOST_CHECK(a.result.status == fest::AwardStatus::decided);
    BOOST_CHECK_EQUAL(a.result.film_id, 3u);
    BOOST_CHECK(fest::trophy_owner(state, a.result.token_id)->owner == addr(key(3)));
}

BOOST_AUTO_TEST_CASE(a_tie_goes_to_the_lowest_film_id)
{
    close(2);
    const std::uint64_t id = propose_ballot();
    ok(key(21), "Vote", {id, std::string{"3"}});
    ok(key(22), "Vote", {id, std::string{"2"}});
    now = proposal(id).vote_end;
    // key 21 and key 22 hold exactly the same power at the snapshot
    BOOST_CHECK(dao::power_at(state, addr(key(21)), proposal(id).snapshot_height) ==
                dao::power_at(state, addr(key(22)), proposal(id).snapshot_height));
    BOOST_CHECK_EQUAL(*dao::award_ballot_result(state, 2026, "dao_voted", now), 2u);
}

BOOST_AUTO_TEST_CASE(an_undecided_ballot_leaves_the_award_pending_until_settled)
{
    close(2);
    open(3);
    // A ballot without quorum is defeated: no result, the award stays pending; a new ballot
    // may then be proposed, and once decided SettleDaoAward mints the trophy.
    const std::uint64_t first = propose_ballot();
    now = proposal(first).vote_end;
    BOOST_CHECK(!dao::award_ballot_result(state, 2026, "dao_voted", now));
    finish_festival();
    BOOST_CHECK(award("dao_voted").result.status == fest::AwardStatus::pending);
    const std::uint64_t second = propose_ballot();
    BOOST_CHECK_GT(second, first);
    ok(key(23), "Vote", {second, std::string{"2"}});
    refused(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"dao_voted"}},
            ErrorCode::wrong_phase, "not decided");
    now = proposal(second).vote_end;
    ok(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"dao_voted"}});
    BOOST_CHECK_EQUAL(award("dao_voted").result.film_id, 2u);
}

BOOST_AUTO_TEST_SUITE_END()
