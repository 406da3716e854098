// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/json/wire.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::ledger;
namespace wire = aif::ledger::json;

namespace {

nlohmann::json good_wire()
{
    auto tx = aif::test::make_transfer(aif::test::dev_key(0), 2026, 3, aif::test::fresh_address(7),
                                       500, 1000, "AIF", "hi");
    return wire::tx_to_json(tx);
}

Error decode_error(const nlohmann::json& j)
{
    auto r = wire::decode_wire(j);
    BOOST_REQUIRE(!r);
    return r.error();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wire_tests)

BOOST_AUTO_TEST_CASE(round_trip)
{
    nlohmann::json j = good_wire();
    BOOST_CHECK_EQUAL(j["message"]["nonce"], "3");
    BOOST_CHECK_EQUAL(j["message"]["amount"], "500");
    auto r = wire::decode_wire(j);
    BOOST_REQUIRE(r);
    BOOST_CHECK(wire::tx_to_json(r->tx) == j);
}

BOOST_AUTO_TEST_CASE(json_integers_up_to_2_53_accepted)
{
    nlohmann::json j = good_wire();
    j["message"]["amount"] = 9007199254740991ULL;
    BOOST_CHECK(wire::decode_wire(j));
    j["message"]["amount"] = 9007199254740992ULL;
    auto e = decode_error(j);
    BOOST_CHECK(e.code == ErrorCode::invalid_field);
    BOOST_CHECK(e.detail.find("amount") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_bad_value_names_its_field)
{
    struct Case
    {
        const char* field;
        nlohmann::json value;
    };
    const Case cases[] = {
        {"amount", "340282366920938463463374607431768211456"},  // 2^128
        {"amount", 1.5},
        {"amount", -1},
        {"amount", "-1"},
        {"amount", "1.0"},
        {"amount", true},
        {"amount", nullptr},
        {"fee", "0x10"},
        {"nonce", "18446744073709551616"},  // 2^64
        {"to", "0x1234"},
        {"to", 5},
        {"asset", 5},
        {"memo", std::string(257, 'x')},
    };
    for (const auto& c : cases) {
        nlohmann::json j = good_wire();
        j["message"][c.field] = c.value;
        auto e = decode_error(j);
        BOOST_TEST_CONTEXT(c.field << " = " << c.value.dump())
        {
            BOOST_CHECK(e.code == ErrorCode::invalid_field);
            BOOST_CHECK(e.detail.find(std::string{"message."} + c.field) != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(shape_errors)
{
    BOOST_CHECK(decode_error(nlohmann::json::array()).code == ErrorCode::malformed_tx);
    nlohmann::json j = good_wire();
    j["message"]["extra"] = "1";
    auto e = decode_error(j);
    BOOST_CHECK(e.code == ErrorCode::unknown_field);
    BOOST_CHECK(e.detail.find("extra") != std::string::npos);

    j = good_wire();
    j["message"].erase("memo");
    e = decode_error(j);
    BOOST_CHECK(e.code == ErrorCode::missing_field);
    BOOST_CHECK(e.detail.find("memo") != std::string::npos);

    j = good_wire();
    j["type"] = "Mint";
    BOOST_CHECK(decode_error(j).code == ErrorCode::unknown_tx_type);

    j = good_wire();
    j["bogus"] = 1;
    BOOST_CHECK(decode_error(j).code == ErrorCode::unknown_field);

    j = good_wire();
    j["signature"] = "0x1234";
    BOOST_CHECK(decode_error(j).code == ErrorCode::bad_signature);

    j = good_wire();
    j.erase("message");
    BOOST_CHECK(decode_error(j).code == ErrorCode::malformed_tx);
}

BOOST_AUTO_TEST_CASE(optional_from_and_domain)
{
    nlohmann::json j = good_wire();
    j["from"] = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    j["domain"] = {{"name", "AIF Chain"}, {"version", "1"}, {"chainId", 2026}};
    auto r = wire::decode_wire(j);
    BOOST_REQUIRE(r);
    BOOST_CHECK(r->from.has_value());
    BOOST_CHECK(r->domain_chain_id == std::uint64_t{2026});
    j["domain"]["name"] = "Other";
    BOOST_CHECK(decode_error(j).code == ErrorCode::wrong_chain_id);
}

BOOST_AUTO_TEST_CASE(types_json_lists_every_type)
{
    auto t = wire::types_to_json(2026);
    BOOST_CHECK_EQUAL(t["domain"]["chainId"], 2026);
    BOOST_CHECK_EQUAL(t["domain"]["name"], "AIF Chain");
    BOOST_CHECK(t["types"].contains("EIP712Domain"));
    BOOST_CHECK_EQUAL(t["primaryTypes"].size(), tx_types().size());
    BOOST_CHECK_EQUAL(t["types"]["Transfer"][2]["name"], "to");
    BOOST_CHECK_EQUAL(t["types"]["Transfer"][2]["type"], "address");
}

BOOST_AUTO_TEST_SUITE_END()
