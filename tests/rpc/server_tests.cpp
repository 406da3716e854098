// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/server.hpp"

#include "tests/rpc/fake_backend.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using aif::rpc::json;
using aif::rpc::Limits;
using aif::rpc::Server;
using aif::rpc::test::FakeBackend;
namespace code = aif::rpc::code;

namespace {

/// A guard against a hung test, never an assertion: every client operation must finish
/// long before this.
constexpr std::chrono::seconds CLIENT_GUARD{20};

const std::string GET_INFO = R"({"jsonrpc":"2.0","method":"chain_getInfo","id":1})";

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

Limits test_limits()
{
    Limits l;
    l.max_body_bytes = 4096;
    return l;
}

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

}  // namespace

BOOST_FIXTURE_TEST_SUITE(server_tests, RpcFixture)

BOOST_AUTO_TEST_CASE(binds_an_ephemeral_port)
{
    BOOST_TEST(server->port() != 0);
    BOOST_TEST(endpoint == "127.0.0.1:" + std::to_string(server->port()));
    Server second(backend, Limits{});
    BOOST_CHECK_THROW(second.start("127.0.0.1", server->port()), std::runtime_error);
    BOOST_CHECK_THROW(server->start("127.0.0.1", 0), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(health)
{
    auto res = client().request(http::verb::get, "/health");
    BOOST_TEST(res.result_int() == 200);
    BOOST_TEST(json::parse(res.body()) == (json{{"status", "ok"}}));
}

BOOST_AUTO_TEST_CASE(post_round_trip)
{
    auto res = client().request(http::verb::post, "/", GET_INFO);
    BOOST_TEST(res.result_int() == 200);
    BOOST_TEST(res[http::field::content_type] == "application/json");
    auto r = json::parse(res.body());
    BOOST_TEST(r["id"] == 1);
    BOOST_TEST(r["result"]["chainId"] == 31337);
    BOOST_TEST(backend.calls().size() == 1u);
}

BOOST_AUTO_TEST_CASE(notification_gets_204)
{
    auto res = client().request(http::verb::post, "/", R"({"jsonrpc":"2.0","method":"x"})");
    BOOST_TEST(res.result_int() == 204);
    BOOST_TEST(res.body().empty());
}

BOOST_AUTO_TEST_CASE(json_rpc_errors_are_http_200)
{
    auto res = client().request(http::verb::post, "/", "{oops");
    BOOST_TEST(res.result_int() == 200);
    BOOST_TEST(json::parse(res.body())["error"]["code"] == code::PARSE_ERROR);
}

BOOST_AUTO_TEST_CASE(unknown_path_and_verb)
{
    auto c = client();
    BOOST_TEST(c.request(http::verb::get, "/nope").result_int() == 404);
    BOOST_TEST(c.request(http::verb::post, "/rpc", GET_INFO).result_int() == 404);
    auto res = c.request(http::verb::get, "/");
    BOOST_TEST(res.result_int() == 405);
    BOOST_TEST(res[http::field::allow] == "POST");
    BOOST_TEST(c.request(http::verb::put, "/", GET_INFO).result_int() == 405);
    BOOST_TEST(c.request(http::verb::post, "/health").result_int() == 405);
    BOOST_TEST(backend.calls().empty());
}

BOOST_AUTO_TEST_CASE(keep_alive_serves_two_requests_on_one_connection)
{
    auto c = client();
    auto first = c.request(http::verb::post, "/", GET_INFO);
    BOOST_TEST(first.keep_alive());
    auto second = c.request(http::verb::post, "/", GET_INFO);
    BOOST_TEST(second.result_int() == 200);
    BOOST_TEST(c.request(http::verb::get, "/health").result_int() == 200);
    BOOST_TEST(backend.calls().size() == 2u);
}

BOOST_AUTO_TEST_CASE(connection_close_is_honoured)
{
    auto c = client();
    http::request<http::string_body> req{http::verb::get, "/health", 11};
    req.keep_alive(false);
    beast::error_code ec;
    auto res = c.send(std::move(req), ec);
    BOOST_TEST_REQUIRE(!ec);
    BOOST_TEST(!res->keep_alive());
    c.read(ec);
    BOOST_TEST((ec == http::error::end_of_stream), ec.message());
}

BOOST_AUTO_TEST_CASE(oversized_body_gets_413_then_close)
{
    auto c = client();
    http::request<http::string_body> req{http::verb::post, "/", 11};
    req.body() = R"({"jsonrpc":"2.0","method":"chain_getInfo","id":1,"pad":")" +
                 std::string(8192, 'x') + "\"}";
    beast::error_code ec;
    auto res = c.send(std::move(req), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res->result_int() == 413);
    BOOST_TEST(!res->keep_alive());
    auto r = json::parse(res->body());
    BOOST_TEST(r["error"]["code"] == code::LIMIT_EXCEEDED);
    BOOST_TEST(r["error"]["message"] == "request body exceeds 4096 bytes");
    BOOST_TEST(r["id"].is_null());
    c.read(ec);
    BOOST_TEST(ec);  // closed
    BOOST_TEST(backend.calls().empty());

    // The server is unharmed.
    auto ok = client().request(http::verb::post, "/", GET_INFO);
    BOOST_TEST(ok.result_int() == 200);
}

BOOST_AUTO_TEST_CASE(oversized_chunked_body_gets_413)
{
    auto c = client();
    http::request<http::string_body> req{http::verb::post, "/", 11};
    req.body() = std::string(8192, ' ') + GET_INFO;
    req.chunked(true);
    beast::error_code ec;
    auto res = c.send(std::move(req), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res->result_int() == 413);
    BOOST_TEST(client().request(http::verb::post, "/", GET_INFO).result_int() == 200);
}

BOOST_AUTO_TEST_CASE(body_at_the_limit_is_served)
{
    std::string body = GET_INFO;
    body.append(4096 - body.size(), ' ');
    auto res = client().request(http::verb::post, "/", body);
    BOOST_TEST(res.result_int() == 200);
    BOOST_TEST(json::parse(res.body())["result"]["chainId"] == 31337);
}

BOOST_AUTO_TEST_CASE(oversized_header_gets_431)
{
    auto c = client();
    http::request<http::string_body> req{http::verb::get, "/health", 11};
    req.set("X-Pad", std::string(32 * 1024, 'p'));
    beast::error_code ec;
    auto res = c.send(std::move(req), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res->result_int() == 431);
}

BOOST_AUTO_TEST_CASE(deep_json_over_http_is_refused)
{
    restart([] {
        Limits l;
        l.max_body_bytes = 1024 * 1024;
        return l;
    }());
    auto res = client().request(http::verb::post, "/", std::string(200000, '['));
    BOOST_TEST(res.result_int() == 200);
    BOOST_TEST(json::parse(res.body())["error"]["code"] == code::LIMIT_EXCEEDED);
}

BOOST_AUTO_TEST_CASE(connection_cap_is_honoured)
{
    Limits limits = test_limits();
    limits.max_connections = 2;
    restart(limits);

    // Two live keep-alive connections hold both slots (each answered, so each is counted).
    auto a = client();
    auto b = client();
    BOOST_TEST(a.request(http::verb::get, "/health").result_int() == 200);
    BOOST_TEST(b.request(http::verb::get, "/health").result_int() == 200);

    // A third is accepted by the kernel but closed by the server without an answer.
    {
        auto c = client();
        http::request<http::string_body> req{http::verb::get, "/health", 11};
        beast::error_code ec;
        auto res = c.send(std::move(req), ec);
        BOOST_TEST(!res.has_value());
        BOOST_TEST(ec);
    }

    // The slots still serve their owners.
    BOOST_TEST(a.request(http::verb::get, "/health").result_int() == 200);

    // Freeing one slot admits a new connection. The server notices the close asynchronously,
    // so retry (each attempt is a full round trip; no sleeping).
    a.close();
    bool admitted = false;
    for (int attempt = 0; attempt < 1000 && !admitted; ++attempt) {
        auto d = client();
        http::request<http::string_body> req{http::verb::get, "/health", 11};
        beast::error_code ec;
        auto res = d.send(std::move(req), ec);
        admitted = res.has_value() && res->result_int() == 200;
    }
    BOOST_TEST(admitted);
}

BOOST_AUTO_TEST_CASE(idle_connection_is_closed)
{
    Limits limits = test_limits();
    limits.idle_timeout_ms = 100;
    restart(limits);
    auto c = client();
    BOOST_TEST(c.request(http::verb::get, "/health").result_int() == 200);
    // Send nothing more: the server closes the connection (the client's own guard is far
    // longer, so an error other than its timeout proves the server acted).
    beast::error_code ec;
    c.read(ec);
    BOOST_TEST(ec);
    BOOST_TEST((ec != beast::error::timeout), ec.message());
}

BOOST_AUTO_TEST_CASE(concurrent_clients)
{
    constexpr int THREADS = 4;
    constexpr int REQUESTS = 25;
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    const auto port = server->port();
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&ok, port] {
            try {
                Client c(port);
                for (int i = 0; i < REQUESTS; ++i) {
                    http::request<http::string_body> req{http::verb::post, "/", 11};
                    req.body() = GET_INFO;
                    beast::error_code ec;
                    auto res = c.send(std::move(req), ec);
                    if (res && res->result_int() == 200) ++ok;
                }
            } catch (...) {
            }
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(ok.load() == THREADS * REQUESTS);
    BOOST_TEST(backend.calls().size() == static_cast<std::size_t>(THREADS * REQUESTS));
}

BOOST_AUTO_TEST_CASE(stop_closes_open_connections)
{
    auto c = client();
    BOOST_TEST(c.request(http::verb::get, "/health").result_int() == 200);
    server->stop();  // returns although a keep-alive connection is open
    beast::error_code ec;
    c.read(ec);
    BOOST_TEST(ec);
    BOOST_TEST((ec != beast::error::timeout), ec.message());
    server->stop();  // idempotent
}

BOOST_AUTO_TEST_SUITE_END()
