// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/node_api.hpp"

#include "ledger/crypto.hpp"
#include "wallet/errors.hpp"

#include <algorithm>
#include <thread>

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

namespace {

constexpr auto POLL_INTERVAL = std::chrono::milliseconds{200};
/// JSON-RPC codes that mean "asking again will not help".
constexpr int METHOD_NOT_FOUND = -32601;
constexpr int INVALID_PARAMS = -32602;

const json& member(const json& obj, const char* key, const std::string& method)
{
    if (!obj.is_object() || !obj.contains(key))
        throw failure("node answered " + method + " without '" + key + "'");
    return obj[key];
}

std::uint64_t node_u64(const json& v, const std::string& what)
{
    u128 x = node_uint(v, what);
    if (x > ~std::uint64_t{0}) throw failure("node sent " + what + " out of range");
    return static_cast<std::uint64_t>(x);
}

}  // namespace

u128 node_uint(const json& v, const std::string& what)
{
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
        return static_cast<u128>(v.get<std::int64_t>());
    if (v.is_string()) {
        std::string s = v.get<std::string>();
        // Tolerate leading zeros ("007") that u128_from_string refuses; they are still exact.
        auto nz = s.find_first_not_of('0');
        if (!s.empty() && nz == std::string::npos) return 0;
        if (!s.empty() && nz != std::string::npos) s = s.substr(nz);
        if (auto x = ledger::u128_from_string(s)) return *x;
    }
    throw failure("node sent " + what + " that is not an unsigned integer: " + v.dump());
}

bool TxTypes::is_tx_type(std::string_view name) const
{
    return std::find(primary_types.begin(), primary_types.end(), name) != primary_types.end();
}

u128 AccountState::balance(const std::string& asset) const
{
    auto it = balances.find(asset);
    return it == balances.end() ? u128{0} : it->second;
}

ChainInfo get_chain_info(RpcClient& rpc)
{
    const std::string m = "chain_getInfo";
    json r = rpc.call(m);
    ChainInfo info;
    info.chain_id = node_u64(member(r, "chainId", m), "chainId");
    info.height = node_u64(member(r, "height", m), "height");
    info.min_fee = node_uint(member(r, "minFee", m), "minFee");
    info.raw = std::move(r);
    return info;
}

TxTypes get_tx_types(RpcClient& rpc)
{
    const std::string m = "tx_getTypes";
    json r = rpc.call(m);
    TxTypes t{member(r, "domain", m), TypedData{member(r, "types", m)}, {}};
    const json& primary = member(r, "primaryTypes", m);
    if (!primary.is_array())
        throw failure("node answered tx_getTypes with primaryTypes not a list");
    for (const auto& p : primary) {
        if (!p.is_string() || !t.types.has_type(p.get<std::string>()))
            throw failure("node answered tx_getTypes with an undefined primary type " + p.dump());
        t.primary_types.push_back(p.get<std::string>());
    }
    return t;
}

AccountState get_account(RpcClient& rpc, const ledger::Address& address)
{
    const std::string m = "account_get";
    json r = rpc.call(m, {{"address", ledger::to_checksum(address)}});
    AccountState a;
    if (r.is_object() && r.contains("pendingNonce") && !r["pendingNonce"].is_null())
        a.nonce = node_u64(r["pendingNonce"], "pendingNonce");
    else
        a.nonce = node_u64(member(r, "nonce", m), "nonce");
    if (r.is_object() && r.contains("balances") && r["balances"].is_object())
        for (auto it = r["balances"].begin(); it != r["balances"].end(); ++it)
            a.balances[it.key()] = node_uint(*it, "balance of " + it.key());
    a.raw = std::move(r);
    return a;
}

u128 get_balance(RpcClient& rpc, const ledger::Address& address, const std::string& asset)
{
    const std::string m = "token_getBalance";
    json r = rpc.call(m, {{"address", ledger::to_checksum(address)}, {"asset", asset}});
    return node_uint(member(r, "amount", m), "amount");
}

json wait_for_tx(RpcClient& rpc, const std::string& hash, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        try {
            json r = rpc.call("tx_get", {{"hash", hash}});
            if (r.is_object() && r.contains("status") && r["status"].is_string()) {
                const auto& s = r["status"].get_ref<const std::string&>();
                if (s == "committed" || s == "rejected") return r;
            }
        } catch (const RpcError& e) {
            if (e.rpc_code() == METHOD_NOT_FOUND || e.rpc_code() == INVALID_PARAMS) throw;
            // Otherwise the node does not know the hash yet: keep waiting.
        }
        if (std::chrono::steady_clock::now() + POLL_INTERVAL > deadline)
            throw failure("timed out after " + std::to_string(timeout.count() / 1000) +
                          " s waiting for transaction " + hash);
        std::this_thread::sleep_for(POLL_INTERVAL);
    }
}

}  // namespace aif::wallet
