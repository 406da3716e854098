// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The authority's round transitions (SPEC §5): open R1 / R2 / R3, end the R2 commit stage,
// close each round with its deterministic outcome.
#include "contracts/festival_keys.hpp"
#include "contracts/festival_rules.hpp"
#include "ledger/tx_types_festival.hpp"

#include <algorithm>

namespace aif::contracts::festival::detail {

using namespace ledger;

namespace {

Result<std::uint8_t> round_of(const VerifiedTx& vt, std::size_t field)
{
    const std::uint64_t r = field_u64(vt, field);
    if (r < 1 || r > 3) return bad("round", std::to_string(r) + " is not 1, 2 or 3");
    return static_cast<std::uint8_t>(r);
}

Event round_event(const char* name, std::uint32_t year, std::uint8_t round, Phase phase)
{
    return Event{name,
                 {{"edition", year_str(year)},
                  {"round", std::to_string(round)},
                  {"phase", std::string{to_string(phase)}}}};
}

/// A film in the R2 ranking.
struct Ranked
{
    std::uint64_t id{0};
    std::uint64_t total{0};
    std::uint32_t count{0};
};

/// SPEC §5 R2 order: higher mean first (total/count compared cross-multiplied, no division);
/// ties → lower film id (the earlier submission). Ends on a unique key (STYLE §4).
bool ranks_before(const Ranked& a, const Ranked& b)
{
    const unsigned __int128 lhs = static_cast<unsigned __int128>(a.total) * b.count;
    const unsigned __int128 rhs = static_cast<unsigned __int128>(b.total) * a.count;
    if (lhs != rhs) return lhs > rhs;
    return a.id < b.id;
}

Apply close_r1(StateOverlay& s, std::uint32_t year)
{
    AIF_CHECK(require_phase(s, year, Phase::r1_open, "cannot close R1"));
    std::uint32_t passed = 0, failed = 0;
    for (std::uint64_t id : films_of_edition(s, year)) {
        AIF_TRY(t, require_tally(s, id));
        // SPEC §5 R1: every film gets its reviews before the round can close.
        if (t.r1_reviews < R1_MIN_REVIEWS)
            return err(ErrorCode::wrong_phase, "cannot close R1: film " + std::to_string(id) +
                                                   " has " + std::to_string(t.r1_reviews) +
                                                   " review(s); each film needs at least " +
                                                   std::to_string(R1_MIN_REVIEWS) + " (SPEC §5)");
        // SPEC §5 R1: a film passes with a strict majority of passing reviews (1–1 fails).
        const bool pass = std::uint64_t{t.r1_passes} * 2 > t.r1_reviews;
        t.status = pass ? FilmStatus::r1_passed : FilmStatus::r1_failed;
        ++(pass ? passed : failed);
        put_tally(s, id, t);
    }
    put_phase(s, year, Phase::r1_closed);
    Event e = round_event("RoundClosed", year, 1, Phase::r1_closed);
    e.attrs.emplace_back("passed", std::to_string(passed));
    e.attrs.emplace_back("failed", std::to_string(failed));
    return Events{std::move(e)};
}

Apply close_r2(StateOverlay& s, std::uint32_t year, const Edition& ed)
{
    AIF_CHECK(require_phase(s, year, Phase::r2_reveal, "cannot close R2"));
    std::vector<Ranked> ranked;
    std::uint32_t unranked = 0;
    for (std::uint64_t id : films_of_edition(s, year)) {
        AIF_TRY(t, require_tally(s, id));
        if (t.status != FilmStatus::r1_passed) continue;
        // SPEC §5 R2: a mean is over at least 3 jurors; a film with fewer revealed scores (a
        // juror never revealed) is not ranked and does not advance.
        if (t.r2_reveals < R2_MIN_SCORES) {
            t.status = FilmStatus::r2_eliminated;
            put_tally(s, id, t);
            ++unranked;
            continue;
        }
        ranked.push_back({id, t.r2_total, t.r2_reveals});
    }
    std::sort(ranked.begin(), ranked.end(), ranks_before);
    // SPEC §5 R2: the top r2_advance_percent advance, rounded up (so at least one film
    // advances whenever one is ranked).
    const std::uint64_t n = ranked.size();
    const std::uint64_t advance = (n * ed.r2_advance_percent + 99) / 100;
    std::string shortlist;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        AIF_TRY(t, require_tally(s, ranked[i].id));
        t.r2_rank = static_cast<std::uint32_t>(i + 1);
        const bool finalist = i < advance;
        t.status = finalist ? FilmStatus::finalist : FilmStatus::r2_eliminated;
        put_tally(s, ranked[i].id, t);
        if (finalist) {
            s.put(keys::shortlisted(year, ranked[i].id), keys::be32(t.r2_rank));
            if (!shortlist.empty()) shortlist += ',';
            shortlist += std::to_string(ranked[i].id);
        }
    }
    put_phase(s, year, Phase::r2_closed);
    Event e = round_event("RoundClosed", year, 2, Phase::r2_closed);
    e.attrs.emplace_back("ranked", std::to_string(n));
    e.attrs.emplace_back("advanced", std::to_string(std::min(advance, n)));
    e.attrs.emplace_back("unranked", std::to_string(unranked));
    e.attrs.emplace_back("shortlist", shortlist);
    return Events{std::move(e)};
}

}  // namespace

