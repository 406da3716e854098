// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// make_corpus OUT_DIR: writes the seed corpora of the fuzz targets (docs/fuzzing.md) into
// OUT_DIR/<target>/, each file named by the keccak of its content (so re-running is
// idempotent), and OUT_DIR/rpc.dict, a libFuzzer dictionary of method and param names.
// Everything is deterministic: dev keys, RFC 6979 signatures, fixed timestamps.
#include "fuzz/dev_chain.hpp"
#include "ledger/block.hpp"
#include "ledger/json/wire.hpp"
#include "node/backend.hpp"
#include "node/mempool.hpp"
#include "node/producer.hpp"
#include "rpc/dispatcher.hpp"
#include "rpc/methods.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

using namespace aif;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path g_out;

void write_seed(const std::string& target, const std::string& content)
{
    const fs::path dir = g_out / target;
    fs::create_directories(dir);
    const std::string name =
        ledger::to_hex(ledger::keccak256(std::string_view{content})).substr(2, 16);
    std::ofstream(dir / name, std::ios::binary) << content;
}

std::string bytes_str(const ledger::Bytes& b)
{
    return std::string(b.begin(), b.end());
}

std::string rpc_request(const std::string& method, const json& params, int id = 1)
{
    return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump();
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: make_corpus OUT_DIR\n";
        return 2;
    }
    g_out = argv[1];
    const std::uint64_t chain_id = 2026;

    // One signed sample of every transaction type (nonce 0, dev account 0), plus transfers.
    std::vector<ledger::VerifiedTx> samples;
    for (const auto& def : ledger::tx_types())
        samples.push_back(fuzz::sign(fuzz::sample_tx(def, 0), fuzz::dev_key(0), chain_id));
    samples.push_back(fuzz::sign(fuzz::transfer(0, fuzz::address_of_key(fuzz::dev_key(1)),
                                                ledger::u128{1'000'000'000'000'000'000ULL}),
                                 fuzz::dev_key(0), chain_id));
    samples.push_back(fuzz::sign(fuzz::transfer(7, fuzz::address_of_key(fuzz::dev_key(2)), 5,
                                                "caf\xc3\xa9 \xf0\x9f\x8e\xac"),
                                 fuzz::dev_key(1), chain_id));

    // fuzz_wire_decode: byte 0 selects JSON (even) or binary (odd).
    for (const auto& vt : samples) {
        json wire = ledger::json::tx_to_json(vt.tx);
        write_seed("fuzz_wire_decode", std::string(1, '\0') + wire.dump());
        json with_checks = wire;
        with_checks["from"] = ledger::to_checksum(vt.sender);
        with_checks["domain"] = ledger::json::domain_to_json(chain_id);
        write_seed("fuzz_wire_decode", std::string(1, '\0') + with_checks.dump());
        write_seed("fuzz_wire_decode", std::string(1, '\1') + bytes_str(ledger::encode_tx(vt.tx)));
    }

    // fuzz_eip712: byte strings whose first byte selects each type in turn.
    for (std::size_t i = 0; i < ledger::tx_types().size(); ++i) {
        for (int variant = 0; variant < 3; ++variant) {
            std::string s(1, static_cast<char>(i));
            s += static_cast<char>(variant == 0 ? 0 : 200);  // chain id 2026, or one from input
            ledger::Hash32 h = ledger::keccak256(std::string_view{std::to_string(i * 7 + variant)});
            while (s.size() < 64u + 160u * static_cast<unsigned>(variant)) {
                s.append(reinterpret_cast<const char*>(h.data()), 32);
                h = ledger::keccak256(h.view());
            }
            write_seed("fuzz_eip712", s);
        }
    }

    // fuzz_genesis: the dev genesis, pretty and compact.
    const std::string dev = fuzz::read_text(fuzz::source_dir() + "/genesis/dev.json");
    write_seed("fuzz_genesis", dev);
    write_seed("fuzz_genesis", json::parse(dev).dump());

    // fuzz_block_decode: blocks of 0, 1 and all sample transactions, signed by the validator.
    const auto vkey = fuzz::validator_key();
    const auto dsep = ledger::domain_separator(ledger::Domain{chain_id});
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, samples.size()}) {
        ledger::Block b;
        b.header.height = 1 + n;
        b.header.timestamp = 1774994400;
        b.header.proposer = fuzz::address_of_key(vkey);
        b.header.parent_hash = ledger::keccak256(std::string_view{"parent"});
        b.header.state_root = ledger::keccak256(std::string_view{"state"});
        b.txs.assign(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(n));
        b.header.tx_root = ledger::tx_root_of(b.txs);
        b.proposer_sig = *ledger::sign_digest(ledger::header_hash(b.header), vkey);
        write_seed("fuzz_block_decode", bytes_str(ledger::encode_block(b)));
        if (n == 1) {
            b.commit_sigs.push_back(b.proposer_sig);
            write_seed("fuzz_block_decode", bytes_str(ledger::encode_block(b)));
        }
    }
    (void)dsep;

    // fuzz_rpc_dispatch: a request for every method the node serves, plus transport-level cases.
    fuzz::ScratchDir dir;
    node::Chain chain{fuzz::dev_genesis(), dir.path() + "/data"};
    fuzz::seal_transfers(chain, 3);
    node::Mempool pool;
    node::Clock clock{true, chain.head().header.timestamp};
    node::NodeBackend backend{chain, pool, clock, nullptr, true};
    const auto table = rpc::make_core_methods(backend);
    rpc::Dispatcher dispatcher{backend, rpc::Limits{}};
    const auto block1 = chain.block_at(1);
    const std::string tx_hash = ledger::to_hex(block1->txs.at(0).hash);
    const std::string addr0 = ledger::to_checksum(fuzz::address_of_key(fuzz::dev_key(0)));
    const json guesses = {{"address", addr0}, {"asset", "AIF"},    {"height", 1},
                          {"hash", tx_hash},  {"full", true},      {"blocks", 1},
                          {"seconds", 60},    {"proposalId", 1},   {"voter", addr0},
                          {"depth", 5},       {"limit", 5},        {"orderId", 1},
                          {"trader", addr0},  {"fromId", 0},       {"kind", "text"},
                          {"status", "open"}, {"proposer", addr0}, {"filmId", 1},
                          {"edition", 2026},  {"tokenId", 1},      {"owner", addr0}};
    std::set<std::string> dict_words;
    for (const auto& [method, handler] : table) {
        dict_words.insert(method);
        write_seed("fuzz_rpc_dispatch", rpc_request(method, json::object()));
        // The method with each guessed param alone (the unknown ones answer -32602).
        for (const auto& [k, v] : guesses.items()) {
            json p = json::object();
            p[k] = v;
            const std::string body = rpc_request(method, p);
            json reply = json::parse(dispatcher.handle(body));
            const bool useful =
                !reply.contains("error") || reply["error"]["message"].get<std::string>().find(
                                                "unknown param") == std::string::npos;
            if (useful) write_seed("fuzz_rpc_dispatch", body);
        }
    }
    for (const auto& [k, v] : guesses.items()) dict_words.insert(k);
    write_seed("fuzz_rpc_dispatch",
               rpc_request("chain_getBlock",
                           {{"hash", ledger::to_hex(chain.head().hash)}, {"full", true}}));
    for (const auto& vt : samples) {
        write_seed("fuzz_rpc_dispatch", rpc_request("tx_send", ledger::json::tx_to_json(vt.tx)));
    }
    write_seed("fuzz_rpc_dispatch",
               json::array({json::parse(rpc_request("chain_getInfo", nullptr, 1)),
                            json::parse(rpc_request("account_get", {{"address", addr0}}, 2)),
                            json{{"jsonrpc", "2.0"}, {"method", "chain_getInfo"}}})
                   .dump());
    write_seed("fuzz_rpc_dispatch", R"({"jsonrpc":"2.0","method":"chain_getInfo"})");
    write_seed("fuzz_rpc_dispatch", R"({"jsonrpc":"2.0","id":"x","method":"nope","params":[]})");
    write_seed("fuzz_rpc_dispatch", "[]");
    write_seed("fuzz_rpc_dispatch",
               "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]");
    write_seed("fuzz_rpc_dispatch",
               "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"token_getSupply\",\"params\":{\"asset\":"
               "\"\xff\xfe\"}}");
    write_seed(
        "fuzz_rpc_dispatch",
        R"({"jsonrpc":"2.0","id":1,"method":"token_getSupply","params":{"asset":"\ud800"}})");

    std::ofstream dict(g_out / "rpc.dict");
    for (const auto& w : dict_words) dict << "\"" << w << "\"\n";
    for (const char* w :
         {"jsonrpc", "2.0", "method", "params", "id", "type", "message", "signature", "nonce",
          "fee", "domain", "from", "0x", "null", "true", "false"})
        dict << "\"" << w << "\"\n";
    std::cout << "make_corpus: wrote seeds under " << g_out << "\n";
    return 0;
}
