// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#define BOOST_TEST_MODULE rpc_tests
#include "rpc/dispatcher.hpp"
#include "rpc/params.hpp"
#include "tests/rpc/fake_backend.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using aif::rpc::Dispatcher;
using aif::rpc::json;
using aif::rpc::Limits;
using aif::rpc::test::FakeBackend;
namespace code = aif::rpc::code;

namespace {

const std::string ADDR_LOWER = "0x" + std::string(40, 'a');
const std::string HASH = "0x" + std::string(64, 'b');

struct DispatcherFixture
{
    FakeBackend backend;
    Limits limits;
    Dispatcher dispatcher{backend, limits};

    /// The raw reply of `body`.
    std::string raw(const std::string& body) { return dispatcher.handle(body); }
    /// The parsed reply of `body` (must not be empty).
    json reply(const std::string& body)
    {
        const std::string text = dispatcher.handle(body);
        BOOST_TEST_REQUIRE(!text.empty());
        return json::parse(text);
    }
    /// Calls `method` with `params` (id 1) and returns the reply.
    json call(const std::string& method, const json& params)
    {
        json req = {{"jsonrpc", "2.0"}, {"method", method}, {"id", 1}};
        if (!params.is_null()) req["params"] = params;
        return reply(req.dump());
    }
    /// The error code of a reply that must be an error.
    static int error_code(const json& r)
    {
        BOOST_TEST_REQUIRE(r.contains("error"));
        return r["error"]["code"].get<int>();
    }
    static std::string message(const json& r) { return r["error"]["message"].get<std::string>(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(dispatcher_tests, DispatcherFixture)

BOOST_AUTO_TEST_CASE(success_echoes_id_and_result)
{
    auto r = reply(R"({"jsonrpc":"2.0","method":"chain_getInfo","id":"abc"})");
    BOOST_TEST(r["jsonrpc"] == "2.0");
    BOOST_TEST(r["id"] == "abc");
    BOOST_TEST(r["result"]["chainId"] == 31337);
    BOOST_TEST(!r.contains("error"));

    r = reply(R"({"jsonrpc":"2.0","method":"chain_getInfo","id":7,"params":{}})");
    BOOST_TEST(r["id"] == 7);
    // An explicit null id is a request, not a notification: it gets an answer.
    r = reply(R"({"jsonrpc":"2.0","method":"chain_getInfo","id":null})");
    BOOST_TEST(r["id"].is_null());
    BOOST_TEST(r.contains("result"));
}

BOOST_AUTO_TEST_CASE(parse_error)
{
    for (const char* body : {"{bad", "", "[1,2", R"({"jsonrpc":"2.0",})", "nul"}) {
        auto r = reply(body);
        BOOST_TEST(error_code(r) == code::PARSE_ERROR);
        BOOST_TEST(message(r) == "parse error");
        BOOST_TEST(r["id"].is_null());
    }
}

BOOST_AUTO_TEST_CASE(invalid_request)
{
    auto r = reply(R"({"jsonrpc":"1.0","method":"chain_getInfo","id":1})");
    BOOST_TEST(error_code(r) == code::INVALID_REQUEST);
    BOOST_TEST(r["id"] == 1);
    BOOST_TEST(error_code(reply(R"({"method":"chain_getInfo","id":1})")) == code::INVALID_REQUEST);
    BOOST_TEST(error_code(reply(R"({"jsonrpc":"2.0","method":5,"id":1})")) ==
               code::INVALID_REQUEST);
    BOOST_TEST(error_code(reply(R"({"jsonrpc":"2.0","id":1})")) == code::INVALID_REQUEST);
    BOOST_TEST(error_code(reply(R"({"jsonrpc":"2.0","method":"x","params":"s","id":1})")) ==
               code::INVALID_REQUEST);
    r = reply(R"({"jsonrpc":"2.0","method":"chain_getInfo","id":{"a":1}})");
    BOOST_TEST(error_code(r) == code::INVALID_REQUEST);
    BOOST_TEST(r["id"].is_null());
    r = reply("42");
    BOOST_TEST(error_code(r) == code::INVALID_REQUEST);
    // A malformed request without id still gets an error (it is no valid notification).
    r = reply(R"({"jsonrpc":"2.0","method":1})");
    BOOST_TEST(error_code(r) == code::INVALID_REQUEST);
    BOOST_TEST(backend.calls().empty());
}

BOOST_AUTO_TEST_CASE(method_not_found)
{
    auto r = reply(R"({"jsonrpc":"2.0","method":"chain_nope","id":"x"})");
    BOOST_TEST(error_code(r) == code::METHOD_NOT_FOUND);
    BOOST_TEST(r["id"] == "x");
    BOOST_TEST(r["error"]["data"]["method"] == "chain_nope");
}

BOOST_AUTO_TEST_CASE(positional_params_are_invalid_params)
{
    auto r = reply(R"({"jsonrpc":"2.0","method":"chain_getBlock","params":[1],"id":1})");
    BOOST_TEST(error_code(r) == code::INVALID_PARAMS);
    BOOST_TEST(backend.calls().empty());
}

BOOST_AUTO_TEST_CASE(internal_error_hides_details)
{
    auto r = call("token_getSupply", {{"asset", "boom"}});
    BOOST_TEST(error_code(r) == code::INTERNAL_ERROR);
    BOOST_TEST(message(r) == "internal error");
    BOOST_TEST(r.dump().find("secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_exception_is_invalid_params)
{
    BOOST_TEST(error_code(call("token_getSupply", {{"asset", "typo"}})) == code::INVALID_PARAMS);
}

BOOST_AUTO_TEST_CASE(rpc_error_keeps_code_message_and_data)
{
    auto r = call("token_getSupply", {{"asset", "nope"}});
    BOOST_TEST(error_code(r) == code::NOT_FOUND);
    BOOST_TEST(message(r) == "unknown asset");
    BOOST_TEST(r["error"]["data"]["asset"] == "nope");

    backend.tx_send_error = aif::rpc::RpcError(code::TX_REJECTED, "fee_too_low: fee",
                                               {{"reason", "fee_too_low"}, {"field", "fee"}});
    r = call("tx_send", {{"type", "Transfer"}, {"message", json::object()}, {"signature", "0x"}});
    BOOST_TEST(error_code(r) == code::TX_REJECTED);
    BOOST_TEST(message(r) == "fee_too_low: fee");
    BOOST_TEST(r["error"]["data"]["reason"] == "fee_too_low");
    // Without data the member is absent.
    r = call("chain_getBlock", json::object());
    BOOST_TEST(!r["error"].contains("data"));
}

BOOST_AUTO_TEST_CASE(batch_keeps_order_and_skips_notifications)
{
    const std::string body = R"([
        {"jsonrpc":"2.0","method":"chain_getInfo","id":1},
        {"jsonrpc":"2.0","method":"dev_mine"},
        {"jsonrpc":"2.0","method":"token_getSupply","params":{"asset":"AIF"},"id":"b"},
        1,
        {"jsonrpc":"2.0","method":"nope","id":3}
    ])";
    auto r = reply(body);
    BOOST_TEST_REQUIRE(r.is_array());
    BOOST_TEST_REQUIRE(r.size() == 4u);
    BOOST_TEST(r[0]["id"] == 1);
    BOOST_TEST(r[0].contains("result"));
    BOOST_TEST(r[1]["id"] == "b");
    BOOST_TEST(r[1]["result"]["supply"] == "1000");
    BOOST_TEST(error_code(r[2]) == code::INVALID_REQUEST);
    BOOST_TEST(r[2]["id"].is_null());
    BOOST_TEST(error_code(r[3]) == code::METHOD_NOT_FOUND);
    BOOST_TEST(r[3]["id"] == 3);
    const auto calls = backend.calls();
    BOOST_TEST_REQUIRE(calls.size() == 2u);  // dev_mine is refused (dev disabled), silently
    BOOST_TEST(calls[0].method == "chain_get_info");
    BOOST_TEST(calls[1].method == "token_get_supply");
}

BOOST_AUTO_TEST_CASE(a_batch_sends_its_txs_together_and_answers_each_in_place)
{
    const std::string body = R"([
        {"jsonrpc":"2.0","method":"tx_send","params":{"n":1},"id":1},
        {"jsonrpc":"2.0","method":"chain_getInfo","id":2},
        {"jsonrpc":"2.0","method":"tx_send","params":{"n":2}},
        {"jsonrpc":"2.0","method":"tx_send","params":{},"id":3},
        {"jsonrpc":"2.0","method":"tx_send","params":{"n":4,"reject":true},"id":4},
        {"jsonrpc":"2.0","method":"tx_send","params":{"n":5},"id":5}
    ])";
    auto r = reply(body);
    BOOST_TEST_REQUIRE(r.is_array());
    BOOST_TEST_REQUIRE(r.size() == 5u);  // the notification (n 2) gets none
    BOOST_TEST(r[0]["id"] == 1);
    BOOST_TEST(r[0]["result"] == backend.tx_send_result);
    BOOST_TEST(r[1]["id"] == 2);
    BOOST_TEST(r[1]["result"]["height"] == 7);
    BOOST_TEST(r[2]["id"] == 3);
    BOOST_TEST(error_code(r[2]) == code::INVALID_PARAMS);  // tx_send's own check, not sent
    BOOST_TEST(r[3]["id"] == 4);
    BOOST_TEST(error_code(r[3]) == code::TX_REJECTED);
    BOOST_TEST(message(r[3]) == "refused");
    BOOST_TEST(r[3]["error"]["data"]["reason"] == "test");
    BOOST_TEST(r[4]["id"] == 5);
    BOOST_TEST(r[4]["result"] == backend.tx_send_result);
    // One batch of the four sendable txs, in request order, before the other calls.
    const auto calls = backend.calls();
    BOOST_TEST_REQUIRE(calls.size() == 6u);
    BOOST_TEST(calls[0].method == "tx_send_batch");
    BOOST_TEST(calls[0].args == 4);
    for (int k = 0; k < 4; ++k) {
        BOOST_TEST(calls[1 + k].method == "tx_send");
        BOOST_TEST(calls[1 + k].args["n"] == (k < 2 ? k + 1 : k + 2));
    }
    BOOST_TEST(calls[5].method == "chain_get_info");
}

BOOST_AUTO_TEST_CASE(a_batched_tx_send_error_is_answered_as_a_single_one)
{
    // A JSON type error out of tx_send is INVALID_PARAMS alone (json_exception_is_invalid_params)
    // and in a batch; a refusal keeps its code either way.
    const json single = call("tx_send", {{"typo", true}});
    BOOST_TEST(error_code(single) == code::INVALID_PARAMS);
    auto r = reply(R"([{"jsonrpc":"2.0","method":"tx_send","params":{"typo":true},"id":1},
                      {"jsonrpc":"2.0","method":"tx_send","params":{"reject":true},"id":2},
                      {"jsonrpc":"2.0","method":"tx_send","params":{"n":3},"id":3}])");
    BOOST_TEST_REQUIRE(r.size() == 3u);
    BOOST_TEST(error_code(r[0]) == code::INVALID_PARAMS);
    BOOST_TEST(message(r[0]) == message(single));
    BOOST_TEST(error_code(r[1]) == code::TX_REJECTED);
    BOOST_TEST(r[2]["result"] == backend.tx_send_result);
}

BOOST_AUTO_TEST_CASE(notifications_get_no_response_but_run)
{
    BOOST_TEST(raw(R"({"jsonrpc":"2.0","method":"chain_getInfo"})").empty());
    BOOST_TEST(raw(R"([{"jsonrpc":"2.0","method":"chain_getInfo"},
                      {"jsonrpc":"2.0","method":"tx_getTypes","params":{}}])")
                   .empty());
    // Even failing notifications stay silent.
    BOOST_TEST(raw(R"({"jsonrpc":"2.0","method":"nope"})").empty());
    BOOST_TEST(raw(R"({"jsonrpc":"2.0","method":"chain_getBlock","params":{"x":1}})").empty());
    BOOST_TEST(backend.calls().size() == 3u);
}

BOOST_AUTO_TEST_CASE(empty_batch)
{
    auto r = reply("[]");
    BOOST_TEST(r.is_object());
    BOOST_TEST(error_code(r) == code::INVALID_REQUEST);
    BOOST_TEST(r["id"].is_null());
}

BOOST_AUTO_TEST_CASE(batch_over_limit)
{
    Limits small;
    small.max_batch = 3;
    Dispatcher d(backend, small);
    json batch = json::array();
    for (int i = 0; i < 3; ++i) {
        batch.push_back({{"jsonrpc", "2.0"}, {"method", "chain_getInfo"}, {"id", i}});
    }
    BOOST_TEST(json::parse(d.handle(batch.dump())).size() == 3u);
    batch.push_back({{"jsonrpc", "2.0"}, {"method", "chain_getInfo"}, {"id", 3}});
    const auto calls_before = backend.calls().size();
    auto r = json::parse(d.handle(batch.dump()));
    BOOST_TEST_REQUIRE(r.is_object());
    BOOST_TEST(error_code(r) == code::LIMIT_EXCEEDED);
    BOOST_TEST(message(r) == "batch of 4 requests exceeds 3");
    BOOST_TEST(r["error"]["data"]["limit"] == 3);
    BOOST_TEST(backend.calls().size() == calls_before);  // nothing of it ran
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_before_parsing)
{
    for (char open : {'[', '{'}) {
        auto r = reply(std::string(100000, open));
        BOOST_TEST(error_code(r) == code::LIMIT_EXCEEDED);
        BOOST_TEST(message(r) == "JSON nesting exceeds 64 levels");
        BOOST_TEST(r["id"].is_null());
    }
    // 65 levels inside params: refused; brackets inside strings do not count.
    std::string deep = std::string(63, '[') + std::string(63, ']');
    auto r = reply(R"({"jsonrpc":"2.0","method":"tx_send","id":1,"params":{"a":)" + deep + "}}");
    BOOST_TEST(error_code(r) == code::LIMIT_EXCEEDED);
    const std::string brackets = std::string(200, '[') + R"(\"[[[)";
    r = call("token_getSupply", {{"asset", brackets}});
    BOOST_TEST(r["result"]["asset"] == brackets);
}

BOOST_AUTO_TEST_CASE(nesting_depth_scanner)
{
    using aif::rpc::json_nesting_depth;
    BOOST_TEST(json_nesting_depth("", 10) == 0u);
    BOOST_TEST(json_nesting_depth(R"({"a":[1,{"b":[]}]})", 10) == 4u);
    BOOST_TEST(json_nesting_depth(R"(["[[[", "\"[[", "\\", [])", 10) == 2u);
    BOOST_TEST(json_nesting_depth("]]]][[", 10) == 2u);
    BOOST_TEST(json_nesting_depth(std::string(1000, '{'), 10) == 11u);
    using aif::rpc::json_batch_length;
    BOOST_TEST(json_batch_length(R"({"a":[1,2,3]})") == 0u);  // not a batch
    BOOST_TEST(json_batch_length(" [ ] ") == 0u);
    BOOST_TEST(json_batch_length(R"([{"a":[1,2]}, "x,y", 3])") == 3u);
    BOOST_TEST(json_batch_length(R"([{}])") == 1u);
    std::string big = "[";
    for (int i = 0; i < 100000; ++i) big += "{},";
    big += "{}]";
    BOOST_TEST(json_batch_length(big) == 100001u);
}

BOOST_AUTO_TEST_CASE(body_over_limit)
{
    Limits small;
    small.max_body_bytes = 16;
    Dispatcher d(backend, small);
    auto r = json::parse(d.handle(R"({"jsonrpc":"2.0","method":"chain_getInfo","id":1})"));
    BOOST_TEST(error_code(r) == code::LIMIT_EXCEEDED);
    BOOST_TEST(message(r) == "request body exceeds 16 bytes");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_a_clean_error)
{
    // "\xff" inside a string param: refused by the parser, answered as a parse error.
    const std::string body =
        "{\"jsonrpc\":\"2.0\",\"method\":\"token_getSupply\",\"params\":{\"asset\":\"a\xff\xfe"
        "\"},\"id\":1}";
    auto r = reply(body);
    BOOST_TEST(error_code(r) == code::PARSE_ERROR);
    // A lone surrogate escape is invalid too.
    r = reply(R"({"jsonrpc":"2.0","method":"token_getSupply","params":{"asset":"\ud800"},"id":1})");
    BOOST_TEST(error_code(r) == code::PARSE_ERROR);
    BOOST_TEST(backend.calls().empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_result_is_replaced)
{
    backend.tx_send_result = {{"hash", std::string("bad\xff\xfe")}};
    const std::string text = raw(R"({"jsonrpc":"2.0","method":"tx_send","params":{"a":1},"id":1})");
    auto r = json::parse(text);  // valid UTF-8 again
    BOOST_TEST(r["result"]["hash"].get<std::string>().substr(0, 3) == "bad");
}

BOOST_AUTO_TEST_CASE(dev_methods_disabled)
{
    auto r = call("dev_mine", json::object());
    BOOST_TEST(error_code(r) == code::DEV_DISABLED);
    r = call("dev_advanceTime", {{"seconds", 10}});
    BOOST_TEST(error_code(r) == code::DEV_DISABLED);
    // Checked before params, so garbage gets the same answer.
    r = call("dev_advanceTime", {{"bogus", true}});
    BOOST_TEST(error_code(r) == code::DEV_DISABLED);
    BOOST_TEST(backend.calls().empty());
}

BOOST_AUTO_TEST_CASE(dev_methods_enabled)
{
    backend.dev = true;
    BOOST_TEST(call("dev_mine", nullptr)["result"]["height"] == 1);
    BOOST_TEST(call("dev_mine", {{"blocks", 1000}})["result"]["height"] == 1000);
    BOOST_TEST(call("dev_mine", {{"blocks", "12"}})["result"]["height"] == 12);
    auto r = call("dev_mine", {{"blocks", 1001}});
    BOOST_TEST(error_code(r) == code::INVALID_PARAMS);
    BOOST_TEST(message(r) == "invalid params: 'blocks' must be between 1 and 1000");
    BOOST_TEST(error_code(call("dev_mine", {{"blocks", 0}})) == code::INVALID_PARAMS);
    BOOST_TEST(call("dev_advanceTime", {{"seconds", 0}})["result"]["timestamp"] == 0);
    r = call("dev_advanceTime", {{"seconds", "18446744073709551615"}});
    BOOST_TEST(r["result"]["timestamp"] == 18446744073709551615ull);
    r = call("dev_advanceTime", json::object());
    BOOST_TEST(message(r) == "invalid params: missing 'seconds'");
    BOOST_TEST(r["error"]["data"]["field"] == "seconds");
    const auto calls = backend.calls();
    BOOST_TEST_REQUIRE(calls.size() == 5u);
    BOOST_TEST(calls[0].method == "dev_mine");
    BOOST_TEST(calls[0].args == 1);
}

BOOST_AUTO_TEST_CASE(uint_params_are_validated_by_name)
{
    const std::string not_uint = "invalid params: 'height' must be an unsigned integer";
    const std::string too_big = "invalid params: 'height' is out of range";
    struct Case
    {
        std::string params;
        std::string message;
    };
    const Case cases[] = {
        {R"({"height":1.5})", not_uint},
        {R"({"height":1.0})", not_uint},
        {R"({"height":1e3})", not_uint},
        {R"({"height":-1})", not_uint},
        {R"({"height":"-1"})", not_uint},
        {R"({"height":"12abc"})", not_uint},
        {R"({"height":"0x10"})", not_uint},
        {R"({"height":"01"})", not_uint},
        {R"({"height":""})", not_uint},
        {R"({"height":" 1"})", not_uint},
        {R"({"height":true})", not_uint},
        {R"({"height":[1]})", not_uint},
        {R"({"height":9007199254740992})", too_big},
        {R"({"height":18446744073709551616})", not_uint},  // parsed as a float
        {R"({"height":"18446744073709551616"})", too_big},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.params)
        {
            auto r = reply(R"({"jsonrpc":"2.0","method":"chain_getBlock","id":1,"params":)" +
                           c.params + "}");
            BOOST_TEST(error_code(r) == code::INVALID_PARAMS);
            BOOST_TEST(message(r) == c.message);
            BOOST_TEST(r["error"]["data"]["field"] == "height");
        }
    }
    BOOST_TEST(backend.calls().empty());
    // The largest accepted JSON integer and a decimal string.
    BOOST_TEST(call("chain_getBlock", {{"height", 9007199254740991ull}})["result"]["height"] ==
               9007199254740991ull);
    BOOST_TEST(call("chain_getBlock", {{"height", "0"}})["result"]["height"] == 0);
}

BOOST_AUTO_TEST_CASE(unknown_param_is_named)
{
    auto r = call("chain_getBlock", {{"height", 1}, {"hieght", 2}});
    BOOST_TEST(error_code(r) == code::INVALID_PARAMS);
    BOOST_TEST(message(r) == "invalid params: unknown param 'hieght'");
    BOOST_TEST(r["error"]["data"]["field"] == "hieght");
    r = call("chain_getInfo", {{"x", 1}});
    BOOST_TEST(message(r) == "invalid params: unknown param 'x'");
}

BOOST_AUTO_TEST_CASE(chain_get_block_params)
{
    call("chain_getBlock", {{"height", 5}});
    call("chain_getBlock", {{"hash", HASH}, {"full", true}});
    const auto calls = backend.calls();
    BOOST_TEST_REQUIRE(calls.size() == 2u);
    BOOST_TEST(calls[0].args == (json{{"height", 5}, {"full", false}}));
    BOOST_TEST(calls[1].args == (json{{"hash", HASH}, {"full", true}}));

    const std::string one_of = "invalid params: exactly one of 'height' or 'hash' is required";
    BOOST_TEST(message(call("chain_getBlock", json::object())) == one_of);
    BOOST_TEST(message(call("chain_getBlock", {{"height", 1}, {"hash", HASH}})) == one_of);
    BOOST_TEST(message(call("chain_getBlock", {{"hash", "0x1234"}})) ==
               "invalid params: 'hash' must be a 0x-prefixed 32-byte hex string");
    BOOST_TEST(message(call("chain_getBlock", {{"height", 1}, {"full", "yes"}})) ==
               "invalid params: 'full' must be a boolean");
    // null counts as absent.
    BOOST_TEST(call("chain_getBlock", {{"height", 1}, {"hash", nullptr}}).contains("result"));
}

BOOST_AUTO_TEST_CASE(account_and_token_params)
{
    std::string upper = ADDR_LOWER;
    for (std::size_t i = 2; i < upper.size(); ++i) upper[i] = 'A';
    BOOST_TEST(call("account_get", {{"address", upper}}).contains("result"));
    BOOST_TEST(call("token_getBalance",
                    {{"address", ADDR_LOWER}, {"asset", "AIF"}})["result"]["amount"] == "5");
    const auto calls = backend.calls();
    BOOST_TEST_REQUIRE(calls.size() == 2u);
    BOOST_TEST(calls[0].args == ADDR_LOWER);
    BOOST_TEST(calls[1].args == (json{ADDR_LOWER, "AIF"}));

    auto r = call("account_get", {{"address", "0x1234"}});
    BOOST_TEST(message(r) == "invalid params: 'address' must be a 0x-prefixed 20-byte hex address");
    r = call("token_getBalance", {{"address", ADDR_LOWER}});
    BOOST_TEST(message(r) == "invalid params: missing 'asset'");
    r = call("token_getSupply", {{"asset", 5}});
    BOOST_TEST(message(r) == "invalid params: 'asset' must be a string");
}

BOOST_AUTO_TEST_CASE(tx_methods_params)
{
    const json wire = {{"type", "Transfer"},
                       {"message", {{"nonce", "0"}, {"fee", "1"}}},
                       {"signature", "0x" + std::string(130, '1')}};
    auto r = call("tx_send", wire);
    BOOST_TEST(r["result"]["hash"] == "0x" + std::string(64, 'a'));
    BOOST_TEST(error_code(call("tx_send", nullptr)) == code::INVALID_PARAMS);
    BOOST_TEST(call("tx_get", {{"hash", HASH}})["result"]["status"] == "pending");
    BOOST_TEST(message(call("tx_get", json::object())) == "invalid params: missing 'hash'");
    BOOST_TEST(call("tx_getTypes", nullptr).contains("result"));
    const auto calls = backend.calls();
    BOOST_TEST_REQUIRE(calls.size() == 3u);
    BOOST_TEST(calls[0].args == wire);  // the whole object, untouched
    BOOST_TEST(calls[1].args == HASH);
}

BOOST_AUTO_TEST_CASE(custom_method_table)
{
    aif::rpc::MethodTable table;
    aif::rpc::add_method(table, "film_get", [](const json& p) {
        aif::rpc::check_known_params(p, {"filmId"});
        return json{{"filmId", aif::rpc::require_uint64(p, "filmId")}};
    });
    BOOST_CHECK_THROW(aif::rpc::add_method(table, "film_get", [](const json&) { return json(); }),
                      std::logic_error);
    Dispatcher d(std::move(table), Limits{});
    auto r = json::parse(
        d.handle(R"({"jsonrpc":"2.0","method":"film_get","params":{"filmId":"9"},"id":1})"));
    BOOST_TEST(r["result"]["filmId"] == 9);
}

BOOST_AUTO_TEST_SUITE_END()
