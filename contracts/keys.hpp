// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"

#include <string>
#include <string_view>

/// State key layout (docs/protocol.md "State layout"). Prefixes are short ASCII tags; fixed-width
/// fields are raw bytes and integers big-endian, so prefix scans come out in a useful order.
namespace aif::contracts::keys {

inline std::string addr_bytes(const ledger::Address& a)
{
    return std::string(reinterpret_cast<const char*>(a.data()), 20);
}

/// `tag` + address + `suffix`, built in one allocation: the nonce and balance keys are read and
/// written several times per transaction (issue 7: concatenation cost three allocations each).
inline std::string tagged_address(std::string_view tag, const ledger::Address& a,
                                  std::string_view suffix = {})
{
    std::string k;
    k.reserve(tag.size() + 20 + suffix.size());
    k.append(tag);
    k.append(reinterpret_cast<const char*>(a.data()), 20);
    k.append(suffix);
    return k;
}

/// Account nonce: "acct/n/" + address → u64.
inline std::string nonce(const ledger::Address& a) { return tagged_address("acct/n/", a); }
/// Balance: "tok/b/" + address + asset → u128 (absent means zero).
inline std::string balance(const ledger::Address& a, std::string_view asset)
{
    return tagged_address("tok/b/", a, asset);
}
/// Prefix of every balance of one address.
inline std::string balance_prefix(const ledger::Address& a) { return tagged_address("tok/b/", a); }
/// Total supply of an asset: "tok/s/" + asset → u128.
inline std::string supply(std::string_view asset) { return "tok/s/" + std::string{asset}; }
/// Asset registry entry: "tok/a/" + asset → asset record.
inline std::string asset(std::string_view asset) { return "tok/a/" + std::string{asset}; }
/// Chain configuration written at genesis: chain id, genesis time, authority, treasury.
inline const std::string CHAIN = "cfg/chain";
/// Governable parameters (ledger::Params encoding).
inline const std::string PARAMS = "cfg/params";
/// DAO parameters (ledger::DaoParams encoding).
inline const std::string DAO_PARAMS = "cfg/dao";
/// Market parameters (ledger::MarketParams encoding).
inline const std::string MARKET_PARAMS = "cfg/market";
/// Validator set.
inline const std::string VALIDATORS = "cfg/validators";
/// Festival edition parameters: "fest/ed/" + be32(year).
inline std::string edition(std::uint32_t year)
{
    std::string k = "fest/ed/";
    for (int i = 3; i >= 0; --i) k += static_cast<char>((year >> (8 * i)) & 0xff);
    return k;
}

}  // namespace aif::contracts::keys
