// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/result.hpp"
#include "ledger/types.hpp"

#include <array>
#include <optional>

namespace aif::ledger {

/// 65-byte Ethereum signature r || s || v, v ∈ {27, 28} (SPEC §2).
using Signature = FixedBytes<65>;
/// 32-byte secp256k1 secret key.
using SecretKey = FixedBytes<32>;
/// 64-byte uncompressed public key without the 0x04 prefix (x || y).
using PublicKey = FixedBytes<64>;

/// keccak-256 (the pre-NIST padding Ethereum uses) of `data`.
[[nodiscard]] Hash32 keccak256(ByteView data) noexcept;
[[nodiscard]] Hash32 keccak256(std::string_view data) noexcept;
/// sha-256 of `data`.
[[nodiscard]] Hash32 sha256(ByteView data) noexcept;

/// The Ethereum address of a public key: last 20 bytes of keccak256(x || y).
[[nodiscard]] Address address_of(const PublicKey& pub) noexcept;

/// Derives the public key of `secret`.
/// Returns: the key, or nullopt when `secret` is zero or not below the curve order.
[[nodiscard]] std::optional<PublicKey> public_key_of(const SecretKey& secret) noexcept;

/// Signs a 32-byte digest with RFC 6979 deterministic nonces; the result is low-s, v ∈ {27,28}.
/// Returns: nullopt when `secret` is invalid.
[[nodiscard]] std::optional<Signature> sign_digest(const Hash32& digest,
                                                   const SecretKey& secret) noexcept;

/// Recovers the signer's address of `digest` from `sig`.
/// In: sig as r || s || v. Checks, in order: v ∈ {27,28} else bad_signature; s ≤ n/2 else
/// high_s_signature (checked before recovery, which does not; STYLE §4); r, s in range and the
/// point recoverable else bad_signature.
[[nodiscard]] Result<Address> recover_signer(const Hash32& digest, const Signature& sig) noexcept;

/// EIP-55 mixed-case checksum form "0xAbC…" of `addr`.
[[nodiscard]] std::string to_checksum(const Address& addr);
/// Parses a 0x-prefixed 40-hex-digit address in any case (SPEC §2: accepted in any case).
/// Returns nullopt on bad length or character.
[[nodiscard]] std::optional<Address> parse_address(std::string_view text);

}  // namespace aif::ledger
