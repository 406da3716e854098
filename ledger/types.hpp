// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aif::ledger {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
/// Unsigned 128-bit: every amount is below 2^128 (SPEC §2).
using u128 = unsigned __int128;

/// Fixed-size byte string with value semantics and ordering (usable as std::map key).
template <std::size_t N>
struct FixedBytes
{
    std::array<std::uint8_t, N> bytes{};

    static constexpr std::size_t size() { return N; }
    const std::uint8_t* data() const { return bytes.data(); }
    std::uint8_t* data() { return bytes.data(); }
    ByteView view() const { return {bytes.data(), N}; }
    bool is_zero() const
    {
        for (auto b : bytes)
            if (b != 0) return false;
        return true;
    }
    auto operator<=>(const FixedBytes&) const = default;
    bool operator==(const FixedBytes&) const = default;
};

/// 32-byte hash (keccak-256 or sha-256 output, bytes32 fields).
using Hash32 = FixedBytes<32>;
/// 20-byte account address (SPEC §2).
struct Address : FixedBytes<20>
{
    auto operator<=>(const Address&) const = default;
    bool operator==(const Address&) const = default;
};

/// Lower-case 0x-prefixed hex of `data`.
[[nodiscard]] std::string to_hex(ByteView data);
template <std::size_t N>
[[nodiscard]] std::string to_hex(const FixedBytes<N>& b)
{
    return to_hex(b.view());
}
/// Parses hex with a mandatory 0x prefix (either case of digits). nullopt on any bad character
/// or odd length.
[[nodiscard]] std::optional<Bytes> from_hex(std::string_view hex);
/// Decodes 0x-hex of exactly `n` bytes into `out` (no allocation); false if `hex` is not that.
[[nodiscard]] bool hex_to_bytes(std::string_view hex, std::uint8_t* out, std::size_t n) noexcept;
/// Parses exactly N bytes of 0x-hex.
template <std::size_t N>
[[nodiscard]] std::optional<FixedBytes<N>> fixed_from_hex(std::string_view hex)
{
    FixedBytes<N> out;
    if (!hex_to_bytes(hex, out.bytes.data(), N)) return std::nullopt;
    return out;
}

/// Decimal string of a u128.
[[nodiscard]] std::string u128_to_string(u128 v);
/// Parses a plain decimal (digits only, no sign, no leading '+', no leading zeros except "0",
/// at most 39 digits) that fits u128. nullopt otherwise.
[[nodiscard]] std::optional<u128> u128_from_string(std::string_view s);

/// Checked arithmetic (bitcoin src/util/overflow.h): nullopt on overflow/underflow.
[[nodiscard]] constexpr std::optional<u128> checked_add(u128 a, u128 b) noexcept
{
    u128 r = a + b;
    if (r < a) return std::nullopt;
    return r;
}
[[nodiscard]] constexpr std::optional<u128> checked_sub(u128 a, u128 b) noexcept
{
    if (b > a) return std::nullopt;
    return a - b;
}
[[nodiscard]] constexpr std::optional<u128> checked_mul(u128 a, u128 b) noexcept
{
    // The compiler's overflow check, exact for unsigned 128-bit: no division (issue 7).
    u128 r = 0;
    if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
    return r;
}
[[nodiscard]] constexpr std::optional<std::uint64_t> checked_add_u64(std::uint64_t a,
                                                                     std::uint64_t b) noexcept
{
    std::uint64_t r = a + b;
    if (r < a) return std::nullopt;
    return r;
}

/// Big-endian helpers for fixed-width keys and encodings (STYLE §4).
inline void put_be64(Bytes& out, std::uint64_t v)
{
    for (int i = 7; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
inline std::uint64_t get_be64(const std::uint8_t* p)
{
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
    return v;
}
/// u128 as 32-byte big-endian uint256 (EIP-712 word).
[[nodiscard]] Hash32 u128_to_word(u128 v);

}  // namespace aif::ledger
