// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The CLI end to end against an in-process fake node that verifies signatures with the ledger
// code (tests/interop runs it against a real node).
#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"
#include "ledger/tx.hpp"
#include "tests/wallet/fake_node.hpp"
#include "tests/wallet/test_util.hpp"
#include "wallet/cli.hpp"
#include "wallet/typed_data.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <sstream>
#include <sys/stat.h>

using namespace aif::wallet;
using namespace aif::wallet::test;
using nlohmann::json;
namespace ledger = aif::ledger;

namespace {

constexpr const char* DEV0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
constexpr const char* DEV1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
constexpr std::uint64_t CHAIN_ID = 1337;
constexpr const char* MIN_FEE = "1000";

struct CliResult
{
    int code{0};
    std::string out;
    std::string err;
    [[nodiscard]] json out_json() const { return json::parse(out); }
};

/// A tiny chain behind FakeNode: balances, nonces and tx_send checked with the ledger's own wire
/// decoder and signature verification; an extra module type "Ballot" the ledger does not know.
struct MiniChain
{
    std::mutex mutex;
    std::map<std::string, json> accounts;  // lower-case address → account_get answer
    std::vector<json> sent;
    std::string final_status{"committed"};
    std::string final_error;
    std::optional<FakeRpcError> send_error;

    json types() const
    {
        json t = ledger::json::types_to_json(CHAIN_ID);
        t["types"]["Ballot"] = json::array({{{"name", "nonce"}, {"type", "uint64"}},
                                            {{"name", "fee"}, {"type", "uint256"}},
                                            {{"name", "proposal"}, {"type", "uint32"}},
                                            {{"name", "choice"}, {"type", "uint8"}},
                                            {{"name", "delegates"}, {"type", "address[]"}}});
        t["primaryTypes"].push_back("Ballot");
        return t;
    }

    static std::string lower(std::string s)
    {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }

    json handle(const std::string& method, const json& p)
    {
        std::lock_guard lock(mutex);
        if (method == "chain_getInfo")
            return {{"chainId", CHAIN_ID},
                    {"height", 5},
                    {"headHash", "0x" + std::string(64, 'e')},
                    {"stateRoot", "0x" + std::string(64, 'f')},
                    {"genesisHash", "0x" + std::string(64, '0')},
                    {"timestamp", 1775000000},
                    {"minFee", MIN_FEE}};
        if (method == "tx_getTypes") return types();
        if (method == "chain_getBlock")
            return {{"height", p.value("height", json(5))},
                    {"txs", json::array()},
                    {"full", p["full"]}};
        if (method == "account_get") {
            auto it = accounts.find(lower(p["address"]));
            if (it == accounts.end()) return {{"nonce", "0"}, {"balances", json::object()}};
            return it->second;
        }
        if (method == "token_getBalance") {
            auto it = accounts.find(lower(p["address"]));
            std::string asset = p["asset"];
            if (it == accounts.end() || !it->second["balances"].contains(asset))
                return {{"amount", "0"}};
            return {{"amount", it->second["balances"][asset]}};
        }
        if (method == "tx_send") return send(p);
        if (method == "tx_get") {
            json r = {
                {"status", final_status}, {"height", 6}, {"index", 0}, {"events", json::array()}};
            r["error"] = final_error.empty() ? json(nullptr) : json(final_error);
            return r;
        }
        throw FakeRpcError{-32601, "method not found", nullptr};
    }

    json send(const json& wire)
    {
        if (send_error) throw *send_error;
        const std::string type = wire["type"];
        ledger::Hash32 digest;
        ledger::Address sender;
        if (type == "Transfer") {
            auto w = ledger::json::decode_wire(wire);
            if (!w) throw FakeRpcError{-32602, w.error().message(), {{"reason", "invalid_field"}}};
            auto v = ledger::verify_tx(ledger::domain_separator(ledger::Domain{CHAIN_ID}), w->tx);
            if (!v) throw FakeRpcError{-32000, v.error().message(), {{"reason", "bad_signature"}}};
            digest = v->digest;
            sender = v->sender;
        } else {
            json t = types();
            TypedData td{t["types"]};
            digest = td.digest(t["domain"], type, wire["message"]);
            auto s = ledger::recover_signer(
                digest, *ledger::fixed_from_hex<65>(wire["signature"].get<std::string>()));
            if (!s) throw FakeRpcError{-32000, "bad_signature", {{"reason", "bad_signature"}}};
            sender = *s;
        }
        if (*ledger::parse_address(wire["from"].get<std::string>()) != sender)
            throw FakeRpcError{-32000, "wrong_signer", {{"reason", "wrong_signer"}}};
        sent.push_back(wire);
        return {{"hash", ledger::to_hex(ledger::tx_hash(sender, digest))}};
    }
};

/// A keystore with dev0 (mnemonic account 0, password "pw") and a fake node.
struct CliFixture
{
    TempDir tmp;
    MiniChain chain;
    FakeNode node{[this](const std::string& m, const json& p) { return chain.handle(m, p); }};

