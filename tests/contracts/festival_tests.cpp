// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Festival registry (SPEC §5): submissions, their fee tiers and every refusal; jurors and
// declared conflicts. Pre-state, transaction, expectation (STYLE §6).
#include "contracts/festival_keys.hpp"
#include "tests/contracts/festival_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif;
using namespace aif::ledger;
using namespace aif::test;
namespace token = aif::contracts::token;

BOOST_FIXTURE_TEST_SUITE(festival_tests, FestivalFixture)

BOOST_AUTO_TEST_CASE(submission_pays_the_early_bird_fee_to_the_treasury)
{
    const auto submitter = key(1);
    const u128 before = token::balance_of(state, addr(submitter), AIF);
    const u128 treasury_before = token::balance_of(state, genesis.treasury, AIF);
    auto ev = ok(submitter, "SubmitFilm",
                 film_body("Conductor's Dream", "generative_cinema", "short_film", false,
                           {70, 60, 65, 55, 60, 50}, 1, {addr(key(2))}));
    // $400 × 0.75 = $300 = 30000 cents × 0.1 AIF = 3000 AIF.
    const u128 fee = 3000 * AIF_UNIT;
    BOOST_CHECK(token::balance_of(state, addr(submitter), AIF) == before - fee - MIN_FEE);
    BOOST_CHECK(token::balance_of(state, genesis.treasury, AIF) == treasury_before + fee + MIN_FEE);
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "filmId"), "1");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "window"), "early_bird");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "multiplierBps"), "7500");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "feeUsdCents"), "30000");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "fee"), u128_to_string(fee));
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "aiOverall"), "60.00");

    auto film = fest::load_film(state, 1);
    BOOST_REQUIRE(film);
    BOOST_CHECK(film->submitter == addr(submitter));
    BOOST_CHECK_EQUAL(film->title, "Conductor's Dream");
    BOOST_CHECK_EQUAL(film->ai_overall_bps, 6000u);
    BOOST_REQUIRE_EQUAL(film->creators.size(), 1u);
    BOOST_CHECK(film->is_creator(addr(key(2))));
    BOOST_CHECK(film->is_creator(addr(submitter)));  // the submitter always counts
    BOOST_CHECK(film->fee_paid == fee);
    BOOST_CHECK(tally(1).status == fest::FilmStatus::submitted);
    BOOST_CHECK_EQUAL(fest::film_by_hash(state, hash_of(1)).value_or(0), 1u);
    BOOST_CHECK_EQUAL(fest::films_of_edition(state, 2026).size(), 1u);
    BOOST_CHECK(fest::film_submitter(state, 1) == addr(submitter));
    BOOST_CHECK(!fest::film_submitter(state, 2));
}

BOOST_AUTO_TEST_CASE(fee_follows_window_format_and_student_flag)
{
    // Standard window, generative feature: $750 × 1.0 = 7500 AIF.
    now = STANDARD + 10;
    auto ev = ok(key(1), "SubmitFilm",
                 film_body("Feature", "generative_cinema", "generative_feature", false, AI_60, 1));
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "window"), "standard");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "fee"), u128_to_string(7500 * AIF_UNIT));
    // Final call, student interactive work: $225 × 1.5 = $337.50 = 3375 AIF.
    now = FINAL_CALL;
    ev = ok(key(2), "SubmitFilm",
            film_body("Student work", "interactive_narrative", "interactive_work", true, AI_60, 2));
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "window"), "final_call");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "multiplierBps"), "15000");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "feeUsdCents"), "33750");
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "fee"), u128_to_string(3375 * AIF_UNIT));
    // The last second of the final call still counts; the next one does not.
    now = SUBMISSIONS_CLOSE - 1;
    ok(key(3), "SubmitFilm",
       film_body("Just in time", "digital_beings", "short_film", false, AI_60, 3));
}

BOOST_AUTO_TEST_CASE(closed_window_is_refused)
{
    now = SUBMISSIONS_CLOSE;
    refused(key(1), "SubmitFilm",
            film_body("Late", "digital_beings", "short_film", false, AI_60, 1),
            ErrorCode::wrong_phase, "closed 2026-07-10T21:20:00Z");
    BOOST_CHECK_EQUAL(fest::film_count(state), 0u);
}

BOOST_AUTO_TEST_CASE(disclosure_rules)
{
    // A dimension over 100 names its field.
    refused(
        key(1), "SubmitFilm",
        film_body("T", "procedural_emergent", "short_film", false, {101, 60, 60, 60, 60, 60}, 1),
        ErrorCode::invalid_argument, "aiWriting: 101 is over 100");
    refused(
        key(1), "SubmitFilm",
        film_body("T", "procedural_emergent", "short_film", false, {60, 60, 60, 60, 60, 255}, 1),
        ErrorCode::invalid_argument, "aiPost: 255 is over 100");
    // Overall 50.83 %: under the 51 % threshold.
    refused(key(1), "SubmitFilm",
            film_body("T", "procedural_emergent", "short_film", false, {51, 51, 51, 50, 51, 51}, 1),
            ErrorCode::invalid_argument, "overall 50.83 % is under the 51 % AI-native threshold");
    // Overall 75 %: fine for procedural (≤ 90) but outside generative cinema's 51–70 %.
    refused(key(1), "SubmitFilm",
            film_body("T", "generative_cinema", "short_film", false, {75, 75, 75, 75, 75, 75}, 1),
            ErrorCode::invalid_argument, "outside generative_cinema's range 51–70 %");
    // Exactly 51 % and exactly the category maximum are accepted.
    ok(key(1), "SubmitFilm",
       film_body("T", "generative_cinema", "short_film", false, {51, 51, 51, 51, 51, 51}, 1));
    ok(key(1), "SubmitFilm",
       film_body("T", "generative_cinema", "short_film", false, {70, 70, 70, 70, 70, 70}, 2));
    BOOST_CHECK_EQUAL(fest::film_count(state), 2u);
}

