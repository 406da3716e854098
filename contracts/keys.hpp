// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"

#include <cstring>
#include <string>
#include <string_view>

/// State key layout (docs/protocol.md "State layout"). Prefixes are short ASCII tags; fixed-width
/// fields are raw bytes and integers big-endian, so prefix scans come out in a useful order.
namespace aif::contracts::keys {

inline std::string addr_bytes(const ledger::Address& a)
{
    return std::string(reinterpret_cast<const char*>(a.data()), 20);
}

/// `tag` + address + `suffix` in a buffer on the stack (longer keys spill to the heap), for the
/// reads and overlay writes of the hottest keys, which take a string_view: a transfer reads and
/// writes its nonce, balance and delegate keys about ten times (issue 7: a heap string each).
class TaggedKey
{
public:
    TaggedKey(std::string_view tag, const ledger::Address& a, std::string_view suffix = {})
        : m_size(tag.size() + 20 + suffix.size())
    {
        if (m_size > sizeof m_small) m_big.resize(m_size);
        char* p = m_size > sizeof m_small ? m_big.data() : m_small;
        std::memcpy(p, tag.data(), tag.size());
        std::memcpy(p + tag.size(), a.data(), 20);
        if (!suffix.empty()) std::memcpy(p + tag.size() + 20, suffix.data(), suffix.size());
    }
    operator std::string_view() const noexcept { return {m_size > sizeof m_small ? m_big.data() : m_small, m_size}; }
    /// The key as a string, for APIs that keep it.
    [[nodiscard]] std::string str() const { return std::string{std::string_view{*this}}; }

private:
    std::size_t m_size;
    char m_small[64];
    std::string m_big;
};

/// `tag` + address + `suffix` as a string (one allocation).
inline std::string tagged_address(std::string_view tag, const ledger::Address& a,
                                  std::string_view suffix = {})
{
    return TaggedKey{tag, a, suffix}.str();
}

/// Account nonce: "acct/n/" + address → u64.
inline TaggedKey nonce_key(const ledger::Address& a) { return {"acct/n/", a}; }
inline std::string nonce(const ledger::Address& a) { return nonce_key(a).str(); }
/// Balance: "tok/b/" + address + asset → u128 (absent means zero).
inline TaggedKey balance_key(const ledger::Address& a, std::string_view asset) { return {"tok/b/", a, asset}; }
inline std::string balance(const ledger::Address& a, std::string_view asset)
{
    return balance_key(a, asset).str();
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
