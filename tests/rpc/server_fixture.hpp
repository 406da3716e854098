// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// What the HTTP server suites share (STYLE §6): a synchronous Beast client, raw-request helpers,
// a backend that can hold a call, and RpcFixture, a server on 127.0.0.1:0 over a FakeBackend.
#pragma once

#include "rpc/server.hpp"
#include "tests/rpc/fake_backend.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace aif::rpc::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
namespace code = aif::rpc::code;

/// A guard against a hung test, never an assertion: every client operation must finish
/// long before this.
inline constexpr std::chrono::seconds CLIENT_GUARD{20};

inline const std::string GET_INFO = R"({"jsonrpc":"2.0","method":"chain_getInfo","id":1})";

using Response = http::response<http::string_body>;

/// A synchronous Beast client holding one connection.
class Client
{
public:
    explicit Client(std::uint16_t port)
    {
        m_stream.expires_after(CLIENT_GUARD);
        m_stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    }

    /// Sends one request; returns the response or the error that ended the exchange.
    std::optional<Response> send(http::request<http::string_body> req, beast::error_code& ec)
    {
        req.set(http::field::host, "127.0.0.1");
        if (req.method() == http::verb::post) {
            req.set(http::field::content_type, "application/json");
        }
        if (!req.chunked()) req.prepare_payload();
        m_stream.expires_after(CLIENT_GUARD);
        http::write(m_stream, req, ec);
        if (ec) return std::nullopt;
        return read(ec);
    }

    /// Writes `bytes` as they are (headers chosen by the test) and reads one response.
    std::optional<Response> raw(const std::string& bytes, beast::error_code& ec)
    {
        m_stream.expires_after(CLIENT_GUARD);
        net::write(m_stream, net::buffer(bytes), ec);
        if (ec) return std::nullopt;
        return read(ec);
    }

    /// Writes `bytes` without waiting for an answer.
    void write(const std::string& bytes)
    {
        m_stream.expires_after(CLIENT_GUARD);
        net::write(m_stream, net::buffer(bytes));
    }

    /// Reads one response.
    std::optional<Response> read(beast::error_code& ec)
    {
        Response res;
        m_stream.expires_after(CLIENT_GUARD);
        http::read(m_stream, m_buffer, res, ec);
        if (ec) return std::nullopt;
        return res;
    }

    /// Sends one request that must succeed at the HTTP level.
    Response request(http::verb verb, const std::string& target, const std::string& body = {})
    {
        http::request<http::string_body> req{verb, target, 11};
        req.body() = body;
        beast::error_code ec;
        auto res = send(std::move(req), ec);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        return std::move(*res);
    }

    /// Closes the connection from the client side.
    void close()
    {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.close();
    }

    beast::tcp_stream& stream() { return m_stream; }

private:
    net::io_context m_ioc;
    beast::tcp_stream m_stream{m_ioc};
    beast::flat_buffer m_buffer;
};

inline Limits test_limits()
{
    Limits l;
    l.max_body_bytes = 4096;
    return l;
}

/// A raw POST / with the given extra header lines (each ending in \r\n) and body.
inline std::string raw_post(const std::string& headers, const std::string& body = GET_INFO)
{
    return "POST / HTTP/1.1\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

/// A backend whose chain_get_info blocks until release(), to hold a connection busy.
class BlockingBackend : public FakeBackend
{
public:
    json chain_get_info() override
    {
        std::unique_lock lock(m_mutex);
        ++m_entered;
        m_cv.notify_all();
        m_cv.wait(lock, [this] { return m_released; });
        return FakeBackend::chain_get_info();
    }
    /// Waits until `n` calls are blocked inside chain_get_info.
    void wait_entered(int n)
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_entered >= n; });
    }
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
        m_cv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_entered = 0;
    bool m_released = false;
};

/// STYLE §6 RpcFixture: a server on 127.0.0.1:0 over a FakeBackend.
struct RpcFixture
{
    FakeBackend backend;
    std::unique_ptr<Server> server;
    std::string endpoint;

    RpcFixture() { restart(test_limits()); }

    void restart(const Limits& limits)
    {
        server.reset();
        server = std::make_unique<Server>(backend, limits);
        endpoint = server->start("127.0.0.1", 0);
    }
    Client client() { return Client(server->port()); }
};

/// Sends one raw request on a fresh connection; the response must arrive.
inline Response raw_request(std::uint16_t port, const std::string& bytes)
{
    Client c(port);
    beast::error_code ec;
    auto res = c.raw(bytes, ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    return std::move(*res);
}

/// GET /health on `c` answered 200.
inline bool health_ok(Client& c)
{
    return c.request(http::verb::get, "/health").result_int() == 200;
}

/// True when the server closed `c` (a read ends with an error other than the client's guard).
inline bool closed_by_server(Client& c)
{
    beast::error_code ec;
    c.read(ec);
    return ec && ec != beast::error::timeout;
}

}  // namespace aif::rpc::test
