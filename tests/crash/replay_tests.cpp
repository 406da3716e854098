// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-replay must notice what it exists to notice, or the crash test's replay check would pass
// vacuously: a clean data directory replays OK; a changed state entry, a missing block, a
// different genesis each fail with exit status 1 and say what differs; a directory of another
// block format is named as such (by aif-node too). The tools run as processes, the way the
// crash test uses them.
#define BOOST_TEST_MODULE replay_tests
#include "fuzz/dev_chain.hpp"
#include "ledger/codec.hpp"
#include "node/chain.hpp"
#include "node/store.hpp"
#include "tests/support/raw_store.hpp"

#include <boost/test/unit_test.hpp>
#include <rocksdb/db.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <sys/wait.h>
#include <utility>

using namespace aif;
namespace fs = std::filesystem;

namespace {

std::string build_dir()
{
    if (const char* b = std::getenv("AIF_BUILD_DIR")) return b;
    return AIF_TEST_BUILD_DIR;
}

struct Outcome
{
    int status{-1};
    std::string output;
};

/// Runs `program` (a path under the build directory) on `data_dir` with `genesis`; its exit
/// status and combined output. `timeout` stops a program that would otherwise keep running.
Outcome run_tool(const std::string& program, const std::string& genesis,
                 const std::string& data_dir)
{
    const std::string cmd = "timeout 60 " + build_dir() + "/" + program + " --genesis '" + genesis +
                            "' --data-dir '" + data_dir + "' 2>&1";
    Outcome o;
    FILE* p = popen(cmd.c_str(), "r");
    BOOST_REQUIRE(p);
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) o.output.append(buf, n);
    const int raw = pclose(p);
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    BOOST_TEST_MESSAGE(program << " exit " << o.status << ":\n" << o.output);
    return o;
}

Outcome run_replay(const std::string& genesis, const std::string& data_dir)
{
    return run_tool("tools/aif-replay", genesis, data_dir);
}

std::string dev_genesis_path()
{
    return fuzz::source_dir() + "/genesis/dev.json";
}

/// A data directory with the dev genesis and three blocks of transfers.
struct ChainDir
{
    fuzz::ScratchDir dir;
    std::string data = dir.path() + "/data";

    ChainDir()
    {
        node::Chain chain(fuzz::dev_genesis(), data);
        fuzz::seal_transfers(chain, 3);
    }

    /// Opens the RocksDB directly (the node is not running) and applies `edit`.
    template <typename F>
    void edit(F&& f)
    {
        test::edit_raw_store(data, std::forward<F>(f));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(replay_tests)

BOOST_AUTO_TEST_CASE(clean_directory_replays_ok)
{
    ChainDir c;
    auto o = run_replay(dev_genesis_path(), c.data);
    BOOST_TEST(o.status == 0);
    BOOST_TEST(o.output.find("OK: the replay from genesis matches") != std::string::npos);
    BOOST_TEST(o.output.find("height 3") != std::string::npos);
    // The original is untouched: it still opens as a chain at height 3.
    node::Chain again(fuzz::dev_genesis(), c.data);
    BOOST_TEST(again.head().header.height == 3u);
}

BOOST_AUTO_TEST_CASE(changed_state_entry_is_a_mismatch)
{
    ChainDir c;
    // Give account 1 one more base unit of AIF than the blocks say.
    c.edit([](rocksdb::DB& db) {
        std::unique_ptr<rocksdb::Iterator> it{db.NewIterator(rocksdb::ReadOptions{})};
        std::string key;
        std::string value;
        for (it->Seek("stok/b/"); it->Valid() && it->key().starts_with("stok/b/"); it->Next()) {
            key = it->key().ToString();
            value = it->value().ToString();
            break;
        }
        BOOST_REQUIRE(!key.empty());
        value.back() = static_cast<char>(value.back() + 1);
        BOOST_REQUIRE(db.Put(rocksdb::WriteOptions{}, key, value).ok());
    });
    auto o = run_replay(dev_genesis_path(), c.data);
    BOOST_TEST(o.status == 1);
    BOOST_TEST(o.output.find("MISMATCH: stored state entries hash to") != std::string::npos);
    BOOST_TEST(o.output.find("differs between the stored and the replayed state") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_block_is_an_error)
{
    ChainDir c;
    c.edit([](rocksdb::DB& db) {
        std::string key = "B";  // (not "B" + …: GCC 12 warns falsely, -Wrestrict)
        key += ledger::encode_u64(2);
        BOOST_REQUIRE(db.Delete(rocksdb::WriteOptions{}, key).ok());
    });
    auto o = run_replay(dev_genesis_path(), c.data);
    BOOST_TEST(o.status == 1);
    BOOST_TEST(o.output.find("block 2 is missing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(other_genesis_is_a_mismatch)
{
    ChainDir c;
    fuzz::ScratchDir tmp;
    std::string text = fuzz::read_text(dev_genesis_path());
    const auto at = text.find("\"chainId\": 2026");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, 15, "\"chainId\": 2027");
    const std::string other = tmp.path() + "/other.json";
    std::ofstream(other) << text;
    auto o = run_replay(other, c.data);
    BOOST_TEST(o.status == 1);
}

BOOST_AUTO_TEST_CASE(directory_of_another_format_is_named_not_replayed)
{
    // A directory written before the block format was recorded (format 1): the tools say so
    // instead of reporting the root mismatches its older trees would give.
    ChainDir c;
    c.edit(
        [](rocksdb::DB& db) { BOOST_REQUIRE(db.Delete(rocksdb::WriteOptions{}, "Mformat").ok()); });
    const std::string reads = "reads format " + std::to_string(node::Store::FORMAT);
    auto o = run_replay(dev_genesis_path(), c.data);
    BOOST_TEST(o.status == 1);
    BOOST_TEST(o.output.find("holds blocks in format 1 and this aif-replay " + reads) !=
               std::string::npos);
    BOOST_TEST(o.output.find("MISMATCH") == std::string::npos);
    // aif-node refuses to start on it, with the same words and exit status 1.
    auto n = run_tool("node/aif-node", dev_genesis_path(), c.data);
    BOOST_TEST(n.status == 1);
    BOOST_TEST(n.output.find("holds blocks in format 1 and this aif-node " + reads) !=
               std::string::npos);
    BOOST_TEST(n.output.find("start from a new data directory") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_2)
{
    auto o = run_replay("", "");
    BOOST_TEST(o.status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
