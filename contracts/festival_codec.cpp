// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Canonical encodings of the festival records (docs/festival.md "State layout"): ledger::Writer
// fields in declaration order; a decode that does not consume exactly its input is an internal
// error (state is never user input).
#include "contracts/festival_state.hpp"
#include "ledger/codec.hpp"

namespace aif::contracts::festival {

using namespace ledger;

namespace {


void write_addrs(Writer& w, const std::vector<Address>& v)
{
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& a : v) w.fixed(a);
}
std::vector<Address> read_addrs(Reader& r, std::uint32_t max)
{
    std::vector<Address> out;
    const std::uint32_t n = r.u32();
    if (n > max) return out;
    for (std::uint32_t i = 0; i < n && r.ok(); ++i) out.push_back(r.address());
    return out;
}

template <typename T>
Result<T> finish(Reader& r, T value, const char* what)
{
    if (!r.done()) return err(ErrorCode::internal, std::string{"corrupt festival record: "} + what);
    return value;
}

}  // namespace

// ---- codecs ---------------------------------------------------------------------------------

std::string encode_film(const Film& f)
{
    Writer w;
    w.u64(f.id);
    w.u32(f.edition);
    w.fixed(f.submitter);
    w.str(f.title);
    w.str(f.category);
    w.str(f.format);
    w.u8(f.student ? 1 : 0);
    write_addrs(w, f.creators);
    for (auto a : f.ai) w.u8(a);
    w.u32(f.ai_overall_bps);
    w.str(f.tools);
    w.fixed(f.content_hash);
    w.str(f.uri);
    w.u64(f.submitted_at);
    w.u64(f.height);
    w.str(f.window);
    w.u32(f.multiplier_bps);
    w.u64(f.fee_usd_cents);
    w.u128v(f.fee_paid);
    return string_of(w.take());
}

Result<Film> decode_film(std::string_view raw) noexcept
{
    try {
        Reader r{bytes_of(raw)};
        Film f;
        f.id = r.u64();
        f.edition = r.u32();
        f.submitter = r.address();
        f.title = r.str(4096);
        f.category = r.str(256);
        f.format = r.str(256);
        f.student = r.u8() != 0;
        f.creators = read_addrs(r, 256);
        for (auto& a : f.ai) a = r.u8();
        f.ai_overall_bps = r.u32();
        f.tools = r.str(4096);
        f.content_hash = r.fixed<32>();
        f.uri = r.str(4096);
        f.submitted_at = r.u64();
        f.height = r.u64();
        f.window = r.str(256);
        f.multiplier_bps = r.u32();
        f.fee_usd_cents = r.u64();
        f.fee_paid = r.u128v();
        return finish(r, std::move(f), "film");
    } catch (...) {
        return err(ErrorCode::internal, "decode_film");
    }
}

std::string encode_tally(const FilmTally& t)
{
    Writer w;
    w.u8(static_cast<std::uint8_t>(t.status));
    w.u32(t.r1_reviews);
    w.u32(t.r1_passes);
    w.u32(t.r2_commits);
    w.u32(t.r2_reveals);
    w.u64(t.r2_total);
    for (auto a : t.r2_axis) w.u64(a);
    w.u32(t.r2_rank);
    w.u32(t.r3_votes);
    return string_of(w.take());
}

Result<FilmTally> decode_tally(std::string_view raw) noexcept
{
    Reader r{bytes_of(raw)};
    FilmTally t;
    const std::uint8_t st = r.u8();
    if (st > static_cast<std::uint8_t>(FilmStatus::awarded))
        return err(ErrorCode::internal, "corrupt film status");
    t.status = static_cast<FilmStatus>(st);
    t.r1_reviews = r.u32();
    t.r1_passes = r.u32();
    t.r2_commits = r.u32();
    t.r2_reveals = r.u32();
    t.r2_total = r.u64();
    for (auto& a : t.r2_axis) a = r.u64();
    t.r2_rank = r.u32();
    t.r3_votes = r.u32();
    return finish(r, t, "film tally");
}

std::string encode_juror(const Juror& j)
{
    Writer w;
    w.fixed(j.address);
    w.u32(j.edition);
    w.u8(static_cast<std::uint8_t>(j.faction));
    w.u8(j.core ? 1 : 0);
    w.u64(j.registered_height);
    w.u32(j.r1_reviews);
    w.u32(j.r2_commits);
    w.u32(j.r2_reveals);
    w.u32(j.r3_votes);
    w.u32(j.conflicts);
    return string_of(w.take());
}

Result<Juror> decode_juror(std::string_view raw) noexcept
{
    Reader r{bytes_of(raw)};
    Juror j;
    j.address = r.address();
    j.edition = r.u32();
    const std::uint8_t f = r.u8();
    if (f > static_cast<std::uint8_t>(Faction::community))
        return err(ErrorCode::internal, "corrupt faction");
    j.faction = static_cast<Faction>(f);
    j.core = r.u8() != 0;
    j.registered_height = r.u64();
    j.r1_reviews = r.u32();
    j.r2_commits = r.u32();
    j.r2_reveals = r.u32();
    j.r3_votes = r.u32();
    j.conflicts = r.u32();
    return finish(r, j, "juror");
}

