// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/http_policy.hpp"

#include <algorithm>
#include <array>

namespace aif::rpc {

namespace {

char lower(char c) noexcept
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view s) noexcept
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view s) noexcept
{
    return !s.empty() && s.size() <= 5 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_json_content_type(std::string_view value) noexcept
{
    auto semi = value.find(';');
    if (!iequals(trim(value.substr(0, semi)), "application/json")) return false;
    while (semi != std::string_view::npos) {
        value.remove_prefix(semi + 1);
        semi = value.find(';');
        const auto param = trim(value.substr(0, semi));
        if (param.empty()) continue;
        const auto eq = param.find('=');
        if (eq == std::string_view::npos || !iequals(trim(param.substr(0, eq)), "charset")) {
            return false;
        }
        auto charset = trim(param.substr(eq + 1));
        if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
            charset = charset.substr(1, charset.size() - 2);
        }
        if (!iequals(charset, "utf-8")) return false;
    }
    return true;
}

bool is_loopback_host(std::string_view value, std::string_view bound_host) noexcept
{
    value = trim(value);
    std::string_view host = value;
    std::string_view port;
    if (!value.empty() && value.front() == '[') {
        const auto close = value.find(']');
        if (close == std::string_view::npos) return false;
        host = value.substr(0, close + 1);
        const auto rest = value.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return false;
            port = rest.substr(1);
            if (!all_digits(port)) return false;
        }
    } else if (const auto colon = value.find(':'); colon != std::string_view::npos) {
        host = value.substr(0, colon);
        port = value.substr(colon + 1);
        if (!all_digits(port)) return false;  // also refuses an unbracketed IPv6 literal
    }
    constexpr std::array<std::string_view, 3> LOOPBACK{"localhost", "127.0.0.1", "[::1]"};
    return std::any_of(LOOPBACK.begin(), LOOPBACK.end(),
                       [&](std::string_view name) { return iequals(host, name); }) ||
           (!bound_host.empty() && iequals(host, bound_host));
}

bool is_origin_allowed(std::string_view origin, const std::vector<std::string>& allowed) noexcept
{
    origin = trim(origin);
    if (!origin.empty() && origin.back() == '/') origin.remove_suffix(1);
    return std::any_of(allowed.begin(), allowed.end(),
                       [&](const std::string& a) { return a == "*" || iequals(origin, a); });
}

std::string normalize_origin(std::string_view origin)
{
    origin = trim(origin);
    if (!origin.empty() && origin.back() == '/') origin.remove_suffix(1);
    std::string out(origin.size(), ' ');
    std::transform(origin.begin(), origin.end(), out.begin(), lower);
    if (out == "*" || out == "null") return out;
    const auto scheme_end = out.find("://");
    if (scheme_end == std::string::npos || scheme_end == 0) return {};
    const auto authority = std::string_view(out).substr(scheme_end + 3);
    if (authority.empty() || authority.find_first_of("/?#@ ") != std::string_view::npos) return {};
    const bool scheme_ok =
        std::all_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(scheme_end), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
                   c == '.';
        });
    return scheme_ok ? out : std::string{};
}

}  // namespace aif::rpc
