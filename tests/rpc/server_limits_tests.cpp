// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The HTTP server under hostile sizes and timing: body and header caps (413, 431), deep JSON,
// the connection caps and whom they evict, the header and idle timeouts, the in-flight body
// budget (503).
#include "tests/rpc/server_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <thread>
#include <vector>

using namespace aif::rpc::test;
using aif::rpc::json;
using aif::rpc::Limits;
using aif::rpc::Server;

BOOST_FIXTURE_TEST_SUITE(server_limits_tests, RpcFixture)

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
    BOOST_TEST(health_ok(a));
    auto b = client();
    BOOST_TEST(health_ok(b));

    // A third is served: it takes the slot of `a`, which the server closes.
    auto c = client();
    BOOST_TEST(health_ok(c));
    BOOST_TEST(closed_by_server(a));

    // What counts is how long a connection has waited for its next request, not when it
    // connected: once `b` is used again, `c` has waited longest.
    BOOST_TEST(b.request(http::verb::post, "/", GET_INFO).result_int() == 200);
    auto silent = client();
    BOOST_TEST(closed_by_server(c));
    BOOST_TEST(health_ok(b));
    // A connection that never sends a byte is not spared either.
    auto d = client();
    BOOST_TEST(health_ok(d));
    BOOST_TEST(closed_by_server(silent));
    BOOST_TEST(health_ok(b));
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
    BOOST_TEST(health_ok(a));
    auto b = client();
    BOOST_TEST(health_ok(b));
    // Far below the global cap, but 127.0.0.1 holds its 2: the new one replaces `a`.
    auto c = client();
    BOOST_TEST(health_ok(c));
    BOOST_TEST(closed_by_server(a));
    BOOST_TEST(health_ok(b));
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
    BOOST_TEST(health_ok(c));
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
    BOOST_TEST(health_ok(c));
    // Send nothing more: the server closes the connection (the client's own guard is far
    // longer, so an error other than its timeout proves the server acted).
    beast::error_code ec;
    c.read(ec);
    BOOST_TEST(ec);
    BOOST_TEST((ec != beast::error::timeout), ec.message());
}

BOOST_AUTO_TEST_SUITE_END()
