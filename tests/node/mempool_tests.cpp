// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/mempool.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif;
using namespace aif::ledger;

namespace {

VerifiedTx tx_of(int key, std::uint64_t nonce, u128 amount = 1)
{
    return test::verified(
        test::make_transfer(test::dev_key(key), 2026, nonce, test::fresh_address(9), amount), 2026);
}

std::uint64_t zero(const Address&)
{
    return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mempool_tests)

BOOST_AUTO_TEST_CASE(orders_by_sender_and_nonce)
{
    node::Mempool pool;
    BOOST_REQUIRE(pool.add(tx_of(0, 2), 0));
    BOOST_REQUIRE(pool.add(tx_of(0, 0), 0));
    BOOST_REQUIRE(pool.add(tx_of(1, 0), 0));
    BOOST_REQUIRE(pool.add(tx_of(0, 1), 0));
    BOOST_CHECK_EQUAL(pool.size(), 4u);
    BOOST_CHECK_EQUAL(pool.pending_nonce(test::address_of_key(test::dev_key(0)), 0), 3u);
    auto txs = pool.take_ready(zero, 100);
    BOOST_REQUIRE_EQUAL(txs.size(), 4u);
    // Round-robin by first arrival: sender 0 first (its nonce 2 arrived first), then sender 1.
    BOOST_CHECK_EQUAL(txs[0].tx.nonce(), 0u);
    BOOST_CHECK(txs[0].sender == test::address_of_key(test::dev_key(0)));
    BOOST_CHECK(txs[1].sender == test::address_of_key(test::dev_key(1)));
    BOOST_CHECK_EQUAL(txs[2].tx.nonce(), 1u);
    BOOST_CHECK_EQUAL(txs[3].tx.nonce(), 2u);
    BOOST_CHECK_EQUAL(pool.size(), 0u);
}

BOOST_AUTO_TEST_CASE(gaps_hold_back_later_nonces)
{
    node::Mempool pool;
    BOOST_REQUIRE(pool.add(tx_of(0, 0), 0));
    BOOST_REQUIRE(pool.add(tx_of(0, 2), 0));
    auto txs = pool.take_ready(zero, 100);
    BOOST_REQUIRE_EQUAL(txs.size(), 1u);
    BOOST_CHECK_EQUAL(pool.size(), 1u);
    BOOST_CHECK(pool.take_ready([](const Address&) { return std::uint64_t{1}; }, 100).empty());
    BOOST_REQUIRE(pool.add(tx_of(0, 1), 1));
    BOOST_CHECK_EQUAL(pool.take_ready([](const Address&) { return std::uint64_t{1}; }, 100).size(),
                      2u);
}

BOOST_AUTO_TEST_CASE(refusals)
{
    node::Mempool pool(node::MempoolConfig{3, 2, 5});
    auto t = tx_of(0, 0);
    BOOST_REQUIRE(pool.add(t, 0));
    BOOST_CHECK(pool.add(t, 0).error().code == ErrorCode::duplicate_tx);
    BOOST_CHECK(pool.add(tx_of(0, 0, 99), 0).error().code ==
                ErrorCode::duplicate_tx);  // same nonce
    BOOST_CHECK(pool.add(tx_of(0, 4), 5).error().code == ErrorCode::nonce_too_low);
    BOOST_CHECK(pool.add(tx_of(0, 6), 0).error().code == ErrorCode::nonce_too_high);
    BOOST_REQUIRE(pool.add(tx_of(0, 1), 0));
    BOOST_CHECK(pool.add(tx_of(0, 2), 0).error().code == ErrorCode::mempool_full);  // per sender
    BOOST_REQUIRE(pool.add(tx_of(1, 0), 0));
    BOOST_CHECK(pool.add(tx_of(2, 0), 0).error().code == ErrorCode::mempool_full);  // total
    BOOST_CHECK_EQUAL(pool.size(), 3u);
}

BOOST_AUTO_TEST_CASE(a_batch_answers_as_adds_one_by_one)
{
    // The refusals case above, as one batch: each answer is what add() gave in sequence.
    const auto t = tx_of(0, 0);
    std::vector<VerifiedTx> txs{t,           t,           tx_of(0, 0, 99), tx_of(0, 4), tx_of(0, 6),
                                tx_of(0, 1), tx_of(0, 2), tx_of(1, 0),     tx_of(2, 0)};
    const std::vector<std::uint64_t> nonces{0, 0, 0, 5, 0, 0, 0, 0, 0};
    node::Mempool pool(node::MempoolConfig{3, 2, 5});
    const auto r = pool.add_batch(txs, nonces);
    BOOST_REQUIRE_EQUAL(r.size(), txs.size());
    const std::vector<std::optional<ErrorCode>> want{std::nullopt,
                                                     ErrorCode::duplicate_tx,
                                                     ErrorCode::duplicate_tx,
                                                     ErrorCode::nonce_too_low,
                                                     ErrorCode::nonce_too_high,
                                                     std::nullopt,
                                                     ErrorCode::mempool_full,
                                                     std::nullopt,
                                                     ErrorCode::mempool_full};
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i])
            BOOST_CHECK_MESSAGE(!r[i] && r[i].error().code == *want[i], "tx " << i);
        else
            BOOST_CHECK_MESSAGE(static_cast<bool>(r[i]), "tx " << i);
    }
    BOOST_CHECK_EQUAL(pool.size(), 3u);
    BOOST_CHECK(pool.contains(t.hash));
    // One nonce per tx, or nothing happens.
    std::vector<VerifiedTx> more{tx_of(2, 1)};
    BOOST_CHECK_THROW((void)pool.add_batch(more, std::vector<std::uint64_t>{}),
                      std::invalid_argument);
    BOOST_CHECK_EQUAL(pool.size(), 3u);
}

