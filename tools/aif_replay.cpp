// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-replay: checks a data directory against a replay of its own blocks from genesis
// (docs/security.md, tests/crash). It never touches the directory it is given: it copies it to a
// scratch directory and opens the copy. Then
//   1. the stored head, its state root, and the root recomputed from every stored state entry;
//   2. a fresh chain in a second scratch directory imports every stored block from height 1
//      with Chain::import_block, which re-verifies each block's seal, transactions, receipts
//      root and state root;
//   3. the replayed chain's head hash and state root, and its state entries read back from
//      disk, must equal the stored ones (entry by entry), and every stored transaction index
//      must point at the block and position the transaction has.
// A directory of another block format (node/store.hpp) is refused by name first.
// Exit 0 when everything matches, 1 on a mismatch (it says what differs), 2 on bad usage.
#include "ledger/json/genesis_json.hpp"
#include "node/chain.hpp"
#include "node/store.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace aif;
namespace fs = std::filesystem;

namespace {

constexpr const char* USAGE =
    "aif-replay — replays a data directory's blocks from genesis and compares state roots\n\n"
    "Usage: aif-replay --genesis FILE --data-dir DIR [--json] [--keep]\n\n"
    "  --genesis FILE   the genesis the data directory was made with\n"
    "  --data-dir DIR   the node's data directory (copied first; never modified). Do not run\n"
    "                   it on the directory of a running node: the copy would not be a\n"
    "                   consistent snapshot\n"
    "  --json           print one JSON object instead of text\n"
    "  --keep           keep the scratch directories (printed) for inspection\n\n"
    "Exit status: 0 all match, 1 a mismatch or an unreadable store, 2 bad usage.\n";

struct Options
{
    std::string genesis;
    std::string data_dir;
    bool json{false};
    bool keep{false};
};

std::optional<Options> parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) return std::nullopt;
            return std::string(argv[++i]);
        };
        if (a == "--help" || a == "-h") {
            std::cout << USAGE;
            std::exit(0);
        } else if (a == "--genesis") {
            auto v = value();
            if (!v) return std::nullopt;
            o.genesis = *v;
        } else if (a == "--data-dir") {
            auto v = value();
            if (!v) return std::nullopt;
            o.data_dir = *v;
        } else if (a == "--json") {
            o.json = true;
        } else if (a == "--keep") {
            o.keep = true;
        } else {
            std::cerr << "aif-replay: unknown argument '" << a << "'\n";
            return std::nullopt;
        }
    }
    if (o.genesis.empty() || o.data_dir.empty()) return std::nullopt;
    return o;
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A scratch directory removed on destruction unless kept.
class ScratchDir
{
public:
    ScratchDir()
    {
        std::string templ = (fs::temp_directory_path() / "aif-replay-XXXXXX").string();
        if (!mkdtemp(templ.data())) throw std::runtime_error("cannot create a scratch directory");
        m_path = templ;
    }
    ~ScratchDir()
    {
        if (m_keep) return;
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return m_path; }
    void keep() { m_keep = true; }

private:
    fs::path m_path;
    bool m_keep{false};
};

/// Every entry of a state, in key order.
std::map<std::string, std::string> entries_of(const ledger::State& s)
{
    std::map<std::string, std::string> out;
    s.scan("", [&](std::string_view k, std::string_view v) {
        out.emplace(std::string(k), std::string(v));
        return true;
    });
    return out;
}

/// The first key whose value differs between two entry maps (or that only one has).
std::optional<std::string> first_difference(const std::map<std::string, std::string>& a,
                                            const std::map<std::string, std::string>& b)
{
    auto ia = a.begin();
    auto ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
        if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) return ia->first;
        if (ia == a.end() || ib->first < ia->first) return ib->first;
        if (ia->second != ib->second) return ia->first;
        ++ia;
        ++ib;
    }
    return std::nullopt;
}

