// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/json/genesis_json.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::ledger;

namespace {

nlohmann::json dev_json()
{
    return nlohmann::json::parse(aif::test::read_text(aif::test::source_dir() + "/genesis/dev.json"));
}

std::string genesis_error(const nlohmann::json& j)
{
    auto r = json::genesis_from_json(j);
    BOOST_REQUIRE(!r);
    BOOST_CHECK(r.error().code == ErrorCode::invalid_argument);
    return r.error().detail;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(genesis_tests)

BOOST_AUTO_TEST_CASE(dev_genesis_is_as_the_spec_says)
{
    Genesis g = aif::test::dev_genesis();
    BOOST_CHECK_EQUAL(g.allocations.size(), 10u);
    BOOST_CHECK_EQUAL(to_checksum(g.authority), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    BOOST_CHECK_EQUAL(to_checksum(g.allocations[9].address), "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    BOOST_CHECK(g.notice.find("public") != std::string::npos);
    BOOST_REQUIRE_EQUAL(g.editions.size(), 1u);
    const Edition& e = g.editions[0];
    BOOST_CHECK_EQUAL(e.year, 2026u);
    BOOST_CHECK_EQUAL(e.awards.size(), 27u);
    BOOST_CHECK_EQUAL(e.awards[0].tier, 1u);
    BOOST_CHECK_EQUAL(e.categories.size(), 4u);
    BOOST_REQUIRE_EQUAL(e.windows.size(), 3u);
    // The submission window is open from genesis time (SPEC §4 / issue 2).
    BOOST_CHECK_EQUAL(e.windows[0].start, g.genesis_time);
    BOOST_CHECK_EQUAL(e.windows[0].multiplier_bps, 7500u);
    BOOST_CHECK_EQUAL(e.windows[2].multiplier_bps, 15000u);
    auto round = decode_edition(encode_edition(e));
    BOOST_REQUIRE(round);
    BOOST_CHECK(encode_edition(*round) == encode_edition(e));
}

BOOST_AUTO_TEST_CASE(bad_genesis_names_the_field)
{
    auto j = dev_json();
    j["chainId"] = -1;
    BOOST_CHECK(genesis_error(j).find("chainId") == 0);

    j = dev_json();
    j["allocations"][3]["amount"] = "340282366920938463463374607431768211456";
    BOOST_CHECK(genesis_error(j).find("allocations[3].amount") == 0);

    j = dev_json();
    j["allocations"][0]["amount"] = "340282366920938463463374607431768211455";
    BOOST_CHECK(genesis_error(j).find("total supply") != std::string::npos);

    j = dev_json();
    j["authority"] = "0x12";
    BOOST_CHECK(genesis_error(j).find("authority") == 0);

    j = dev_json();
    j["colour"] = "blue";
    BOOST_CHECK(genesis_error(j).find("colour: unknown field") == 0);

    j = dev_json();
    j["editions"][0]["categories"][1]["minAiPercent"] = 40;
    BOOST_CHECK(genesis_error(j).find("editions[0].categories[1].minAiPercent") == 0);

    j = dev_json();
    j["editions"][0]["windows"][1]["start"] = j["editions"][0]["windows"][0]["start"];
    BOOST_CHECK(genesis_error(j).find("editions[0].windows[1].start") == 0);

    j = dev_json();
    j["editions"][0]["awards"][1]["tier"] = 1;
    BOOST_CHECK(genesis_error(j).find("editions[0].awards") == 0);

    j = dev_json();
    j.erase("validators");
    BOOST_CHECK(genesis_error(j).find("validators: missing") == 0);

    BOOST_CHECK(!json::genesis_from_text("{not json"));
}

BOOST_AUTO_TEST_SUITE_END()
