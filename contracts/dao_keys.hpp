// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/keys.hpp"
#include "ledger/state.hpp"
#include "ledger/types.hpp"

#include <cstdint>
#include <string>
#include <string_view>

/// State layout of the dao module (docs/dao.md "State layout"). Every key starts with "dao/";
/// integers are big-endian fixed width (ledger::encode_u64), addresses 20 raw bytes, so prefix
/// scans come out in id / height order (STYLE §4).
namespace aif::contracts::dao::keys {

inline std::string be32(std::uint32_t v)
{
    std::string k;
    for (int i = 3; i >= 0; --i) k += static_cast<char>((v >> (8 * i)) & 0xff);
    return k;
}

/// "dao/dlg/" addr → the delegatee (20 bytes). Absent: the address has not delegated.
inline contracts::keys::TaggedKey delegate_key(const ledger::Address& a) { return {"dao/dlg/", a}; }
inline std::string delegate(const ledger::Address& a) { return delegate_key(a).str(); }

/// Checkpoint series of one delegatee's voting power: "dao/ck/" addr.
inline std::string power_series(const ledger::Address& a)
{
    return contracts::keys::tagged_address("dao/ck/", a);
}
/// Checkpoint series of the total delegated supply.
inline const std::string TOTAL_SERIES = "dao/tot/";
/// Number of checkpoints in a series: series + "n" → u64.
inline std::string series_count(std::string_view series)
{
    return std::string{series} + "n";
}
/// Checkpoint i of a series: series + "c" + be64(i) → be64(height) ‖ u128(power).
inline std::string series_entry(std::string_view series, std::uint64_t i)
{
    return std::string{series} + "c" + ledger::encode_u64(i);
}

/// Next proposal id (u64; ids start at 1).
inline const std::string NEXT_PROPOSAL = "dao/next";
/// Prefix of every proposal record.
inline const std::string PROPOSAL_PREFIX = "dao/p/";
/// "dao/p/" be64(id) → proposal record (dao_proposal.cpp encode_proposal).
inline std::string proposal(std::uint64_t id)
{
    return PROPOSAL_PREFIX + ledger::encode_u64(id);
}
/// "dao/pc/" be64(id) be64(film) → "\x01": the films an award ballot offers.
inline std::string choice_prefix(std::uint64_t id)
{
    return "dao/pc/" + ledger::encode_u64(id);
}
inline std::string choice(std::uint64_t id, std::uint64_t film)
{
    return choice_prefix(id) + ledger::encode_u64(film);
}
/// "dao/t/" be64(id) tag(u8) be64(film) → u128 votes for that choice (tag: 0 for, 1 against,
/// 2 abstain, 3 film; film is 0 unless tag is 3).
inline std::string tally_prefix(std::uint64_t id)
{
    return "dao/t/" + ledger::encode_u64(id);
}
inline std::string tally(std::uint64_t id, std::uint8_t tag, std::uint64_t film)
{
    return tally_prefix(id) + static_cast<char>(tag) + ledger::encode_u64(film);
}
/// "dao/tv/" be64(id) → u64 voters ‖ u128 total power voted.
inline std::string turnout(std::uint64_t id)
{
    return "dao/tv/" + ledger::encode_u64(id);
}
/// "dao/v/" be64(id) addr → the voter's last vote (dao_tally.cpp).
inline std::string vote(std::uint64_t id, const ledger::Address& voter)
{
    return "dao/v/" + ledger::encode_u64(id) + contracts::keys::addr_bytes(voter);
}
/// "dao/b/" be32(edition) awardId → u64 id of the award ballot for that award.
inline std::string ballot(std::uint32_t edition, std::string_view award_id)
{
    return "dao/b/" + be32(edition) + std::string{award_id};
}

}  // namespace aif::contracts::dao::keys
