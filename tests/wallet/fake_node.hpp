// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace aif::wallet::test {

/// Thrown by a FakeNode handler to answer with a JSON-RPC error object.
struct FakeRpcError
{
    int code{-32000};
    std::string message;
    nlohmann::json data;
};

/// A JSON-RPC server on 127.0.0.1:0 in a background thread (one request per connection), so
/// the wallet's HTTP client and CLI run against a real socket. The handler maps (method,
/// params) to a result; a result object {"__raw__": TEXT} is sent verbatim as the body, with
/// the HTTP status {"__status__": N} when given (else 200).
class FakeNode
{
public:
    using Handler = std::function<nlohmann::json(const std::string&, const nlohmann::json&)>;

    explicit FakeNode(Handler handler)
        : m_handler(std::move(handler)),
          m_acceptor(m_ioc, {boost::asio::ip::make_address("127.0.0.1"), 0})
    {
        m_thread = std::thread([this] { serve(); });
    }
    ~FakeNode()
    {
        m_stop = true;
        boost::system::error_code ec;
        boost::asio::ip::tcp::socket poke(m_ioc);
        poke.connect(m_acceptor.local_endpoint(), ec);  // unblocks accept()
        m_thread.join();
    }
    FakeNode(const FakeNode&) = delete;
    FakeNode& operator=(const FakeNode&) = delete;

    [[nodiscard]] std::string url() const
    {
        return "http://127.0.0.1:" + std::to_string(m_acceptor.local_endpoint().port());
    }
    /// Methods called so far, in order.
    [[nodiscard]] std::vector<std::string> methods() const
    {
        std::lock_guard lock(m_mutex);
        std::vector<std::string> out;
        for (const auto& c : m_calls) out.push_back(c.first);
        return out;
    }
    /// Params of every call of `method`.
    [[nodiscard]] std::vector<nlohmann::json> params_of(const std::string& method) const
    {
        std::lock_guard lock(m_mutex);
        std::vector<nlohmann::json> out;
        for (const auto& c : m_calls)
            if (c.first == method) out.push_back(c.second);
        return out;
    }

private:
    std::string respond(const std::string& body, unsigned& status)
    {
        using nlohmann::json;
        json req = json::parse(body, nullptr, false);
        json res = {{"jsonrpc", "2.0"}, {"id", req.is_object() ? req.value("id", json()) : json()}};
        if (!req.is_object() || !req.contains("method")) {
            res["error"] = {{"code", -32600}, {"message", "invalid request"}};
            return res.dump();
        }
        const std::string method = req["method"];
        const json params = req.value("params", json::object());
        {
            std::lock_guard lock(m_mutex);
            m_calls.emplace_back(method, params);
        }
        try {
            json result = m_handler(method, params);
            if (result.is_object() && result.contains("__raw__")) {
                status = result.value("__status__", 200u);
                return result["__raw__"];
            }
            res["result"] = result;
        } catch (const FakeRpcError& e) {
            res["error"] = {{"code", e.code}, {"message", e.message}};
            if (!e.data.is_null()) res["error"]["data"] = e.data;
        }
        return res.dump();
    }

    void serve()
    {
        namespace http = boost::beast::http;
        using tcp = boost::asio::ip::tcp;
        for (;;) {
            tcp::socket sock(m_ioc);
            boost::system::error_code ec;
            m_acceptor.accept(sock, ec);
            if (m_stop) return;
            if (ec) continue;
            boost::beast::flat_buffer buf;
            http::request<http::string_body> req;
            http::read(sock, buf, req, ec);
            if (ec) continue;
            unsigned status = 200;
            std::string body = respond(req.body(), status);
            http::response<http::string_body> res{static_cast<http::status>(status),
                                                  req.version()};
            res.set(http::field::content_type, "application/json");
            res.body() = std::move(body);
            res.keep_alive(false);
            res.prepare_payload();
            http::write(sock, res, ec);
            sock.shutdown(tcp::socket::shutdown_both, ec);
        }
    }

    Handler m_handler;
    boost::asio::io_context m_ioc;
    boost::asio::ip::tcp::acceptor m_acceptor;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::vector<std::pair<std::string, nlohmann::json>> m_calls;
};

}  // namespace aif::wallet::test
