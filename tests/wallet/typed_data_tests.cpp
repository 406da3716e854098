// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"
#include "ledger/tx.hpp"
#include "tests/wallet/test_util.hpp"
#include "wallet/errors.hpp"
#include "wallet/typed_data.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::wallet;
using namespace aif::wallet::test;
using aif::ledger::to_hex;
using nlohmann::json;
namespace ledger = aif::ledger;

namespace {

const ledger::SecretKey& dev0()
{
    static const ledger::SecretKey k =
        fixed<32>("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    return k;
}

ledger::Tx make_transfer(std::uint64_t nonce, ledger::u128 fee, const std::string& to,
                         const std::string& asset, ledger::u128 amount, const std::string& memo)
{
    ledger::Tx tx;
    tx.type = ledger::find_tx_type("Transfer");
    tx.fields = {
        ledger::Value{nonce}, ledger::Value{fee},    ledger::Value{*ledger::parse_address(to)},
        ledger::Value{asset}, ledger::Value{amount}, ledger::Value{memo}};
    return tx;
}

std::string value_error(const TypedData& td, const std::string& type, const json& v)
{
    try {
        (void)td.hash_struct(type, v);
    } catch (const WalletError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(typed_data_tests)

BOOST_AUTO_TEST_CASE(matches_ethers_vectors)
{
    // Golden values from ethers v6 TypedDataEncoder (vectors/generate_typed_data.js); the
    // "mixed" case covers every scalar type, arrays of them, nested and arrayed structs, and
    // the alphabetical order of referenced types in encodeType.
    json v = read_json(vector_path("typed_data_ethers.json"));
    for (const auto& c : v["cases"]) {
        BOOST_TEST_CONTEXT(c["name"].get<std::string>())
        {
            TypedData td{c["types"]};
            const std::string primary = c["primaryType"];
            BOOST_CHECK_EQUAL(td.encode_type(primary), c["encodeType"].get<std::string>());
            BOOST_CHECK_EQUAL(to_hex(td.hash_struct(primary, c["message"])),
                              c["hashStruct"].get<std::string>());
            BOOST_CHECK_EQUAL(to_hex(td.domain_separator(v["domain"])),
                              c["domainSeparator"].get<std::string>());
            auto digest = td.digest(v["domain"], primary, c["message"]);
            BOOST_CHECK_EQUAL(to_hex(digest), c["digest"].get<std::string>());
            // RFC 6979 on both sides: the very same signature.
            BOOST_CHECK_EQUAL(to_hex(*ledger::sign_digest(digest, dev0())),
                              c["signature"].get<std::string>());
        }
    }
}

BOOST_AUTO_TEST_CASE(transfer_digest_equals_ledger_signing_digest)
{
    // The node's answer to tx_getTypes, built from the compiled table.
    json types = ledger::json::types_to_json(1337);
    TypedData td{types["types"]};
    ledger::Tx tx = make_transfer(7, 1000000000000000, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                                  "AIF", ledger::u128{12500000000000000000u}, "hello festival");
    const auto ledger_sep = ledger::domain_separator(ledger::Domain{1337});
    BOOST_CHECK(td.domain_separator(types["domain"]) == ledger_sep);
    BOOST_CHECK_EQUAL(td.encode_type("Transfer"), ledger::encode_type(*tx.type));
    const auto ours = td.digest(types["domain"], "Transfer", ledger::json::message_to_json(tx));
    BOOST_CHECK(ours == ledger::signing_digest(ledger_sep, tx));
    // …and both equal ethers' digest for the same message.
    json v = read_json(vector_path("typed_data_ethers.json"));
    BOOST_CHECK_EQUAL(to_hex(ours), v["cases"][0]["digest"].get<std::string>());

    // A second message with large values and an empty memo.
    ledger::Tx tx2 =
        make_transfer(~std::uint64_t{0}, 0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "FILM7",
                      ~ledger::u128{0}, "");
    BOOST_CHECK(td.digest(types["domain"], "Transfer", ledger::json::message_to_json(tx2)) ==
                ledger::signing_digest(ledger_sep, tx2));
}

BOOST_AUTO_TEST_CASE(values_are_checked_with_their_path)
{
    TypedData td{json{{"T",
                       {{{"name", "a"}, {"type", "uint8"}},
                        {{"name", "b"}, {"type", "address"}},
                        {{"name", "c"}, {"type", "bytes32"}},
                        {{"name", "d"}, {"type", "bool[]"}}}}}};
    json ok = {{"a", "255"},
               {"b", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"},
               {"c", "0x" + std::string(64, '1')},
               {"d", json::array({true})}};
    BOOST_CHECK(value_error(td, "T", ok).empty());
    json m = ok;
    m["a"] = "256";
    BOOST_CHECK_EQUAL(value_error(td, "T", m), "message.a: does not fit uint8");
    m = ok;
    m["a"] = -1;
    BOOST_CHECK(!value_error(td, "T", m).empty());
    m = ok;
    m["a"] = 1.5;
    BOOST_CHECK(!value_error(td, "T", m).empty());
    m = ok;
    m["b"] = "0x1234";
    BOOST_CHECK(value_error(td, "T", m).rfind("message.b:", 0) == 0);
    m = ok;
    m["c"] = "0x11";
    BOOST_CHECK(value_error(td, "T", m).rfind("message.c:", 0) == 0);
    m = ok;
    m["d"] = json::array({true, "yes"});
    BOOST_CHECK(value_error(td, "T", m).rfind("message.d[1]:", 0) == 0);
    m = ok;
    m.erase("a");
    BOOST_CHECK_EQUAL(value_error(td, "T", m), "message.a: missing");
    m = ok;
    m["z"] = 1;
    BOOST_CHECK(value_error(td, "T", m).rfind("message.z:", 0) == 0);
    // Hex integers are accepted as ethers accepts them; both spellings hash the same.
    m = ok;
    m["a"] = "0xff";
    BOOST_CHECK(td.hash_struct("T", m) == td.hash_struct("T", ok));

    TypedData bad_type{json{{"U", {{{"name", "x"}, {"type", "int8"}}}}}};
    BOOST_CHECK_THROW((void)bad_type.hash_struct("U", json{{"x", 1}}), WalletError);
    BOOST_CHECK_THROW(TypedData{json::array()}, WalletError);
}

BOOST_AUTO_TEST_CASE(array_type_helpers)
{
    BOOST_CHECK(TypedData::is_array("address[]"));
    BOOST_CHECK(TypedData::is_array("uint8[3]"));
    BOOST_CHECK(!TypedData::is_array("address"));
    BOOST_CHECK(!TypedData::is_array("[]"));
    BOOST_CHECK_EQUAL(TypedData::element_type("Alpha[][]"), "Alpha[]");
    BOOST_CHECK_EQUAL(TypedData::element_type("bytes32"), "bytes32");
}

BOOST_AUTO_TEST_SUITE_END()
