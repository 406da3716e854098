// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/crypto.hpp"
#include "wallet/secret.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace aif::wallet {

/// scrypt cost parameters of a keystore v3 file (Web3 Secret Storage).
struct ScryptParams
{
    /// CPU/memory cost; a power of two > 1.
    std::uint64_t n{262144};
    std::uint32_t r{8};
    std::uint32_t p{1};
};

/// The environment variable that overrides scrypt n for new keystore files. Test knob only:
/// a small n makes files fast to open and fast to crack.
inline constexpr const char* SCRYPT_N_ENV = "AIF_WALLET_SCRYPT_N";

/// The parameters `key new`/`key import` write: n=262144, r=8, p=1, or n from
/// AIF_WALLET_SCRYPT_N. Throws WalletError(usage) if the variable is not a power of two in
/// [2, 2^20].
[[nodiscard]] ScryptParams default_scrypt_params();

/// Encrypts `secret` into a keystore v3 JSON object: scrypt(password, random 32-byte salt) →
/// dk (32 bytes); aes-128-ctr with key dk[0:16] and a random 16-byte iv; mac =
/// keccak256(dk[16:32] || ciphertext); a random uuid v4 id; address as lower hex without 0x.
/// Throws WalletError(key) if `secret` is not a valid secp256k1 key.
[[nodiscard]] nlohmann::json encrypt_keystore(const ledger::SecretKey& secret,
                                              std::string_view password,
                                              const ScryptParams& params);

/// Decrypts a keystore v3 JSON object (kdf scrypt, or pbkdf2 with prf hmac-sha256; cipher
/// aes-128-ctr; "crypto" or "Crypto"). `name` only labels the messages.
/// Throws WalletError(key): "wrong password for key NAME" on a MAC mismatch; other messages
/// for a malformed file, unsupported kdf/cipher, absurd kdf parameters, or an address field
/// that does not match the decrypted key.
[[nodiscard]] SecretKeyHolder decrypt_keystore(const nlohmann::json& keystore,
                                               std::string_view password, std::string_view name);

/// The address field of a keystore (with or without 0x); nullopt if absent or malformed.
[[nodiscard]] std::optional<ledger::Address> keystore_address(const nlohmann::json& keystore);

/// A random RFC 4122 version 4 UUID, lower case.
[[nodiscard]] std::string random_uuid_v4();

/// A fresh random secp256k1 secret key from the OS RNG.
[[nodiscard]] SecretKeyHolder random_secret_key();

}  // namespace aif::wallet
