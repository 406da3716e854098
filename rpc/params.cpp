// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/params.hpp"

#include "ledger/crypto.hpp"

#include <limits>

namespace aif::rpc {

namespace {

std::string in_quotes(std::string_view name)
{
    return "'" + std::string(name) + "'";
}

/// The member `name`, or nullptr when absent or null.
const json* find_param(const json& params, std::string_view name)
{
    if (!params.is_object()) return nullptr;
    auto it = params.find(name);
    if (it == params.end() || it->is_null()) return nullptr;
    return &*it;
}

const json& require_param(const json& params, std::string_view name)
{
    const json* v = find_param(params, name);
    if (v == nullptr) throw invalid_params("missing " + in_quotes(name), name);
    return *v;
}

/// Plain decimal: digits only, no sign, no leading zeros except "0", fits u64.
std::optional<std::uint64_t> parse_decimal_u64(std::string_view s, bool& out_of_range)
{
    out_of_range = false;
    if (s.empty() || (s.size() > 1 && s[0] == '0')) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        auto d = static_cast<std::uint64_t>(c - '0');
        if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) {
            out_of_range = true;
            return std::nullopt;
        }
        v = v * 10 + d;
    }
    return v;
}

std::uint64_t to_uint64(const json& v, std::string_view name)
{
    const std::string not_uint = in_quotes(name) + " must be an unsigned integer";
    const std::string too_big = in_quotes(name) + " is out of range";
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u > MAX_JSON_INTEGER) throw invalid_params(too_big, name);
        return u;
    }
    if (v.is_number_integer()) {  // signed storage: only values built in C++ get here
        auto i = v.get<std::int64_t>();
        if (i < 0) throw invalid_params(not_uint, name);
        if (static_cast<std::uint64_t>(i) > MAX_JSON_INTEGER) throw invalid_params(too_big, name);
        return static_cast<std::uint64_t>(i);
    }
    if (v.is_string()) {
        bool out_of_range = false;
        auto u = parse_decimal_u64(v.get_ref<const std::string&>(), out_of_range);
        if (out_of_range) throw invalid_params(too_big, name);
        if (!u) throw invalid_params(not_uint, name);
        return *u;
    }
    // Floats (including 1.0 and integers beyond 2^64, which the parser stores as float),
    // bools, arrays, objects.
    throw invalid_params(not_uint, name);
}

ledger::Address to_address(const json& v, std::string_view name)
{
    if (v.is_string()) {
        if (auto a = ledger::parse_address(v.get_ref<const std::string&>())) return *a;
    }
    throw invalid_params(in_quotes(name) + " must be a 0x-prefixed 20-byte hex address", name);
}

ledger::Hash32 to_hash32(const json& v, std::string_view name)
{
    if (v.is_string()) {
        if (auto h = ledger::fixed_from_hex<32>(v.get_ref<const std::string&>())) return *h;
    }
    throw invalid_params(in_quotes(name) + " must be a 0x-prefixed 32-byte hex string", name);
}

std::string to_string(const json& v, std::string_view name)
{
    if (!v.is_string()) throw invalid_params(in_quotes(name) + " must be a string", name);
    return v.get<std::string>();
}

bool to_bool(const json& v, std::string_view name)
{
    if (!v.is_boolean()) throw invalid_params(in_quotes(name) + " must be a boolean", name);
    return v.get<bool>();
}

}  // namespace

RpcError invalid_params(const std::string& detail, std::string_view field)
{
    json data = nullptr;
    if (!field.empty()) data = {{"field", std::string(field)}};
    return RpcError(code::INVALID_PARAMS, "invalid params: " + detail, std::move(data));
}

void check_known_params(const json& params, std::initializer_list<std::string_view> known)
{
    if (!params.is_object()) throw invalid_params("params must be an object");
    for (const auto& [key, value] : params.items()) {
        bool found = false;
        for (auto k : known) found = found || k == key;
        if (!found) throw invalid_params("unknown param " + in_quotes(key), key);
    }
}

bool has_param(const json& params, std::string_view name)
{
    return find_param(params, name) != nullptr;
}

std::uint64_t require_uint64(const json& params, std::string_view name)
{
    return to_uint64(require_param(params, name), name);
}

std::optional<std::uint64_t> optional_uint64(const json& params, std::string_view name)
{
    const json* v = find_param(params, name);
    if (v == nullptr) return std::nullopt;
    return to_uint64(*v, name);
}

ledger::Address require_address(const json& params, std::string_view name)
{
    return to_address(require_param(params, name), name);
}

std::optional<ledger::Address> optional_address(const json& params, std::string_view name)
{
    const json* v = find_param(params, name);
    if (v == nullptr) return std::nullopt;
    return to_address(*v, name);
}

ledger::Hash32 require_hash32(const json& params, std::string_view name)
{
    return to_hash32(require_param(params, name), name);
}

std::optional<ledger::Hash32> optional_hash32(const json& params, std::string_view name)
{
    const json* v = find_param(params, name);
    if (v == nullptr) return std::nullopt;
    return to_hash32(*v, name);
}

std::string require_string(const json& params, std::string_view name)
{
    return to_string(require_param(params, name), name);
}

std::optional<std::string> optional_string(const json& params, std::string_view name)
{
    const json* v = find_param(params, name);
    if (v == nullptr) return std::nullopt;
    return to_string(*v, name);
}

bool require_bool(const json& params, std::string_view name)
{
    return to_bool(require_param(params, name), name);
}

std::optional<bool> optional_bool(const json& params, std::string_view name)
{
    const json* v = find_param(params, name);
    if (v == nullptr) return std::nullopt;
    return to_bool(*v, name);
}

}  // namespace aif::rpc
