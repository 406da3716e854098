// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace aif::wallet {

/// The governance token's symbol (SPEC §2).
inline constexpr std::string_view AIF = "AIF";
/// AIF has 18 decimals (SPEC §2).
inline constexpr std::uint32_t AIF_DECIMALS = 18;
/// The largest number of decimals a u128 amount can carry (10^38 < 2^128).
inline constexpr std::uint32_t MAX_DECIMALS = 38;

/// Decimals of `asset`: 18 for AIF, 0 for every other asset (FilmTokens are whole shares).
[[nodiscard]] std::uint32_t asset_decimals(std::string_view asset) noexcept;

/// Parses a whole-unit decimal amount ("12.5") into base units, exactly (no floating point).
/// Accepted: digits, optionally one '.' followed by 1..`decimals` digits. Rejected with a
/// WalletError(usage) whose message starts with `flag`: empty text, signs, exponents,
/// whitespace, a bare '.', more fraction digits than `decimals`, values ≥ 2^128.
/// Precondition: decimals ≤ MAX_DECIMALS.
[[nodiscard]] ledger::u128 parse_amount(std::string_view text, std::uint32_t decimals,
                                        std::string_view flag);

/// Formats base units as whole units: "12.5", "0.000000000000000001", "3"; trailing zeros of
/// the fraction are trimmed and no '.' is printed for whole values.
/// Precondition: decimals ≤ MAX_DECIMALS.
[[nodiscard]] std::string format_amount(ledger::u128 base_units, std::uint32_t decimals);

}  // namespace aif::wallet
