// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The HTTP server's request policy end to end: JSON content type (415), Host on a loopback node
// (403), allowed Origins (docs/rpc-transport.md; the predicates alone: http_policy_tests).
#include "tests/rpc/server_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace aif::rpc::test;
using aif::rpc::json;
using aif::rpc::Limits;
using aif::rpc::Server;

BOOST_FIXTURE_TEST_SUITE(server_policy_tests, RpcFixture)

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

BOOST_AUTO_TEST_SUITE_END()
