// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Finalisation and trophies (SPEC §5, §6): winners and tie-breaks, vacant and pending (DAO)
// awards, one trophy per award to the film's submitter, metadata, provenance, transfers, and a
// finalisation whose cost does not depend on the number of token holders.
#include "ledger/counting_view.hpp"
#include "contracts/festival_keys.hpp"
#include "tests/contracts/festival_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace aif;
using namespace aif::ledger;
using namespace aif::test;
namespace token = aif::contracts::token;

namespace {

/// Pre-state: six films through R1 and R2 (means 9, 8, 7, 6, 5, 4 → finalists 1, 2, 3), R3 open.
/// Film 2 is co-created by key 5.
struct AwardFixture : FestivalFixture
{
    std::vector<std::uint64_t> films;
    AwardFixture()
    {
        for (int i = 1; i <= 6; ++i) {
            std::vector<Address> creators;
            if (i == 2) creators = {addr(key(2)), addr(key(5))};
            films.push_back(submit(key(i), i, "procedural_emergent", AI_60, creators));
        }
        juror(key(11), "technology", true);
        juror(key(12), "ethics", true);
        juror(key(14), "art", true);
        juror(key(15), "community", false);
        now = SUBMISSIONS_CLOSE;
        open(1);
        for (auto f : films) {
            r1(key(11), f, true);
            r1(key(12), f, true);
        }
        close(1);
        open(2);
        for (auto f : films)
            for (int j : {11, 12, 14}) commit(key(j), f, score(f));
        open_reveal();
        for (auto f : films)
            for (int j : {11, 12, 14}) reveal(key(j), f, score(f));
        close(2);
        open(3);
    }
    static std::array<std::uint8_t, 4> score(std::uint64_t film)
    {
        const auto v = static_cast<std::uint8_t>(10 - film);
        return {v, v, v, v};
    }
    /// R3 as the tests use it: unicorn 2–1 for film 2; best film 1–1 (tie); responsible AI 1–0.
    void vote_and_close()
    {
        vote(key(11), 2, "unicorn_gold");
        vote(key(12), 2, "unicorn_gold");
        vote(key(14), 1, "unicorn_gold");
        vote(key(11), 3, "best_ai_native_film");
        vote(key(12), 1, "best_ai_native_film");
        vote(key(14), 3, "responsible_ai");
        close(3);
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

BOOST_FIXTURE_TEST_SUITE(festival_award_tests, AwardFixture)

BOOST_AUTO_TEST_CASE(finalisation_decides_awards_and_mints_one_trophy_each)
{
    BOOST_CHECK(fest::r2_shortlist(state, 2026) == (std::vector<std::uint64_t>{1, 2, 3}));
    refused(authority(), "FinalizeEdition", {std::uint64_t{2026}}, ErrorCode::wrong_phase,
            "cannot finalise before R3 closes");
    vote_and_close();
    refused(key(11), "FinalizeEdition", {std::uint64_t{2026}}, ErrorCode::unauthorized,
            "finalising an edition is for the festival authority");
    auto ev = ok(authority(), "FinalizeEdition", {std::uint64_t{2026}});
    BOOST_CHECK_EQUAL(attr(ev, "EditionFinalized", "decided"), "3");
    BOOST_CHECK_EQUAL(attr(ev, "EditionFinalized", "pending"), "1");
    BOOST_CHECK_EQUAL(attr(ev, "EditionFinalized", "vacant"), "23");
    BOOST_CHECK(phase() == fest::Phase::finalised);

    // Most votes wins; a 1–1 tie goes to the better R2 rank (film 1, mean 9).
    auto unicorn = award("unicorn_gold");
    BOOST_CHECK(unicorn.result.status == fest::AwardStatus::decided);
    BOOST_CHECK_EQUAL(unicorn.result.film_id, 2u);
    BOOST_CHECK_EQUAL(unicorn.result.votes, 2u);
    BOOST_CHECK_EQUAL(unicorn.result.token_id, 1u);
    BOOST_CHECK_EQUAL(award("best_ai_native_film").result.film_id, 1u);
    BOOST_CHECK_EQUAL(award("responsible_ai").result.film_id, 3u);
    BOOST_CHECK(award("best_sound").result.status == fest::AwardStatus::vacant);
    // SPEC §5: the DAO award waits for the DAO ballot (none yet): pending, no trophy.
    auto dao = award("dao_voted");
    BOOST_CHECK(dao.result.status == fest::AwardStatus::pending);
    BOOST_CHECK_EQUAL(dao.result.token_id, 0u);

    // One trophy per decided award, owned by the film's submitter, in the owner's list.
    BOOST_CHECK_EQUAL(fest::trophy_count(state), 3u);
    for (auto a : {unicorn, award("best_ai_native_film"), award("responsible_ai")}) {
        auto owner = fest::trophy_owner(state, a.result.token_id);
        BOOST_REQUIRE(owner);
        BOOST_CHECK(owner->owner == *fest::film_submitter(state, a.result.film_id));
        auto mine = fest::trophies_of(state, owner->owner);
        BOOST_CHECK(std::find(mine.begin(), mine.end(), a.result.token_id) != mine.end());
        auto prov = fest::provenance_of(state, a.result.token_id);
        BOOST_REQUIRE_EQUAL(prov.size(), 1u);
        BOOST_CHECK(prov[0].from.is_zero());
        BOOST_CHECK(prov[0].to == owner->owner);
    }
    auto t = fest::load_trophy(state, 1);
    BOOST_REQUIRE(t);
    BOOST_CHECK_EQUAL(t->award_name, "Unicorn Gold Award");
    BOOST_CHECK_EQUAL(t->tier, 1u);
    BOOST_CHECK_EQUAL(t->film_id, 2u);
    BOOST_CHECK_EQUAL(t->film_title, "Film 2");
    BOOST_CHECK_EQUAL(t->creators.size(), 2u);
    BOOST_CHECK(t->content_hash == hash_of(2));
    BOOST_CHECK_EQUAL(t->r2_total, 3u * 32u);  // three reveals of 8+8+8+8
    BOOST_CHECK_EQUAL(t->r2_count, 3u);
    BOOST_CHECK_EQUAL(t->minted_height, height - 1);
    BOOST_CHECK(fest::trophies_of_edition(state, 2026) == (std::vector<std::uint64_t>{1, 2, 3}));
    BOOST_CHECK(tally(2).status == fest::FilmStatus::awarded);

    // Finalising twice, voting afterwards: the wrong phase.
    refused(authority(), "FinalizeEdition", {std::uint64_t{2026}}, ErrorCode::wrong_phase,
            "already finalised");
    refused(key(15), "R3Vote", {std::uint64_t{1}, std::string{"best_sound"}},
            ErrorCode::wrong_phase, "R3 votes are not open");
    refused(authority(), "RegisterJuror",
            {std::uint64_t{2026}, addr(key(30)), std::string{"art"}, std::uint64_t{0}},
            ErrorCode::wrong_phase, "finalised");
}

BOOST_AUTO_TEST_CASE(dao_award_is_settled_only_from_a_decided_ballot)
{
    refused(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"dao_voted"}},
            ErrorCode::wrong_phase, "settled after finalisation");
    vote_and_close();
    finalize();
    refused(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"dao_voted"}},
            ErrorCode::wrong_phase, "is not decided yet");
    refused(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"unicorn_gold"}},
            ErrorCode::invalid_argument, "only DAO awards are settled");
    refused(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"nope"}},
            ErrorCode::not_found, "no award 'nope'");
}