BOOST_AUTO_TEST_CASE(prune_and_restore)
{
    node::Mempool pool;
    for (std::uint64_t n = 0; n < 5; ++n) BOOST_REQUIRE(pool.add(tx_of(0, n), 0));
    pool.prune(test::address_of_key(test::dev_key(0)), 3);
    BOOST_CHECK_EQUAL(pool.size(), 2u);
    auto taken = pool.take_ready([](const Address&) { return std::uint64_t{3}; }, 1);
    BOOST_REQUIRE_EQUAL(taken.size(), 1u);
    BOOST_CHECK(pool.find(taken[0].hash) == std::nullopt);
    const Hash32 h = taken[0].hash;
    pool.restore(std::move(taken));
    BOOST_CHECK(pool.contains(h));
    BOOST_CHECK(pool.find(h).has_value());
}

BOOST_AUTO_TEST_CASE(take_respects_max)
{
    node::Mempool pool;
    for (std::uint64_t n = 0; n < 10; ++n) BOOST_REQUIRE(pool.add(tx_of(0, n), 0));
    BOOST_CHECK_EQUAL(pool.take_ready(zero, 4).size(), 4u);
    BOOST_CHECK_EQUAL(pool.size(), 6u);
}

BOOST_AUTO_TEST_CASE(full_pool_evicts_gapped_for_runnable)
{
    // Hostile S3: senders 0 and 1 park nonces behind a gap (nonce 0 never sent) and fill the pool.
    node::Mempool pool(node::MempoolConfig{4, 10, 100});
    BOOST_REQUIRE(pool.add(tx_of(0, 1), 0));
    BOOST_REQUIRE(pool.add(tx_of(0, 2), 0));
    BOOST_REQUIRE(pool.add(tx_of(1, 5), 0));
    BOOST_REQUIRE(pool.add(tx_of(1, 6), 0));
    // Another gapped tx is still refused: the pool is full of gapped txs.
    BOOST_CHECK(pool.add(tx_of(2, 3), 0).error().code == ErrorCode::mempool_full);
    // A runnable tx evicts the highest nonce of the newest gapped sender (sender 1's nonce 6).
    const auto evicted = tx_of(1, 6).hash;
    auto runnable = tx_of(2, 0);
    BOOST_REQUIRE(pool.add(runnable, 0));
    BOOST_CHECK(pool.contains(runnable.hash));
    BOOST_CHECK(!pool.contains(evicted));
    BOOST_CHECK(pool.contains(tx_of(1, 5).hash));
    BOOST_CHECK_EQUAL(pool.size(), 4u);
    // So does the runnable continuation of a sender's run (sender 2's nonce 1).
    BOOST_REQUIRE(pool.add(tx_of(2, 1), 0));
    BOOST_CHECK(!pool.contains(tx_of(1, 5).hash));
    BOOST_CHECK_EQUAL(pool.size(), 4u);
}