BOOST_AUTO_TEST_CASE(weighted_mean_uses_the_edition_weights)
{
    // Pre-state: weights 5,1,1,1,1,1 (writing counts five times).
    auto ed = *fest::load_edition(state, 2026);
    ed.dimension_weights = {5, 1, 1, 1, 1, 1};
    StateOverlay o{state};
    o.put(contracts::keys::edition(2026), encode_edition(ed));
    state.apply(o.changes());
    // (5·30 + 5·90) / 10 = 60 % → accepted; with equal weights it would be 80 %.
    auto ev =
        ok(key(1), "SubmitFilm",
           film_body("W", "generative_cinema", "short_film", false, {30, 90, 90, 90, 90, 90}, 1));
    BOOST_CHECK_EQUAL(attr(ev, "FilmSubmitted", "aiOverall"), "60.00");
    // (5·40 + 5·60) / 10 = 50 % → under the threshold though five dimensions are at 60.
    refused(key(1), "SubmitFilm",
            film_body("W", "generative_cinema", "short_film", false, {40, 60, 60, 60, 60, 60}, 2),
            ErrorCode::invalid_argument, "overall 50.00 %");
}

BOOST_AUTO_TEST_CASE(duplicate_content_hash_is_refused)
{
    submit(key(1), 9);
    refused(key(2), "SubmitFilm",
            film_body("Copy", "procedural_emergent", "short_film", false, AI_60, 9),
            ErrorCode::already_exists, "was already submitted (film 1)");
}

BOOST_AUTO_TEST_CASE(text_and_choice_bounds)
{
    auto with = [&](std::size_t field, Value v) {
        auto b = film_body("Title", "procedural_emergent", "short_film", false, AI_60, 1);
        b[field - 2] = std::move(v);
        return b;
    };
    namespace F = festival_tx::submit_film;
    refused(key(1), "SubmitFilm", with(F::TITLE, std::string{}), ErrorCode::invalid_argument,
            "title: empty");
    refused(key(1), "SubmitFilm", with(F::TITLE, std::string{"bad\ntitle"}),
            ErrorCode::invalid_argument, "title: contains a control character");
    refused(key(1), "SubmitFilm", with(F::TITLE, std::string{"\xc3\x28"}),
            ErrorCode::invalid_argument, "title: not valid UTF-8");
    refused(key(1), "SubmitFilm", with(F::TOOLS, std::string{}), ErrorCode::invalid_argument,
            "tools: empty");
    refused(key(1), "SubmitFilm", with(F::URI, std::string{}), ErrorCode::invalid_argument,
            "uri: empty");
    refused(key(1), "SubmitFilm", with(F::CATEGORY, std::string{"documentary"}),
            ErrorCode::invalid_argument, "category: 'documentary' is not a category");
    refused(key(1), "SubmitFilm", with(F::FORMAT, std::string{"trailer"}),
            ErrorCode::invalid_argument, "format: 'trailer' is not a format");
    refused(key(1), "SubmitFilm",
            with(F::CREATORS, std::vector<Address>{addr(key(2)), addr(key(2))}),
            ErrorCode::invalid_argument, "creators: ");
    refused(key(1), "SubmitFilm", with(F::CREATORS, std::vector<Address>{Address{}}),
            ErrorCode::invalid_argument, "creators: the zero address");
    refused(key(1), "SubmitFilm", with(F::CONTENT_HASH, Hash32{}), ErrorCode::invalid_argument,
            "contentHash");
    refused(key(1), "SubmitFilm", with(F::EDITION, std::uint64_t{2027}), ErrorCode::not_found,
            "no festival edition 2027");
    // A 200-byte title is the longest accepted (longer ones fail the wire codec already).
    ok(key(1), "SubmitFilm", with(F::TITLE, std::string(200, 'x')));
}

BOOST_AUTO_TEST_CASE(unpayable_fee_is_refused)
{
    // Pre-state: a key holding 10 AIF (enough for the tx fee, not for $300 of fee).
    SecretKey poor = key(77);
    StateOverlay o{state};
    BOOST_REQUIRE(token::mint(o, {0, now, {}}, AIF, addr(poor), 10 * AIF_UNIT));
    state.apply(o.changes());
    refused(
        poor, "SubmitFilm", film_body("Poor", "procedural_emergent", "short_film", false, AI_60, 1),
        ErrorCode::insufficient_balance, "submission fee 3000 AIF ($300.00, early_bird × 0.75)");
    BOOST_CHECK(token::balance_of(state, addr(poor), AIF) == 10 * AIF_UNIT);
}

