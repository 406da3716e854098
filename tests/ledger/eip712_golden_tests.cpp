// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Golden EIP-712 vectors made by an independent implementation (ethers.js; STYLE §6). The file
// is regenerated and re-checked against ethers by tests/interop/eip712.test.mjs.
#include "ledger/json/wire.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::ledger;

BOOST_AUTO_TEST_SUITE(eip712_golden_tests)

BOOST_AUTO_TEST_CASE(transfer_vectors_match_ethers)
{
    auto doc = nlohmann::json::parse(
        aif::test::read_text(aif::test::source_dir() + "/tests/interop/vectors/eip712_transfer.json"));
    BOOST_REQUIRE_GE(doc["vectors"].size(), 12u);
    for (const auto& v : doc["vectors"]) {
        BOOST_TEST_CONTEXT("vector " << v["name"].get<std::string>())
        {
            nlohmann::json wire_form = {{"type", "Transfer"}, {"message", v["message"]},
                                        {"signature", v["signature"]}};
            auto w = json::decode_wire(wire_form);
            BOOST_REQUIRE_MESSAGE(w, (w ? "" : w.error().message()));
            const std::uint64_t chain = std::stoull(v["chainId"].get<std::string>());
            const Hash32 dsep = domain_separator({chain});
            BOOST_CHECK_EQUAL(encode_type(*w->tx.type), v["encodeType"].get<std::string>());
            BOOST_CHECK_EQUAL(to_hex(type_hash(*w->tx.type)), v["typeHash"].get<std::string>());
            BOOST_CHECK_EQUAL(to_hex(dsep), v["domainSeparator"].get<std::string>());
            BOOST_CHECK_EQUAL(to_hex(hash_struct(w->tx)), v["hashStruct"].get<std::string>());
            BOOST_CHECK_EQUAL(to_hex(signing_digest(dsep, w->tx)), v["digest"].get<std::string>());
            auto vt = verify_tx(dsep, w->tx);
            BOOST_REQUIRE(vt);
            BOOST_CHECK_EQUAL(to_checksum(vt->sender), v["signer"].get<std::string>());
            BOOST_CHECK_EQUAL(to_hex(vt->hash), v["txHash"].get<std::string>());
            // Both sides use RFC 6979 nonces, so our signature is byte-identical to ethers'.
            SecretKey key;
            key.bytes = fixed_from_hex<32>(v["privateKey"].get<std::string>())->bytes;
            BOOST_CHECK_EQUAL(to_hex(*sign_digest(vt->digest, key)), v["signature"].get<std::string>());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