BOOST_AUTO_TEST_CASE(a_runnable_tx_may_evict_its_own_senders_parked_tx)
{
    // The pool is full with one tx parked behind a gap; its own sender's runnable nonce evicts
    // it, which leaves the sender with nothing and removes its entry before the new tx goes in.
    node::Mempool pool(node::MempoolConfig{1, 10, 100});
    const auto parked = tx_of(0, 5);
    BOOST_REQUIRE(pool.add(parked, 0));
    const auto runnable = tx_of(0, 0);
    BOOST_REQUIRE(pool.add(runnable, 0));
    BOOST_CHECK(pool.contains(runnable.hash));
    BOOST_CHECK(!pool.contains(parked.hash));
    BOOST_CHECK_EQUAL(pool.size(), 1u);
    BOOST_CHECK_EQUAL(pool.pending_nonce(runnable.sender, 0), 1u);
    auto taken = pool.take_ready(zero, 10);
    BOOST_REQUIRE_EQUAL(taken.size(), 1u);
    BOOST_CHECK(taken[0].hash == runnable.hash);
    // A refused tx leaves no trace: the same one is refused again for the same reason, and a
    // tx refused as too low is not taken for a duplicate afterwards.
    BOOST_CHECK(pool.add(tx_of(1, 0), 1).error().code == ErrorCode::nonce_too_low);
    BOOST_CHECK(pool.add(tx_of(1, 0), 1).error().code == ErrorCode::nonce_too_low);
    pool.settle({taken[0].hash});
    BOOST_CHECK(pool.add(tx_of(1, 0), 0));
}

BOOST_AUTO_TEST_CASE(full_pool_of_runnable_txs_refuses)
{
    node::Mempool pool(node::MempoolConfig{2, 10, 100});
    BOOST_REQUIRE(pool.add(tx_of(0, 0), 0));
    BOOST_REQUIRE(pool.add(tx_of(1, 0), 0));
    BOOST_CHECK(pool.add(tx_of(2, 0), 0).error().code == ErrorCode::mempool_full);
    // In-flight txs count against the bound until settled.
    auto taken = pool.take_ready(zero, 10);
    BOOST_REQUIRE_EQUAL(taken.size(), 2u);
    BOOST_CHECK(pool.add(tx_of(2, 0), 0).error().code == ErrorCode::mempool_full);
    pool.settle({taken[0].hash, taken[1].hash});
    BOOST_CHECK(pool.add(tx_of(2, 0), 0));
}

BOOST_AUTO_TEST_CASE(idle_senders_expire)
{
    using namespace std::chrono_literals;
    node::MempoolConfig cfg;
    cfg.lifetime = 60s;
    node::Mempool pool(cfg);
    const auto t0 = std::chrono::steady_clock::now();
    BOOST_REQUIRE(pool.add(tx_of(0, 3), 0, t0));        // parked behind a gap
    BOOST_REQUIRE(pool.add(tx_of(1, 0), 0, t0 + 50s));  // runnable, newer
    BOOST_CHECK_EQUAL(pool.expire(t0 + 59s), 0u);
    BOOST_CHECK_EQUAL(pool.expire(t0 + 61s), 1u);  // sender 0 idle for over a minute
    BOOST_CHECK(!pool.contains(tx_of(0, 3).hash));
    BOOST_CHECK(pool.contains(tx_of(1, 0).hash));
    // Activity (a new admission) restarts the sender's clock.
    BOOST_REQUIRE(pool.add(tx_of(1, 1), 0, t0 + 100s));
    BOOST_CHECK_EQUAL(pool.expire(t0 + 150s), 0u);
    BOOST_CHECK_EQUAL(pool.expire(t0 + 161s), 2u);
    BOOST_CHECK_EQUAL(pool.size(), 0u);
    // add() expires on its own too, at most once a second.
    BOOST_REQUIRE(pool.add(tx_of(2, 5), 0, t0 + 200s));
    BOOST_REQUIRE(pool.add(tx_of(0, 0), 0, t0 + 300s));
    BOOST_CHECK(!pool.contains(tx_of(2, 5).hash));
    BOOST_CHECK_EQUAL(pool.size(), 1u);
}

BOOST_AUTO_TEST_SUITE_END()