std::string printable_key(const std::string& k)
{
    std::string out;
    for (unsigned char c : k) {
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return out;
}

/// What was compared; printed as text or JSON.
struct Report
{
    std::uint64_t stored_height{0};
    std::string stored_head_hash;
    std::string stored_head_root;
    std::string stored_entries_root;
    std::uint64_t replayed_height{0};
    std::string replayed_head_hash;
    std::string replayed_root;
    std::string replayed_entries_root;
    std::uint64_t txs{0};
    std::uint64_t entries{0};
    std::vector<std::string> problems;
};

int print(const Report& r, const Options& o)
{
    const bool ok = r.problems.empty();
    if (o.json) {
        nlohmann::json j{{"ok", ok},
                         {"storedHeight", r.stored_height},
                         {"storedHeadHash", r.stored_head_hash},
                         {"storedHeadStateRoot", r.stored_head_root},
                         {"storedEntriesRoot", r.stored_entries_root},
                         {"replayedHeight", r.replayed_height},
                         {"replayedHeadHash", r.replayed_head_hash},
                         {"replayedStateRoot", r.replayed_root},
                         {"replayedEntriesRoot", r.replayed_entries_root},
                         {"transactions", r.txs},
                         {"stateEntries", r.entries},
                         {"problems", r.problems}};
        std::cout << j.dump() << "\n";
    } else {
        std::cout << "stored head:      height " << r.stored_height << " hash "
                  << r.stored_head_hash << "\n"
                  << "stored root:      " << r.stored_head_root << " (head header)\n"
                  << "                  " << r.stored_entries_root << " (recomputed from "
                  << r.entries << " stored entries)\n"
                  << "replayed head:    height " << r.replayed_height << " hash "
                  << r.replayed_head_hash << " (" << r.txs << " transactions)\n"
                  << "replayed root:    " << r.replayed_root << " (replayed head header)\n"
                  << "                  " << r.replayed_entries_root
                  << " (recomputed from replayed entries)\n";
        for (const auto& p : r.problems) std::cout << "MISMATCH: " << p << "\n";
        std::cout << (ok ? "OK: the replay from genesis matches the stored chain\n" : "FAILED\n");
    }
    return ok ? 0 : 1;
}

int run(const Options& o)
{
    auto genesis = ledger::json::genesis_from_text(read_file(o.genesis));
    if (!genesis) throw std::runtime_error(o.genesis + ": " + genesis.error().detail);
    if (!fs::is_directory(o.data_dir)) throw std::runtime_error(o.data_dir + " is not a directory");

    ScratchDir scratch;
    if (o.keep) {
        scratch.keep();
        std::cerr << "aif-replay: scratch directory " << scratch.path() << "\n";
    }
    const fs::path stored_dir = scratch.path() / "stored";
    const fs::path replay_dir = scratch.path() / "replay";
    fs::copy(o.data_dir, stored_dir, fs::copy_options::recursive);

    Report r;
    const ledger::Hash32 domain_sep = ledger::domain_separator(ledger::Domain{genesis->chain_id});

    // 1. What the store says.
    std::map<std::string, std::string> stored_entries;
    std::vector<ledger::Block> blocks;
    ledger::Hash32 stored_head_hash;
    {
        node::Store store(stored_dir.string());
        auto height = store.head_height();
        if (!height) throw std::runtime_error("the data directory holds no chain");
        // Blocks of another format would only show up as root mismatches: say what it is.
        store.require_format(o.data_dir, "aif-replay");
        r.stored_height = *height;
        ledger::State state;
        store.load_state(state);
        r.stored_entries_root = ledger::to_hex(state.root());
        stored_entries = entries_of(state);
        r.entries = stored_entries.size();
        for (std::uint64_t h = 0; h <= *height; ++h) {
            auto raw = store.block_at(h);
            if (!raw) throw std::runtime_error("block " + std::to_string(h) + " is missing");
            auto b = ledger::decode_block(ledger::ByteView{*raw}, domain_sep);
            if (!b)
                throw std::runtime_error("block " + std::to_string(h) +
                                         " does not decode: " + b.error().message());
            for (std::uint32_t i = 0; i < b->txs.size(); ++i) {
                auto loc = store.tx_location(b->txs[i].hash);
                if (!loc || loc->height != h || loc->index != i)
                    r.problems.push_back("tx " + ledger::to_hex(b->txs[i].hash) + " of block " +
                                         std::to_string(h) + " index " + std::to_string(i) +
                                         " is not indexed there");
            }
            r.txs += b->txs.size();
            blocks.push_back(std::move(*b));
        }
        const auto& head = blocks.back().header;
        stored_head_hash = ledger::header_hash(head);
        r.stored_head_hash = ledger::to_hex(stored_head_hash);
        r.stored_head_root = ledger::to_hex(head.state_root);
        auto stored_genesis = store.genesis_hash();
        if (!stored_genesis || *stored_genesis != ledger::header_hash(blocks.front().header))
            r.problems.push_back("the recorded genesis hash is not the hash of block 0");
    }
    if (r.stored_entries_root != r.stored_head_root)
        r.problems.push_back("stored state entries hash to " + r.stored_entries_root +
                             ", the head block says " + r.stored_head_root);

    // 2. Replay every block on a fresh chain from the same genesis.
    {
        node::Chain replay(*genesis, replay_dir.string());
        if (replay.genesis_hash() != ledger::header_hash(blocks.front().header))
            r.problems.push_back("block 0 is not this genesis's block (genesis " +
                                 ledger::to_hex(replay.genesis_hash()) + ")");
        for (std::size_t h = 1; h < blocks.size() && r.problems.empty(); ++h) {
            auto imported = replay.import_block(blocks[h]);
            if (!imported)
                r.problems.push_back("replay diverges at block " + std::to_string(h) + ": " +
                                     imported.error().message());
        }
        const auto head = replay.head();
        r.replayed_height = head.header.height;
        r.replayed_head_hash = ledger::to_hex(head.hash);
        r.replayed_root = ledger::to_hex(head.header.state_root);
    }
    // 3. The replayed state as written to disk, recomputed from its entries.
    {
        node::Store store(replay_dir.string());
        ledger::State state;
        store.load_state(state);
        r.replayed_entries_root = ledger::to_hex(state.root());
        if (auto k = first_difference(stored_entries, entries_of(state)))
            r.problems.push_back("state entry '" + printable_key(*k) +
                                 "' differs between the stored and the replayed state");
    }
    if (r.replayed_height != r.stored_height)
        r.problems.push_back("replayed height " + std::to_string(r.replayed_height) +
                             " differs from stored height " + std::to_string(r.stored_height));
    if (r.replayed_head_hash != r.stored_head_hash)
        r.problems.push_back("replayed head hash differs from the stored head hash");
    if (r.replayed_root != r.stored_head_root)
        r.problems.push_back("replayed state root differs from the stored head's");
    if (r.replayed_entries_root != r.stored_head_root)
        r.problems.push_back("replayed entries hash to " + r.replayed_entries_root +
                             ", the stored head says " + r.stored_head_root);
    return print(r, o);
}

}  // namespace

int main(int argc, char** argv)
{
    auto o = parse(argc, argv);
    if (!o) {
        std::cerr << USAGE;
        return 2;
    }
    try {
        return run(*o);
    } catch (const std::exception& e) {
        if (o->json) {
            std::cout << nlohmann::json{{"ok", false}, {"problems", {e.what()}}}.dump() << "\n";
        }
        std::cerr << "aif-replay: error: " << e.what() << "\n";
        return 1;
    }
}
