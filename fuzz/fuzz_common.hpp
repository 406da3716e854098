// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Helpers shared by the libFuzzer targets (docs/fuzzing.md).
#pragma once

#include "ledger/types.hpp"
#include "rpc/dispatcher.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace aif::fuzz {

/// Aborts (a libFuzzer crash, with the input saved) when an invariant does not hold.
#define FUZZ_ASSERT(cond, what)                                                            \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s) at %s:%d\n", what, #cond, \
                         __FILE__, __LINE__);                                              \
            std::abort();                                                                  \
        }                                                                                  \
    } while (0)

/// The deepest nesting of [ and { outside strings, stopping past `stop_above`: the RPC layer's
/// own pre-parse check (rpc::json_nesting_depth). Targets that parse JSON themselves apply it
/// so they test the decoder behind it, not nlohmann's recursion depth.
using rpc::json_nesting_depth;

/// Reads fuzzer bytes as a stream of small values; past the end everything is zero.
class Input
{
public:
    Input(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    std::uint8_t u8() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    std::uint64_t u64()
    {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v = (v << 8) | u8();
        return v;
    }
    ledger::u128 u128v()
    {
        const ledger::u128 hi = u64();
        return (hi << 64) | u64();
    }
    template <std::size_t N>
    void fill(std::uint8_t (&out)[N])
    {
        for (auto& b : out) b = u8();
    }
    /// Up to `max` bytes; the length comes from the input.
    std::string bytes(std::size_t max)
    {
        const std::size_t raw = max > 255 ? (static_cast<std::size_t>(u8()) << 8 | u8()) : u8();
        const std::size_t n = raw % (max + 1);
        std::string s;
        for (std::size_t i = 0; i < n && m_pos < m_size; ++i) s += static_cast<char>(u8());
        return s;
    }
    bool empty() const { return m_pos >= m_size; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos{0};
};

}  // namespace aif::fuzz
