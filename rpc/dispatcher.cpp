// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/dispatcher.hpp"

#include "rpc/response.hpp"

#include <exception>
#include <stdexcept>
#include <utility>

namespace aif::rpc {

namespace {

/// Last-resort answer when even building an error fails (std::bad_alloc).
constexpr std::string_view FALLBACK_INTERNAL_ERROR =
    R"({"jsonrpc":"2.0","error":{"code":-32603,"message":"internal error"},"id":null})";

json invalid_request(const json& id, const std::string& detail)
{
    return error_response(id, code::INVALID_REQUEST, "invalid request: " + detail);
}

}  // namespace

namespace {

/// Calls `on(c, i)` for each byte of `text` outside JSON strings (escapes honoured; the opening
/// quote of a string is shown, its contents are not) until `on` returns false. Any bytes.
template <typename F>
void scan_outside_strings(std::string_view text, F&& on) noexcept
{
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        if (!on(c, i)) return;
    }
}

bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::size_t json_nesting_depth(std::string_view text, std::size_t stop_above) noexcept
{
    std::size_t depth = 0;
    std::size_t max_depth = 0;
    scan_outside_strings(text, [&](char c, std::size_t) {
        if (c == '[' || c == '{') {
            if (++depth > max_depth) max_depth = depth;
            if (max_depth > stop_above) {
                max_depth = stop_above + 1;
                return false;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
        return true;
    });
    return max_depth;
}

std::size_t json_batch_length(std::string_view text) noexcept
{
    std::size_t first = 0;
    while (first < text.size() && is_json_space(text[first])) ++first;
    if (first == text.size() || text[first] != '[') return 0;
    std::size_t depth = 0, commas = 0;
    bool content = false;
    scan_outside_strings(text.substr(first), [&](char c, std::size_t) {
        if (c == '[' || c == '{') {
            if (depth == 1) content = true;
            ++depth;
        } else if (c == ']' || c == '}') {
            if (depth > 0 && --depth == 0) return false;  // end of the top-level array
        } else if (c == ',') {
            if (depth == 1) ++commas;
        } else if (depth == 1 && !is_json_space(c)) {
            content = true;  // a scalar element, or a string's opening quote
        }
        return true;
    });
    return content ? commas + 1 : 0;
}

Dispatcher::Dispatcher(Backend& backend, Limits limits)
    : m_methods(make_core_methods(backend)),
      m_tx_send_batch([&backend](const std::vector<const json*>& wires) {
          return backend.tx_send_batch(wires);
      }),
      m_limits(limits)
{}

Dispatcher::Dispatcher(MethodTable methods, Limits limits)
    : m_methods(std::move(methods)), m_limits(limits)
{}

std::string Dispatcher::handle(std::string_view body) noexcept
{
    try {
        if (body.size() > m_limits.max_body_bytes) {
            return dump_json(error_response(
                nullptr, code::LIMIT_EXCEEDED,
                "request body exceeds " + std::to_string(m_limits.max_body_bytes) + " bytes",
                {{"limit", m_limits.max_body_bytes}}));
        }
        // The parser recurses per nesting level; a body of 100000 '[' would overflow the stack.
        // Refuse deep documents before they reach it.
        if (json_nesting_depth(body, m_limits.max_depth) > m_limits.max_depth) {
            return dump_json(error_response(
                nullptr, code::LIMIT_EXCEEDED,
                "JSON nesting exceeds " + std::to_string(m_limits.max_depth) + " levels",
                {{"limit", m_limits.max_depth}}));
        }

        // Count a batch before parsing it: a refused 100,000-call batch must not cost its DOM.
        if (const std::size_t n = json_batch_length(body); n > m_limits.max_batch) {
            return dump_json(error_response(nullptr, code::LIMIT_EXCEEDED,
                                            "batch of " + std::to_string(n) + " requests exceeds " +
                                                std::to_string(m_limits.max_batch),
                                            {{"limit", m_limits.max_batch}}));
        }

        json doc;
        try {
            doc = json::parse(body);
        } catch (const json::exception& e) {
            return dump_json(
                error_response(nullptr, code::PARSE_ERROR, "parse error", {{"detail", e.what()}}));
        }

        if (doc.is_array()) {
            if (doc.empty()) return dump_json(invalid_request(nullptr, "empty batch"));
            if (doc.size() > m_limits.max_batch) {
                return dump_json(error_response(nullptr, code::LIMIT_EXCEEDED,
                                                "batch of " + std::to_string(doc.size()) +
                                                    " requests exceeds " +
                                                    std::to_string(m_limits.max_batch),
                                                {{"limit", m_limits.max_batch}}));
            }
            json responses = json::array();
            for (auto& r : handle_batch(doc))
                if (r) responses.push_back(std::move(*r));
            if (responses.empty()) return {};
            return dump_json(responses);
        }

        auto r = handle_one(doc);
        if (!r) return {};
        return dump_json(*r);
    } catch (...) {
        try {
            return std::string(FALLBACK_INTERNAL_ERROR);
        } catch (...) {
            return {};
        }
    }
}

std::variant<Dispatcher::Call, std::optional<json>> Dispatcher::parse_call(
    const json& request) const
{
    if (!request.is_object()) return invalid_request(nullptr, "expected an object");

    // A request without "id" is a notification: it gets no response, not even an error,
    // once it is a well-formed request (JSON-RPC 2.0 §4.1).
    const auto id_it = request.find("id");
    const bool notification = id_it == request.end();
    json id = nullptr;
    if (!notification) {
        if (!id_it->is_string() && !id_it->is_number() && !id_it->is_null()) {
            return invalid_request(nullptr, "'id' must be a string, number or null");
        }
        id = *id_it;
    }

    const auto version = request.find("jsonrpc");
    if (version == request.end() || !version->is_string() || *version != "2.0") {
        return invalid_request(id, "'jsonrpc' must be \"2.0\"");
    }
    const auto method = request.find("method");
    if (method == request.end() || !method->is_string()) {
        return invalid_request(id, "'method' must be a string");
    }

    static const json no_params = json::object();
    const json* params = &no_params;  // not copied: a tx_send's params are the whole tx
    if (const auto p = request.find("params"); p != request.end() && !p->is_null()) {
        if (p->is_array()) {
            if (notification) return std::nullopt;
            return error_response(id, code::INVALID_PARAMS,
                                  "invalid params: params must be an object (named params)");
        }
        if (!p->is_object()) return invalid_request(id, "'params' must be an object");
        params = &*p;
    }
    return Call{std::move(id), notification, &method->get_ref<const std::string&>(), params};
}

std::optional<json> Dispatcher::handle_one(const json& request) const
{
    auto parsed = parse_call(request);
    if (auto* answer = std::get_if<std::optional<json>>(&parsed)) return std::move(*answer);
    const Call& c = std::get<Call>(parsed);
    json response = call(*c.method, *c.params, c.id);
    if (c.notification) return std::nullopt;
    return response;
}

std::vector<std::optional<json>> Dispatcher::handle_batch(const json& batch) const
{
    std::vector<std::optional<json>> out(batch.size());
    std::vector<std::variant<Call, std::optional<json>>> parsed;
    parsed.reserve(batch.size());
    // The batch's tx_send calls (those tx_send itself would not refuse for missing params) are
    // admitted together first: JSON-RPC 2.0 §6 lets a server process a batch in any order.
    std::vector<const json*> wires;
    std::vector<std::size_t> wire_at;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        parsed.push_back(parse_call(batch[i]));
        const Call* c = std::get_if<Call>(&parsed.back());
        if (m_tx_send_batch && c && *c->method == "tx_send" && !c->params->empty()) {
            wires.push_back(c->params);
            wire_at.push_back(i);
        }
    }
    std::vector<bool> done(batch.size(), false);
    if (!wires.empty()) {
        std::vector<TxSendOutcome> outcomes;
        try {
            outcomes = m_tx_send_batch(wires);
        } catch (...) {
            // The batch call itself failed: every one of its calls gets that exception's answer.
            outcomes.assign(wires.size(), std::current_exception());
        }
        if (outcomes.size() != wires.size())
            outcomes.assign(wires.size(),
                            std::make_exception_ptr(std::logic_error("tx_send_batch")));
        for (std::size_t k = 0; k < wire_at.size(); ++k) {
            const std::size_t i = wire_at[k];
            const Call& c = std::get<Call>(parsed[i]);
            done[i] = true;
            if (c.notification) continue;
            if (auto* e = std::get_if<std::exception_ptr>(&outcomes[k]))
                out[i] = error_for(c.id, *e);
            else
                out[i] = result_response(c.id, std::get<json>(std::move(outcomes[k])));
        }
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (done[i]) continue;
        if (auto* answer = std::get_if<std::optional<json>>(&parsed[i])) {
            out[i] = std::move(*answer);
            continue;
        }
        const Call& c = std::get<Call>(parsed[i]);
        json response = call(*c.method, *c.params, c.id);
        if (!c.notification) out[i] = std::move(response);
    }
    return out;
}

json Dispatcher::call(const std::string& method, const json& params, const json& id) const
{
    const auto it = m_methods.find(method);
    if (it == m_methods.end()) {
        return error_response(id, code::METHOD_NOT_FOUND, "method not found", {{"method", method}});
    }
    try {
        return result_response(id, it->second(params));
    } catch (...) {
        return error_for(id, std::current_exception());
    }
}

json Dispatcher::error_for(const json& id, const std::exception_ptr& e)
{
    try {
        std::rethrow_exception(e);
    } catch (const RpcError& e) {
        return error_response(id, e.code, e.what(), e.data);
    } catch (const json::exception& e) {
        return error_response(id, code::INVALID_PARAMS, std::string("invalid params: ") + e.what());
    } catch (const std::exception&) {
        // Not echoed: internal details of the node are none of the caller's business.
        return error_response(id, code::INTERNAL_ERROR, "internal error");
    } catch (...) {
        return error_response(id, code::INTERNAL_ERROR, "internal error");
    }
}

}  // namespace aif::rpc
