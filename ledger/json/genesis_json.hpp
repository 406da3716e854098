// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/genesis.hpp"
#include "ledger/result.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace aif::ledger::json {

/// Parses and validates a genesis document (format in docs/genesis.md). Every error is
/// invalid_argument with the JSON path of the offending field, e.g.
/// "allocations[3].amount: must be an unsigned integer below 2^128". Unknown fields are
/// refused too, so a typo never silently drops a setting.
[[nodiscard]] Result<Genesis> genesis_from_json(const nlohmann::json& j) noexcept;
/// Parses text first (malformed JSON is invalid_argument "genesis: not JSON: …").
[[nodiscard]] Result<Genesis> genesis_from_text(std::string_view text) noexcept;

}  // namespace aif::ledger::json
