// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "rpc/backend.hpp"

#include <string>

namespace aif::rpc {

/// Serialises `j` compactly. Invalid UTF-8 in strings is replaced by U+FFFD instead of
/// throwing, so echoing user input can never fail. Throws only std::bad_alloc.
[[nodiscard]] std::string dump_json(const json& j);

/// A JSON-RPC error object {code, message, data?}; `data` is omitted when null.
[[nodiscard]] json error_object(int code, const std::string& message, const json& data = nullptr);

/// A JSON-RPC 2.0 error response {jsonrpc, error, id}.
[[nodiscard]] json error_response(const json& id, int code, const std::string& message,
                                  const json& data = nullptr);

/// A JSON-RPC 2.0 success response {jsonrpc, result, id}.
[[nodiscard]] json result_response(const json& id, json result);

}  // namespace aif::rpc