BOOST_AUTO_TEST_CASE(a_dao_ballot_decided_after_finalisation_is_settled_with_its_trophy)
{
    // Pre-state: three holders delegate to themselves; an award ballot over the shortlist opens
    // (DAO module, SPEC §7) and they vote film 3 — but it is still open at finalisation.
    for (int i : {21, 22, 23}) ok(key(i), "Delegate", {addr(key(i))});
    auto created = ok(key(21), "ProposeAwardBallot",
                      {std::string{"DAO-voted award 2026"}, std::string{""}, std::uint64_t{2026},
                       std::string{"dao_voted"}});
    const std::uint64_t ballot = std::stoull(attr(created, "ProposalCreated", "proposalId"));
    const std::uint64_t end = std::stoull(attr(created, "ProposalCreated", "end"));
    for (int i : {21, 22, 23}) ok(key(i), "Vote", {ballot, std::string{"3"}});
    vote_and_close();
    finalize();
    BOOST_CHECK(award("dao_voted").result.status == fest::AwardStatus::pending);
    refused(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"dao_voted"}},
            ErrorCode::wrong_phase, "is not decided yet");
    // The ballot ends: anyone settles the award, which mints its trophy to film 3's submitter.
    now = end + 1;
    auto ev = ok(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"dao_voted"}});
    BOOST_CHECK_EQUAL(attr(ev, "AwardDecided", "filmId"), "3");
    auto dao = award("dao_voted");
    BOOST_CHECK(dao.result.status == fest::AwardStatus::decided);
    BOOST_CHECK_EQUAL(dao.result.film_id, 3u);
    BOOST_REQUIRE(dao.result.token_id != 0);
    BOOST_CHECK(fest::trophy_owner(state, dao.result.token_id)->owner == addr(key(3)));
    BOOST_CHECK_EQUAL(fest::load_trophy(state, dao.result.token_id)->award_id, "dao_voted");
    refused(key(20), "SettleDaoAward", {std::uint64_t{2026}, std::string{"dao_voted"}},
            ErrorCode::already_exists, "was decided (film 3");
}