Apply apply_open_round(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::open_round;
    const auto year = static_cast<std::uint32_t>(field_u64(vt, F::EDITION));
    AIF_CHECK(require_authority(s, vt.sender, "opening a round"));
    AIF_TRY(ed, require_edition(s, year));
    AIF_TRY(round, round_of(vt, F::ROUND));
    Phase next = Phase::r1_open;
    switch (round) {
        case 1: {
            AIF_CHECK(require_phase(s, year, Phase::submission, "cannot open R1"));
            // SPEC §5 / seeds: the jury review starts after the submission deadline.
            const std::uint64_t deadline = ed.windows.empty() ? 0 : ed.windows.back().end;
            if (ctx.timestamp < deadline)
                return err(ErrorCode::wrong_phase,
                           "cannot open R1 before the submission deadline " + format_utc(deadline) +
                               " (block time " + format_utc(ctx.timestamp) + ")");
            next = Phase::r1_open;
            break;
        }
        case 2:
            AIF_CHECK(require_phase(s, year, Phase::r1_closed, "cannot open R2"));
            next = Phase::r2_commit;
            break;
        default:
            AIF_CHECK(require_phase(s, year, Phase::r2_closed, "cannot open R3"));
            next = Phase::r3_open;
            break;
    }
    put_phase(s, year, next);
    return Events{round_event("RoundOpened", year, round, next)};
}

Apply apply_open_r2_reveal(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    (void)ctx;
    namespace F = festival_tx::open_r2_reveal;
    const auto year = static_cast<std::uint32_t>(field_u64(vt, F::EDITION));
    AIF_CHECK(require_authority(s, vt.sender, "opening R2 reveals"));
    AIF_TRY(ed, require_edition(s, year));
    (void)ed;
    AIF_CHECK(require_phase(s, year, Phase::r2_commit, "cannot open R2 reveals"));
    // SPEC §5 R2: at least 3 jurors per film. Enforced here, while the authority can still
    // recruit jurors, rather than at close, when a missing score could no longer be added.
    for (std::uint64_t id : films_of_edition(s, year)) {
        AIF_TRY(t, require_tally(s, id));
        if (t.status == FilmStatus::r1_passed && t.r2_commits < R2_MIN_SCORES)
            return err(ErrorCode::wrong_phase,
                       "cannot open R2 reveals: film " + std::to_string(id) + " has " +
                           std::to_string(t.r2_commits) + " commitment(s); each R1 film needs " +
                           "at least " + std::to_string(R2_MIN_SCORES) + " (SPEC §5)");
    }
    put_phase(s, year, Phase::r2_reveal);
    return Events{round_event("R2RevealOpened", year, 2, Phase::r2_reveal)};
}

Apply apply_close_round(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    (void)ctx;
    namespace F = festival_tx::close_round;
    const auto year = static_cast<std::uint32_t>(field_u64(vt, F::EDITION));
    AIF_CHECK(require_authority(s, vt.sender, "closing a round"));
    AIF_TRY(ed, require_edition(s, year));
    AIF_TRY(round, round_of(vt, F::ROUND));
    switch (round) {
        case 1:
            return close_r1(s, year);
        case 2:
            return close_r2(s, year, ed);
        default:
            break;
    }
    AIF_CHECK(require_phase(s, year, Phase::r3_open, "cannot close R3"));
    put_phase(s, year, Phase::r3_closed);
    return Events{round_event("RoundClosed", year, 3, Phase::r3_closed)};
}

}  // namespace aif::contracts::festival::detail
