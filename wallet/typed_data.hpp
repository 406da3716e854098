// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace aif::wallet {

/// A generic EIP-712 encoder over a JSON `types` object as tx_getTypes returns it
/// ({"Transfer": [{"name": "nonce", "type": "uint64"}, …], "EIP712Domain": […], …}), so types
/// added to the node are signable without rebuilding the wallet.
///
/// Supported field types: uint8…uint256 (multiples of 8), bool, address, string, bytes1…bytes32,
/// bytes, struct types defined in `types`, and arrays `T[]` / `T[k]` of any of these.
/// Values are JSON as on the wire (SPEC §2): integers as decimal strings, 0x-hex strings or
/// JSON unsigned integers; bool as JSON bool; address/bytes as 0x-hex; structs as objects.
class TypedData
{
public:
    /// Takes the types object. Throws WalletError(failure) if it is not an object of arrays of
    /// {"name", "type"} objects.
    explicit TypedData(nlohmann::json types);

    /// True when `type` is a struct type defined in the types object.
    [[nodiscard]] bool has_type(std::string_view type) const;
    /// The field list of struct `type`. Throws WalletError(failure) if undefined.
    [[nodiscard]] const nlohmann::json& fields(std::string_view type) const;
    /// The whole types object.
    [[nodiscard]] const nlohmann::json& types() const noexcept { return m_types; }

    /// encodeType: `primary(fields…)` followed by every struct type it references (directly or
    /// not), sorted by name (EIP-712).
    [[nodiscard]] std::string encode_type(std::string_view primary) const;
    /// keccak256(encode_type(primary)).
    [[nodiscard]] ledger::Hash32 type_hash(std::string_view primary) const;
    /// hashStruct(value) = keccak256(typeHash || encodeData(value)). Throws WalletError(usage)
    /// naming the field path for a missing, unknown or malformed value.
    [[nodiscard]] ledger::Hash32 hash_struct(std::string_view type,
                                             const nlohmann::json& value) const;
    /// hashStruct of the domain: under "EIP712Domain" from the types when present, otherwise
    /// under the type derived from the domain's keys in the standard order (name, version,
    /// chainId, verifyingContract, salt).
    [[nodiscard]] ledger::Hash32 domain_separator(const nlohmann::json& domain) const;
    /// keccak256(0x19 0x01 || domain_separator(domain) || hash_struct(primary, message)).
    [[nodiscard]] ledger::Hash32 digest(const nlohmann::json& domain, std::string_view primary,
                                        const nlohmann::json& message) const;

    /// The element type of an array type ("address[]" → "address"); `type` itself otherwise.
    [[nodiscard]] static std::string_view element_type(std::string_view type) noexcept;
    /// True for "T[]" and "T[k]".
    [[nodiscard]] static bool is_array(std::string_view type) noexcept;

private:
    ledger::Hash32 encode_value(std::string_view type, const nlohmann::json& value,
                                const std::string& path) const;
    ledger::Hash32 hash_struct_at(std::string_view type, const nlohmann::json& value,
                                  const std::string& path) const;

    nlohmann::json m_types;
};

/// keccak256(0x19 0x01 || domain_separator || struct_hash).
[[nodiscard]] ledger::Hash32 eip712_digest(const ledger::Hash32& domain_separator,
                                           const ledger::Hash32& struct_hash);

}  // namespace aif::wallet
