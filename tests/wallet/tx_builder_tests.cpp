// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"
#include "ledger/tx.hpp"
#include "tests/wallet/test_util.hpp"
#include "wallet/errors.hpp"
#include "wallet/tx_builder.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::wallet;
using namespace aif::wallet::test;
using nlohmann::json;
namespace ledger = aif::ledger;

namespace {

constexpr const char* DEV1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

const ledger::SecretKey& dev0()
{
    static const ledger::SecretKey k =
        fixed<32>("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    return k;
}

/// Resolves "bob" to DEV1 and 0x addresses as themselves.
ledger::Address resolve(std::string_view text, const std::string& flag)
{
    if (text == "bob") return *ledger::parse_address(DEV1);
    auto a = ledger::parse_address(text);
    if (!a) throw usage_error(flag + ": bad address");
    return *a;
}

/// The node's tx_getTypes plus a module type that the compiled ledger table does not have.
TxTypes node_types()
{
    json t = ledger::json::types_to_json(1337);
    t["types"]["Ballot"] = json::array({{{"name", "nonce"}, {"type", "uint64"}},
                                        {{"name", "fee"}, {"type", "uint256"}},
                                        {{"name", "proposal"}, {"type", "uint32"}},
                                        {{"name", "yes"}, {"type", "bool"}},
                                        {{"name", "delegates"}, {"type", "address[]"}},
                                        {{"name", "tags"}, {"type", "string[]"}},
                                        {{"name", "hash"}, {"type", "bytes32"}},
                                        {{"name", "blob"}, {"type", "bytes"}}});
    t["primaryTypes"].push_back("Ballot");
    TxTypes types{t["domain"], TypedData{t["types"]}, {}};
    for (const auto& p : t["primaryTypes"]) types.primary_types.push_back(p);
    return types;
}

json convert(const std::string& type, const std::string& text)
{
    static const TypedData none{json::object()};
    return field_from_text(none, type, text, "f", resolve);
}

std::string convert_error(const std::string& type, const std::string& text)
{
    try {
        (void)convert(type, text);
    } catch (const WalletError& e) {
        BOOST_CHECK(e.code() == ExitCode::usage);
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tx_builder_tests)

BOOST_AUTO_TEST_CASE(field_text_conversion)
{
    BOOST_CHECK_EQUAL(convert("uint256", "12500000000000000000"), "12500000000000000000");
    BOOST_CHECK_EQUAL(convert("uint64", "007"), "7");
    BOOST_CHECK_EQUAL(convert("uint8", "255"), "255");
    BOOST_CHECK(convert_error("uint8", "256").find("too large for uint8") != std::string::npos);
    BOOST_CHECK(!convert_error("uint256", "340282366920938463463374607431768211456").empty());
    for (const char* bad : {"", "1.5", "-1", "1e3", "0x10", " 1"})
        BOOST_CHECK(convert_error("uint64", bad).rfind("--field f:", 0) == 0);
    BOOST_CHECK_EQUAL(convert("bool", "true"), true);
    BOOST_CHECK_EQUAL(convert("bool", "false"), false);
    BOOST_CHECK(!convert_error("bool", "yes").empty());
    BOOST_CHECK_EQUAL(convert("address", "bob"), DEV1);
    BOOST_CHECK_EQUAL(convert("address", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), DEV1);
    BOOST_CHECK_EQUAL(convert("string", "a, b = c"), "a, b = c");
    BOOST_CHECK_EQUAL(convert("bytes32", "0x" + std::string(64, 'A')), "0x" + std::string(64, 'a'));
    BOOST_CHECK(!convert_error("bytes32", "0x1234").empty());
    BOOST_CHECK_EQUAL(convert("bytes", "0x"), "0x");
    BOOST_CHECK(!convert_error("bytes", "1234").empty());
    BOOST_CHECK_EQUAL(convert("address[]", "bob,0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
                      json::array({DEV1, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}));
    BOOST_CHECK_EQUAL(convert("uint8[]", ""), json::array());
    BOOST_CHECK_EQUAL(convert("string[]", R"(["a,b", "c"])"), json::array({"a,b", "c"}));
    BOOST_CHECK_EQUAL(convert("address[]", R"(["bob"])"), json::array({DEV1}));
    BOOST_CHECK(!convert_error("int8", "1").empty());
}

BOOST_AUTO_TEST_CASE(split_field_at_first_equals)
{
    auto [n, v] = split_field("memo=a=b");
    BOOST_CHECK_EQUAL(n, "memo");
    BOOST_CHECK_EQUAL(v, "a=b");
    BOOST_CHECK_EQUAL(split_field("memo=").second, "");
    BOOST_CHECK_THROW((void)split_field("memo"), WalletError);
    BOOST_CHECK_THROW((void)split_field("=x"), WalletError);
}

BOOST_AUTO_TEST_CASE(build_message_fills_nonce_and_fee_and_names_missing_fields)
{
    TxTypes types = node_types();
    json m = build_message(types, "Transfer",
                           {{"to", "bob"}, {"asset", "AIF"}, {"amount", "5"}, {"memo", ""}}, 3,
                           1000, resolve);
    BOOST_CHECK_EQUAL(m, (json{{"nonce", "3"},
                               {"fee", "1000"},
                               {"to", DEV1},
                               {"asset", "AIF"},
                               {"amount", "5"},
                               {"memo", ""}}));
    auto message_of =
        [&](const std::string& type,
            const std::vector<std::pair<std::string, std::string>>& f) -> std::string {
        try {
            (void)build_message(types, type, f, 0, 0, resolve);
        } catch (const WalletError& e) {
            BOOST_CHECK(e.code() == ExitCode::usage);
            return e.what();
        }
        return "";
    };
    BOOST_CHECK(message_of("Transfer", {{"to", "bob"}})
                    .find("missing --field for asset (string), "
                          "amount (uint256), memo (string)") != std::string::npos);
    BOOST_CHECK(message_of("Transfer", {{"too", "bob"}}).find("has no such field") !=
                std::string::npos);
    BOOST_CHECK(message_of("Transfer", {{"to", "bob"}, {"to", "bob"}}).find("given twice") !=
                std::string::npos);
    // The error lists what the node's tx_getTypes offers (every module's types, then Ballot).
    const std::string unknown = message_of("Nope", {});
    BOOST_CHECK(unknown.find("unknown transaction type 'Nope'; the node knows: Transfer, ") !=
                std::string::npos);
    BOOST_CHECK(unknown.find(", Ballot") != std::string::npos);
    // nonce/fee may be set explicitly.
    json m2 = build_message(
        types, "Transfer",
        {{"to", "bob"}, {"asset", "AIF"}, {"amount", "5"}, {"memo", ""}, {"nonce", "9"}}, 3, 1000,
        resolve);
    BOOST_CHECK_EQUAL(m2["nonce"], "9");
}

BOOST_AUTO_TEST_CASE(signed_transfer_is_accepted_by_the_ledger_codec)
{
    TxTypes types = node_types();
    json m = build_message(
        types, "Transfer",
        {{"to", "bob"}, {"asset", "AIF"}, {"amount", "12500000000000000000"}, {"memo", "hi"}}, 0,
        1000, resolve);
    SignedTx tx = sign_tx(types, "Transfer", m, dev0());
    BOOST_CHECK_EQUAL(tx.wire["from"], "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    BOOST_CHECK_EQUAL(tx.wire["signature"].get<std::string>().size(), 132u);

    // What the node does with it: decode the wire form, verify under its domain.
    auto wire = ledger::json::decode_wire(tx.wire);
    const bool decoded = wire.has_value();
    BOOST_REQUIRE_MESSAGE(decoded, (decoded ? std::string{} : wire.error().message()));
    BOOST_REQUIRE(wire->from.has_value());
    auto verified = ledger::verify_tx(ledger::domain_separator(ledger::Domain{1337}), wire->tx);
    BOOST_REQUIRE(verified.has_value());
    BOOST_CHECK(verified->sender == tx.from);
    BOOST_CHECK(verified->sender == *wire->from);
    BOOST_CHECK(verified->digest == tx.digest);
    BOOST_CHECK(verified->hash == tx.hash);
}

BOOST_AUTO_TEST_CASE(signs_types_the_ledger_does_not_know)
{
    TxTypes types = node_types();
    json m = build_message(types, "Ballot",
                           {{"proposal", "4"},
                            {"yes", "true"},
                            {"delegates", "bob,bob"},
                            {"tags", "x,y"},
                            {"hash", "0x" + std::string(64, 'b')},
                            {"blob", "0x00ff"}},
                           2, 5, resolve);
    SignedTx tx = sign_tx(types, "Ballot", m, dev0());
    auto sig = ledger::fixed_from_hex<65>(tx.wire["signature"].get<std::string>());
    BOOST_REQUIRE(sig);
    auto signer = ledger::recover_signer(types.types.digest(types.domain, "Ballot", m), *sig);
    BOOST_REQUIRE(signer.has_value());
    BOOST_CHECK(*signer == tx.from);
}

BOOST_AUTO_TEST_CASE(rejected_error_carries_the_reason)
{
    WalletError e =
        rejected_error(json{{"status", "rejected"}, {"error", "insufficient_balance: AIF"}});
    BOOST_CHECK(e.code() == ExitCode::refused);
    BOOST_CHECK_EQUAL(e.to_json()["reason"], "insufficient_balance");
    BOOST_CHECK_EQUAL(e.to_json()["exitCode"], 3);
}

BOOST_AUTO_TEST_SUITE_END()
