// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/types.hpp"

namespace aif::ledger {

namespace {
constexpr char HEX_DIGITS[] = "0123456789abcdef";
int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::string to_hex(ByteView data)
{
    std::string s;
    s.reserve(2 + data.size() * 2);
    s += "0x";
    for (auto b : data) {
        s += HEX_DIGITS[b >> 4];
        s += HEX_DIGITS[b & 0xf];
    }
    return s;
}

std::optional<Bytes> from_hex(std::string_view hex)
{
    if (hex.size() < 2 || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X')) return std::nullopt;
    hex.remove_prefix(2);
    if (hex.size() % 2 != 0) return std::nullopt;
    Bytes out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int hi = hex_value(hex[i]);
        int lo = hex_value(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out.push_back(static_cast<std::uint8_t>((hi << 4) | lo));
    }
    return out;
}

bool hex_to_bytes(std::string_view hex, std::uint8_t* out, std::size_t n) noexcept
{
    if (hex.size() != 2 + 2 * n || hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X')) return false;
    for (std::size_t i = 0; i < n; ++i) {
        const int hi = hex_value(hex[2 + 2 * i]);
        const int lo = hex_value(hex[3 + 2 * i]);
        if (hi < 0 || lo < 0) return false;
        out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return true;
}

std::string u128_to_string(u128 v)
{
    // At most two 128-bit divisions (by 10^19); the digits come from 64-bit chunks, which the
    // compiler divides by multiplication (issue 7: a division per digit was ~2 % of a block).
    constexpr std::uint64_t TEN19 = 10'000'000'000'000'000'000ULL;
    char buf[40];
    char* end = buf + sizeof buf;
    char* p = end;
    const auto digits = [&](std::uint64_t chunk, bool pad) {
        int n = 0;
        while (chunk > 0 || (pad && n < 19)) {
            *--p = static_cast<char>('0' + chunk % 10);
            chunk /= 10;
            ++n;
        }
    };
    if (v == 0) return "0";
    while (v > 0) {
        const auto chunk = static_cast<std::uint64_t>(v % TEN19);
        v /= TEN19;
        digits(chunk, /*pad=*/v > 0);
    }
    return std::string(p, end);
}

std::optional<u128> u128_from_string(std::string_view s)
{
    if (s.empty() || s.size() > 39) return std::nullopt;
    if (s.size() > 1 && s[0] == '0') return std::nullopt;
    // Overflow bounds as constants: no 128-bit division per digit (issue 7: every amount of
    // every tx_send and every receipt value passes here).
    constexpr u128 MAX_DIV10 = ~u128{0} / 10;
    constexpr auto MAX_MOD10 = static_cast<unsigned>(~u128{0} % 10);
    u128 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        const auto d = static_cast<unsigned>(c - '0');
        if (v > MAX_DIV10 || (v == MAX_DIV10 && d > MAX_MOD10)) return std::nullopt;
        v = v * 10 + d;
    }
    return v;
}

Hash32 u128_to_word(u128 v)
{
    Hash32 w;
    for (int i = 31; i >= 16; --i) {
        w.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
        v >>= 8;
    }
    return w;
}

}  // namespace aif::ledger
