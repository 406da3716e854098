// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Finalisation (SPEC §5): every award decided and its trophy minted in the same transaction;
// the DAO-voted award from the DAO ballot, settled later when the ballot ends after it.
#include "contracts/dao.hpp"
#include "contracts/festival_keys.hpp"
#include "contracts/festival_rules.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_festival.hpp"

namespace aif::contracts::festival::detail {

using namespace ledger;

namespace {

/// A film's standing in one award's R3 tally.
struct Candidate
{
    std::uint64_t film{0};
    std::uint64_t votes{0};
    std::uint32_t r2_rank{0};
};

/// SPEC §5 finalisation: most R3 votes; ties → the better R2 rank (higher R2 mean, then lower
/// film id, as ranked at R2 close); ends on the unique film id (STYLE §4).
bool wins_over(const Candidate& a, const Candidate& b)
{
    if (a.votes != b.votes) return a.votes > b.votes;
    if (a.r2_rank != b.r2_rank) return a.r2_rank < b.r2_rank;
    return a.film < b.film;
}

/// The jury award's winner from its running tally. Reads only the films that received votes in
/// this award: the cost depends on neither the number of voters nor of token holders.
Result<std::optional<Candidate>> jury_winner(const StateView& s, std::uint32_t year,
                                             std::uint16_t award)
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> tallies;
    const std::string prefix = keys::r3_tallies(year, award);
    s.scan(prefix, [&](std::string_view k, std::string_view v) {
        auto film = decode_u64(k.substr(prefix.size()));
        auto votes = decode_u64(v);
        if (film && votes && *votes > 0) tallies.emplace_back(*film, *votes);
        return true;
    });
    std::optional<Candidate> best;
    for (const auto& [film, votes] : tallies) {
        AIF_TRY(t, require_tally(s, film));
        Candidate c{film, votes, t.r2_rank};
        if (!best || wins_over(c, *best)) best = c;
    }
    return best;
}

Event award_event(const char* name, std::uint32_t year, const AwardDef& a)
{
    return Event{
        name, {{"edition", year_str(year)}, {"awardId", a.id}, {"tier", std::to_string(a.tier)}}};
}

/// Mints the trophy of award `index` for `film_id`, records the result and marks the film
/// awarded.
Result<void> decide(StateOverlay& s, const BlockContext& ctx, std::uint32_t year,
                    const AwardDef& award, std::uint16_t index, std::uint64_t film_id,
                    std::uint64_t votes, Events& events)
{
    AIF_TRY(film, require_film(s, film_id));
    AIF_TRY(t, require_tally(s, film_id));
    AIF_TRY(token, mint_trophy(s, ctx, award, year, film, t, events));
    AwardResult r{AwardStatus::decided, film_id, token, static_cast<std::uint32_t>(votes)};
    s.put(keys::award_result(year, index), encode_award_result(r));
    if (t.status == FilmStatus::finalist) {
        t.status = FilmStatus::awarded;
        put_tally(s, film_id, t);
    }
    Event e = award_event("AwardDecided", year, award);
    e.attrs.emplace_back("filmId", std::to_string(film_id));
    e.attrs.emplace_back("tokenId", std::to_string(token));
    e.attrs.emplace_back("owner", to_checksum(film.submitter));
    e.attrs.emplace_back("votes", std::to_string(votes));
    events.push_back(std::move(e));
    return ok();
}

/// The DAO ballot's winner for a "dao" award, if decided and on the shortlist.
std::optional<std::uint64_t> dao_winner(const StateView& s, std::uint32_t year,
                                        const AwardDef& award, std::uint64_t now)
{
    auto film = dao::award_ballot_result(s, year, award.id, now);
    // SPEC §7: the ballot's choices are the R2 shortlist; anything else is not a result.
    if (!film || !s.get(keys::shortlisted(year, *film))) return std::nullopt;
    return film;
}

}  // namespace

