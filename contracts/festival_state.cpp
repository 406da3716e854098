// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/festival_state.hpp"

#include "contracts/festival_keys.hpp"
#include "contracts/keys.hpp"
#include "ledger/codec.hpp"
#include "ledger/crypto.hpp"

#include <algorithm>

namespace aif::contracts::festival {

using namespace ledger;

namespace {


template <typename T, typename Decode>
std::optional<T> load(const StateView& s, const std::string& key, Decode decode)
{
    auto raw = s.get(key);
    if (!raw) return std::nullopt;
    auto v = decode(*raw);
    if (!v) return std::nullopt;
    return std::move(v).value();
}

}  // namespace

std::string_view to_string(Phase p) noexcept
{
    switch (p) {
        case Phase::submission:
            return "submission";
        case Phase::r1_open:
            return "r1_open";
        case Phase::r1_closed:
            return "r1_closed";
        case Phase::r2_commit:
            return "r2_commit";
        case Phase::r2_reveal:
            return "r2_reveal";
        case Phase::r2_closed:
            return "r2_closed";
        case Phase::r3_open:
            return "r3_open";
        case Phase::r3_closed:
            return "r3_closed";
        case Phase::finalised:
            return "finalised";
    }
    return "unknown";
}

std::string_view to_string(Faction f) noexcept
{
    switch (f) {
        case Faction::art:
            return "art";
        case Faction::technology:
            return "technology";
        case Faction::ethics:
            return "ethics";
        case Faction::community:
            return "community";
    }
    return "unknown";
}

std::optional<Faction> faction_from(std::string_view name) noexcept
{
    for (auto f : {Faction::art, Faction::technology, Faction::ethics, Faction::community})
        if (to_string(f) == name) return f;
    return std::nullopt;
}

std::string_view to_string(FilmStatus s) noexcept
{
    switch (s) {
        case FilmStatus::submitted:
            return "submitted";
        case FilmStatus::r1_passed:
            return "r1_passed";
        case FilmStatus::r1_failed:
            return "r1_failed";
        case FilmStatus::finalist:
            return "finalist";
        case FilmStatus::r2_eliminated:
            return "r2_eliminated";
        case FilmStatus::awarded:
            return "awarded";
    }
    return "unknown";
}

std::optional<FilmStatus> film_status_from(std::string_view name) noexcept
{
    for (auto s : {FilmStatus::submitted, FilmStatus::r1_passed, FilmStatus::r1_failed,
                   FilmStatus::finalist, FilmStatus::r2_eliminated, FilmStatus::awarded})
        if (to_string(s) == name) return s;
    return std::nullopt;
}

std::string_view to_string(AwardStatus s) noexcept
{
    switch (s) {
        case AwardStatus::open:
            return "open";
        case AwardStatus::decided:
            return "decided";
        case AwardStatus::pending:
            return "pending";
        case AwardStatus::vacant:
            return "vacant";
    }
    return "unknown";
}

bool Film::is_creator(const Address& a) const
{
    if (a == submitter) return true;
    for (const auto& c : creators)
        if (c == a) return true;
    return false;
}

// ---- queries --------------------------------------------------------------------------------

std::optional<Edition> load_edition(const StateView& s, std::uint32_t year)
{
    return load<Edition>(s, contracts::keys::edition(year), decode_edition);
}

std::vector<std::uint32_t> edition_years(const StateView& s)
{
    std::vector<std::uint32_t> out;
    const std::string prefix = contracts::keys::edition(0).substr(0, 8);  // "fest/ed/"
    s.scan(prefix, [&](std::string_view k, std::string_view) {
        if (k.size() != prefix.size() + 4) return true;
        std::uint32_t y = 0;
        for (std::size_t i = prefix.size(); i < k.size(); ++i)
            y = (y << 8) | static_cast<std::uint8_t>(k[i]);
        out.push_back(y);
        return true;
    });
    return out;
}

Phase phase_of(const StateView& s, std::uint32_t year)
{
    auto raw = s.get(keys::phase(year));
    if (!raw || raw->size() != 1) return Phase::submission;
    const auto v = static_cast<std::uint8_t>((*raw)[0]);
    if (v > static_cast<std::uint8_t>(Phase::finalised)) return Phase::submission;
    return static_cast<Phase>(v);
}

EditionStats edition_stats(const StateView& s, std::uint32_t year)
{
    EditionStats st;
    auto raw = s.get(keys::edition_stats(year));
    if (!raw) return st;
    Reader r{bytes_of(*raw)};
    st.films = r.u64();
    st.jurors = r.u32();
    if (!r.done()) return {};
    return st;
}

std::optional<std::size_t> window_at(const Edition& e, std::uint64_t time)
{
    for (std::size_t i = 0; i < e.windows.size(); ++i)
        if (time >= e.windows[i].start && time < e.windows[i].end) return i;
    return std::nullopt;
}

std::optional<Film> load_film(const StateView& s, std::uint64_t id)
{
    return load<Film>(s, keys::film(id), decode_film);
}

std::optional<FilmTally> load_tally(const StateView& s, std::uint64_t id)
{
    return load<FilmTally>(s, keys::film_tally(id), decode_tally);
}

std::optional<std::uint64_t> film_by_hash(const StateView& s, const Hash32& content_hash)
{
    auto raw = s.get(keys::content_hash(content_hash));
    if (!raw) return std::nullopt;
    return decode_u64(*raw);
}

std::vector<std::uint64_t> films_of_edition(const StateView& s, std::uint32_t year)
{
    std::vector<std::uint64_t> out;
    const std::string prefix = keys::edition_films(year);
    s.scan(prefix, [&](std::string_view k, std::string_view) {
        if (auto id = decode_u64(k.substr(prefix.size()))) out.push_back(*id);
        return true;
    });
    return out;
}

std::uint64_t film_count(const StateView& s)
{
    auto raw = s.get(keys::LAST_FILM);
    return raw ? decode_u64(*raw).value_or(0) : 0;
}

std::optional<Juror> load_juror(const StateView& s, std::uint32_t year, const Address& who)
{
    return load<Juror>(s, keys::juror(year, who), decode_juror);
}

std::vector<Juror> jurors_of_edition(const StateView& s, std::uint32_t year)
{
    std::vector<Juror> out;
    s.scan(keys::jurors(year), [&](std::string_view, std::string_view v) {
        if (auto j = decode_juror(v)) out.push_back(*j);
        return true;
    });
    return out;
}

bool has_conflict(const StateView& s, std::uint64_t film, const Address& juror)
{
    return s.get(keys::conflict(film, juror)).has_value();
}

std::vector<R1ReviewRecord> r1_reviews_of(const StateView& s, std::uint64_t film)
{
    std::vector<R1ReviewRecord> out;
    s.scan(keys::r1_reviews(film), [&](std::string_view, std::string_view v) {
        if (auto r = decode_r1(v)) out.push_back(*r);
        return true;
    });
    return out;
}

std::vector<R2Entry> r2_entries_of(const StateView& s, std::uint64_t film)
{
    std::vector<R2Entry> out;
    s.scan(keys::r2_entries(film), [&](std::string_view, std::string_view v) {
        if (auto e = decode_r2(v)) out.push_back(*e);
        return true;
    });
    return out;
}

std::vector<std::pair<std::uint16_t, std::uint32_t>> r3_votes_of(const StateView& s,
                                                                 const Edition& e,
                                                                 std::uint64_t film)
{
    std::vector<std::pair<std::uint16_t, std::uint32_t>> out;
    for (std::size_t i = 0; i < e.awards.size(); ++i) {
        const auto idx = static_cast<std::uint16_t>(i);
        auto raw = s.get(keys::r3_tally(e.year, idx, film));
        if (!raw) continue;
        const auto n = decode_u64(*raw).value_or(0);
        if (n > 0) out.emplace_back(idx, static_cast<std::uint32_t>(n));
    }
    return out;
}

std::optional<std::uint64_t> r3_vote_of(const StateView& s, std::uint32_t year, std::uint16_t award,
                                        const Address& juror)
{
    auto raw = s.get(keys::r3_vote(year, award, juror));
    if (!raw) return std::nullopt;
    return decode_u64(*raw);
}

std::vector<AwardEntry> awards_of(const StateView& s, const Edition& e)
{
    std::vector<AwardEntry> out;
    for (std::size_t i = 0; i < e.awards.size(); ++i) {
        AwardEntry a;
        a.def = e.awards[i];
        a.index = static_cast<std::uint16_t>(i);
        if (auto raw = s.get(keys::award_result(e.year, a.index)))
            if (auto r = decode_award_result(*raw)) a.result = *r;
        out.push_back(std::move(a));
    }
    return out;
}

std::optional<std::uint16_t> award_index(const Edition& e, std::string_view award_id)
{
    for (std::size_t i = 0; i < e.awards.size(); ++i)
        if (e.awards[i].id == award_id) return static_cast<std::uint16_t>(i);
    return std::nullopt;
}

std::optional<Trophy> load_trophy(const StateView& s, std::uint64_t token)
{
    return load<Trophy>(s, keys::trophy(token), decode_trophy);
}

std::optional<TrophyOwner> trophy_owner(const StateView& s, std::uint64_t token)
{
    return load<TrophyOwner>(s, keys::trophy_owner(token), decode_owner);
}

std::vector<ProvenanceEntry> provenance_of(const StateView& s, std::uint64_t token)
{
    std::vector<ProvenanceEntry> out;
    s.scan(keys::provenance_prefix(token), [&](std::string_view, std::string_view v) {
        if (auto p = decode_provenance(v)) out.push_back(*p);
        return true;
    });
    return out;
}

std::vector<std::uint64_t> trophies_of(const StateView& s, const Address& owner)
{
    std::vector<std::uint64_t> out;
    const std::string prefix = keys::owned_by(owner);
    s.scan(prefix, [&](std::string_view k, std::string_view) {
        if (auto id = decode_u64(k.substr(prefix.size()))) out.push_back(*id);
        return true;
    });
    return out;
}

std::vector<std::uint64_t> trophies_of_edition(const StateView& s, std::uint32_t year)
{
    std::vector<std::uint64_t> out;
    auto e = load_edition(s, year);
    if (!e) return out;
    for (const auto& a : awards_of(s, *e))
        if (a.result.status == AwardStatus::decided && a.result.token_id != 0)
            out.push_back(a.result.token_id);
    std::sort(out.begin(), out.end());
    return out;
}

std::uint64_t trophy_count(const StateView& s)
{
    auto raw = s.get(keys::LAST_TOKEN);
    return raw ? decode_u64(*raw).value_or(0) : 0;
}

Hash32 r2_commitment(std::uint64_t film, const Address& juror,
                     const std::array<std::uint8_t, 4>& scores, const Hash32& salt)
{
    Bytes buf;
    buf.reserve(8 + 20 + 4 + 32);
    put_be64(buf, film);
    buf.insert(buf.end(), juror.bytes.begin(), juror.bytes.end());
    buf.insert(buf.end(), scores.begin(), scores.end());
    buf.insert(buf.end(), salt.bytes.begin(), salt.bytes.end());
    return keccak256(ByteView{buf});
}

std::string format_hundredths(std::uint64_t num, std::uint64_t den)
{
    if (den == 0) return "0.00";
    const unsigned __int128 scaled = static_cast<unsigned __int128>(num) * 100 / den;
    const auto whole = static_cast<std::uint64_t>(scaled / 100);
    const auto frac = static_cast<unsigned>(scaled % 100);
    std::string out = std::to_string(whole) + ".";
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
    return out;
}

std::string format_utc(std::uint64_t t)
{
    // Howard Hinnant's civil_from_days, in unsigned arithmetic (dates after 1970).
    const std::uint64_t days = t / 86400, secs = t % 86400;
    const std::uint64_t z = days + 719468;
    const std::uint64_t era = z / 146097;
    const std::uint64_t doe = z - era * 146097;
    const std::uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::uint64_t y = yoe + era * 400;
    const std::uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::uint64_t mp = (5 * doy + 2) / 153;
    const std::uint64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::uint64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    auto two = [](std::uint64_t v) {
        std::string s = std::to_string(v);
        return s.size() < 2 ? "0" + s : s;
    };
    return std::to_string(y) + "-" + two(m) + "-" + two(d) + "T" + two(secs / 3600) + ":" +
           two(secs % 3600 / 60) + ":" + two(secs % 60) + "Z";
}

}  // namespace aif::contracts::festival
