// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/codec.hpp"
#include "ledger/tx.hpp"
#include "ledger/types.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::ledger;

BOOST_AUTO_TEST_SUITE(encoding_tests)

BOOST_AUTO_TEST_CASE(u128_decimal_bounds)
{
    const u128 max = ~u128{0};
    BOOST_CHECK_EQUAL(u128_to_string(max), "340282366920938463463374607431768211455");
    BOOST_CHECK(u128_from_string("340282366920938463463374607431768211455") == max);
    BOOST_CHECK(!u128_from_string("340282366920938463463374607431768211456"));  // 2^128
    BOOST_CHECK(!u128_from_string(""));
    BOOST_CHECK(!u128_from_string("-1"));
    BOOST_CHECK(!u128_from_string("+1"));
    BOOST_CHECK(!u128_from_string("1.5"));
    BOOST_CHECK(!u128_from_string("01"));
    BOOST_CHECK(!u128_from_string("1e3"));
    BOOST_CHECK(u128_from_string("0") == u128{0});
}

BOOST_AUTO_TEST_CASE(u128_to_string_across_chunk_boundaries)
{
    // The formatter works in 19-digit chunks: zeros inside a chunk must be kept.
    const u128 ten19 = 10'000'000'000'000'000'000ULL;
    BOOST_CHECK_EQUAL(u128_to_string(0), "0");
    BOOST_CHECK_EQUAL(u128_to_string(7), "7");
    BOOST_CHECK_EQUAL(u128_to_string(ten19 - 1), "9999999999999999999");
    BOOST_CHECK_EQUAL(u128_to_string(ten19), "10000000000000000000");
    BOOST_CHECK_EQUAL(u128_to_string(ten19 + 1), "10000000000000000001");
    BOOST_CHECK_EQUAL(u128_to_string(ten19 * ten19), "100000000000000000000000000000000000000");
    BOOST_CHECK_EQUAL(u128_to_string(u128{1} << 64), "18446744073709551616");
    // Round trip over values of every length, against the parser.
    u128 v = 1;
    for (int i = 0; i < 38; ++i, v *= 10) {
        for (u128 x : {v, v + 1, v * 3 + 5, v - 1}) {
            const std::string s = u128_to_string(x);
            BOOST_CHECK(u128_from_string(s) == x);
        }
    }
}

BOOST_AUTO_TEST_CASE(checked_arithmetic)
{
    const u128 max = ~u128{0};
    BOOST_CHECK(!checked_add(max, 1));
    BOOST_CHECK(checked_add(max - 1, 1) == max);
    BOOST_CHECK(!checked_sub(0, 1));
    BOOST_CHECK(!checked_mul(max, 2));
    BOOST_CHECK(checked_mul(0, max) == u128{0});
    BOOST_CHECK(!checked_add_u64(~std::uint64_t{0}, 1));
}

BOOST_AUTO_TEST_CASE(hex_round_trip_and_errors)
{
    auto b = from_hex("0x00ff10");
    BOOST_REQUIRE(b);
    BOOST_CHECK_EQUAL(to_hex(ByteView{*b}), "0x00ff10");
    BOOST_CHECK(!from_hex("00ff"));
    BOOST_CHECK(!from_hex("0x0"));
    BOOST_CHECK(!from_hex("0xzz"));
    BOOST_CHECK(!fixed_from_hex<32>("0x00"));
}

BOOST_AUTO_TEST_CASE(reader_stops_on_truncation)
{
    Writer w;
    w.u64(7);
    w.str("hello");
    Bytes b = w.take();
    b.pop_back();
    Reader r{ByteView{b}};
    BOOST_CHECK_EQUAL(r.u64(), 7u);
    (void)r.str();
    BOOST_CHECK(!r.ok());
}

