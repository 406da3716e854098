// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/crypto.hpp"
#include "wallet/secret.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aif::wallet {

/// The BIP-39 English wordlist exactly as committed (wallet/bip39_english.txt): 2048 words,
/// each followed by '\n'.
[[nodiscard]] std::string_view bip39_english_text() noexcept;
/// The 2048 words in order (index = 11-bit value).
[[nodiscard]] const std::vector<std::string_view>& bip39_english();

/// Splits a mnemonic on ASCII whitespace and lower-cases it.
[[nodiscard]] std::vector<std::string> mnemonic_words(std::string_view mnemonic);

/// Checks a BIP-39 English mnemonic: 12, 15, 18, 21 or 24 words from the list and a valid
/// checksum. Only ASCII input is supported (for it NFKD is the identity). Throws
/// WalletError(usage) naming the first unknown word (by position) or the checksum.
void validate_mnemonic(std::string_view mnemonic);

/// BIP-39 seed: PBKDF2-HMAC-SHA512(password = the words joined by single spaces, salt =
/// "mnemonic" + passphrase, 2048 rounds, 64 bytes). Validates first (see validate_mnemonic).
[[nodiscard]] std::array<std::uint8_t, 64> mnemonic_to_seed(std::string_view mnemonic,
                                                            std::string_view passphrase);

/// A BIP-32 extended private key.
struct ExtendedKey
{
    ledger::SecretKey key;
    ledger::Hash32 chain_code;
};

/// Bit that marks a hardened child index (i').
inline constexpr std::uint32_t HARDENED = 0x8000'0000u;

/// BIP-32 master key: HMAC-SHA512(key "Bitcoin seed", seed) → (IL key, IR chain code).
/// Throws WalletError(key) for the (2^-127-likely) invalid master key.
[[nodiscard]] ExtendedKey bip32_master(ledger::ByteView seed);
/// BIP-32 CKDpriv: hardened when index ≥ HARDENED. Throws WalletError(key) for the invalid
/// child case BIP-32 says to skip.
[[nodiscard]] ExtendedKey bip32_child(const ExtendedKey& parent, std::uint32_t index);
/// Parses "m/44'/60'/0'/0/0" (also 'h'/'H' for hardened). Throws WalletError(usage).
[[nodiscard]] std::vector<std::uint32_t> parse_derivation_path(std::string_view path);
/// The Ethereum account path m/44'/60'/0'/0/index.
[[nodiscard]] std::string ethereum_path(std::uint32_t index);

/// The secret key at `path` under the seed of `mnemonic` (+ optional `passphrase`).
[[nodiscard]] SecretKeyHolder derive_from_mnemonic(std::string_view mnemonic,
                                                   std::string_view passphrase,
                                                   std::string_view path);

}  // namespace aif::wallet
