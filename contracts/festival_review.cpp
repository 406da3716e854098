// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Jury work (SPEC §5): R1 pass/fail reviews, R2 score commitments and reveals, R3 award votes.
// Every step checks, in this order: the round (wrong_phase), the juror's role (unauthorized),
// the film's eligibility (invalid_argument), conflicts (conflict_of_interest), uniqueness
// (already_exists), then the values.
#include "contracts/festival_keys.hpp"
#include "contracts/festival_rules.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_festival.hpp"

namespace aif::contracts::festival::detail {

using namespace ledger;

namespace {

std::string id_str(std::uint64_t v)
{
    return std::to_string(v);
}

Result<Category> category_of(const StateView& s, const Film& film)
{
    AIF_TRY(ed, require_edition(s, film.edition));
    for (const auto& c : ed.categories)
        if (c.id == film.category) return c;
    return err(ErrorCode::internal, "film category not in its edition");
}

}  // namespace

Apply apply_r1_review(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::r1_review;
    const std::uint64_t film_id = field_u64(vt, F::FILM_ID);
    AIF_TRY(film, require_film(s, film_id));
    AIF_CHECK(require_phase(s, film.edition, Phase::r1_open, "R1 reviews are not open"));
    AIF_TRY(juror, require_juror(s, film.edition, vt.sender));
    // SPEC §5 R1: technology and ethics jurors review.
    if (juror.faction != Faction::technology && juror.faction != Faction::ethics)
        return err(ErrorCode::unauthorized, "R1 reviews are by technology and ethics jurors; " +
                                                to_checksum(vt.sender) + " is " +
                                                std::string{to_string(juror.faction)});
    AIF_CHECK(require_no_conflict(s, film, vt.sender));
    if (s.get(keys::r1_review(film_id, vt.sender)))
        return err(ErrorCode::already_exists, "filmId: juror " + to_checksum(vt.sender) +
                                                  " already reviewed film " + id_str(film_id) +
                                                  " in R1");
    const bool pass = field_bool(vt, F::PASS);
    const bool ethics_ok = field_bool(vt, F::ETHICS_OK);
    const std::uint64_t verified = field_u64(vt, F::VERIFIED_AI);
    if (verified > 100) return bad("verifiedAiPercent", id_str(verified) + " is over 100");
    // A pass is a verdict on the AI-native criteria: it cannot contradict its own figures.
    if (pass && !ethics_ok) return bad("pass", "a passing review needs ethicsOk = true");
    AIF_TRY(cat, category_of(s, film));
    if (pass && (verified < cat.min_ai_percent || verified > cat.max_ai_percent))
        return bad("pass", "a passing review needs verifiedAiPercent within " + cat.id + "'s " +
                               std::to_string(cat.min_ai_percent) + "–" +
                               std::to_string(cat.max_ai_percent) + " %; got " + id_str(verified));

    R1ReviewRecord rec{vt.sender, pass, static_cast<std::uint8_t>(verified), ethics_ok, ctx.height};
    s.put(keys::r1_review(film_id, vt.sender), encode_r1(rec));
    AIF_TRY(t, require_tally(s, film_id));
    AIF_TRY(reviews, inc32(t.r1_reviews, "R1 review"));
    t.r1_reviews = reviews;
    if (pass) ++t.r1_passes;
    put_tally(s, film_id, t);
    AIF_TRY(jr, inc32(juror.r1_reviews, "R1 review"));
    juror.r1_reviews = jr;
    put_juror(s, juror);
    return Events{Event{"R1Reviewed",
                        {{"filmId", id_str(film_id)},
                         {"juror", to_checksum(vt.sender)},
                         {"pass", pass ? "true" : "false"},
                         {"verifiedAiPercent", id_str(verified)},
                         {"ethicsOk", ethics_ok ? "true" : "false"}}}};
}

Apply apply_r2_commit(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::r2_commit;
    const std::uint64_t film_id = field_u64(vt, F::FILM_ID);
    AIF_TRY(film, require_film(s, film_id));
    AIF_CHECK(require_phase(s, film.edition, Phase::r2_commit, "R2 commitments are not open"));
    AIF_TRY(juror, require_juror(s, film.edition, vt.sender));
    AIF_TRY(t, require_tally(s, film_id));
    // SPEC §5 R2: jurors of all four factions score each film that passed R1.
    if (t.status != FilmStatus::r1_passed)
        return bad("filmId", "film " + id_str(film_id) + " is not in R2 (status " +
                                 std::string{to_string(t.status)} + ")");
    AIF_CHECK(require_no_conflict(s, film, vt.sender));
    if (s.get(keys::r2_entry(film_id, vt.sender)))
        return err(ErrorCode::already_exists, "filmId: juror " + to_checksum(vt.sender) +
                                                  " already committed a score for film " +
                                                  id_str(film_id));
    const Hash32 commitment = vt.tx.get<Hash32>(F::COMMITMENT);
    if (commitment.is_zero()) return bad("commitment", "the zero hash is not a commitment");

    R2Entry e;
    e.juror = vt.sender;
    e.commitment = commitment;
    e.committed_height = ctx.height;
    s.put(keys::r2_entry(film_id, vt.sender), encode_r2(e));
    AIF_TRY(commits, inc32(t.r2_commits, "R2 commitment"));
    t.r2_commits = commits;
    put_tally(s, film_id, t);
    AIF_TRY(jc, inc32(juror.r2_commits, "R2 commitment"));
    juror.r2_commits = jc;
    put_juror(s, juror);
    return Events{Event{"R2Committed",
                        {{"filmId", id_str(film_id)},
                         {"juror", to_checksum(vt.sender)},
                         {"commitment", to_hex(commitment)}}}};
}

Apply apply_r2_reveal(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::r2_reveal;
    const std::uint64_t film_id = field_u64(vt, F::FILM_ID);
    AIF_TRY(film, require_film(s, film_id));
    AIF_CHECK(require_phase(s, film.edition, Phase::r2_reveal, "R2 reveals are not open"));
    AIF_TRY(juror, require_juror(s, film.edition, vt.sender));
    AIF_CHECK(require_no_conflict(s, film, vt.sender));
    auto raw = s.get(keys::r2_entry(film_id, vt.sender));
    if (!raw)
        return err(ErrorCode::not_found, "filmId: juror " + to_checksum(vt.sender) +
                                             " has no R2 commitment for film " + id_str(film_id));
    AIF_TRY(entry, decode_r2(*raw));
    if (entry.revealed)
        return err(ErrorCode::already_exists, "filmId: juror " + to_checksum(vt.sender) +
                                                  " already revealed the score for film " +
                                                  id_str(film_id));
    // SPEC §5 R2: four axes, 0 to 10 each.
    std::array<std::uint8_t, 4> scores{};
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const std::uint64_t v = field_u64(vt, F::INNOVATION + i);
        if (v > MAX_AXIS_SCORE) return bad(AXES[i], id_str(v) + " is over 10");
        scores[i] = static_cast<std::uint8_t>(v);
        sum += v;
    }
    const Hash32 salt = vt.tx.get<Hash32>(F::SALT);
    // SPEC §5 R2: the reveal must open the commitment made before anyone could see a score.
    const Hash32 opened = r2_commitment(film_id, vt.sender, scores, salt);
    if (opened != entry.commitment)
        return bad("salt", "the revealed scores and salt do not match the commitment " +
                               to_hex(entry.commitment) + " (they hash to " + to_hex(opened) + ")");

