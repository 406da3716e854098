// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"
#include "wallet/rpc_client.hpp"
#include "wallet/typed_data.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace aif::wallet {

/// chain_getInfo (SPEC §3), the fields the wallet uses plus the raw answer.
struct ChainInfo
{
    std::uint64_t chain_id{0};
    std::uint64_t height{0};
    ledger::u128 min_fee{0};
    nlohmann::json raw;
};

/// tx_getTypes (SPEC §3): the EIP-712 domain and types of every transaction type.
struct TxTypes
{
    nlohmann::json domain;
    TypedData types;
    std::vector<std::string> primary_types;

    /// True when `name` is one of primaryTypes.
    [[nodiscard]] bool is_tx_type(std::string_view name) const;
};

/// account_get (SPEC §3). `nonce` is the next nonce to use: the node's `pendingNonce` when it
/// reports one (counts transactions still in its mempool), else `nonce`.
struct AccountState
{
    std::uint64_t nonce{0};
    std::map<std::string, ledger::u128> balances;
    nlohmann::json raw;

    /// Balance of `asset`, 0 when absent.
    [[nodiscard]] ledger::u128 balance(const std::string& asset) const;
};

/// Reads an unsigned integer the node sent as a JSON number or a decimal string.
/// Throws WalletError(failure) naming `what`.
[[nodiscard]] ledger::u128 node_uint(const nlohmann::json& v, const std::string& what);

/// Throws as RpcClient::call does; WalletError(failure) for a malformed answer.
[[nodiscard]] ChainInfo get_chain_info(RpcClient& rpc);
[[nodiscard]] TxTypes get_tx_types(RpcClient& rpc);
[[nodiscard]] AccountState get_account(RpcClient& rpc, const ledger::Address& address);
/// token_getBalance {address, asset} → amount in base units.
[[nodiscard]] ledger::u128 get_balance(RpcClient& rpc, const ledger::Address& address,
                                       const std::string& asset);

/// Polls tx_get until the status is committed or rejected and returns that answer.
/// A hash the node does not know yet keeps the wait going. Throws WalletError(failure)
/// "timed out" after `timeout`.
[[nodiscard]] nlohmann::json wait_for_tx(RpcClient& rpc, const std::string& hash,
                                         std::chrono::milliseconds timeout);

}  // namespace aif::wallet
