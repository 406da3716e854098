// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/http_policy.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using aif::rpc::is_json_content_type;
using aif::rpc::is_loopback_host;
using aif::rpc::is_origin_allowed;
using aif::rpc::normalize_origin;

BOOST_AUTO_TEST_SUITE(http_policy_tests)

BOOST_AUTO_TEST_CASE(json_content_type)
{
    for (const char* ok : {"application/json", "APPLICATION/Json", " application/json ",
                           "application/json;charset=utf-8", "application/json; charset=UTF-8",
                           "application/json; charset=\"utf-8\"", "application/json;"}) {
        BOOST_TEST(is_json_content_type(ok), ok);
    }
    for (const char* bad :
         {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=a",
          "application/jsonp", "application/json-seq", "text/plain; application/json",
          "application/json; charset=iso-8859-1", "application/json; a=b",
          "application/json; charset", "application/json, text/plain"}) {
        BOOST_TEST(!is_json_content_type(bad), bad);
    }
}

BOOST_AUTO_TEST_CASE(loopback_host)
{
    for (const char* ok : {"localhost", "LocalHost", "localhost:8645", "127.0.0.1", "127.0.0.1:1",
                           "[::1]", "[::1]:8645", " localhost "}) {
        BOOST_TEST(is_loopback_host(ok, ""), ok);
    }
    for (const char* bad : {"", "evil.example", "evil.example:8645", "localhost.evil.example",
                            "localhost:", "localhost:x", "localhost:123456", "127.0.0.1:80:80",
                            "::1", "[::1", "[::1]x", "127.0.0.2", "0.0.0.0", "localhost."}) {
        BOOST_TEST(!is_loopback_host(bad, ""), bad);
    }
    // The listening address itself is a loopback name too.
    BOOST_TEST(is_loopback_host("127.0.0.2:8645", "127.0.0.2"));
    BOOST_TEST(!is_loopback_host("127.0.0.3:8645", "127.0.0.2"));
}

BOOST_AUTO_TEST_CASE(origin_allow_list)
{
    const std::vector<std::string> none;
    BOOST_TEST(!is_origin_allowed("http://localhost:3000", none));
    const std::vector<std::string> one{"http://localhost:3000"};
    BOOST_TEST(is_origin_allowed("http://localhost:3000", one));
    BOOST_TEST(is_origin_allowed("HTTP://LOCALHOST:3000/", one));
    BOOST_TEST(!is_origin_allowed("http://localhost:3001", one));
    BOOST_TEST(!is_origin_allowed("https://localhost:3000", one));
    BOOST_TEST(!is_origin_allowed("null", one));
    const std::vector<std::string> any{"*"};
    BOOST_TEST(is_origin_allowed("http://evil.example", any));

    BOOST_TEST(normalize_origin("HTTP://App.Example:3000/") == "http://app.example:3000");
    BOOST_TEST(normalize_origin("*") == "*");
    BOOST_TEST(normalize_origin("null") == "null");
    for (const char* bad :
         {"", "app.example", "http://", "http://a/b", "://a", "http://u@a", "ht tp://a"}) {
        BOOST_TEST(normalize_origin(bad).empty(), bad);
    }
}

BOOST_AUTO_TEST_SUITE_END()
