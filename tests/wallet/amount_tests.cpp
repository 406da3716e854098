// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/amount.hpp"
#include "wallet/errors.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::wallet;
using aif::ledger::u128;
using aif::ledger::u128_to_string;

namespace {

std::string parse18(const std::string& s)
{
    return u128_to_string(parse_amount(s, AIF_DECIMALS, "--amount"));
}

/// The usage error message of parsing `s`, or "" if it parsed.
std::string reject(const std::string& s, std::uint32_t decimals = AIF_DECIMALS)
{
    try {
        (void)parse_amount(s, decimals, "--amount");
    } catch (const WalletError& e) {
        BOOST_CHECK(e.code() == ExitCode::usage);
        return e.what();
    }
    return "";
}

const u128 U128_MAX = ~u128{0};

}  // namespace

BOOST_AUTO_TEST_SUITE(amount_tests)

BOOST_AUTO_TEST_CASE(parses_whole_units_exactly)
{
    BOOST_CHECK_EQUAL(parse18("12.5"), "12500000000000000000");
    BOOST_CHECK_EQUAL(parse18("0"), "0");
    BOOST_CHECK_EQUAL(parse18("0.0"), "0");
    BOOST_CHECK_EQUAL(parse18("1"), "1000000000000000000");
    BOOST_CHECK_EQUAL(parse18("0.000000000000000001"), "1");
    BOOST_CHECK_EQUAL(parse18("007.10"), "7100000000000000000");
    // 0.1 + 0.2 style inputs stay exact: no floating point anywhere.
    BOOST_CHECK_EQUAL(parse18("0.3"), "300000000000000000");
    BOOST_CHECK_EQUAL(parse18("123456789012345678.123456789012345678"),
                      "123456789012345678123456789012345678");
}

BOOST_AUTO_TEST_CASE(zero_decimal_assets_take_whole_numbers)
{
    BOOST_CHECK_EQUAL(asset_decimals("AIF"), 18u);
    BOOST_CHECK_EQUAL(asset_decimals("FILM1"), 0u);
    BOOST_CHECK_EQUAL(u128_to_string(parse_amount("42", 0, "--amount")), "42");
    BOOST_CHECK(reject("42.5", 0).find("no decimals") != std::string::npos);
    BOOST_CHECK(!reject("42.0", 0).empty());
}

BOOST_AUTO_TEST_CASE(rejects_malformed_amounts_naming_the_flag)
{
    for (const char* bad : {"", ".", ".5", "5.", "-1", "+1", "1e18", "1E3", " 1", "1 ", "1,5",
                            "1.2.3", "0x10", "abc", "1_000"}) {
        std::string msg = reject(bad);
        BOOST_TEST_CONTEXT(bad)
        {
            BOOST_CHECK(!msg.empty());
            BOOST_CHECK(msg.rfind("--amount", 0) == 0);
        }
    }
    BOOST_CHECK(reject("1.0000000000000000001").find("at most 18 decimals") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(overflow_at_two_to_the_128)
{
    // 2^128 − 1 base units is the largest amount (SPEC §2).
    BOOST_CHECK(parse_amount(u128_to_string(U128_MAX), 0, "--amount") == U128_MAX);
    BOOST_CHECK(reject("340282366920938463463374607431768211456", 0).find("too large") !=
                std::string::npos);
    BOOST_CHECK_EQUAL(parse18("340282366920938463463.374607431768211455"),
                      u128_to_string(U128_MAX));
    BOOST_CHECK(!reject("340282366920938463463.374607431768211456").empty());
    BOOST_CHECK(!reject("99999999999999999999999999999999999999999999").empty());
}

BOOST_AUTO_TEST_CASE(formats_and_trims)
{
    BOOST_CHECK_EQUAL(format_amount(0, 18), "0");
    BOOST_CHECK_EQUAL(format_amount(1, 18), "0.000000000000000001");
    BOOST_CHECK_EQUAL(format_amount(parse_amount("12.5", 18, "x"), 18), "12.5");
    BOOST_CHECK_EQUAL(format_amount(parse_amount("3", 18, "x"), 18), "3");
    BOOST_CHECK_EQUAL(format_amount(parse_amount("1000.000100", 18, "x"), 18), "1000.0001");
    BOOST_CHECK_EQUAL(format_amount(42, 0), "42");
    BOOST_CHECK_EQUAL(format_amount(U128_MAX, 18), "340282366920938463463.374607431768211455");
}

BOOST_AUTO_TEST_CASE(round_trips)
{
    for (const char* s : {"0", "1", "0.5", "12.5", "999999.999999999999999999", "0.01"})
        BOOST_CHECK_EQUAL(format_amount(parse_amount(s, 18, "x"), 18), s);
}

BOOST_AUTO_TEST_SUITE_END()
