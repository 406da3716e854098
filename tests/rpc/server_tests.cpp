// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The HTTP server speaking JSON-RPC: ports, health, round trips, keep-alive and close, many
// clients, stop.
#include "tests/rpc/server_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <thread>
#include <vector>

using namespace aif::rpc::test;
using aif::rpc::json;
using aif::rpc::Limits;
using aif::rpc::Server;

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
    BOOST_TEST(health_ok(c));
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
    BOOST_TEST(health_ok(c));
    server->stop();  // returns although a keep-alive connection is open
    beast::error_code ec;
    c.read(ec);
    BOOST_TEST(ec);
    BOOST_TEST((ec != beast::error::timeout), ec.message());
    server->stop();  // idempotent
}

BOOST_AUTO_TEST_SUITE_END()
