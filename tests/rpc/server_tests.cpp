// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
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

Limits test_limits()
{
    Limits l;
    l.max_body_bytes = 4096;
    return l;
}

/// A raw POST / with the given extra header lines (each ending in \r\n) and body.
std::string raw_post(const std::string& headers, const std::string& body = GET_INFO)
{
    return "POST / HTTP/1.1\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

/// Sends one raw request on a fresh connection; the response must arrive.
Response raw_request(std::uint16_t port, const std::string& bytes);

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

Response raw_request(std::uint16_t port, const std::string& bytes)
{
    Client c(port);
    beast::error_code ec;
    auto res = c.raw(bytes, ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    return std::move(*res);
}

/// True when the server closed `c` (a read ends with an error other than the client's guard).
bool closed_by_server(Client& c)
{
    beast::error_code ec;
    c.read(ec);
    return ec && ec != beast::error::timeout;
}

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

BOOST_AUTO_TEST_CASE(at_the_connection_cap_the_longest_waiting_connection_is_evicted)
{
    Limits limits = test_limits();
    limits.max_connections = 2;
    restart(limits);

    // Two idle keep-alive connections hold both slots; `a` has waited longest.
    auto a = client();
    BOOST_TEST(a.request(http::verb::get, "/health").result_int() == 200);
    auto b = client();
    BOOST_TEST(b.request(http::verb::get, "/health").result_int() == 200);

    // A third is served: it takes the slot of `a`, which the server closes.
    auto c = client();
    BOOST_TEST(c.request(http::verb::get, "/health").result_int() == 200);
    BOOST_TEST(closed_by_server(a));

    // What counts is how long a connection has waited for its next request, not when it
    // connected: once `b` is used again, `c` has waited longest.
    BOOST_TEST(b.request(http::verb::post, "/", GET_INFO).result_int() == 200);
    auto silent = client();
    BOOST_TEST(closed_by_server(c));
    BOOST_TEST(b.request(http::verb::get, "/health").result_int() == 200);
    // A connection that never sends a byte is not spared either.
    auto d = client();
    BOOST_TEST(d.request(http::verb::get, "/health").result_int() == 200);
    BOOST_TEST(closed_by_server(silent));
    BOOST_TEST(b.request(http::verb::get, "/health").result_int() == 200);
}

BOOST_AUTO_TEST_CASE(busy_connections_are_not_evicted)
{
    BlockingBackend blocking;
    Limits limits = test_limits();
    limits.max_connections = 1;
    Server busy_server(blocking, limits);
    busy_server.start("127.0.0.1", 0);

    // The only slot is busy answering a request: a new connection is refused at once.
    Client a(busy_server.port());
    a.write(raw_post("Host: 127.0.0.1\r\nContent-Type: application/json\r\n"));
    blocking.wait_entered(1);
    {
        Client b(busy_server.port());
        beast::error_code ec;
        auto res = b.raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", ec);
        BOOST_TEST(!res.has_value());
        BOOST_TEST((ec && ec != beast::error::timeout), ec.message());
    }
    blocking.release();
    beast::error_code ec;
    auto res = a.read(ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res->result_int() == 200);
}

BOOST_AUTO_TEST_CASE(per_address_cap_evicts_that_address_oldest_connection)
{
    Limits limits = test_limits();
    limits.max_connections = 10;
    limits.max_connections_per_ip = 2;
    restart(limits);
    auto a = client();
    BOOST_TEST(a.request(http::verb::get, "/health").result_int() == 200);
    auto b = client();
    BOOST_TEST(b.request(http::verb::get, "/health").result_int() == 200);
    // Far below the global cap, but 127.0.0.1 holds its 2: the new one replaces `a`.
    auto c = client();
    BOOST_TEST(c.request(http::verb::get, "/health").result_int() == 200);
    BOOST_TEST(closed_by_server(a));
    BOOST_TEST(b.request(http::verb::get, "/health").result_int() == 200);
}

BOOST_AUTO_TEST_CASE(headers_must_arrive_within_the_header_timeout)
{
    Limits limits = test_limits();
    limits.header_timeout_ms = 100;
    limits.idle_timeout_ms = 10000;
    restart(limits);
    auto c = client();
    const auto t0 = std::chrono::steady_clock::now();
    c.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n");  // never finishes its headers
    BOOST_TEST(closed_by_server(c));
    BOOST_TEST((std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5)));
}

BOOST_AUTO_TEST_CASE(the_body_and_keep_alive_waits_get_the_idle_timeout)
{
    Limits limits = test_limits();
    limits.header_timeout_ms = 100;
    limits.idle_timeout_ms = 10000;
    restart(limits);
    auto c = client();
    // Headers in time, then the body after more than the header timeout: still served.
    c.write(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(GET_INFO.size()) + "\r\n\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    c.write(GET_INFO);
    beast::error_code ec;
    auto res = c.read(ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(res->result_int() == 200);
    // An idle keep-alive connection is not held to the header timeout before its next request.
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    BOOST_TEST(c.request(http::verb::get, "/health").result_int() == 200);
}

BOOST_AUTO_TEST_CASE(header_limit_is_configurable)
{
    Limits limits = test_limits();
    limits.max_header_bytes = 2048;
    restart(limits);
    auto res = raw_request(server->port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " +
                                               std::string(3000, 'p') + "\r\n\r\n");
    BOOST_TEST(res.result_int() == 431);
    BOOST_TEST(json::parse(res.body())["error"] == "request line and headers exceed 2048 bytes");
    BOOST_TEST(raw_request(server->port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " +
                                               std::string(1500, 'p') + "\r\n\r\n")
                   .result_int() == 200);
}

BOOST_AUTO_TEST_CASE(post_without_json_content_type_gets_415)
{
    const auto port = server->port();
    for (const char* type :
         {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
          "application/json; charset=latin1", "application/jsonx", "application/json; x=1"}) {
        BOOST_TEST_CONTEXT(type)
        {
            auto res = raw_request(
                port, raw_post("Host: 127.0.0.1\r\nContent-Type: " + std::string(type) + "\r\n"));
            BOOST_TEST(res.result_int() == 415);
            BOOST_TEST(!res.keep_alive());
            BOOST_TEST(json::parse(res.body())["error"] ==
                       "unsupported Content-Type: " + std::string(type) +
                           "; expected application/json");
        }
    }
    auto missing = raw_request(port, raw_post("Host: 127.0.0.1\r\n"));
    BOOST_TEST(missing.result_int() == 415);
    BOOST_TEST(json::parse(missing.body())["error"] ==
               "missing Content-Type; expected application/json");
    BOOST_TEST(backend.calls().empty());
    for (const char* type : {"application/json", "application/json; charset=utf-8",
                             "Application/JSON;charset=\"UTF-8\""}) {
        BOOST_TEST_CONTEXT(type)
        {
            auto res = raw_request(
                port, raw_post("Host: 127.0.0.1\r\nContent-Type: " + std::string(type) + "\r\n"));
            BOOST_TEST(res.result_int() == 200);
        }
    }
    // Other paths and verbs are judged on their own (no Content-Type needed for GET).
    BOOST_TEST(raw_request(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").result_int() ==
               200);
}

BOOST_AUTO_TEST_CASE(foreign_host_on_a_loopback_node_gets_403)
{
    const auto port = server->port();
    const std::string json_type = "Content-Type: application/json\r\n";
    for (const char* host : {"evil.example", "evil.example:8645", "localhost.evil.example",
                             "127.0.0.1.evil.example", "10.0.0.1", "::1"}) {
        BOOST_TEST_CONTEXT(host)
        {
            auto res =
                raw_request(port, raw_post("Host: " + std::string(host) + "\r\n" + json_type));
            BOOST_TEST(res.result_int() == 403);
            BOOST_TEST(json::parse(res.body())["error"].get<std::string>().find(
                           "Host '" + std::string(host) + "' not allowed") == 0);
        }
    }
    BOOST_TEST(backend.calls().empty());
    for (const char* host :
         {"localhost", "LOCALHOST:1", "127.0.0.1", "127.0.0.1:8645", "[::1]", "[::1]:8645"}) {
        BOOST_TEST_CONTEXT(host)
        {
            auto res =
                raw_request(port, raw_post("Host: " + std::string(host) + "\r\n" + json_type));
            BOOST_TEST(res.result_int() == 200);
        }
    }
    // Two Host headers are refused outright.
    auto twice =
        raw_request(port, raw_post("Host: 127.0.0.1\r\nHost: evil.example\r\n" + json_type));
    BOOST_TEST(twice.result_int() == 400);
}

BOOST_AUTO_TEST_CASE(origin_must_be_allowed)
{
    const std::string head = "Host: 127.0.0.1\r\nContent-Type: application/json\r\n";
    auto res = raw_request(server->port(), raw_post(head + "Origin: http://evil.example\r\n"));
    BOOST_TEST(res.result_int() == 403);
    BOOST_TEST(json::parse(res.body())["error"] ==
               "Origin 'http://evil.example' not allowed (see --rpc-allow-origin)");
    BOOST_TEST(raw_request(server->port(), raw_post(head + "Origin: null\r\n")).result_int() ==
               403);
    BOOST_TEST(backend.calls().empty());

    Limits limits = test_limits();
    limits.allow_origins = {"http://app.example:3000"};
    restart(limits);
    const auto port = server->port();
    BOOST_TEST(raw_request(port, raw_post(head + "Origin: http://evil.example\r\n")).result_int() ==
               403);
    auto ok = raw_request(port, raw_post(head + "Origin: http://app.example:3000\r\n"));
    BOOST_TEST(ok.result_int() == 200);
    BOOST_TEST(ok[http::field::access_control_allow_origin] == "http://app.example:3000");
    // The browser's preflight of an allowed origin.
    auto pre =
        raw_request(port,
                    "OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://app.example:3000\r\n"
                    "Access-Control-Request-Method: POST\r\n\r\n");
    BOOST_TEST(pre.result_int() == 204);
    BOOST_TEST(pre[http::field::access_control_allow_origin] == "http://app.example:3000");
    BOOST_TEST(pre[http::field::access_control_allow_methods] == "POST");
    BOOST_TEST(pre[http::field::access_control_allow_headers] == "Content-Type");
    // Without an Origin there is no CORS and OPTIONS stays a wrong verb.
    auto plain = raw_request(port, "OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    BOOST_TEST(plain.result_int() == 405);
    BOOST_TEST(plain[http::field::access_control_allow_origin].empty());
}

BOOST_AUTO_TEST_CASE(inflight_body_budget_answers_503)
{
    Limits limits = test_limits();
    limits.max_body_bytes = 1024 * 1024;
    limits.max_inflight_bytes = 256 * 1024;
    restart(limits);
    const auto port = server->port();
    const std::string head = "Host: 127.0.0.1\r\nContent-Type: application/json\r\n";
    const auto padded = [](std::size_t size) {
        std::string body = GET_INFO;
        body.append(size - body.size(), ' ');
        return body;
    };
    // Over the budget by its Content-Length: refused before the body is read.
    auto declared = raw_request(port, raw_post(head, padded(512 * 1024)));
    BOOST_TEST(declared.result_int() == 503);
    BOOST_TEST(declared[http::field::retry_after] == "1");
    auto r = json::parse(declared.body());
    BOOST_TEST(r["error"]["code"] == code::LIMIT_EXCEEDED);
    BOOST_TEST(r["error"]["message"] ==
               "server busy: request bodies in flight exceed 262144 bytes; retry later");
    BOOST_TEST(r["error"]["data"]["limit"] == 256 * 1024);
    // Chunked: refused once what arrived goes over it.
    {
        Client c(port);
        http::request<http::string_body> req{http::verb::post, "/", 11};
        req.body() = padded(512 * 1024);
        req.chunked(true);
        beast::error_code ec;
        auto res = c.send(std::move(req), ec);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST(res->result_int() == 503);
    }
    BOOST_TEST(backend.calls().empty());
    // Within the budget (it was given back): served.
    BOOST_TEST(raw_request(port, raw_post(head, padded(300 * 1024))).result_int() == 200);
    BOOST_TEST(raw_request(port, raw_post(head)).result_int() == 200);
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
