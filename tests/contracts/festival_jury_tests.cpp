// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The jury rounds (SPEC §5): the authority's transitions, R1 reviews, R2 commit/reveal and its
// ranking, R3 votes; every step's phase, role and eligibility checks.
#include "contracts/festival_keys.hpp"
#include "tests/contracts/festival_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif;
using namespace aif::ledger;
using namespace aif::test;

namespace {

/// Pre-state: four films (film 3 co-created by juror 13) and six jurors, submissions closed.
struct JuryFixture : FestivalFixture
{
    std::uint64_t f1, f2, f3, f4;
    JuryFixture()
    {
        f1 = submit(key(1), 1);
        f2 = submit(key(2), 2);
        f3 = submit(key(3), 3, "procedural_emergent", AI_60, {addr(key(3)), addr(key(13))});
        f4 = submit(key(4), 4);
        juror(key(11), "technology", true);
        juror(key(12), "ethics", true);
        juror(key(13), "technology", false);
        juror(key(14), "art", true);
        juror(key(15), "community", false);
        juror(key(16), "community", false);
        now = SUBMISSIONS_CLOSE;
    }

    /// R1 with every film passing except f4 (1–1 is not a majority).
    void run_r1()
    {
        open(1);
        for (auto f : {f1, f2, f3}) {
            r1(key(11), f, true);
            r1(key(12), f, true);
        }
        r1(key(11), f4, true);
        r1(key(12), f4, false);
        close(1);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(festival_jury_tests, JuryFixture)

BOOST_AUTO_TEST_CASE(rounds_are_opened_and_closed_by_the_authority_in_order)
{
    refused(key(11), "OpenRound", {std::uint64_t{2026}, std::uint64_t{1}}, ErrorCode::unauthorized,
            "opening a round is for the festival authority");
    refused(authority(), "OpenRound", {std::uint64_t{2026}, std::uint64_t{4}},
            ErrorCode::invalid_argument, "round: 4 is not 1, 2 or 3");
    refused(authority(), "OpenRound", {std::uint64_t{2026}, std::uint64_t{2}},
            ErrorCode::wrong_phase,
            "cannot open R2 (edition 2026 is in phase submission, needs r1_closed)");
    // R1 cannot start while a submission window is open.
    now = SUBMISSIONS_CLOSE - 1;
    refused(authority(), "OpenRound", {std::uint64_t{2026}, std::uint64_t{1}},
            ErrorCode::wrong_phase, "before the submission deadline");
    now = SUBMISSIONS_CLOSE;
    open(1);
    BOOST_CHECK(phase() == fest::Phase::r1_open);
    refused(authority(), "OpenRound", {std::uint64_t{2026}, std::uint64_t{1}},
            ErrorCode::wrong_phase, "cannot open R1");
    refused(key(12), "CloseRound", {std::uint64_t{2026}, std::uint64_t{1}}, ErrorCode::unauthorized,
            "closing a round");
    // Submissions stop once the review has begun.
    refused(key(5), "SubmitFilm",
            film_body("Late", "digital_beings", "short_film", false, AI_60, 50),
            ErrorCode::wrong_phase, "");
}

BOOST_AUTO_TEST_CASE(r1_reviews_check_phase_role_and_eligibility)
{
    // Before R1 opens: wrong round.
    refused(key(11), "R1Review", r1_body(f1, true), ErrorCode::wrong_phase,
            "R1 reviews are not open");
    open(1);
    refused(key(20), "R1Review", r1_body(f1, true), ErrorCode::unauthorized, "is not a juror");
    refused(key(14), "R1Review", r1_body(f1, true), ErrorCode::unauthorized,
            "R1 reviews are by technology and ethics jurors");
    refused(key(13), "R1Review", r1_body(f3, true), ErrorCode::conflict_of_interest,
            "is a creator of film 3");
    refused(key(11), "R1Review", r1_body(f1, true, 101), ErrorCode::invalid_argument,
            "verifiedAiPercent: 101 is over 100");
    refused(key(11), "R1Review", r1_body(f1, true, 60, false), ErrorCode::invalid_argument,
            "a passing review needs ethicsOk");
    refused(key(11), "R1Review", r1_body(f1, true, 95), ErrorCode::invalid_argument,
            "within procedural_emergent's 51–90 %");
    refused(key(11), "R1Review", r1_body(99, true), ErrorCode::not_found, "no film 99");
    auto ev = ok(key(11), "R1Review", r1_body(f1, false, 40, false));
    BOOST_CHECK_EQUAL(attr(ev, "R1Reviewed", "pass"), "false");
    refused(key(11), "R1Review", r1_body(f1, true), ErrorCode::already_exists,
            "already reviewed film 1 in R1");
    BOOST_CHECK_EQUAL(tally(f1).r1_reviews, 1u);
    BOOST_CHECK_EQUAL(fest::r1_reviews_of(state, f1).size(), 1u);
}

BOOST_AUTO_TEST_CASE(r1_close_needs_two_reviews_and_a_strict_majority)
{
    open(1);
    r1(key(11), f1, true);
    r1(key(12), f1, true);
    r1(key(11), f2, true);
    r1(key(12), f2, false);
    r1(key(11), f3, false);
    r1(key(12), f3, false);
    r1(key(11), f4, true);
    refused(authority(), "CloseRound", {std::uint64_t{2026}, std::uint64_t{1}},
            ErrorCode::wrong_phase, "film 4 has 1 review(s)");
    r1(key(12), f4, true);
    auto ev = ok(authority(), "CloseRound", {std::uint64_t{2026}, std::uint64_t{1}});
    BOOST_CHECK_EQUAL(attr(ev, "RoundClosed", "passed"), "2");
    BOOST_CHECK_EQUAL(attr(ev, "RoundClosed", "failed"), "2");
    BOOST_CHECK(tally(f1).status == fest::FilmStatus::r1_passed);
    BOOST_CHECK(tally(f2).status == fest::FilmStatus::r1_failed);  // 1–1 is no majority
    BOOST_CHECK(tally(f3).status == fest::FilmStatus::r1_failed);
    BOOST_CHECK(tally(f4).status == fest::FilmStatus::r1_passed);
    // A review after the round closed is in the wrong round.
    refused(key(11), "R1Review", r1_body(f2, true), ErrorCode::wrong_phase,
            "R1 reviews are not open");
}

BOOST_AUTO_TEST_CASE(r2_commit_then_reveal)
{
    run_r1();
    // Committing before R2 opens is the wrong round.
    refused(key(14), "R2Commit", {f1, commitment(key(14), f1, {8, 8, 8, 8})},
            ErrorCode::wrong_phase, "R2 commitments are not open");
    open(2);
    refused(key(14), "R2Commit", {f4, commitment(key(14), f4, {8, 8, 8, 8})},
            ErrorCode::invalid_argument, "film 4 is not in R2 (status r1_failed)");
    refused(key(13), "R2Commit", {f3, commitment(key(13), f3, {9, 9, 9, 9})},
            ErrorCode::conflict_of_interest, "is a creator of film 3");
    refused(key(14), "R2Commit", {f1, Hash32{}}, ErrorCode::invalid_argument, "commitment");
    commit(key(14), f1, {8, 7, 6, 5});
    refused(key(14), "R2Commit", {f1, commitment(key(14), f1, {1, 1, 1, 1})},
            ErrorCode::already_exists, "already committed a score for film 1");
    // Reveals wait for the reveal stage.
    refused(key(14), "R2Reveal", reveal_body(f1, {8, 7, 6, 5}), ErrorCode::wrong_phase,
            "R2 reveals are not open");
    commit(key(15), f1, {9, 9, 9, 9});
    // SPEC §5: at least 3 jurors per film before reveals open.
    refused(authority(), "OpenR2Reveal", {std::uint64_t{2026}}, ErrorCode::wrong_phase,
            "film 1 has 2 commitment(s)");
    commit(key(16), f1, {10, 11, 0, 0});  // a score of 11, committed: caught at reveal
    for (auto j : {11, 12, 14}) commit(key(j), f2, {5, 5, 5, 5});
    for (auto j : {11, 12, 14}) commit(key(j), f3, {7, 7, 7, 7});
    refused(key(15), "OpenR2Reveal", {std::uint64_t{2026}}, ErrorCode::unauthorized, "");
    open_reveal();
    refused(key(14), "R2Commit", {f2, commitment(key(14), f2, {1, 1, 1, 1})},
            ErrorCode::wrong_phase, "R2 commitments are not open");

    refused(key(14), "R2Reveal", reveal_body(f1, {8, 7, 6, 4}), ErrorCode::invalid_argument,
            "do not match the commitment");
    refused(key(14), "R2Reveal", reveal_body(f1, {8, 7, 6, 5}, 8), ErrorCode::invalid_argument,
            "salt: the revealed scores and salt do not match");
    refused(key(16), "R2Reveal", reveal_body(f1, {10, 11, 0, 0}), ErrorCode::invalid_argument,
            "artisticAchievement: 11 is over 10");
    refused(key(15), "R2Reveal", reveal_body(f2, {5, 5, 5, 5}), ErrorCode::not_found,
            "has no R2 commitment for film 2");
    auto ev = ok(key(14), "R2Reveal", reveal_body(f1, {8, 7, 6, 5}));
    BOOST_CHECK_EQUAL(attr(ev, "R2Revealed", "total"), "26");
    refused(key(14), "R2Reveal", reveal_body(f1, {8, 7, 6, 5}), ErrorCode::already_exists,
            "already revealed");
    BOOST_CHECK_EQUAL(tally(f1).r2_reveals, 1u);
    BOOST_CHECK_EQUAL(tally(f1).r2_total, 26u);
    BOOST_CHECK_EQUAL(tally(f1).r2_commits, 3u);
    BOOST_CHECK(fest::r2_shortlist(state, 2026).empty());  // until R2 closes
}

BOOST_AUTO_TEST_CASE(r2_ranking_advances_the_top_share_with_ties_to_the_lower_id)
{
    run_r1();  // f1, f2, f3 in R2
    open(2);
    // f1 and f2 tie on mean 7.00; f3 has 8.00. 40 % of 3 films, rounded up → 2 advance.
    for (auto j : {11, 12, 14}) {
        commit(key(j), f1, {7, 7, 7, 7});
        commit(key(j), f2, {7, 7, 7, 7});
        commit(key(j), f3, {8, 8, 8, 8});
    }
    commit(key(15), f2, {7, 7, 7, 7});
    open_reveal();
    for (auto j : {11, 12, 14}) {
        reveal(key(j), f1, {7, 7, 7, 7});
        reveal(key(j), f2, {7, 7, 7, 7});
    }
    reveal(key(15), f2, {7, 7, 7, 7});
    reveal(key(11), f3, {8, 8, 8, 8});
    reveal(key(12), f3, {8, 8, 8, 8});
    // f3 has 2 of its 3 reveals: it is not ranked (a mean needs 3 scores).
    auto ev = ok(authority(), "CloseRound", {std::uint64_t{2026}, std::uint64_t{2}});
    BOOST_CHECK_EQUAL(attr(ev, "RoundClosed", "ranked"), "2");
    BOOST_CHECK_EQUAL(attr(ev, "RoundClosed", "advanced"), "1");
    BOOST_CHECK_EQUAL(attr(ev, "RoundClosed", "unranked"), "1");
    BOOST_CHECK_EQUAL(attr(ev, "RoundClosed", "shortlist"), "1");
    BOOST_CHECK(tally(f1).status == fest::FilmStatus::finalist);
    BOOST_CHECK_EQUAL(tally(f1).r2_rank, 1u);  // equal mean, lower id first
    BOOST_CHECK(tally(f2).status == fest::FilmStatus::r2_eliminated);
    BOOST_CHECK_EQUAL(tally(f2).r2_rank, 2u);
    BOOST_CHECK(tally(f3).status == fest::FilmStatus::r2_eliminated);
    BOOST_CHECK_EQUAL(tally(f3).r2_rank, 0u);
    BOOST_CHECK(fest::r2_shortlist(state, 2026) == std::vector<std::uint64_t>{1});
}

BOOST_AUTO_TEST_CASE(r3_votes_check_round_role_award_and_finalist)
{
    run_r1();
    open(2);
    for (auto f : {f1, f2, f3})
        for (auto j : {11, 12, 14}) commit(key(j), f, {static_cast<std::uint8_t>(f + 5), 5, 5, 5});
    open_reveal();
    for (auto f : {f1, f2, f3})
        for (auto j : {11, 12, 14}) reveal(key(j), f, {static_cast<std::uint8_t>(f + 5), 5, 5, 5});
    // A vote during R2 is in the wrong round.
    refused(key(11), "R3Vote", {f3, std::string{"unicorn_gold"}}, ErrorCode::wrong_phase,
            "R3 votes are not open");
    close(2);  // ranks f3 > f2 > f1; ceil(40 % of 3) = 2 advance: f3, f2
    BOOST_CHECK(fest::r2_shortlist(state, 2026) == (std::vector<std::uint64_t>{2, 3}));
    refused(key(11), "R3Vote", {f3, std::string{"unicorn_gold"}}, ErrorCode::wrong_phase,
            "R3 votes are not open");
    open(3);
    refused(key(13), "R3Vote", {f3, std::string{"unicorn_gold"}}, ErrorCode::unauthorized,
            "not core");
    refused(key(20), "R3Vote", {f3, std::string{"unicorn_gold"}}, ErrorCode::unauthorized,
            "not a juror");
    refused(key(11), "R3Vote", {f3, std::string{"best_cat_video"}}, ErrorCode::not_found,
            "no award 'best_cat_video'");
    refused(key(11), "R3Vote", {f3, std::string{"dao_voted"}}, ErrorCode::invalid_argument,
            "decided by the DAO ballot");
    refused(key(11), "R3Vote", {f1, std::string{"unicorn_gold"}}, ErrorCode::invalid_argument,
            "film 1 is not an R3 finalist");
    auto ev = ok(key(11), "R3Vote", {f3, std::string{"unicorn_gold"}});
    BOOST_CHECK_EQUAL(attr(ev, "R3Voted", "votes"), "1");
    refused(key(11), "R3Vote", {f2, std::string{"unicorn_gold"}}, ErrorCode::already_exists,
            "already voted in 'unicorn_gold' (film 3)");
    ok(key(11), "R3Vote", {f2, std::string{"best_ai_native_film"}});
    BOOST_CHECK_EQUAL(tally(f3).r3_votes, 1u);
    // A core juror who created a finalist cannot vote for it.
    refused(key(3), "R3Vote", {f3, std::string{"best_sound"}}, ErrorCode::unauthorized, "");
    juror(key(3), "art", true);  // the submitter of film 3, registered late as core
    refused(key(3), "R3Vote", {f3, std::string{"best_sound"}}, ErrorCode::conflict_of_interest,
            "is a creator of film 3");
}

BOOST_AUTO_TEST_SUITE_END()
