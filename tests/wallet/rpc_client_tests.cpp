// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "tests/wallet/fake_node.hpp"
#include "wallet/errors.hpp"
#include "wallet/rpc_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/test/unit_test.hpp>

using namespace aif::wallet;
using namespace aif::wallet::test;
using nlohmann::json;
using tcp = boost::asio::ip::tcp;

namespace {

/// A port nobody listens on: bind to :0, remember the port, close.
std::uint16_t free_port()
{
    boost::asio::io_context ioc;
    tcp::acceptor a(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rpc_client_tests)

BOOST_AUTO_TEST_CASE(parses_urls)
{
    auto e = parse_rpc_url("http://127.0.0.1:8645");
    BOOST_CHECK_EQUAL(e.host, "127.0.0.1");
    BOOST_CHECK_EQUAL(e.port, "8645");
    BOOST_CHECK_EQUAL(e.target, "/");
    e = parse_rpc_url("http://node.example/rpc/v1");
    BOOST_CHECK_EQUAL(e.host, "node.example");
    BOOST_CHECK_EQUAL(e.port, "80");
    BOOST_CHECK_EQUAL(e.target, "/rpc/v1");
    e = parse_rpc_url("http://[::1]:9000/");
    BOOST_CHECK_EQUAL(e.host, "::1");
    BOOST_CHECK_EQUAL(e.port, "9000");
    for (const char* bad : {"https://x:1", "127.0.0.1:8645", "http://", "http://:80", "http://h:0",
                            "http://h:99999", "http://h:x", "http://u@h:1", "http://[::1"}) {
        BOOST_TEST_CONTEXT(bad)
        {
            try {
                (void)parse_rpc_url(bad);
                BOOST_ERROR("accepted");
            } catch (const WalletError& err) {
                BOOST_CHECK(err.code() == ExitCode::usage);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(calls_and_returns_result)
{
    FakeNode node([](const std::string& m, const json& p) -> json {
        return {{"method", m}, {"params", p}};
    });
    RpcClient rpc(node.url());
    json r = rpc.call("chain_getInfo");
    BOOST_CHECK_EQUAL(r["method"], "chain_getInfo");
    BOOST_CHECK_EQUAL(r["params"], json::object());
    r = rpc.call("tx_get", {{"hash", "0x01"}});
    BOOST_CHECK_EQUAL(r["params"]["hash"], "0x01");
}

BOOST_AUTO_TEST_CASE(json_rpc_errors_keep_code_message_data)
{
    FakeNode node([](const std::string&, const json&) -> json {
        throw FakeRpcError{
            -32000, "insufficient_balance: fee", {{"reason", "insufficient_balance"}}};
    });
    RpcClient rpc(node.url());
    try {
        (void)rpc.call("tx_send", json::object());
        BOOST_FAIL("no error");
    } catch (const RpcError& e) {
        BOOST_CHECK_EQUAL(e.rpc_code(), -32000);
        BOOST_CHECK_EQUAL(e.rpc_message(), "insufficient_balance: fee");
        BOOST_CHECK_EQUAL(e.reason(), "insufficient_balance");
        BOOST_CHECK(e.code() == ExitCode::failure);
        BOOST_CHECK_EQUAL(e.to_json()["rpc"]["code"], -32000);
    }
}

BOOST_AUTO_TEST_CASE(non_json_answer_is_a_failure)
{
    FakeNode node([](const std::string&, const json&) -> json { return {{"__raw__", "<html>"}}; });
    RpcClient rpc(node.url());
    try {
        (void)rpc.call("chain_getInfo");
        BOOST_FAIL("no error");
    } catch (const WalletError& e) {
        BOOST_CHECK(e.code() == ExitCode::failure);
    }
}

BOOST_AUTO_TEST_CASE(http_refusal_names_the_reason)
{
    // The node's own refusals (docs/rpc-transport.md): {"error": "<why>"} with a 4xx status.
    FakeNode node([](const std::string&, const json&) -> json {
        return {{"__status__", 415},
                {"__raw__",
                 R"({"error":"unsupported Content-Type: text/plain; expected application/json"})"}};
    });
    RpcClient rpc(node.url());
    try {
        (void)rpc.call("chain_getInfo");
        BOOST_FAIL("no error");
    } catch (const WalletError& e) {
        BOOST_CHECK(e.code() == ExitCode::failure);
        BOOST_CHECK_MESSAGE(
            std::string(e.what()).find("refused the request: HTTP 415: unsupported "
                                       "Content-Type: text/plain") != std::string::npos,
            e.what());
    }
}

BOOST_AUTO_TEST_CASE(json_rpc_error_with_http_status_keeps_its_code)
{
    // 413 and 503 carry a JSON-RPC error object: it reaches the caller as an RpcError.
    FakeNode node([](const std::string&, const json&) -> json {
        return {{"__status__", 503},
                {"__raw__",
                 R"({"jsonrpc":"2.0","error":{"code":-32004,"message":"server busy"},"id":null})"}};
    });
    RpcClient rpc(node.url());
    try {
        (void)rpc.call("chain_getInfo");
        BOOST_FAIL("no error");
    } catch (const RpcError& e) {
        BOOST_CHECK_EQUAL(e.rpc_code(), -32004);
    }
}

BOOST_AUTO_TEST_CASE(connection_refused_is_unreachable)
{
    RpcClient rpc("http://127.0.0.1:" + std::to_string(free_port()));
    try {
        (void)rpc.call("chain_getInfo");
        BOOST_FAIL("no error");
    } catch (const WalletError& e) {
        BOOST_CHECK(e.code() == ExitCode::unreachable);
        BOOST_CHECK(std::string{e.what()}.find("cannot reach") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(silent_node_times_out_as_unreachable)
{
    // Listens (the kernel completes the handshake) but never answers.
    boost::asio::io_context ioc;
    tcp::acceptor silent(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
    RpcClient rpc("http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()),
                  std::chrono::milliseconds{200});
    try {
        (void)rpc.call("chain_getInfo");
        BOOST_FAIL("no error");
    } catch (const WalletError& e) {
        BOOST_CHECK(e.code() == ExitCode::unreachable);
        BOOST_CHECK(std::string{e.what()}.find("timed out") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
