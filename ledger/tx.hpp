// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/crypto.hpp"
#include "ledger/result.hpp"
#include "ledger/types.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace aif::ledger {

/// The EIP-712 field types a transaction may use. Small uints travel in a uint64_t slot with
/// their range checked on decode; uint256 fields are amounts and are bounded by 2^128 (SPEC §2).
enum class FieldType : std::uint8_t {
    uint8,
    uint16,
    uint32,
    uint64,
    uint256,
    boolean,
    address,
    string,
    bytes32,
    bytes,
    address_array,
};

/// EIP-712 spelling of `t` ("uint64", "address[]", ...).
[[nodiscard]] std::string_view eip712_name(FieldType t) noexcept;

/// One field of a transaction type: name and type, in signing order.
struct FieldDef
{
    std::string_view name;
    FieldType type{FieldType::uint64};
    /// For string/bytes/address[]: the largest length (bytes or elements) accepted on decode.
    std::uint32_t max_len{0};
};

/// A field's value. Index by FieldType: uint8..uint64 and boolean use std::uint64_t,
/// uint256 uses u128, address uses Address, string uses std::string, bytes32 uses Hash32,
/// bytes uses Bytes, address[] uses std::vector<Address>.
using Value =
    std::variant<std::uint64_t, u128, Address, std::string, Hash32, Bytes, std::vector<Address>>;

/// Stable numeric id of each transaction type; used in the binary encoding, so values never
/// change and new kinds are appended. Each module owns a range and names its kinds in its own
/// `ledger/tx_types_<module>.hpp`: token 1–99, festival 100–199, DAO 200–299, market 300–399.
enum class TxKind : std::uint16_t {
    transfer = 1,
};

/// First id of each module's range (see TxKind).
inline constexpr std::uint16_t TX_KIND_FESTIVAL = 100;
inline constexpr std::uint16_t TX_KIND_DAO = 200;
inline constexpr std::uint16_t TX_KIND_MARKET = 300;
inline constexpr std::uint16_t TX_KIND_END = 400;

/// A transaction type: its EIP-712 primary type name and field list. Every list begins with
/// `uint64 nonce, uint256 fee` (SPEC §2).
struct TxTypeDef
{
    TxKind kind{TxKind::transfer};
    std::string_view name;
    std::vector<FieldDef> fields;
    /// keccak256(encode_type), filled in once by tx_types() so hashing a tx never rebuilds it.
    Hash32 cached_type_hash{};
};

/// Prepends `uint64 nonce, uint256 fee` (SPEC §2) to a type's own fields.
[[nodiscard]] std::vector<FieldDef> with_header(std::vector<FieldDef> rest);

/// Each module appends its types (ledger/tx_types_<module>.cpp).
void add_token_types(std::vector<TxTypeDef>& out);
void add_festival_types(std::vector<TxTypeDef>& out);
void add_dao_types(std::vector<TxTypeDef>& out);
void add_market_types(std::vector<TxTypeDef>& out);

/// All transaction types, in TxKind order. The single source for the wire codec, EIP-712
/// hashing and tx_getTypes.
[[nodiscard]] const std::vector<TxTypeDef>& tx_types();
/// Looks a type up by EIP-712 name; nullptr when unknown.
[[nodiscard]] const TxTypeDef* find_tx_type(std::string_view name) noexcept;
/// Looks a type up by kind; nullptr when unknown.
[[nodiscard]] const TxTypeDef* find_tx_type(TxKind kind) noexcept;

/// A decoded, not yet verified transaction: the type, field values in definition order and the
/// signature.
struct Tx
{
    const TxTypeDef* type{nullptr};
    std::vector<Value> fields;
    Signature signature;

    std::uint64_t nonce() const { return std::get<std::uint64_t>(fields.at(0)); }
    u128 fee() const { return std::get<u128>(fields.at(1)); }
    /// Typed access to field i (definition order); the variant index follows FieldType.
    template <typename T>
    const T& get(std::size_t i) const
    {
        return std::get<T>(fields.at(i));
    }
};

/// The EIP-712 domain (SPEC §2): name "AIF Chain", version "1", chainId.
struct Domain
{
    std::uint64_t chain_id{0};
};

/// EIP-712 encodeType of a tx type: "Transfer(uint64 nonce,uint256 fee,...)".
[[nodiscard]] std::string encode_type(const TxTypeDef& def);
/// keccak256(encodeType).
[[nodiscard]] Hash32 type_hash(const TxTypeDef& def);
/// EIP-712 hashStruct of the message.
[[nodiscard]] Hash32 hash_struct(const Tx& tx);
/// EIP-712 domain separator of `domain`.
[[nodiscard]] Hash32 domain_separator(const Domain& domain);
/// keccak256(0x19 0x01 || domainSeparator || hashStruct(message)): what the sender signs.
[[nodiscard]] Hash32 signing_digest(const Hash32& domain_sep, const Tx& tx);
/// SPEC §2: keccak256(sender (20 bytes) || EIP-712 digest (32 bytes)).
[[nodiscard]] Hash32 tx_hash(const Address& sender, const Hash32& digest);

/// A transaction whose signature has been checked once: sender and hashes cached so that
/// block apply never recovers again (issue 7).
struct VerifiedTx
{
    Tx tx;
    Address sender;
    Hash32 digest;
    Hash32 hash;
};

/// Checks the signature of `tx` under `domain_sep` and returns it with sender and hashes.
/// Errors: bad_signature, high_s_signature.
[[nodiscard]] Result<VerifiedTx> verify_tx(const Hash32& domain_sep, Tx tx) noexcept;

/// Canonical binary encoding of a transaction (type id, fields, signature): the form stored in
/// blocks. Deterministic and injective.
[[nodiscard]] Bytes encode_tx(const Tx& tx);
/// Appends encode_tx(tx) to `out` (a block's body is encoded in one buffer).
void encode_tx_into(Bytes& out, const Tx& tx);
/// Inverse of encode_tx. Errors: malformed_tx, unknown_tx_type, invalid_field.
[[nodiscard]] Result<Tx> decode_tx(ByteView data) noexcept;

/// Field index constants of Transfer (SPEC §2 exact field list).
namespace transfer_field {
inline constexpr std::size_t NONCE = 0, FEE = 1, TO = 2, ASSET = 3, AMOUNT = 4, MEMO = 5;
}

}  // namespace aif::ledger
