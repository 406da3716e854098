// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/crypto.hpp"
#include "wallet/errors.hpp"
#include "wallet/node_api.hpp"
#include "wallet/rpc_client.hpp"
#include "wallet/typed_data.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aif::wallet {

/// Turns an address or key name into an address; `flag` names the option in errors.
using AddressResolver =
    std::function<ledger::Address(std::string_view text, const std::string& flag)>;

/// Converts one `--field name=value` text into its wire JSON value by the field's EIP-712 type:
/// - uintN: a whole number in base units, decimal digits only (no decimals, sign or exponent),
///   at most 2^N−1 and below 2^128 (SPEC §2);
/// - bool: `true` or `false`;
/// - address: a 0x address (a mixed-case one must pass its EIP-55 checksum) or a key name;
/// - string: the text as is; bytesN / bytes: 0x-hex;
/// - T[] arrays: comma-separated elements (`a,b,c`; empty text = empty list), or a JSON array
///   when the text starts with '[' (string elements are converted as above);
/// - struct types: a JSON object.
/// Throws WalletError(usage) naming `--field NAME`.
[[nodiscard]] nlohmann::json field_from_text(const TypedData& types, std::string_view type,
                                             std::string_view text, const std::string& field,
                                             const AddressResolver& resolve);

/// Splits "name=value" at the first '='. Throws WalletError(usage).
[[nodiscard]] std::pair<std::string, std::string> split_field(std::string_view text);

/// Builds the message of `type`: `nonce` and `fee` as given (unless `fields` sets them), every
/// other field from `fields` (name → text) through field_from_text. Throws WalletError(usage)
/// for an unknown type, unknown or repeated field names, or missing fields (listing them).
[[nodiscard]] nlohmann::json build_message(
    const TxTypes& types, const std::string& type,
    const std::vector<std::pair<std::string, std::string>>& fields, std::uint64_t nonce,
    ledger::u128 fee, const AddressResolver& resolve);

/// A signed transaction ready for tx_send.
struct SignedTx
{
    /// {"type", "message", "signature", "from"} (SPEC §2 wire form plus the optional sender).
    nlohmann::json wire;
    ledger::Address from;
    ledger::Hash32 digest;
    /// keccak256(from || digest) (SPEC §2).
    ledger::Hash32 hash;
};

/// Signs `message` of `type` under the node's domain and types with `key`.
/// Throws WalletError(usage) for a malformed message, WalletError(key) for a bad key.
[[nodiscard]] SignedTx sign_tx(const TxTypes& types, const std::string& type,
                               nlohmann::json message, const ledger::SecretKey& key);

/// Sends `tx` with tx_send and returns the node's hash. Any JSON-RPC error becomes
/// WalletError(refused) carrying the node's code, message and reason.
[[nodiscard]] std::string send_tx(RpcClient& rpc, const SignedTx& tx);

/// Builds the error for a tx_get answer with status "rejected" (exit code refused).
[[nodiscard]] WalletError rejected_error(const nlohmann::json& tx_get_result);

}  // namespace aif::wallet
