// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/result.hpp"
#include "ledger/tx.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace aif::ledger::json {

using nlohmann::json;

/// A transaction as received on the wire (SPEC §2), before signature checks.
struct WireTx
{
    Tx tx;
    /// Optional "from": the sender the client expects; checked against the recovered one.
    std::optional<Address> from;
    /// Optional "domain": if present must be exactly our domain (name, version, chainId).
    std::optional<std::uint64_t> domain_chain_id;
};

/// Decodes `{"type": T, "message": {...}, "signature": "0x…", "from"?, "domain"?}`.
/// Integers: decimal strings, or JSON unsigned integers up to 2^53−1. Errors name the field:
/// malformed_tx (shape), unknown_tx_type, unknown_field, missing_field, invalid_field (wrong
/// kind, float, negative, out of range, bad hex, too long), bad_signature (not 65 bytes of hex).
[[nodiscard]] Result<WireTx> decode_wire(const json& j) noexcept;

/// The message object of `tx`: integers as decimal strings, addresses EIP-55, bytes as 0x-hex.
[[nodiscard]] json message_to_json(const Tx& tx);
/// The wire form of `tx` (type, message, signature).
[[nodiscard]] json tx_to_json(const Tx& tx);
/// The EIP-712 domain object {name, version, chainId}.
[[nodiscard]] json domain_to_json(std::uint64_t chain_id);
/// tx_getTypes result: {domain, types (incl. EIP712Domain), primaryTypes}.
[[nodiscard]] json types_to_json(std::uint64_t chain_id);

/// Parses a field value of type `t` from JSON (shared with the wallet's --field parser).
/// `name` is used in error details.
[[nodiscard]] Result<Value> value_from_json(const FieldDef& def, const json& v) noexcept;
/// Renders a field value to JSON as message_to_json does.
[[nodiscard]] json value_to_json(FieldType t, const Value& v);

/// Parses an unsigned integer given as a decimal string or a JSON unsigned integer ≤ 2^53−1,
/// bounded by `max`. Floats, negatives, bools, leading zeros and other strings fail.
[[nodiscard]] std::optional<u128> parse_uint(const json& v, u128 max) noexcept;

}  // namespace aif::ledger::json
