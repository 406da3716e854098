// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"
#include "rpc/backend.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace aif::rpc {

/// Parameter helpers shared by the method tables. `params` is always a JSON object (the
/// dispatcher turns absent or null params into {}). A member whose value is null counts as
/// absent. Every helper throws RpcError(INVALID_PARAMS) whose message names the field, e.g.
/// "invalid params: 'height' must be an unsigned integer", with data {"field": name}.

/// Largest integer accepted as a JSON number (SPEC §2: JSON integers up to 2^53-1).
inline constexpr std::uint64_t MAX_JSON_INTEGER = (std::uint64_t{1} << 53) - 1;

/// RpcError(INVALID_PARAMS, "invalid params: " + detail, {"field": field} unless empty).
[[nodiscard]] RpcError invalid_params(const std::string& detail, std::string_view field = {});

/// Throws "invalid params: unknown param 'x'" for the first member not in `known`.
void check_known_params(const json& params, std::initializer_list<std::string_view> known);

/// True when `name` is present and not null.
[[nodiscard]] bool has_param(const json& params, std::string_view name);

/// An unsigned integer: a JSON integer ≤ 2^53-1 or a decimal string (digits only, no sign, no
/// leading zeros) ≤ 2^64-1. Floats, negatives, bools and other types are refused with
/// "'x' must be an unsigned integer"; larger values with "'x' is out of range".
[[nodiscard]] std::uint64_t require_uint64(const json& params, std::string_view name);
/// As require_uint64, or nullopt when absent.
[[nodiscard]] std::optional<std::uint64_t> optional_uint64(const json& params,
                                                           std::string_view name);

/// A 0x-prefixed 20-byte address in any case (ledger::parse_address).
[[nodiscard]] ledger::Address require_address(const json& params, std::string_view name);
/// As require_address, or nullopt when absent.
[[nodiscard]] std::optional<ledger::Address> optional_address(const json& params,
                                                              std::string_view name);

/// A 0x-prefixed 32-byte hex string.
[[nodiscard]] ledger::Hash32 require_hash32(const json& params, std::string_view name);
/// As require_hash32, or nullopt when absent.
[[nodiscard]] std::optional<ledger::Hash32> optional_hash32(const json& params,
                                                            std::string_view name);

/// A JSON string (any content, may be empty).
[[nodiscard]] std::string require_string(const json& params, std::string_view name);
/// As require_string, or nullopt when absent.
[[nodiscard]] std::optional<std::string> optional_string(const json& params,
                                                         std::string_view name);

/// A JSON boolean (true/false only; 0/1 and "true" are refused).
[[nodiscard]] bool require_bool(const json& params, std::string_view name);
/// As require_bool, or nullopt when absent.
[[nodiscard]] std::optional<bool> optional_bool(const json& params, std::string_view name);

}  // namespace aif::rpc