BOOST_AUTO_TEST_CASE(bounded_collections_and_fee_overflow)
{
    // Pre-state: the edition already holds its maximum of films and of jurors.
    StateOverlay o{state};
    o.put(fest::keys::edition_stats(2026),
          encode_u64(fest::MAX_FILMS_PER_EDITION) + fest::keys::be32(fest::MAX_JURORS_PER_EDITION));
    state.apply(o.changes());
    refused(key(1), "SubmitFilm",
            film_body("One too many", "procedural_emergent", "short_film", false, AI_60, 1),
            ErrorCode::limit_exceeded, "100000 films, its limit");
    refused(authority(), "RegisterJuror",
            {std::uint64_t{2026}, addr(key(2)), std::string{"art"}, std::uint64_t{0}},
            ErrorCode::limit_exceeded, "1000 jurors, its limit");
}

BOOST_AUTO_TEST_CASE(a_fee_beyond_2_pow_128_is_an_error_not_a_wrap)
{
    // Pre-state: the largest rate genesis allows (2^100 base units per cent).
    auto ed = *fest::load_edition(state, 2026);
    ed.aif_per_usd_cent = u128{1} << 100;
    StateOverlay o{state};
    o.put(contracts::keys::edition(2026), encode_edition(ed));
    state.apply(o.changes());
    now = FINAL_CALL;  // $750 × 1.5 = 112500 cents × 2^100 > 2^128
    refused(key(1), "SubmitFilm",
            film_body("Priceless", "generative_cinema", "generative_feature", false, AI_60, 1),
            ErrorCode::amount_overflow, "submission fee");
}

BOOST_AUTO_TEST_CASE(jurors_are_registered_by_the_authority_only)
{
    refused(key(1), "RegisterJuror",
            {std::uint64_t{2026}, addr(key(2)), std::string{"art"}, std::uint64_t{1}},
            ErrorCode::unauthorized, "registering a juror is for the festival authority");
    refused(authority(), "RegisterJuror",
            {std::uint64_t{2026}, addr(key(2)), std::string{"critics"}, std::uint64_t{0}},
            ErrorCode::invalid_argument, "faction: 'critics' is not one of art, technology");
    refused(authority(), "RegisterJuror",
            {std::uint64_t{2026}, Address{}, std::string{"art"}, std::uint64_t{0}},
            ErrorCode::invalid_argument, "juror: the zero address");
    refused(authority(), "RegisterJuror",
            {std::uint64_t{1999}, addr(key(2)), std::string{"art"}, std::uint64_t{0}},
            ErrorCode::not_found, "edition");
    auto ev = ok(authority(), "RegisterJuror",
                 {std::uint64_t{2026}, addr(key(2)), std::string{"ethics"}, std::uint64_t{1}});
    BOOST_CHECK_EQUAL(attr(ev, "JurorRegistered", "faction"), "ethics");
    refused(authority(), "RegisterJuror",
            {std::uint64_t{2026}, addr(key(2)), std::string{"art"}, std::uint64_t{0}},
            ErrorCode::already_exists, "already a juror of edition 2026 (ethics)");
    auto j = fest::load_juror(state, 2026, addr(key(2)));
    BOOST_REQUIRE(j);
    BOOST_CHECK(j->faction == fest::Faction::ethics);
    BOOST_CHECK(j->core);
    BOOST_CHECK_EQUAL(fest::jurors_of_edition(state, 2026).size(), 1u);
    BOOST_CHECK_EQUAL(fest::edition_stats(state, 2026).jurors, 1u);
}

BOOST_AUTO_TEST_CASE(declared_conflicts)
{
    const auto film = submit(key(1), 1);
    juror(key(10), "technology", false);
    // Only a juror of the film's edition may declare; unknown films are not found.
    refused(key(11), "DeclareConflict", {film}, ErrorCode::unauthorized,
            "is not a juror of edition 2026");
    refused(key(10), "DeclareConflict", {std::uint64_t{99}}, ErrorCode::not_found,
            "filmId: no film 99");
    auto ev = ok(key(10), "DeclareConflict", {film});
    BOOST_CHECK_EQUAL(attr(ev, "ConflictDeclared", "filmId"), "1");
    BOOST_CHECK(fest::has_conflict(state, film, addr(key(10))));
    refused(key(10), "DeclareConflict", {film}, ErrorCode::already_exists, "already declared");
    // The declaration then bars the juror from the film.
    now = SUBMISSIONS_CLOSE;
    open(1);
    refused(key(10), "R1Review", r1_body(film, true), ErrorCode::conflict_of_interest,
            "declared a conflict with film 1");
    // A declaration after reviewing cannot void the review.
    juror(key(12), "ethics", false);
    r1(key(12), film, true);
    refused(key(12), "DeclareConflict", {film}, ErrorCode::invalid_argument,
            "already judged film 1 in R1");
}

BOOST_AUTO_TEST_SUITE_END()
