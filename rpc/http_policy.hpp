// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aif::rpc {

// Header checks of the HTTP server against cross-site use of the RPC (docs/security.md S2).
// Pure functions on header values; the server decides the status codes.

/// True when a request Content-Type is `application/json`, optionally with the parameter
/// `charset=utf-8` (type, parameter name and value case-insensitive, the value may be quoted).
/// Any other type or parameter is false: a browser can only send `text/plain`,
/// `application/x-www-form-urlencoded` or `multipart/form-data` without a CORS preflight.
[[nodiscard]] bool is_json_content_type(std::string_view value) noexcept;

/// True when a Host header value names the loopback interface: `localhost`, `127.0.0.1`,
/// `[::1]` or `bound_host` (the listening address as "127.0.0.2" or "[::1]"; may be empty),
/// each with or without `:PORT` (any port: a forwarded port keeps its local name). Case-
/// insensitive. Anything else — above all a DNS name that a rebinding attack points at
/// 127.0.0.1 — is false.
[[nodiscard]] bool is_loopback_host(std::string_view value, std::string_view bound_host) noexcept;

/// True when the Origin header value is in `allowed` (ASCII case-insensitive, a trailing '/'
/// ignored) or `allowed` holds "*". An empty list allows no origin.
[[nodiscard]] bool is_origin_allowed(std::string_view origin,
                                     const std::vector<std::string>& allowed) noexcept;

/// Checks one --rpc-allow-origin entry: "*", "null", or SCHEME://HOST[:PORT] without a path.
/// Returns it normalised (lower case, no trailing '/'), or "" when it is malformed.
[[nodiscard]] std::string normalize_origin(std::string_view origin);

}  // namespace aif::rpc
