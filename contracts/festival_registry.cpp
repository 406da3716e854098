// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The festival registry: film submissions (SPEC §5), juror registration and declared conflicts.
#include "contracts/festival_keys.hpp"
#include "contracts/festival_rules.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_festival.hpp"

#include <set>

namespace aif::contracts::festival::detail {

using namespace ledger;

namespace {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool valid_utf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<std::uint8_t>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= s.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<std::uint8_t>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr std::uint32_t MIN_CP[4] = {0, 0x80, 0x800, 0x10000};
        if (cp < MIN_CP[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

/// SPEC §5 text bounds: 1..max bytes of UTF-8 without control characters.
Result<void> check_text(std::string_view field, const std::string& v, std::uint32_t max)
{
    if (v.empty()) return bad(field, "empty; must be 1 to " + std::to_string(max) + " bytes");
    if (v.size() > max)
        return bad(field, std::to_string(v.size()) + " bytes is over the " + std::to_string(max) +
                              "-byte limit");
    if (!valid_utf8(v)) return bad(field, "not valid UTF-8");
    for (char ch : v) {
        const auto c = static_cast<std::uint8_t>(ch);
        if (c < 0x20 || c == 0x7f) return bad(field, "contains a control character");
    }
    return ok();
}

/// Whole AIF with up to 18 decimals, trailing zeros trimmed ("5625", "0.5").
std::string aif_str(u128 v)
{
    static constexpr u128 UNIT = 1'000'000'000'000'000'000ULL;
    std::string whole = u128_to_string(v / UNIT);
    u128 frac = v % UNIT;
    if (frac == 0) return whole + " AIF";
    std::string f = u128_to_string(frac);
    f = std::string(18 - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    return whole + "." + f + " AIF";
}

std::string usd_str(std::uint64_t cents)
{
    std::string out = "$";
    out += format_hundredths(cents, 100);
    return out;
}

Error window_closed(const Edition& ed, std::uint64_t now)
{
    const std::string y = year_str(ed.year);
    const std::string t = "block time " + format_utc(now);
    if (ed.windows.empty()) return err(ErrorCode::wrong_phase, "edition " + y + " has no windows");
    if (now < ed.windows.front().start)
        return err(ErrorCode::wrong_phase, "submission window of edition " + y + " opens " +
                                               format_utc(ed.windows.front().start) + "; " + t);
    if (now >= ed.windows.back().end)
        return err(ErrorCode::wrong_phase, "submission window of edition " + y + " closed " +
                                               format_utc(ed.windows.back().end) + " (end of " +
                                               ed.windows.back().name + "); " + t);
    return err(ErrorCode::wrong_phase,
               "no submission window of edition " + y + " is open at " + format_utc(now));
}

}  // namespace

Apply apply_submit_film(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::submit_film;
    const auto year = static_cast<std::uint32_t>(field_u64(vt, F::EDITION));
    AIF_TRY(ed, require_edition(s, year));

    // SPEC §5: the window (and its fee multiplier) is decided by block time; once the jury
    // review has begun nothing more is accepted.
    const Phase phase = phase_of(s, year);
    if (phase != Phase::submission)
        return err(ErrorCode::wrong_phase, "submissions to edition " + year_str(year) +
                                               " are closed: the jury review has begun (phase " +
                                               std::string{to_string(phase)} + ")");
    const auto w = window_at(ed, ctx.timestamp);
    if (!w) return window_closed(ed, ctx.timestamp);
    const SubmissionWindow& window = ed.windows[*w];

    const std::string& title = field_str(vt, F::TITLE);
    const std::string& tools = field_str(vt, F::TOOLS);
    const std::string& uri = field_str(vt, F::URI);
    AIF_CHECK(check_text("title", title, festival_tx::MAX_TITLE));
    AIF_CHECK(check_text("tools", tools, festival_tx::MAX_TOOLS));
    AIF_CHECK(check_text("uri", uri, festival_tx::MAX_URI));

    const std::string& category = field_str(vt, F::CATEGORY);
    const Category* cat = nullptr;
    std::string known;
    for (const auto& c : ed.categories) {
        if (!known.empty()) known += ", ";
        known += c.id;
        if (c.id == category) cat = &c;
    }
    if (!cat)
        return bad("category", "'" + category + "' is not a category of edition " + year_str(year) +
                                   " (" + known + ")");
    const std::string& format = field_str(vt, F::FORMAT);
    const FormatFee* fee_row = nullptr;
    known.clear();
    for (const auto& f : ed.fees) {
        if (!known.empty()) known += ", ";
        known += f.format;
        if (f.format == format) fee_row = &f;
    }
    if (!fee_row)
        return bad("format", "'" + format + "' is not a format of edition " + year_str(year) +
                                 " (" + known + ")");
    const bool student = field_bool(vt, F::STUDENT);

    std::vector<Address> creators = vt.tx.get<std::vector<Address>>(F::CREATORS);
    std::set<Address> seen;
    for (const auto& c : creators) {
        if (c.is_zero()) return bad("creators", "the zero address cannot be a creator");
        if (!seen.insert(c).second) return bad("creators", to_checksum(c) + " is listed twice");
    }
    if (creators.empty()) creators.push_back(vt.sender);

    // SPEC §5: six dimensions 0..100 each; the overall figure is their weighted mean, which
    // must reach 51 % and fall within the category's range. No division: compared as
    // cross-multiplied fractions (STYLE §4).
    static constexpr std::array<std::string_view, 6> FIELD_NAMES = {
        "aiWriting", "aiDirection", "aiGeneration", "aiEditing", "aiSound", "aiPost"};
    std::array<std::uint8_t, 6> ai{};
    std::uint64_t weighted = 0, weights = 0;
    for (std::size_t i = 0; i < 6; ++i) {
        const std::uint64_t v = field_u64(vt, F::AI_WRITING + i);
        if (v > 100) return bad(FIELD_NAMES[i], std::to_string(v) + " is over 100");
        ai[i] = static_cast<std::uint8_t>(v);
        const std::uint64_t wgt = i < ed.dimension_weights.size() ? ed.dimension_weights[i] : 0;
        weighted += wgt * v;
        weights += wgt;
    }
    if (weights == 0) return err(ErrorCode::internal, "edition dimension weights sum to zero");
    const std::string overall = format_hundredths(weighted, weights) + " %";
    if (weighted < 51 * weights)
        return bad("aiParticipation",
                   "overall " + overall + " is under the 51 % AI-native threshold (SPEC §5)");
    if (weighted < std::uint64_t{cat->min_ai_percent} * weights ||
        weighted > std::uint64_t{cat->max_ai_percent} * weights)
        return bad("aiParticipation", "overall " + overall + " is outside " + cat->id +
                                          "'s range " + std::to_string(cat->min_ai_percent) + "–" +
                                          std::to_string(cat->max_ai_percent) + " %");

    const Hash32 content_hash = vt.tx.get<Hash32>(F::CONTENT_HASH);
    if (content_hash.is_zero()) return bad("contentHash", "the zero hash is not a sha-256 digest");
    // SPEC §5: a duplicate content hash is rejected.
    if (auto prior = film_by_hash(s, content_hash))
        return err(ErrorCode::already_exists, "contentHash: " + to_hex(content_hash) +
                                                  " was already submitted (film " +
                                                  std::to_string(*prior) + ")");

    EditionStats stats = edition_stats(s, year);
    if (stats.films >= MAX_FILMS_PER_EDITION)
        return err(ErrorCode::limit_exceeded, "edition " + year_str(year) + " holds " +
                                                  std::to_string(MAX_FILMS_PER_EDITION) +
                                                  " films, its limit");

    // SPEC §5: fee = base (format × student, USD cents) × window multiplier, in AIF at the
    // edition's rate; rounded down; paid to the treasury.
    const std::uint64_t base = student ? fee_row->student_usd_cents : fee_row->usd_cents;
    const std::uint64_t scaled = base * window.multiplier_bps;  // ≤ 1e8 · 1e5: no overflow
    const std::uint64_t usd_cents = scaled / 10000;
    const auto product = checked_mul(u128{scaled}, ed.aif_per_usd_cent);
    if (!product) return err(ErrorCode::amount_overflow, "submission fee");
    const u128 amount = *product / 10000;
    AIF_TRY(cfg, read_chain_config(s));
    const u128 balance = token::balance_of(s, vt.sender, AIF);
    if (balance < amount)
        return err(ErrorCode::insufficient_balance,
                   "submission fee " + aif_str(amount) + " (" + usd_str(usd_cents) + ", " +
                       window.name + " × " + format_hundredths(window.multiplier_bps, 10000) +
                       ") exceeds the AIF balance " + aif_str(balance));
    if (amount > 0) AIF_CHECK(token::move(s, ctx, AIF, vt.sender, cfg.treasury, amount));

    AIF_TRY(id, bump(s, keys::LAST_FILM));
    Film film;
    film.id = id;
    film.edition = year;
    film.submitter = vt.sender;
    film.title = title;
    film.category = category;
    film.format = format;
    film.student = student;
    film.creators = std::move(creators);
    film.ai = ai;
    film.ai_overall_bps = static_cast<std::uint32_t>(weighted * 100 / weights);
    film.tools = tools;
    film.content_hash = content_hash;
    film.uri = uri;
    film.submitted_at = ctx.timestamp;
    film.height = ctx.height;
    film.window = window.name;
    film.multiplier_bps = window.multiplier_bps;
    film.fee_usd_cents = usd_cents;
    film.fee_paid = amount;
    s.put(keys::film(id), encode_film(film));
    put_tally(s, id, FilmTally{});
    s.put(keys::edition_film(year, id), "");
    s.put(keys::content_hash(content_hash), encode_u64(id));
    ++stats.films;
    put_stats(s, year, stats);

    return Events{Event{"FilmSubmitted",
                        {{"filmId", std::to_string(id)},
                         {"edition", year_str(year)},
                         {"submitter", to_checksum(vt.sender)},
                         {"category", category},
                         {"format", format},
                         {"student", student ? "true" : "false"},
                         {"aiOverall", format_hundredths(weighted, weights)},
                         {"contentHash", to_hex(content_hash)},
                         {"window", window.name},
                         {"multiplierBps", std::to_string(window.multiplier_bps)},
                         {"feeUsdCents", std::to_string(usd_cents)},
                         {"fee", u128_to_string(amount)},
                         {"treasury", to_checksum(cfg.treasury)}}}};
}

Apply apply_register_juror(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::register_juror;
    const auto year = static_cast<std::uint32_t>(field_u64(vt, F::EDITION));
    // SPEC §5: jurors are registered by the authority only.
    AIF_CHECK(require_authority(s, vt.sender, "registering a juror"));
    AIF_TRY(ed, require_edition(s, year));
    (void)ed;
    if (phase_of(s, year) == Phase::finalised)
        return err(ErrorCode::wrong_phase, "edition " + year_str(year) + " is finalised");
    const Address who = vt.tx.get<Address>(F::JUROR);
    if (who.is_zero()) return bad("juror", "the zero address cannot be a juror");
    const std::string& faction_name = field_str(vt, F::FACTION);
    const auto faction = faction_from(faction_name);
    if (!faction)
        return bad("faction",
                   "'" + faction_name + "' is not one of art, technology, ethics, community");
    if (auto existing = load_juror(s, year, who))
        return err(ErrorCode::already_exists,
                   "juror: " + to_checksum(who) + " is already a juror of edition " +
                       year_str(year) + " (" + std::string{to_string(existing->faction)} + ")");
    EditionStats stats = edition_stats(s, year);
    if (stats.jurors >= MAX_JURORS_PER_EDITION)
        return err(ErrorCode::limit_exceeded, "edition " + year_str(year) + " has " +
                                                  std::to_string(MAX_JURORS_PER_EDITION) +
                                                  " jurors, its limit");
    Juror j;
    j.address = who;
    j.edition = year;
    j.faction = *faction;
    j.core = field_bool(vt, F::CORE);
    j.registered_height = ctx.height;
    put_juror(s, j);
    ++stats.jurors;
    put_stats(s, year, stats);
    return Events{Event{"JurorRegistered",
                        {{"edition", year_str(year)},
                         {"juror", to_checksum(who)},
                         {"faction", std::string{to_string(j.faction)}},
                         {"core", j.core ? "true" : "false"}}}};
}

Apply apply_declare_conflict(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    (void)ctx;
    namespace F = festival_tx::declare_conflict;
    const std::uint64_t film_id = field_u64(vt, F::FILM_ID);
    AIF_TRY(film, require_film(s, film_id));
    AIF_TRY(juror, require_juror(s, film.edition, vt.sender));
    if (phase_of(s, film.edition) == Phase::finalised)
        return err(ErrorCode::wrong_phase, "edition " + year_str(film.edition) + " is finalised");
    if (has_conflict(s, film_id, vt.sender))
        return err(ErrorCode::already_exists, "filmId: juror " + to_checksum(vt.sender) +
                                                  " already declared a conflict with film " +
                                                  std::to_string(film_id));
    // A declaration must come before judging: it cannot void a review already counted.
    const std::string late = "juror already judged film " + std::to_string(film_id) +
                             " in %; a conflict must be declared before reviewing";
    auto late_in = [&](const char* round) {
        std::string m = late;
        m.replace(m.find('%'), 1, round);
        return bad("filmId", m);
    };
    if (s.get(keys::r1_review(film_id, vt.sender))) return late_in("R1");
    if (s.get(keys::r2_entry(film_id, vt.sender))) return late_in("R2");
    AIF_TRY(ed, require_edition(s, film.edition));
    for (std::size_t i = 0; i < ed.awards.size(); ++i)
        if (r3_vote_of(s, film.edition, static_cast<std::uint16_t>(i), vt.sender) == film_id)
            return late_in("R3");
    s.put(keys::conflict(film_id, vt.sender), "");
    AIF_TRY(n, inc32(juror.conflicts, "conflict"));
    juror.conflicts = n;
    put_juror(s, juror);
    return Events{Event{"ConflictDeclared",
                        {{"filmId", std::to_string(film_id)},
                         {"edition", year_str(film.edition)},
                         {"juror", to_checksum(vt.sender)}}}};
}

}  // namespace aif::contracts::festival::detail