    entry.revealed = true;
    entry.scores = scores;
    entry.revealed_height = ctx.height;
    s.put(keys::r2_entry(film_id, vt.sender), encode_r2(entry));
    AIF_TRY(t, require_tally(s, film_id));
    AIF_TRY(reveals, inc32(t.r2_reveals, "R2 reveal"));
    t.r2_reveals = reveals;
    t.r2_total += sum;  // ≤ 40 per reveal, ≤ 2^32 reveals: cannot overflow u64
    for (std::size_t i = 0; i < 4; ++i) t.r2_axis[i] += scores[i];
    put_tally(s, film_id, t);
    AIF_TRY(jr, inc32(juror.r2_reveals, "R2 reveal"));
    juror.r2_reveals = jr;
    put_juror(s, juror);
    Event ev{"R2Revealed", {{"filmId", id_str(film_id)}, {"juror", to_checksum(vt.sender)}}};
    for (std::size_t i = 0; i < 4; ++i)
        ev.attrs.emplace_back(std::string{AXES[i]}, id_str(scores[i]));
    ev.attrs.emplace_back("total", id_str(sum));
    return Events{std::move(ev)};
}

Apply apply_r3_vote(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    (void)ctx;
    namespace F = festival_tx::r3_vote;
    const std::uint64_t film_id = field_u64(vt, F::FILM_ID);
    const std::string& award_id = field_str(vt, F::AWARD_ID);
    AIF_TRY(film, require_film(s, film_id));
    const std::uint32_t year = film.edition;
    AIF_CHECK(require_phase(s, year, Phase::r3_open, "R3 votes are not open"));
    AIF_TRY(juror, require_juror(s, year, vt.sender));
    // SPEC §5 R3: the core committee votes.
    if (!juror.core)
        return err(ErrorCode::unauthorized, "R3 votes are for core-committee jurors; " +
                                                to_checksum(vt.sender) + " is not core");
    AIF_TRY(ed, require_edition(s, year));
    const auto idx = award_index(ed, award_id);
    if (!idx)
        return err(ErrorCode::not_found,
                   "awardId: edition " + year_str(year) + " has no award '" + award_id + "'");
    const AwardDef& award = ed.awards[*idx];
    if (award.kind != "jury")
        return bad("awardId", "'" + award_id + "' is a " + award.kind +
                                  " award, decided by the DAO ballot, not by R3 votes");
    AIF_TRY(t, require_tally(s, film_id));
    // SPEC §5 R3: votes go to the finalists (the R2 shortlist).
    if (t.status != FilmStatus::finalist)
        return bad("filmId", "film " + id_str(film_id) + " is not an R3 finalist (status " +
                                 std::string{to_string(t.status)} + ")");
    AIF_CHECK(require_no_conflict(s, film, vt.sender));
    if (auto prior = r3_vote_of(s, year, *idx, vt.sender))
        return err(ErrorCode::already_exists, "awardId: juror " + to_checksum(vt.sender) +
                                                  " already voted in '" + award_id + "' (film " +
                                                  id_str(*prior) + ")");

    s.put(keys::r3_vote(year, *idx, vt.sender), encode_u64(film_id));
    const std::string tally_key = keys::r3_tally(year, *idx, film_id);
    AIF_TRY(votes, bump(s, tally_key));
    AIF_TRY(fv, inc32(t.r3_votes, "R3 vote"));
    t.r3_votes = fv;
    put_tally(s, film_id, t);
    AIF_TRY(jv, inc32(juror.r3_votes, "R3 vote"));
    juror.r3_votes = jv;
    put_juror(s, juror);
    return Events{Event{"R3Voted",
                        {{"edition", year_str(year)},
                         {"awardId", award_id},
                         {"filmId", id_str(film_id)},
                         {"juror", to_checksum(vt.sender)},
                         {"votes", id_str(votes)}}}};
}

}  // namespace aif::contracts::festival::detail