    CliFixture()
    {
        write_file(tmp / "mnemonic", std::string{TEST_MNEMONIC} + "\n");
        write_file(tmp / "pw", "pw\n");
        write_file(tmp / "wrong", "nope\n");
        BOOST_REQUIRE_EQUAL(
            run({"key", "import", "--name", "dev0", "--mnemonic-file", (tmp / "mnemonic").string(),
                 "--password-file", (tmp / "pw").string()})
                .code,
            0);
        chain.accounts[MiniChain::lower(DEV0)] = {
            {"nonce", "4"},
            {"pendingNonce", "6"},
            {"balances", {{"AIF", "100000000000000000000"}, {"FILM1", "10"}}}};
    }

    /// Runs aif-wallet with --keystore and --rpc prepended.
    CliResult run(std::vector<std::string> args)
    {
        std::vector<std::string> all = {"aif-wallet", "--keystore", (tmp / "ks").string(), "--rpc",
                                        node.url()};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<const char*> argv;
        for (const auto& a : all) argv.push_back(a.c_str());
        std::ostringstream out, err;
        CliResult r;
        r.code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
        r.out = out.str();
        r.err = err.str();
        return r;
    }

    std::string pw() const { return (tmp / "pw").string(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_tests, CliFixture)

BOOST_AUTO_TEST_CASE(key_import_and_list_json)
{
    CliResult r = run({"key", "list", "--json"});
    BOOST_REQUIRE_EQUAL(r.code, 0);
    BOOST_CHECK_EQUAL(r.out_json(), json::array({{{"name", "dev0"}, {"address", DEV0}}}));
    struct stat st
    {};
    ::stat((tmp / "ks" / "dev0.json").c_str(), &st);
    BOOST_CHECK_EQUAL(st.st_mode & 0777, 0600u);
    ::stat((tmp / "ks").c_str(), &st);
    BOOST_CHECK_EQUAL(st.st_mode & 0777, 0700u);

    r = run({"--json", "key", "import", "--name", "dev9", "--mnemonic-file",
             (tmp / "mnemonic").string(), "--index", "9", "--password-file", pw()});
    BOOST_REQUIRE_EQUAL(r.code, 0);
    BOOST_CHECK_EQUAL(r.out_json()["address"], "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    r = run({"key", "show", "dev9", "--json"});
    BOOST_CHECK_EQUAL(r.out_json()["address"], "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    BOOST_CHECK(r.out.find("crypto") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(key_new_import_formats_and_errors)
{
    CliResult r = run({"key", "new", "--name", "fresh", "--password-file", pw(), "--json"});
    BOOST_REQUIRE_EQUAL(r.code, 0);
    const std::string addr = r.out_json()["address"];
    BOOST_CHECK_EQUAL(addr, ledger::to_checksum(*ledger::parse_address(addr)));

    write_file(tmp / "pk", "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n");
    r = run({"key", "import", "--name", "raw", "--private-key-file", (tmp / "pk").string(),
             "--password-file", pw(), "--json"});
    BOOST_REQUIRE_EQUAL(r.code, 0);
    BOOST_CHECK_EQUAL(r.out_json()["address"], "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");

    // Another tool's keystore is re-encrypted under the same password.
    write_file(tmp / "vpw", "aifchain-test-password\n");
    r = run({"key", "import", "--name", "eth", "--keystore-file",
             vector_path("ethers_scrypt_n1024.json").string(), "--password-file",
             (tmp / "vpw").string(), "--json"});
    BOOST_REQUIRE_EQUAL(r.code, 0);
    BOOST_CHECK_EQUAL(r.out_json()["address"], "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
    json stored = read_json(tmp / "ks" / "eth.json");
    BOOST_CHECK(stored.contains("crypto"));

    // Same name twice → key error; bad name → usage; wrong keystore password → key error.
    BOOST_CHECK_EQUAL(run({"key", "new", "--name", "fresh", "--password-file", pw()}).code, 5);
    BOOST_CHECK_EQUAL(run({"key", "new", "--name", "a/b", "--password-file", pw()}).code, 2);
    r = run({"key", "import", "--name", "eth2", "--keystore-file",
             vector_path("ethers_scrypt_n1024.json").string(), "--password-file", pw()});
    BOOST_CHECK_EQUAL(r.code, 5);
    BOOST_CHECK(r.err.find("wrong password") != std::string::npos);
    // Two sources, or none → usage.
    BOOST_CHECK_EQUAL(run({"key", "import", "--name", "x", "--password-file", pw()}).code, 2);
    BOOST_CHECK_EQUAL(
        run({"key", "import", "--name", "x", "--private-key-file", (tmp / "pk").string(),
             "--mnemonic-file", (tmp / "mnemonic").string(), "--password-file", pw()})
            .code,
        2);
    // A bad private key file is not echoed back.
    write_file(tmp / "badpk", "0xdeadbeefsecret\n");
    r = run({"key", "import", "--name", "x", "--private-key-file", (tmp / "badpk").string(),
             "--password-file", pw()});
    BOOST_CHECK_EQUAL(r.code, 2);
    BOOST_CHECK(r.err.find("deadbeef") == std::string::npos);
    BOOST_CHECK_EQUAL(run({"key", "show", "ghost"}).code, 5);
}

BOOST_AUTO_TEST_CASE(usage_errors_and_help)
{
    BOOST_CHECK_EQUAL(run({"frobnicate"}).code, 2);
    BOOST_CHECK_EQUAL(run({}).code, 2);
    BOOST_CHECK_EQUAL(run({"--help"}).code, 0);
    BOOST_CHECK_EQUAL(run({"key"}).code, 2);
    BOOST_CHECK_EQUAL(run({"key", "--help"}).code, 0);
    for (const char* cmd : {"transfer", "send", "balance", "block", "account", "chain info",
                            "tx get", "tx wait", "key new", "key import", "key list", "key show"}) {
        std::vector<std::string> args;
        std::istringstream words(cmd);
        for (std::string w; words >> w;) args.push_back(w);
        args.push_back("--help");
        CliResult r = run(args);
        BOOST_TEST_CONTEXT(cmd)
        {
            BOOST_CHECK_EQUAL(r.code, 0);
            BOOST_CHECK(r.out.find("Usage: aif-wallet") != std::string::npos);
            BOOST_CHECK(r.out.find("--json") != std::string::npos);
        }
    }
    CliResult r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "1e3", "--json"});
    BOOST_CHECK_EQUAL(r.code, 2);
    BOOST_CHECK_EQUAL(r.out_json()["error"]["kind"], "usage");
    BOOST_CHECK(r.err.rfind("error: --amount", 0) == 0);
    BOOST_CHECK_EQUAL(run({"balance", DEV0, "--bogus"}).code, 2);
    // A mixed-case address with a broken EIP-55 checksum is refused.
    BOOST_CHECK_EQUAL(run({"balance", "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}).code, 2);
    BOOST_CHECK_EQUAL(run({"balance", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"}).code, 0);
}

BOOST_AUTO_TEST_CASE(reading_commands)
{
    CliResult r = run({"balance", "dev0", "--json"});
    BOOST_REQUIRE_EQUAL(r.code, 0);
    BOOST_CHECK_EQUAL(r.out_json()["asset"], "AIF");
    BOOST_CHECK_EQUAL(r.out_json()["amount"], "100");
    BOOST_CHECK_EQUAL(r.out_json()["baseUnits"], "100000000000000000000");
    r = run({"balance", DEV0, "--asset", "FILM1"});
    BOOST_CHECK_EQUAL(r.out, "10 FILM1\n");
    r = run({"account", "dev0", "--json"});
    BOOST_CHECK_EQUAL(r.out_json()["balances"]["AIF"]["amount"], "100");
    BOOST_CHECK_EQUAL(r.out_json()["pendingNonce"], "6");
    r = run({"chain", "info", "--json"});
    BOOST_CHECK_EQUAL(r.out_json()["chainId"], CHAIN_ID);
    r = run({"block", "--json"});
    BOOST_CHECK_EQUAL(r.out_json()["height"], 5);
    r = run({"block", "3", "--full", "--json"});
    BOOST_CHECK_EQUAL(r.out_json()["height"], 3);
    BOOST_CHECK_EQUAL(r.out_json()["full"], true);
    r = run({"tx", "get", "0x" + std::string(64, 'a'), "--json"});
    BOOST_CHECK_EQUAL(r.out_json()["status"], "committed");
    BOOST_CHECK_EQUAL(run({"tx", "get", "0x12"}).code, 2);
}

BOOST_AUTO_TEST_CASE(transfer_fills_nonce_and_fee_and_signs)
{
    CliResult r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "12.5", "--memo",
                       "hi", "--password-file", pw(), "--json"});
    BOOST_REQUIRE_MESSAGE(r.code == 0, r.err);
    BOOST_REQUIRE_EQUAL(chain.sent.size(), 1u);
    const json& wire = chain.sent[0];
    BOOST_CHECK_EQUAL(wire["type"], "Transfer");
    BOOST_CHECK_EQUAL(wire["from"], DEV0);
    BOOST_CHECK_EQUAL(wire["message"]["nonce"], "6");  // pendingNonce wins over nonce
    BOOST_CHECK_EQUAL(wire["message"]["fee"], MIN_FEE);
    BOOST_CHECK_EQUAL(wire["message"]["amount"], "12500000000000000000");
    BOOST_CHECK_EQUAL(wire["message"]["to"], DEV1);
    BOOST_CHECK_EQUAL(wire["message"]["memo"], "hi");
    BOOST_CHECK_EQUAL(r.out_json()["status"], "pending");
    BOOST_CHECK_EQUAL(r.out_json()["hash"].get<std::string>().size(), 66u);
    BOOST_CHECK(r.err.empty());  // hash agreed with the node's
    BOOST_CHECK(r.out.find("pw") == std::string::npos);

    // To a key name, a FilmToken, an explicit fee and nonce.
    r = run({"transfer", "--from", "dev0", "--to", "dev0", "--amount", "3", "--asset", "FILM1",
             "--fee", "0.000000000000002", "--nonce", "9", "--password-file", pw()});
    BOOST_REQUIRE_MESSAGE(r.code == 0, r.err);
    BOOST_CHECK_EQUAL(chain.sent[1]["message"]["to"], DEV0);
    BOOST_CHECK_EQUAL(chain.sent[1]["message"]["amount"], "3");
    BOOST_CHECK_EQUAL(chain.sent[1]["message"]["fee"], "2000");
    BOOST_CHECK_EQUAL(chain.sent[1]["message"]["nonce"], "9");
    BOOST_CHECK(r.out.rfind("sent 0x", 0) == 0);
}

BOOST_AUTO_TEST_CASE(transfer_beyond_balance_is_refused_before_sending)
{
    // 100 AIF held: 100 AIF + fee is too much.
    CliResult r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "100",
                       "--password-file", pw(), "--json"});
    BOOST_CHECK_EQUAL(r.code, 3);
    BOOST_CHECK_EQUAL(r.out_json()["error"]["reason"], "insufficient_balance");
    r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "11", "--asset", "FILM1",
             "--password-file", pw()});
    BOOST_CHECK_EQUAL(r.code, 3);
    BOOST_CHECK(r.err.find("insufficient balance") != std::string::npos);
    r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "1", "--fee",
             "0.0000000000000001", "--password-file", pw()});
    BOOST_CHECK_EQUAL(r.code, 3);  // below minFee
    BOOST_CHECK(chain.sent.empty());
    for (const auto& m : node.methods()) BOOST_CHECK_NE(m, "tx_send");
}

BOOST_AUTO_TEST_CASE(wrong_password_and_unknown_key)
{
    CliResult r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "1",
                       "--password-file", (tmp / "wrong").string(), "--json"});
    BOOST_CHECK_EQUAL(r.code, 5);
    BOOST_CHECK_EQUAL(r.err, "error: wrong password for key dev0\n");
    BOOST_CHECK_EQUAL(r.out_json()["error"]["kind"], "key");
    BOOST_CHECK(r.out.find("nope") == std::string::npos);
    r = run(
        {"transfer", "--from", "ghost", "--to", DEV1, "--amount", "1", "--password-file", pw()});
    BOOST_CHECK_EQUAL(r.code, 5);
    BOOST_CHECK(chain.sent.empty());
}

BOOST_AUTO_TEST_CASE(node_refusal_and_wait)
{
    chain.send_error =
        FakeRpcError{-32000, "nonce_too_low: expected 7", {{"reason", "nonce_too_low"}}};
    CliResult r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "1",
                       "--password-file", pw(), "--json"});
    BOOST_CHECK_EQUAL(r.code, 3);
    BOOST_CHECK_EQUAL(r.out_json()["error"]["reason"], "nonce_too_low");
    BOOST_CHECK_EQUAL(r.out_json()["error"]["rpc"]["code"], -32000);
    chain.send_error.reset();

    r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "1", "--wait",
             "--password-file", pw(), "--json"});
    BOOST_REQUIRE_MESSAGE(r.code == 0, r.err);
    BOOST_CHECK_EQUAL(r.out_json()["status"], "committed");
    BOOST_CHECK_EQUAL(r.out_json()["height"], 6);

    chain.final_status = "rejected";
    chain.final_error = "insufficient_balance: AIF";
    r = run({"transfer", "--from", "dev0", "--to", DEV1, "--amount", "1", "--wait",
             "--password-file", pw(), "--json"});
    BOOST_CHECK_EQUAL(r.code, 3);
    BOOST_CHECK_EQUAL(r.out_json()["status"], "rejected");
    BOOST_CHECK_EQUAL(r.out_json()["error"]["reason"], "insufficient_balance");
    r = run({"tx", "wait", "0x" + std::string(64, 'a')});
    BOOST_CHECK_EQUAL(r.code, 3);

    chain.final_status = "pending";
    r = run({"tx", "wait", "0x" + std::string(64, 'a'), "--timeout", "0"});
    BOOST_CHECK_EQUAL(r.code, 1);
    BOOST_CHECK(r.err.find("timed out") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(send_any_listed_type)
{
    // Ballot exists only in the node's tx_getTypes, not in the wallet's compiled ledger table.
    CliResult r =
        run({"send", "Ballot", "--from", "dev0", "--field", "proposal=12", "--field", "choice=2",
             "--field", "delegates=dev0," + std::string{DEV1}, "--password-file", pw(), "--json"});
    BOOST_REQUIRE_MESSAGE(r.code == 0, r.err);
    BOOST_REQUIRE_EQUAL(chain.sent.size(), 1u);
    BOOST_CHECK_EQUAL(chain.sent[0]["message"], (json{{"nonce", "6"},
                                                      {"fee", MIN_FEE},
                                                      {"proposal", "12"},
                                                      {"choice", "2"},
                                                      {"delegates", json::array({DEV0, DEV1})}}));

    r = run({"send", "Transfer", "--from", "dev0", "--field", "to=" + std::string{DEV1}, "--field",
             "asset=AIF", "--field", "amount=5", "--field", "memo=", "--password-file", pw()});
    BOOST_REQUIRE_MESSAGE(r.code == 0, r.err);
    BOOST_CHECK_EQUAL(chain.sent.size(), 2u);

    BOOST_CHECK_EQUAL(run({"send", "Nope", "--from", "dev0", "--password-file", pw()}).code, 2);
    BOOST_CHECK_EQUAL(
        run({"send", "Ballot", "--from", "dev0", "--field", "proposal=1", "--password-file", pw()})
            .code,
        2);
    BOOST_CHECK_EQUAL(run({"send", "Ballot", "--from", "dev0", "--field", "proposal=1", "--field",
                           "choice=256", "--field", "delegates=", "--password-file", pw()})
                          .code,
                      2);
    BOOST_CHECK_EQUAL(
        run({"send", "Ballot", "--from", "dev0", "--field", "proposal", "--password-file", pw()})
            .code,
        2);
    BOOST_CHECK_EQUAL(chain.sent.size(), 2u);
}

BOOST_AUTO_TEST_CASE(unreachable_node_exit_code)
{
    CliResult r = run({"--rpc", "http://127.0.0.1:1", "chain", "info", "--json"});
    BOOST_CHECK_EQUAL(r.code, 4);
    BOOST_CHECK_EQUAL(r.out_json()["error"]["kind"], "unreachable");
    BOOST_CHECK_EQUAL(run({"--rpc", "ftp://x", "chain", "info"}).code, 2);
}

BOOST_AUTO_TEST_SUITE_END()