std::string encode_r1(const R1ReviewRecord& x)
{
    Writer w;
    w.fixed(x.juror);
    w.u8(x.pass ? 1 : 0);
    w.u8(x.verified_ai);
    w.u8(x.ethics_ok ? 1 : 0);
    w.u64(x.height);
    return string_of(w.take());
}

Result<R1ReviewRecord> decode_r1(std::string_view raw) noexcept
{
    Reader r{bytes_of(raw)};
    R1ReviewRecord x;
    x.juror = r.address();
    x.pass = r.u8() != 0;
    x.verified_ai = r.u8();
    x.ethics_ok = r.u8() != 0;
    x.height = r.u64();
    return finish(r, x, "R1 review");
}

std::string encode_r2(const R2Entry& e)
{
    Writer w;
    w.fixed(e.juror);
    w.fixed(e.commitment);
    w.u64(e.committed_height);
    w.u8(e.revealed ? 1 : 0);
    for (auto s : e.scores) w.u8(s);
    w.u64(e.revealed_height);
    return string_of(w.take());
}

Result<R2Entry> decode_r2(std::string_view raw) noexcept
{
    Reader r{bytes_of(raw)};
    R2Entry e;
    e.juror = r.address();
    e.commitment = r.fixed<32>();
    e.committed_height = r.u64();
    e.revealed = r.u8() != 0;
    for (auto& s : e.scores) s = r.u8();
    e.revealed_height = r.u64();
    return finish(r, e, "R2 entry");
}

std::string encode_award_result(const AwardResult& a)
{
    Writer w;
    w.u8(static_cast<std::uint8_t>(a.status));
    w.u64(a.film_id);
    w.u64(a.token_id);
    w.u32(a.votes);
    return string_of(w.take());
}

Result<AwardResult> decode_award_result(std::string_view raw) noexcept
{
    Reader r{bytes_of(raw)};
    AwardResult a;
    const std::uint8_t st = r.u8();
    if (st > static_cast<std::uint8_t>(AwardStatus::vacant))
        return err(ErrorCode::internal, "corrupt award status");
    a.status = static_cast<AwardStatus>(st);
    a.film_id = r.u64();
    a.token_id = r.u64();
    a.votes = r.u32();
    return finish(r, a, "award result");
}

std::string encode_trophy(const Trophy& t)
{
    Writer w;
    w.u64(t.token_id);
    w.u32(t.edition);
    w.str(t.award_id);
    w.str(t.award_name);
    w.u32(t.tier);
    w.u64(t.film_id);
    w.str(t.film_title);
    write_addrs(w, t.creators);
    w.fixed(t.content_hash);
    w.str(t.film_uri);
    w.str(t.category);
    w.u64(t.r2_total);
    w.u32(t.r2_count);
    w.u64(t.minted_height);
    w.u64(t.minted_at);
    return string_of(w.take());
}

Result<Trophy> decode_trophy(std::string_view raw) noexcept
{
    try {
        Reader r{bytes_of(raw)};
        Trophy t;
        t.token_id = r.u64();
        t.edition = r.u32();
        t.award_id = r.str(256);
        t.award_name = r.str(1024);
        t.tier = r.u32();
        t.film_id = r.u64();
        t.film_title = r.str(4096);
        t.creators = read_addrs(r, 256);
        t.content_hash = r.fixed<32>();
        t.film_uri = r.str(4096);
        t.category = r.str(256);
        t.r2_total = r.u64();
        t.r2_count = r.u32();
        t.minted_height = r.u64();
        t.minted_at = r.u64();
        return finish(r, std::move(t), "trophy");
    } catch (...) {
        return err(ErrorCode::internal, "decode_trophy");
    }
}

std::string encode_provenance(const ProvenanceEntry& p)
{
    Writer w;
    w.fixed(p.from);
    w.fixed(p.to);
    w.u64(p.height);
    w.u64(p.timestamp);
    return string_of(w.take());
}

Result<ProvenanceEntry> decode_provenance(std::string_view raw) noexcept
{
    Reader r{bytes_of(raw)};
    ProvenanceEntry p;
    p.from = r.address();
    p.to = r.address();
    p.height = r.u64();
    p.timestamp = r.u64();
    return finish(r, p, "provenance");
}

std::string encode_owner(const TrophyOwner& o)
{
    Writer w;
    w.fixed(o.owner);
    w.u32(o.entries);
    return string_of(w.take());
}

Result<TrophyOwner> decode_owner(std::string_view raw) noexcept
{
    Reader r{bytes_of(raw)};
    TrophyOwner o;
    o.owner = r.address();
    o.entries = r.u32();
    return finish(r, o, "trophy owner");
}

}  // namespace aif::contracts::festival
