// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/rpc_client.hpp"

#include "wallet/errors.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <optional>

namespace aif::wallet {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using nlohmann::json;

namespace {

/// Replies larger than this are not a sane JSON-RPC answer from our node.
constexpr std::uint64_t MAX_RESPONSE = 64ull * 1024 * 1024;

}  // namespace

RpcEndpoint parse_rpc_url(std::string_view url)
{
    const auto bad = [&](const std::string& why) {
        return usage_error("--rpc: '" + std::string{url} + "' " + why +
                           " (expected http://HOST:PORT[/PATH])");
    };
    constexpr std::string_view SCHEME = "http://";
    if (url.rfind(SCHEME, 0) != 0) {
        if (url.rfind("https://", 0) == 0) throw bad("uses https, which is not supported");
        throw bad("is not an http:// URL");
    }
    std::string_view rest = url.substr(SCHEME.size());
    RpcEndpoint ep;
    std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    if (slash != std::string_view::npos) ep.target = std::string{rest.substr(slash)};
    if (authority.find('@') != std::string_view::npos) throw bad("must not contain credentials");
    std::string_view port;
    if (!authority.empty() && authority[0] == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos) throw bad("has an unclosed IPv6 bracket");
        ep.host = std::string{authority.substr(1, close - 1)};
        std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':') throw bad("has junk after the IPv6 address");
            port = after.substr(1);
        }
    } else {
        auto colon = authority.rfind(':');
        ep.host = std::string{authority.substr(0, colon)};
        if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    }
    if (ep.host.empty()) throw bad("has no host");
    if (!port.empty()) {
        unsigned long v = 0;
        for (char c : port) {
            if (c < '0' || c > '9' || v > 65535) throw bad("has a bad port");
            v = v * 10 + static_cast<unsigned long>(c - '0');
        }
        if (v == 0 || v > 65535) throw bad("has a bad port");
        ep.port = std::string{port};
    }
    return ep;
}

RpcClient::RpcClient(std::string_view url, std::chrono::milliseconds timeout)
    : m_url(url), m_endpoint(parse_rpc_url(url)), m_timeout(timeout)
{}

std::string RpcClient::post(const std::string& body)
{
    const std::string where = "node at " + m_url;
    asio::io_context ioc;
    tcp::resolver resolver(ioc);
    beast::tcp_stream stream(ioc);
    beast::flat_buffer buffer;
    http::request<http::string_body> req{http::verb::post, m_endpoint.target, 11};
    // An IPv6 literal goes in brackets, as in the URL: a loopback node refuses other Host forms.
    const bool ipv6 = m_endpoint.host.find(':') != std::string::npos;
    req.set(http::field::host,
            (ipv6 ? "[" + m_endpoint.host + "]" : m_endpoint.host) + ":" + m_endpoint.port);
    req.set(http::field::user_agent, "aif-wallet");
    req.set(http::field::content_type, "application/json");
    req.set(http::field::accept, "application/json");
    req.keep_alive(false);
    req.body() = body;
    req.prepare_payload();
    http::response_parser<http::string_body> parser;
    parser.body_limit(MAX_RESPONSE);

    // Async operations with a deadline on one io_context: the sync Beast calls have no timeout.
    beast::error_code failure_ec;
    std::string failed_step;
    auto fail = [&](beast::error_code ec, const char* step) {
        failure_ec = ec;
        failed_step = step;
    };
    resolver.async_resolve(
        m_endpoint.host, m_endpoint.port,
        [&](beast::error_code ec, tcp::resolver::results_type results) {
            if (ec) return fail(ec, "resolve");
            stream.expires_after(m_timeout);
            stream.async_connect(results, [&](beast::error_code ec2, const tcp::endpoint&) {
                if (ec2) return fail(ec2, "connect");
                stream.expires_after(m_timeout);
                http::async_write(stream, req, [&](beast::error_code ec3, std::size_t) {
                    if (ec3) return fail(ec3, "send");
                    stream.expires_after(m_timeout);
                    http::async_read(stream, buffer, parser,
                                     [&](beast::error_code ec4, std::size_t) {
                                         if (ec4) return fail(ec4, "receive");
                                     });
                });
            });
        });
    // The resolver has no deadline of its own; bound the whole exchange.
    ioc.run_for(m_timeout * 4);
    if (!ioc.stopped() && failed_step.empty()) {
        failed_step = "wait";
        failure_ec = beast::error::timeout;
    }
    if (!failed_step.empty()) {
        if (failed_step == "receive" && failure_ec == http::error::body_limit)
            throw failure(where + ": answer too large");
        std::string why = failure_ec == beast::error::timeout ? "timed out" : failure_ec.message();
        throw unreachable_error("cannot reach " + where + " (" + failed_step + ": " + why + ")");
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);

    auto res = parser.release();
    auto status = res.result_int();
    if (status != 200 && res.body().empty())
        throw failure(where + " answered HTTP " + std::to_string(status));
    // The node's HTTP-level refusals (403, 415, 431, ...) carry {"error": "<why>"}; JSON-RPC
    // errors (also those sent with 413 or 503) carry an error object and are left to call().
    if (status != 200) {
        json refusal = json::parse(res.body(), nullptr, /*allow_exceptions=*/false);
        if (refusal.is_object() && refusal.contains("error") && refusal["error"].is_string())
            throw failure(where + " refused the request: HTTP " + std::to_string(status) + ": " +
                          refusal["error"].get<std::string>());
    }
    return std::move(res.body());
}

json RpcClient::call(std::string_view method, const json& params)
{
    const std::uint64_t id = m_next_id++;
    json req = {
        {"jsonrpc", "2.0"}, {"id", id}, {"method", std::string{method}}, {"params", params}};
    std::string body = post(req.dump());
    json res = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (res.is_discarded() || !res.is_object())
        throw failure("node answered " + std::string{method} +
                      " with something that is not JSON-RPC");
    if (res.contains("error") && !res["error"].is_null()) {
        const json& e = res["error"];
        int code = e.is_object() && e.contains("code") && e["code"].is_number_integer()
                       ? e["code"].get<int>()
                       : 0;
        std::string message = e.is_object() && e.contains("message") && e["message"].is_string()
                                  ? e["message"].get<std::string>()
                                  : std::string{"unknown error"};
        json data = e.is_object() && e.contains("data") ? e["data"] : json(nullptr);
        throw RpcError(code, std::move(message), std::move(data));
    }
    if (!res.contains("result"))
        throw failure("node answered " + std::string{method} + " without a result");
    return res["result"];
}

}  // namespace aif::wallet
