// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// ChainFixture layer (STYLE §6): a temporary RocksDB data directory.
#include "contracts/executor.hpp"
#include "contracts/token.hpp"
#include "node/chain.hpp"
#include "node/config.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/raw_store.hpp"

#include <boost/test/unit_test.hpp>
#include <rocksdb/db.h>

using namespace aif;
using namespace aif::ledger;

namespace {

constexpr std::uint64_t T0 = 1775000000;

struct ChainFixture
{
    test::TempDir dir;
    Genesis genesis = test::dev_genesis();
    SecretKey validator = node::read_key_file(test::source_dir() + "/genesis/dev-validator.key");
    std::uint64_t chain_id = genesis.chain_id;

    std::unique_ptr<node::Chain> open(const std::string& sub = "a")
    {
        return std::make_unique<node::Chain>(genesis, dir.str(sub));
    }
    VerifiedTx transfer(int key, std::uint64_t nonce, u128 amount, std::uint8_t to = 5)
    {
        return test::verified(test::make_transfer(test::dev_key(key), chain_id, nonce,
                                                  test::fresh_address(to), amount),
                              chain_id);
    }
    u128 balance(const node::Chain& c, const Address& a)
    {
        return c.read([&](const StateView& s, const node::Head&) {
            return contracts::token::balance_of(s, a, AIF);
        });
    }
    /// Seals `n` blocks of two transfers each on `c`.
    void seal_blocks(node::Chain& c, int n, std::uint64_t first_nonce = 0)
    {
        for (int i = 0; i < n; ++i) {
            std::uint64_t nonce = first_nonce + static_cast<std::uint64_t>(i);
            auto r = c.seal({transfer(0, nonce, 100 + nonce), transfer(1, nonce, 7)},
                            T0 + static_cast<std::uint64_t>(i), validator);
            BOOST_REQUIRE_EQUAL(r.block.txs.size(), 2u);
            BOOST_REQUIRE(r.rejected.empty());
        }
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(chain_tests, ChainFixture)

BOOST_AUTO_TEST_CASE(fresh_chain_starts_at_genesis)
{
    auto c = open();
    BOOST_CHECK_EQUAL(c->head().header.height, 0u);
    BOOST_CHECK(c->head().hash == c->genesis_hash());
    BOOST_CHECK_EQUAL(c->head().header.timestamp, genesis.genesis_time);
    auto other = open("b");
    BOOST_CHECK(other->genesis_hash() == c->genesis_hash());
}

BOOST_AUTO_TEST_CASE(seal_commits_and_reopen_restores_without_replay)
{
    Hash32 root, head;
    u128 recipient;
    {
        auto c = open();
        seal_blocks(*c, 3);
        BOOST_CHECK_EQUAL(c->head().header.height, 3u);
        root = c->head().header.state_root;
        head = c->head().hash;
        recipient = balance(*c, test::fresh_address(5));
        BOOST_CHECK(recipient == 100 + 101 + 102 + 3 * 7);
        // The object goes away without any shutdown step: every block was already synced.
    }
    auto c = open();
    BOOST_CHECK_EQUAL(c->head().header.height, 3u);
    BOOST_CHECK(c->head().header.state_root == root);
    BOOST_CHECK(c->head().hash == head);
    BOOST_CHECK(balance(*c, test::fresh_address(5)) == recipient);
    auto b2 = c->block_at(2);
    BOOST_REQUIRE(b2);
    BOOST_CHECK_EQUAL(b2->txs.size(), 2u);
    BOOST_CHECK(c->store().tx_location(b2->txs[1].hash)->height == 2u);
}

BOOST_AUTO_TEST_CASE(uncommitted_work_is_not_there_after_restart)
{
    {
        auto c = open();
        seal_blocks(*c, 1);
        // Work applied to an overlay but never sealed (a crash mid-block) leaves no trace.
        c->read([&](const StateView& s, const node::Head&) {
            StateOverlay o{s};
            contracts::BlockContext ctx{2, T0 + 5, {}};
            BOOST_CHECK(contracts::apply_tx(o, ctx, transfer(0, 1, 55)));
            return 0;
        });
    }
    auto c = open();
    BOOST_CHECK_EQUAL(c->head().header.height, 1u);
    BOOST_CHECK(balance(*c, test::fresh_address(5)) == 100 + 7);
}

BOOST_AUTO_TEST_CASE(failing_tx_is_left_out_and_recorded)
{
    auto c = open();
    const u128 huge = 2'000'000 * u128{1'000'000'000'000'000'000ULL};
    auto r = c->seal({transfer(0, 0, huge), transfer(0, 1, 5), transfer(1, 0, 9)}, T0, validator);
    BOOST_CHECK_EQUAL(r.block.txs.size(), 1u);
    BOOST_REQUIRE_EQUAL(r.rejected.size(), 1u);
    BOOST_CHECK(r.rejected[0].second.code == ErrorCode::insufficient_balance);
    BOOST_CHECK_EQUAL(r.deferred.size(), 1u);  // sender 0's nonce 1 waits for nonce 0
    BOOST_CHECK_EQUAL(*c->store().rejection(r.rejected[0].first),
                      "insufficient_balance: amount " + u128_to_string(huge) +
                          " AIF exceeds balance " +
                          u128_to_string(huge / 2 - 1'000'000'000'000'000ULL));
}

BOOST_AUTO_TEST_CASE(two_stores_fed_the_same_blocks_agree)
{
    auto a = open("a");
    auto b = open("b");
    seal_blocks(*a, 4);
    for (std::uint64_t h = 1; h <= 4; ++h) {
        auto blk = a->block_at(h);
        BOOST_REQUIRE(blk);
        auto r = b->import_block(*blk);
        BOOST_REQUIRE_MESSAGE(r, (r ? "" : r.error().message()));
    }
    BOOST_CHECK(a->head().header.state_root == b->head().header.state_root);
    BOOST_CHECK(a->head().hash == b->head().hash);
    // And a third store that reopens b's directory agrees too.
    b.reset();
    auto b2 = open("b");
    BOOST_CHECK(b2->head().header.state_root == a->head().header.state_root);
}

BOOST_AUTO_TEST_CASE(import_refuses_bad_blocks_and_changes_nothing)
{
    auto a = open("a");
    auto b = open("b");
    seal_blocks(*a, 1);
    auto good = *a->block_at(1);
    const Hash32 root_before = b->head().header.state_root;
    auto refused = [&](const Block& blk, const std::string& needle) {
        auto r = b->import_block(blk);
        BOOST_REQUIRE(!r);
        BOOST_CHECK_MESSAGE(r.error().message().find(needle) != std::string::npos,
                            r.error().message());
        BOOST_CHECK_EQUAL(b->head().header.height, 0u);
        BOOST_CHECK(b->head().header.state_root == root_before);
    };
    Block forged_root = good;
    forged_root.header.state_root = keccak256(std::string_view{"forged"});
    refused(forged_root, "proposer signature");
    forged_root.proposer_sig = *sign_digest(header_hash(forged_root.header), validator);
    refused(forged_root, "state root mismatch");

    Block outsider = good;
    outsider.header.proposer = test::address_of_key(test::dev_key(2));
    outsider.proposer_sig = *sign_digest(header_hash(outsider.header), test::dev_key(2));
    refused(outsider, "not a validator");

    Block dropped = good;
    dropped.txs.pop_back();
    refused(dropped, "transactions root");

    Block wrong_parent = good;
    wrong_parent.header.parent_hash = keccak256(std::string_view{"x"});
    wrong_parent.proposer_sig = *sign_digest(header_hash(wrong_parent.header), validator);
    refused(wrong_parent, "parent hash");

    Block bad_tx = good;
    bad_tx.txs[0] = transfer(2, 0, 3'000'000 * u128{1'000'000'000'000'000'000ULL});
    bad_tx.header.tx_root = tx_root_of(bad_tx.txs);
    bad_tx.proposer_sig = *sign_digest(header_hash(bad_tx.header), validator);
    refused(bad_tx, "insufficient_balance");

    BOOST_CHECK(b->import_block(good));
    BOOST_CHECK(b->head().hash == a->head().hash);
}

BOOST_AUTO_TEST_CASE(data_dir_of_another_chain_is_refused)
{
    {
        auto c = open();
    }
    genesis.chain_id = 77;
    BOOST_CHECK_EXCEPTION(open(), std::runtime_error, [](const std::runtime_error& e) {
        return std::string{e.what()}.find("another chain") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(data_dir_of_another_format_is_refused)
{
    {
        auto c = open();
        seal_blocks(*c, 1);
        BOOST_CHECK_EQUAL(c->store().format(), node::Store::FORMAT);
    }
    // A directory from before the format was recorded (format 1: binary trees) has no record.
    test::edit_raw_store(dir.str("a"), [](rocksdb::DB& db) {
        BOOST_REQUIRE(db.Delete(rocksdb::WriteOptions{}, "Mformat").ok());
    });
    BOOST_CHECK_EXCEPTION(open(), std::runtime_error, [](const std::runtime_error& e) {
        const std::string m = e.what();
        return m.find("format 1") != std::string::npos &&
               m.find("reads format " + std::to_string(node::Store::FORMAT)) != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(tampered_store_is_refused_on_open)
{
    {
        auto c = open();
        seal_blocks(*c, 2);
    }
    // Change one state entry behind the node's back: the loaded root no longer matches.
    test::edit_raw_store(dir.str("a"), [](rocksdb::DB& db) {
        BOOST_REQUIRE(db.Put(rocksdb::WriteOptions{}, "sforged", "1").ok());
    });
    BOOST_CHECK_EXCEPTION(open(), std::runtime_error, [](const std::runtime_error& e) {
        return std::string{e.what()}.find("state root") != std::string::npos;
    });
    test::edit_raw_store(dir.str("a"), [](rocksdb::DB& db) {
        BOOST_REQUIRE(db.Delete(rocksdb::WriteOptions{}, "sforged").ok());
        // Flip a byte of the head block's proposer signature.
        std::string key = "B" + encode_u64(2), blk;
        BOOST_REQUIRE(db.Get(rocksdb::ReadOptions{}, key, &blk).ok());
        blk[blk.size() - 4 - 30] ^= 0x01;
        BOOST_REQUIRE(db.Put(rocksdb::WriteOptions{}, key, blk).ok());
    });
    BOOST_CHECK_EXCEPTION(open(), std::runtime_error, [](const std::runtime_error& e) {
        return std::string{e.what()}.find("head block 2") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()
