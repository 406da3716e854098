// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/genesis.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"

#include <string_view>
#include <vector>

/// The chain parameters a parameter-change proposal may set (SPEC §7): a fixed whitelist of
/// typed keys, each with an inclusive range its new value must fall in (docs/dao.md).
namespace aif::contracts::dao {

/// One governable parameter.
struct ParamSpec
{
    /// The key proposals name ("minFee", "dao.quorumBps", "market.feeBps", …).
    std::string_view key;
    /// Inclusive bounds of an acceptable value (base units, seconds or basis points).
    ledger::u128 min{0};
    ledger::u128 max{0};
    /// Unit of the value, for people: "AIF base units", "seconds", "basis points", "orders".
    std::string_view unit;
};

/// The whitelist, in a fixed order.
[[nodiscard]] const std::vector<ParamSpec>& governable_params();
/// The spec of `key`, or nullptr when it is not governable.
[[nodiscard]] const ParamSpec* find_param(std::string_view key) noexcept;

/// Checks that `key` is governable and `value` within its range.
/// Errors: invalid_argument (names the field, the key and the range).
[[nodiscard]] ledger::Result<void> validate_param(std::string_view key,
                                                  ledger::u128 value) noexcept;

/// The current value of `key`. Errors: invalid_argument (unknown key), internal (state).
[[nodiscard]] ledger::Result<ledger::u128> read_param(const ledger::StateView& s,
                                                      std::string_view key) noexcept;
/// Writes `value` to `key` after validate_param. Errors: as validate_param, internal.
[[nodiscard]] ledger::Result<void> write_param(ledger::StateOverlay& s, std::string_view key,
                                               ledger::u128 value) noexcept;

/// The DAO parameters in force (cfg/dao). Errors: internal when absent or corrupt.
[[nodiscard]] ledger::Result<ledger::DaoParams> read_dao_params(
    const ledger::StateView& s) noexcept;

}  // namespace aif::contracts::dao
