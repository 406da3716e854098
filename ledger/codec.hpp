// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace aif::ledger {

/// A state value or key (std::string) viewed as bytes.
inline ByteView bytes_of(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/// Bytes as a std::string (state values are strings).
inline std::string string_of(const Bytes& b)
{
    return std::string(b.begin(), b.end());
}

/// Appends the canonical binary encoding used for blocks, receipts and state values: big-endian
/// fixed-width integers, u32-length-prefixed variable data. One encoding per value, so equal
/// values give equal bytes (what roots and hashes need).
class Writer
{
public:
    Writer() = default;
    /// Reserves `capacity` bytes up front (hot encoders: one allocation instead of several).
    explicit Writer(std::size_t capacity) { m_out.reserve(capacity); }
    /// Appends to `start` (take() hands it back, grown).
    explicit Writer(Bytes&& start) : m_out(std::move(start)) {}
    void u8(std::uint8_t v) { m_out.push_back(v); }
    void u16(std::uint16_t v)
    {
        m_out.push_back(static_cast<std::uint8_t>(v >> 8));
        m_out.push_back(static_cast<std::uint8_t>(v));
    }
    void u32(std::uint32_t v)
    {
        for (int i = 3; i >= 0; --i) m_out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    /// Overwrites the 4 bytes at `at` (written earlier, e.g. by u32(0)) with `v`: a length
    /// known only once what follows it is written.
    void u32_at(std::size_t at, std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i) m_out.at(at + static_cast<std::size_t>(i)) = static_cast<std::uint8_t>(v >> (24 - 8 * i));
    }
    void u64(std::uint64_t v) { put_be64(m_out, v); }
    void u128v(u128 v)
    {
        u64(static_cast<std::uint64_t>(v >> 64));
        u64(static_cast<std::uint64_t>(v));
    }
    template <std::size_t N>
    void fixed(const FixedBytes<N>& b)
    {
        m_out.insert(m_out.end(), b.bytes.begin(), b.bytes.end());
    }
    void raw(ByteView b) { m_out.insert(m_out.end(), b.begin(), b.end()); }
    void var(ByteView b)
    {
        u32(static_cast<std::uint32_t>(b.size()));
        raw(b);
    }
    void str(std::string_view s)
    {
        var(ByteView{reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
    }
    /// Unsigned LEB128: 7 bits per byte, low first, high bit = more follows (compact receipts).
    void uvar(u128 v)
    {
        while (v >= 0x80) {
            m_out.push_back(static_cast<std::uint8_t>(v | 0x80));
            v >>= 7;
        }
        m_out.push_back(static_cast<std::uint8_t>(v));
    }
    /// uvar length then the bytes.
    void vstr(std::string_view s)
    {
        uvar(s.size());
        const std::size_t at = m_out.size();
        m_out.resize(at + s.size());
        if (!s.empty()) std::memcpy(m_out.data() + at, s.data(), s.size());
    }
    Bytes& out() { return m_out; }
    Bytes take() { return std::move(m_out); }
    /// The encoding as a std::string (the type state values have).
    std::string take_string() { return string_of(m_out); }

private:
    Bytes m_out;
};

/// Reads what Writer wrote. Every read is bounds-checked; after the first failure ok() is false
/// and later reads return zero values, so decoders check once at the end.
class Reader
{
public:
    explicit Reader(ByteView in) : m_in(in) {}
    /// Reads a state value in place.
    explicit Reader(std::string_view in) : m_in(bytes_of(in)) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(take_int(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(take_int(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(take_int(4)); }
    std::uint64_t u64() { return take_int(8); }
    u128 u128v()
    {
        u128 hi = u64();
        return (hi << 64) | u64();
    }
    template <std::size_t N>
    FixedBytes<N> fixed()
    {
        FixedBytes<N> b;
        if (need(N)) {
            std::memcpy(b.data(), m_in.data() + m_pos, N);
            m_pos += N;
        }
        return b;
    }
    Address address()
    {
        Address a;
        a.bytes = fixed<20>().bytes;
        return a;
    }
    Bytes var(std::size_t max_len = 1u << 24)
    {
        std::uint32_t n = u32();
        if (n > max_len) {
            m_ok = false;
            return {};
        }
        if (!need(n)) return {};
        Bytes b(m_in.begin() + static_cast<std::ptrdiff_t>(m_pos),
                m_in.begin() + static_cast<std::ptrdiff_t>(m_pos + n));
        m_pos += n;
        return b;
    }
    std::string str(std::size_t max_len = 1u << 24)
    {
        Bytes b = var(max_len);
        return std::string(b.begin(), b.end());
    }
    /// What Writer::uvar wrote. Only the minimal form is accepted (no trailing zero group) and
    /// at most 128 bits, so each value has exactly one encoding.
    u128 uvar()
    {
        u128 v = 0;
        for (unsigned shift = 0; need(1); shift += 7) {
            const std::uint8_t b = m_in[m_pos++];
            if (shift == 126 && b > 0x03) break;  // beyond 128 bits
            v |= static_cast<u128>(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                if (b == 0 && shift > 0) break;  // not minimal
                return v;
            }
            if (shift == 126) break;
        }
        m_ok = false;
        return 0;
    }
    /// What Writer::vstr wrote, refusing lengths over `max_len`.
    std::string vstr(std::size_t max_len = 1u << 24) { return chars(uvar(), max_len); }
    /// The next `n` bytes as a string, refusing `n` over `max_len` (vstr after its length).
    std::string chars(u128 n, std::size_t max_len = 1u << 24)
    {
        if (n > max_len) {
            m_ok = false;
            return {};
        }
        if (!need(static_cast<std::size_t>(n))) return {};
        std::string out(reinterpret_cast<const char*>(m_in.data()) + m_pos, static_cast<std::size_t>(n));
        m_pos += static_cast<std::size_t>(n);
        return out;
    }
    bool ok() const { return m_ok; }
    /// True when everything was read and nothing failed.
    bool done() const { return m_ok && m_pos == m_in.size(); }
    std::size_t remaining() const { return m_ok ? m_in.size() - m_pos : 0; }

private:
    bool need(std::size_t n)
    {
        if (!m_ok || m_in.size() - m_pos < n) {
            m_ok = false;
            return false;
        }
        return true;
    }
    std::uint64_t take_int(std::size_t n)
    {
        if (!need(n)) return 0;
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i) v = (v << 8) | m_in[m_pos + i];
        m_pos += n;
        return v;
    }

    ByteView m_in;
    std::size_t m_pos{0};
    bool m_ok{true};
};

}  // namespace aif::ledger