Apply apply_finalize_edition(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::finalize_edition;
    const auto year = static_cast<std::uint32_t>(field_u64(vt, F::EDITION));
    AIF_CHECK(require_authority(s, vt.sender, "finalising an edition"));
    AIF_TRY(ed, require_edition(s, year));
    if (phase_of(s, year) == Phase::finalised)
        return err(ErrorCode::wrong_phase, "edition " + year_str(year) + " is already finalised");
    AIF_CHECK(require_phase(s, year, Phase::r3_closed, "cannot finalise before R3 closes"));

    Events events;
    std::uint32_t decided = 0, pending = 0, vacant = 0;
    for (std::size_t i = 0; i < ed.awards.size(); ++i) {
        const AwardDef& award = ed.awards[i];
        const auto index = static_cast<std::uint16_t>(i);
        if (award.kind == "dao") {
            // SPEC §5: the DAO-voted award takes the DAO ballot's result; until that ballot is
            // decided the award stays pending (no trophy) and SettleDaoAward mints it later.
            if (auto film = dao_winner(s, year, award, ctx.timestamp)) {
                AIF_CHECK(decide(s, ctx, year, award, index, *film, 0, events));
                ++decided;
            } else {
                s.put(keys::award_result(year, index), encode_award_result({AwardStatus::pending}));
                Event e = award_event("AwardPending", year, award);
                e.attrs.emplace_back("reason", "DAO ballot not decided");
                events.push_back(std::move(e));
                ++pending;
            }
            continue;
        }
        AIF_TRY(winner, jury_winner(s, year, index));
        if (!winner) {
            // No core juror voted in this award: it is not given this edition.
            s.put(keys::award_result(year, index), encode_award_result({AwardStatus::vacant}));
            events.push_back(award_event("AwardVacant", year, award));
            ++vacant;
            continue;
        }
        AIF_CHECK(decide(s, ctx, year, award, index, winner->film, winner->votes, events));
        ++decided;
    }
    put_phase(s, year, Phase::finalised);
    events.push_back(Event{"EditionFinalized",
                           {{"edition", year_str(year)},
                            {"decided", std::to_string(decided)},
                            {"pending", std::to_string(pending)},
                            {"vacant", std::to_string(vacant)}}});
    return events;
}

Apply apply_settle_dao_award(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::settle_dao_award;
    const auto year = static_cast<std::uint32_t>(field_u64(vt, F::EDITION));
    const std::string& award_id = field_str(vt, F::AWARD_ID);
    AIF_TRY(ed, require_edition(s, year));
    const auto idx = award_index(ed, award_id);
    if (!idx)
        return err(ErrorCode::not_found,
                   "awardId: edition " + year_str(year) + " has no award '" + award_id + "'");
    const AwardDef& award = ed.awards[*idx];
    if (award.kind != "dao")
        return bad("awardId",
                   "'" + award_id + "' is a " + award.kind + " award; only DAO awards are settled");
    AIF_CHECK(
        require_phase(s, year, Phase::finalised, "DAO awards are settled after finalisation"));
    AwardResult current;
    if (auto raw = s.get(keys::award_result(year, *idx))) {
        AIF_TRY(r, decode_award_result(*raw));
        current = r;
    }
    if (current.status == AwardStatus::decided)
        return err(ErrorCode::already_exists, "awardId: '" + award_id + "' was decided (film " +
                                                  std::to_string(current.film_id) + ", token " +
                                                  std::to_string(current.token_id) + ")");
    auto film = dao_winner(s, year, award, ctx.timestamp);
    if (!film)
        return err(ErrorCode::wrong_phase, "the DAO ballot for '" + award_id + "' of edition " +
                                               year_str(year) + " is not decided yet");
    Events events;
    AIF_CHECK(decide(s, ctx, year, award, *idx, *film, 0, events));
    return events;
}

}  // namespace aif::contracts::festival::detail
