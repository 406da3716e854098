// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/crypto.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::ledger;

BOOST_AUTO_TEST_SUITE(crypto_tests)

BOOST_AUTO_TEST_CASE(keccak_known_vectors)
{
    // keccak256("") and keccak256("abc"): the pre-NIST padding Ethereum uses.
    BOOST_CHECK_EQUAL(to_hex(keccak256(std::string_view{""})),
                      "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    BOOST_CHECK_EQUAL(to_hex(keccak256(std::string_view{"abc"})),
                      "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
}

BOOST_AUTO_TEST_CASE(address_of_test_mnemonic_key)
{
    BOOST_CHECK_EQUAL(to_checksum(aif::test::address_of_key(aif::test::dev_key(0))),
                      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    BOOST_CHECK_EQUAL(to_checksum(aif::test::address_of_key(aif::test::dev_key(1))),
                      "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
}

BOOST_AUTO_TEST_CASE(eip55_vectors)
{
    // From EIP-55's own examples.
    for (const char* s : {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
        auto a = parse_address(s);
        BOOST_REQUIRE(a);
        BOOST_CHECK_EQUAL(to_checksum(*a), s);
    }
    // Any case is accepted.
    BOOST_CHECK(parse_address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    BOOST_CHECK(parse_address("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"));
    BOOST_CHECK(!parse_address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae"));
    BOOST_CHECK(!parse_address("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00"));
    BOOST_CHECK(!parse_address("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg"));
}

BOOST_AUTO_TEST_CASE(sign_and_recover_round_trip)
{
    Hash32 digest = keccak256(std::string_view{"message"});
    auto sig = sign_digest(digest, aif::test::dev_key(0));
    BOOST_REQUIRE(sig);
    BOOST_CHECK(sig->bytes[64] == 27 || sig->bytes[64] == 28);
    auto who = recover_signer(digest, *sig);
    BOOST_REQUIRE(who);
    BOOST_CHECK(*who == aif::test::address_of_key(aif::test::dev_key(0)));
}

BOOST_AUTO_TEST_CASE(high_s_is_refused_before_recovery)
{
    Hash32 digest = keccak256(std::string_view{"message"});
    Signature sig = *sign_digest(digest, aif::test::dev_key(0));
    // s' = n - s and flipped v is the malleable twin that recovers to the same key.
    static const std::uint8_t N[32] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
                                       0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b,
                                       0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};
    int borrow = 0;
    for (int i = 31; i >= 0; --i) {
        int d = N[i] - sig.bytes[32 + i] - borrow;
        borrow = d < 0;
        sig.bytes[32 + i] = static_cast<std::uint8_t>(d + (borrow ? 256 : 0));
    }
    sig.bytes[64] = sig.bytes[64] == 27 ? 28 : 27;
    auto r = recover_signer(digest, sig);
    BOOST_REQUIRE(!r);
    BOOST_CHECK(r.error().code == ErrorCode::high_s_signature);
}

BOOST_AUTO_TEST_CASE(bad_v_and_zero_r_are_refused)
{
    Hash32 digest = keccak256(std::string_view{"message"});
    Signature sig = *sign_digest(digest, aif::test::dev_key(0));
    Signature v29 = sig;
    v29.bytes[64] = 29;
    BOOST_CHECK(recover_signer(digest, v29).error().code == ErrorCode::bad_signature);
    Signature v0 = sig;
    v0.bytes[64] = 0;
    BOOST_CHECK(recover_signer(digest, v0).error().code == ErrorCode::bad_signature);
    Signature zr = sig;
    std::fill(zr.bytes.begin(), zr.bytes.begin() + 32, 0);
    BOOST_CHECK(recover_signer(digest, zr).error().code == ErrorCode::bad_signature);
}

BOOST_AUTO_TEST_CASE(invalid_secret_keys)
{
    SecretKey zero;
    BOOST_CHECK(!public_key_of(zero));
    SecretKey big;
    big.bytes.fill(0xff);
    BOOST_CHECK(!public_key_of(big));
    BOOST_CHECK(!sign_digest(Hash32{}, big));
}

BOOST_AUTO_TEST_SUITE_END()
