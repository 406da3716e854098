// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/state.hpp"

#include <cstdint>

namespace aif::ledger {

/// A StateView over another that counts what is read through it: point gets, and keys handed
/// out by scans. Benchmarks and tests use it to show how much state an operation touches
/// (e.g. that finalisation or an order-book scan does not walk a whole prefix).
class CountingView final : public StateView
{
public:
    explicit CountingView(const StateView& base) : m_base(base) {}

    const std::string* find(std::string_view key) const override
    {
        ++gets;
        return m_base.find(key);
    }
    void scan(std::string_view prefix, const ScanFn& fn) const override
    {
        scan_from(prefix, prefix, fn);
    }
    void scan_from(std::string_view prefix, std::string_view start, const ScanFn& fn) const override
    {
        m_base.scan_from(prefix, start, [&](std::string_view k, std::string_view v) {
            ++scanned;
            return fn(k, v);
        });
    }

    /// Gets plus scanned keys.
    [[nodiscard]] std::uint64_t reads() const { return gets + scanned; }

    mutable std::uint64_t gets{0};
    mutable std::uint64_t scanned{0};

private:
    const StateView& m_base;
};

}  // namespace aif::ledger