BOOST_AUTO_TEST_CASE(trophies_move_only_by_their_owner_and_keep_provenance)
{
    vote_and_close();
    finalize();
    const std::uint64_t token = award("unicorn_gold").result.token_id;
    const SecretKey owner = key(2);
    refused(key(3), "TransferTrophy", {token, addr(key(3))}, ErrorCode::unauthorized,
            "is owned by");
    refused(owner, "TransferTrophy", {std::uint64_t{99}, addr(key(3))}, ErrorCode::not_found,
            "no trophy 99");
    refused(owner, "TransferTrophy", {token, Address{}}, ErrorCode::invalid_argument,
            "zero address");
    refused(owner, "TransferTrophy", {token, addr(owner)}, ErrorCode::invalid_argument,
            "already the owner");
    auto ev = ok(owner, "TransferTrophy", {token, addr(key(9))});
    BOOST_CHECK_EQUAL(attr(ev, "TrophyTransferred", "to"), to_checksum(addr(key(9))));
    BOOST_CHECK(fest::trophy_owner(state, token)->owner == addr(key(9)));
    BOOST_CHECK(fest::trophies_of(state, addr(owner)).empty());
    BOOST_CHECK(fest::trophies_of(state, addr(key(9))) == std::vector<std::uint64_t>{token});
    ok(key(9), "TransferTrophy", {token, addr(key(10))});
    auto prov = fest::provenance_of(state, token);
    BOOST_REQUIRE_EQUAL(prov.size(), 3u);
    BOOST_CHECK(prov[1].from == addr(owner) && prov[1].to == addr(key(9)));
    BOOST_CHECK(prov[2].from == addr(key(9)) && prov[2].to == addr(key(10)));
    // The old owner can no longer move it; the metadata never changed.
    refused(owner, "TransferTrophy", {token, addr(owner)}, ErrorCode::unauthorized, "");
    BOOST_CHECK_EQUAL(fest::load_trophy(state, token)->film_id, 2u);
}

BOOST_AUTO_TEST_CASE(finalisation_cost_does_not_grow_with_token_holders)
{
    vote_and_close();
    auto reads_of_finalise = [&] {
        CountingView counting{state};
        StateOverlay o{counting};
        auto tx = make(authority(), "FinalizeEdition", {std::uint64_t{2026}});
        auto r = contracts::apply_tx(o, {height, now, {}}, verified(tx, chain_id()));
        BOOST_REQUIRE_MESSAGE(r, (r ? "" : r.error().message()));
        return counting.reads();
    };
    const std::uint64_t before = reads_of_finalise();
    // Pre-state: 20,000 more AIF holders.
    StateOverlay o{state};
    for (std::uint32_t i = 0; i < 20'000; ++i) {
        Address a;
        a.bytes[0] = 0xab;
        for (int b = 0; b < 4; ++b) a.bytes[16 + b] = static_cast<std::uint8_t>(i >> (8 * b));
        BOOST_REQUIRE(token::mint(o, {0, now, {}}, AIF, a, AIF_UNIT));
    }
    state.apply(o.changes());
    const std::uint64_t after = reads_of_finalise();
    BOOST_TEST_MESSAGE("finalisation reads: " << before << " before, " << after << " after");
    BOOST_CHECK_EQUAL(before, after);
}

BOOST_AUTO_TEST_CASE(same_transactions_give_the_same_root)
{
    vote_and_close();
    finalize();
    AwardFixture other;
    other.vote_and_close();
    other.finalize();
    BOOST_CHECK(state.root() == other.state.root());
}

BOOST_AUTO_TEST_SUITE_END()