BOOST_AUTO_TEST_CASE(transfer_encode_type_is_the_contract_string)
{
    const TxTypeDef* t = find_tx_type("Transfer");
    BOOST_REQUIRE(t);
    BOOST_CHECK_EQUAL(encode_type(*t),
                      "Transfer(uint64 nonce,uint256 fee,address to,string asset,uint256 amount,"
                      "string memo)");
    for (const auto& def : tx_types()) {
        BOOST_REQUIRE_GE(def.fields.size(), 2u);
        BOOST_CHECK_EQUAL(def.fields[0].name, "nonce");
        BOOST_CHECK(def.fields[0].type == FieldType::uint64);
        BOOST_CHECK_EQUAL(def.fields[1].name, "fee");
        BOOST_CHECK(def.fields[1].type == FieldType::uint256);
    }
}

BOOST_AUTO_TEST_CASE(tx_binary_round_trip)
{
    auto tx = aif::test::make_transfer(aif::test::dev_key(0), 2026, 5, aif::test::fresh_address(1),
                                       12345, 1000, "AIF", "memo ✓");
    Bytes enc = encode_tx(tx);
    auto dec = decode_tx(ByteView{enc});
    BOOST_REQUIRE(dec);
    BOOST_CHECK(encode_tx(*dec) == enc);
    BOOST_CHECK(hash_struct(*dec) == hash_struct(tx));
    // Every truncation fails cleanly.
    for (std::size_t n = 0; n < enc.size(); ++n) {
        auto r = decode_tx(ByteView{enc.data(), n});
        BOOST_CHECK(!r);
    }
    // Trailing bytes fail too.
    enc.push_back(0);
    BOOST_CHECK(!decode_tx(ByteView{enc}));
}

BOOST_AUTO_TEST_CASE(binary_small_uints_are_range_checked)
{
    // A uint8 field (any festival type with one) carried as 300 in the 8-byte slot is refused.
    for (const auto& def : tx_types()) {
        for (std::size_t i = 0; i < def.fields.size(); ++i) {
            if (def.fields[i].type != FieldType::uint8) continue;
            Tx tx;
            tx.type = &def;
            for (const auto& f : def.fields) {
                switch (f.type) {
                case FieldType::uint256: tx.fields.emplace_back(u128{1}); break;
                case FieldType::address: tx.fields.emplace_back(Address{}); break;
                case FieldType::string: tx.fields.emplace_back(std::string{}); break;
                case FieldType::bytes32: tx.fields.emplace_back(Hash32{}); break;
                case FieldType::bytes: tx.fields.emplace_back(Bytes{}); break;
                case FieldType::address_array: tx.fields.emplace_back(std::vector<Address>{}); break;
                default: tx.fields.emplace_back(std::uint64_t{0}); break;
                }
            }
            BOOST_REQUIRE(decode_tx(ByteView{encode_tx(tx)}));
            tx.fields[i] = std::uint64_t{300};
            auto r = decode_tx(ByteView{encode_tx(tx)});
            BOOST_REQUIRE(!r);
            BOOST_CHECK(r.error().code == ErrorCode::invalid_field);
            return;
        }
    }
    BOOST_FAIL("no type with a uint8 field");
}

BOOST_AUTO_TEST_CASE(tx_hash_is_keccak_of_sender_and_digest)
{
    auto tx = aif::test::make_transfer(aif::test::dev_key(0), 2026, 0, aif::test::fresh_address(1), 1);
    auto vt = aif::test::verified(tx, 2026);
    Bytes buf(vt.sender.bytes.begin(), vt.sender.bytes.end());
    buf.insert(buf.end(), vt.digest.bytes.begin(), vt.digest.bytes.end());
    BOOST_CHECK(vt.hash == keccak256(ByteView{buf}));
    BOOST_CHECK(vt.sender == aif::test::address_of_key(aif::test::dev_key(0)));
}

BOOST_AUTO_TEST_CASE(domain_binds_chain_id)
{
    auto tx = aif::test::make_transfer(aif::test::dev_key(0), 1, 0, aif::test::fresh_address(1), 1);
    // Verified under another chain's domain, the signature recovers to some other address.
    auto vt = verify_tx(domain_separator({2026}), tx);
    BOOST_REQUIRE(vt);
    BOOST_CHECK(vt->sender != aif::test::address_of_key(aif::test::dev_key(0)));
}

BOOST_AUTO_TEST_SUITE_END()
