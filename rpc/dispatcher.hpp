// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "rpc/backend.hpp"
#include "rpc/limits.hpp"
#include "rpc/methods.hpp"

#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace aif::rpc {

/// Deepest nesting of arrays and objects in `text`, counting brackets outside strings (escapes
/// honoured). Stops scanning once the depth exceeds `stop_above` and returns stop_above + 1.
/// Works on any bytes (malformed JSON included) in O(n) without recursion.
[[nodiscard]] std::size_t json_nesting_depth(std::string_view text,
                                             std::size_t stop_above) noexcept;

/// When `text` is a JSON array, how many top-level elements it has (commas at depth 1, outside
/// strings, plus one), else 0. Like json_nesting_depth, a linear scan of any bytes: a batch is
/// measured before it is parsed, so an oversized one never costs its DOM (hostile S4).
[[nodiscard]] std::size_t json_batch_length(std::string_view text) noexcept;

/// JSON-RPC 2.0 request handling (SPEC §3): single requests, batches and notifications with
/// named params. Thread-safe: handle() may run concurrently (the table is read-only).
class Dispatcher
{
public:
    /// Serves make_core_methods(backend). `backend` must outlive the dispatcher.
    Dispatcher(Backend& backend, Limits limits);
    /// Serves the given table (tests and nodes with extra modules).
    Dispatcher(MethodTable methods, Limits limits);

    /// Answers one HTTP request body: the response document, or "" when nothing is to be sent
    /// (a notification or an all-notification batch; the server answers HTTP 204).
    /// Errors, all as JSON-RPC error responses, never exceptions:
    /// - body over max_body_bytes or nesting over max_depth → LIMIT_EXCEEDED, id null, before
    ///   any parsing;
    /// - unparseable JSON (including invalid UTF-8) → PARSE_ERROR, id null;
    /// - empty batch → INVALID_REQUEST; batch over max_batch → one LIMIT_EXCEEDED object;
    /// - per request: INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS, the handler's
    ///   RpcError, or INTERNAL_ERROR for any other exception.
    [[nodiscard]] std::string handle(std::string_view body) noexcept;

    /// The limits in force.
    [[nodiscard]] const Limits& limits() const { return m_limits; }

private:
    /// A well-formed request: what to call with what.
    struct Call
    {
        json id;
        bool notification{false};
        const std::string* method{nullptr};  ///< into the request
        const json* params{nullptr};         ///< into the request, or an empty object
    };
    /// Checks one request object: the call it makes, or the answer owed instead (nullopt when
    /// a notification is owed none).
    std::variant<Call, std::optional<json>> parse_call(const json& request) const;
    /// The response to one request object, or nullopt for a notification.
    std::optional<json> handle_one(const json& request) const;
    /// The responses to a batch's requests, in order (nullopt: none owed). Its tx_send calls go
    /// to Backend::tx_send_batch together.
    std::vector<std::optional<json>> handle_batch(const json& batch) const;
    /// Runs the handler of `method`, mapping exceptions to an error response.
    json call(const std::string& method, const json& params, const json& id) const;
    /// The error response to a handler's exception: RpcError as it is, a JSON type or range
    /// error as INVALID_PARAMS, anything else as INTERNAL_ERROR without details.
    static json error_for(const json& id, const std::exception_ptr& e);

    MethodTable m_methods;
    /// Backend::tx_send_batch when serving a Backend; empty for a bare method table.
    std::function<std::vector<TxSendOutcome>(const std::vector<const json*>&)> m_tx_send_batch;
    Limits m_limits;
};

}  // namespace aif::rpc
