// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/keys.hpp"
#include "ledger/state.hpp"
#include "ledger/types.hpp"

#include <cstdint>
#include <string>
#include <string_view>

/// State layout of the festival module (docs/festival.md "State layout"). Every key starts with
/// "fest/"; integers are big-endian fixed width, addresses 20 raw bytes, so prefix scans come
/// out in year / film id / token id order (STYLE §4). The edition parameters themselves live at
/// contracts::keys::edition(year) ("fest/ed/" be32(year)), written at genesis.
namespace aif::contracts::festival::keys {

inline std::string be16(std::uint16_t v)
{
    std::string k;
    k += static_cast<char>((v >> 8) & 0xff);
    k += static_cast<char>(v & 0xff);
    return k;
}
inline std::string be32(std::uint32_t v)
{
    std::string k;
    for (int i = 3; i >= 0; --i) k += static_cast<char>((v >> (8 * i)) & 0xff);
    return k;
}
inline std::string be64(std::uint64_t v)
{
    return ledger::encode_u64(v);
}
inline std::string addr(const ledger::Address& a)
{
    return contracts::keys::addr_bytes(a);
}

/// Last film id issued (u64; ids start at 1, shared by every edition).
inline const std::string LAST_FILM = "fest/last/film";
/// Last trophy token id issued (u64; ids start at 1).
inline const std::string LAST_TOKEN = "fest/last/nft";

/// "fest/ph/" be32(year) → the edition's phase (u8, festival::Phase). Absent: submission.
inline std::string phase(std::uint32_t year)
{
    return "fest/ph/" + be32(year);
}
/// "fest/es/" be32(year) → edition counters (films u64, jurors u32).
inline std::string edition_stats(std::uint32_t year)
{
    return "fest/es/" + be32(year);
}

/// "fest/f/" be64(id) → the film's immutable submission record.
inline std::string film(std::uint64_t id)
{
    return "fest/f/" + be64(id);
}
/// "fest/ft/" be64(id) → the film's mutable tally (status, R1/R2/R3 counters).
inline std::string film_tally(std::uint64_t id)
{
    return "fest/ft/" + be64(id);
}
/// "fest/fe/" be32(year) be64(id) → "" : the films of an edition, ascending id.
inline std::string edition_films(std::uint32_t year)
{
    return "fest/fe/" + be32(year);
}
inline std::string edition_film(std::uint32_t year, std::uint64_t id)
{
    return edition_films(year) + be64(id);
}
/// "fest/h/" hash → be64(film id): SPEC §5, a content hash is submitted once.
inline std::string content_hash(const ledger::Hash32& h)
{
    return "fest/h/" + std::string(reinterpret_cast<const char*>(h.data()), 32);
}

/// "fest/j/" be32(year) addr → juror record.
inline std::string jurors(std::uint32_t year)
{
    return "fest/j/" + be32(year);
}
inline std::string juror(std::uint32_t year, const ledger::Address& a)
{
    return jurors(year) + addr(a);
}
/// "fest/cf/" be64(film) addr → "" : the juror declared a conflict with the film.
inline std::string conflict(std::uint64_t film, const ledger::Address& a)
{
    return "fest/cf/" + be64(film) + addr(a);
}

/// "fest/r1/" be64(film) addr → the juror's R1 review.
inline std::string r1_reviews(std::uint64_t film)
{
    return "fest/r1/" + be64(film);
}
inline std::string r1_review(std::uint64_t film, const ledger::Address& a)
{
    return r1_reviews(film) + addr(a);
}
/// "fest/r2/" be64(film) addr → the juror's R2 commitment and, once revealed, scores.
inline std::string r2_entries(std::uint64_t film)
{
    return "fest/r2/" + be64(film);
}
inline std::string r2_entry(std::uint64_t film, const ledger::Address& a)
{
    return r2_entries(film) + addr(a);
}
/// "fest/v3/" be32(year) be16(award index) addr → be64(film): a juror's R3 vote in one award.
inline std::string r3_vote(std::uint32_t year, std::uint16_t award, const ledger::Address& a)
{
    return "fest/v3/" + be32(year) + be16(award) + addr(a);
}
/// "fest/t3/" be32(year) be16(award index) be64(film) → u64 votes: running R3 tally, so that
/// finalisation reads only the films that received votes (never the voters or token holders).
inline std::string r3_tallies(std::uint32_t year, std::uint16_t award)
{
    return "fest/t3/" + be32(year) + be16(award);
}
inline std::string r3_tally(std::uint32_t year, std::uint16_t award, std::uint64_t film)
{
    return r3_tallies(year, award) + be64(film);
}
/// "fest/sl/" be32(year) be64(film) → be32(rank): the R2 shortlist (R3 finalists).
inline std::string shortlist(std::uint32_t year)
{
    return "fest/sl/" + be32(year);
}
inline std::string shortlisted(std::uint32_t year, std::uint64_t film)
{
    return shortlist(year) + be64(film);
}
/// "fest/aw/" be32(year) be16(award index) → the award's result (after finalisation).
inline std::string award_result(std::uint32_t year, std::uint16_t award)
{
    return "fest/aw/" + be32(year) + be16(award);
}

/// "fest/nft/" be64(token) → the trophy's immutable metadata (SPEC §6).
inline std::string trophy(std::uint64_t token)
{
    return "fest/nft/" + be64(token);
}
/// "fest/no/" be64(token) → owner (20 bytes) ‖ be32(provenance entries).
inline std::string trophy_owner(std::uint64_t token)
{
    return "fest/no/" + be64(token);
}
/// "fest/np/" be64(token) be32(seq) → provenance entry (mint is seq 0).
inline std::string provenance_prefix(std::uint64_t token)
{
    return "fest/np/" + be64(token);
}
inline std::string provenance(std::uint64_t token, std::uint32_t seq)
{
    return provenance_prefix(token) + be32(seq);
}
/// "fest/nb/" addr be64(token) → "" : trophies by owner, ascending token id.
inline std::string owned_by(const ledger::Address& owner)
{
    return "fest/nb/" + addr(owner);
}
inline std::string owned(const ledger::Address& owner, std::uint64_t token)
{
    return owned_by(owner) + be64(token);
}

}  // namespace aif::contracts::festival::keys
