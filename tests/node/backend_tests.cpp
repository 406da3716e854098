// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Admission and queries through NodeBackend (what the RPC layer calls).
#include "ledger/json/wire.hpp"
#include "node/backend.hpp"
#include "node/config.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif;
using namespace aif::ledger;
using Json = nlohmann::json;

namespace {

constexpr u128 MIN_FEE = 1'000'000'000'000'000ULL;

struct BackendFixture
{
    test::TempDir dir;
    Genesis genesis = test::dev_genesis();
    node::Chain chain{genesis, dir.str("data")};
    node::Mempool pool{node::MempoolConfig{4, 1000, 1000}};
    node::Clock clock{true, genesis.genesis_time};
    node::SoloProducer producer{
        chain, pool, clock, node::read_key_file(test::source_dir() + "/genesis/dev-validator.key"),
        node::ProducerConfig{}};
    node::NodeBackend backend{chain, pool, clock, &producer, /*dev=*/true};

    Json wire(int key, std::uint64_t nonce, u128 amount, u128 fee = MIN_FEE,
              std::uint64_t chain = 2026)
    {
        return ledger::json::tx_to_json(test::make_transfer(test::dev_key(key), chain, nonce,
                                                            test::fresh_address(4), amount, fee));
    }
    /// Sends and expects a refusal with `reason`; returns the RpcError's code.
    int refused(const Json& w, const std::string& reason)
    {
        try {
            backend.tx_send(w);
        } catch (const rpc::RpcError& e) {
            BOOST_CHECK_EQUAL(e.data.value("reason", ""), reason);
            return e.code;
        }
        BOOST_ERROR("accepted, expected " + reason);
        return 0;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(backend_tests, BackendFixture)

BOOST_AUTO_TEST_CASE(send_mine_and_query)
{
    auto sent = backend.tx_send(wire(0, 0, 5));
    const std::string hash = sent["hash"];
    auto h = *fixed_from_hex<32>(hash);
    BOOST_CHECK_EQUAL(backend.tx_get(h)["status"], "pending");
    BOOST_CHECK_EQUAL(backend.account_get(test::address_of_key(test::dev_key(0)))["pendingNonce"],
                      1);
    BOOST_CHECK_EQUAL(backend.dev_mine(1)["height"], 1);
    auto got = backend.tx_get(h);
    BOOST_CHECK_EQUAL(got["status"], "committed");
    BOOST_CHECK_EQUAL(got["height"], 1);
    BOOST_CHECK_EQUAL(got["events"][1]["name"], "Transfer");
    BOOST_CHECK_EQUAL(backend.token_get_balance(test::fresh_address(4), "AIF")["amount"], "5");
    auto block = backend.chain_get_block(rpc::BlockQuery{1, std::nullopt}, true);
    BOOST_CHECK_EQUAL(block["transactions"][0]["hash"], hash);
    BOOST_CHECK_EQUAL(block["transactions"][0]["from"],
                      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    auto by_hash = backend.chain_get_block(
        rpc::BlockQuery{std::nullopt, *fixed_from_hex<32>(block["hash"].get<std::string>())},
        false);
    BOOST_CHECK_EQUAL(by_hash["transactions"][0], hash);
    BOOST_CHECK_EQUAL(backend.chain_get_info()["height"], 1);
    BOOST_CHECK_THROW(backend.chain_get_block(rpc::BlockQuery{99, std::nullopt}, false),
                      rpc::RpcError);
    BOOST_CHECK_THROW(backend.tx_get(Hash32{}), rpc::RpcError);
}

BOOST_AUTO_TEST_CASE(each_admission_refusal)
{
    const Json good = wire(0, 0, 5);
    backend.tx_send(good);
    BOOST_CHECK_EQUAL(refused(good, "duplicate_tx"), rpc::code::TX_REJECTED);
    backend.dev_mine(1);
    BOOST_CHECK_EQUAL(refused(good, "duplicate_tx"), rpc::code::TX_REJECTED);
    refused(wire(0, 0, 6), "nonce_too_low");
    refused(wire(0, 5000, 6), "nonce_too_high");
    refused(wire(0, 1, 6, MIN_FEE - 1), "fee_too_low");
    refused(wire(0, 3, 6, MIN_FEE - 1), "fee_too_low");  // a future nonce is checked too
    refused(wire(1, 0, 2'000'000 * u128{1'000'000'000'000'000'000ULL}), "insufficient_balance");
    // Signed for chain 1: recovers to an unfunded address…
    refused(wire(0, 1, 6, MIN_FEE, 1), "insufficient_fee_balance");
    // …or is caught by "from" or "domain".
    Json w = wire(0, 1, 6, MIN_FEE, 1);
    w["from"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    refused(w, "wrong_signer");
    w.erase("from");
    w["domain"] = {{"name", "AIF Chain"}, {"version", "1"}, {"chainId", 1}};
    refused(w, "wrong_chain_id");
    Json bad_sig = wire(0, 1, 6);
    bad_sig["signature"] = "0x" + std::string(130, '0');
    refused(bad_sig, "bad_signature");
    Json missing = wire(0, 1, 6);
    missing["message"].erase("to");
    refused(missing, "missing_field");
    // Nothing refused touched state.
    BOOST_CHECK_EQUAL(backend.account_get(test::address_of_key(test::dev_key(0)))["nonce"], 1);
    BOOST_CHECK_EQUAL(backend.chain_get_info()["pendingTxs"], 0);
}

BOOST_AUTO_TEST_CASE(a_batch_answers_each_tx_as_tx_send_would)
{
    const Json committed = wire(0, 0, 5);
    backend.tx_send(committed);
    backend.dev_mine(1);
    Json bad_sig = wire(1, 0, 6);
    bad_sig["signature"] = "0x" + std::string(130, '0');
    const Json first = wire(0, 1, 7);
    const std::vector<Json> batch{
        first,
        first,          // the same tx again, within the batch
        committed,      // already committed
        wire(0, 1, 8),  // nonce 1 is taken by `first`
        bad_sig,
        wire(1, 0, 9),
        wire(0, 0, 10),  // nonce_too_low
        wire(2, 0, 11),
        wire(0, 2, 12),  // the fourth accepted: the pool (4 txs) is full
        wire(1, 1, 1, MIN_FEE - 1),
    };
    std::vector<const Json*> wires;
    for (const auto& w : batch) wires.push_back(&w);
    const auto outcomes = backend.tx_send_batch(wires);
    BOOST_TEST_REQUIRE(outcomes.size() == batch.size());
    const auto reason = [&](std::size_t i) -> std::string {
        const auto* e = std::get_if<std::exception_ptr>(&outcomes[i]);
        if (!e) return "accepted";
        try {
            std::rethrow_exception(*e);
        } catch (const rpc::RpcError& refusal) {
            return refusal.data.value("reason", "?");
        } catch (...) {
            return "not an RpcError";
        }
    };
    const std::vector<std::string> want{
        "accepted", "duplicate_tx",  "duplicate_tx", "duplicate_tx", "bad_signature",
        "accepted", "nonce_too_low", "accepted",     "accepted",     "fee_too_low"};
    for (std::size_t i = 0; i < want.size(); ++i) BOOST_TEST(reason(i) == want[i], "tx " << i);
    // An accepted tx is answered with its hash, as tx_send answers.
    const Json sent = std::get<Json>(outcomes[0]);
    BOOST_TEST(backend.tx_get(*fixed_from_hex<32>(sent["hash"].get<std::string>()))["status"] ==
               "pending");
    BOOST_CHECK_EQUAL(refused(wire(2, 1, 1), "mempool_full"), rpc::code::MEMPOOL_FULL);
    // Exactly the four accepted ones apply.
    BOOST_CHECK_EQUAL(backend.chain_get_info()["pendingTxs"], 4);
    backend.dev_mine(1);
    BOOST_CHECK_EQUAL(backend.account_get(test::address_of_key(test::dev_key(0)))["nonce"], 3);
    BOOST_CHECK_EQUAL(backend.account_get(test::address_of_key(test::dev_key(1)))["nonce"], 1);
    BOOST_CHECK_EQUAL(backend.account_get(test::address_of_key(test::dev_key(2)))["nonce"], 1);
    BOOST_CHECK_EQUAL(backend.chain_get_info()["pendingTxs"], 0);
}

BOOST_AUTO_TEST_CASE(producer_waits_out_a_batch_being_verified)
{
    // A 5 s interval, so its 10 ms quiet window is all that can seal early.
    node::SoloProducer live_producer{
        chain, pool, clock, node::read_key_file(test::source_dir() + "/genesis/dev-validator.key"),
        node::ProducerConfig{std::chrono::seconds{5}, 100}};
    node::NodeBackend live{chain, pool, clock, &live_producer, /*dev=*/true};
    live_producer.start();
    const auto t0 = std::chrono::steady_clock::now();
    {
        const node::AdmissionScope verifying{&live_producer};  // another batch is on its way
        live.tx_send(wire(0, 0, 5));
        // Arrivals paused, but a batch is being verified: not the end of the burst.
        BOOST_TEST(!live_producer.wait_for_height(1, std::chrono::milliseconds{500}));
    }
    // Nothing in admission and nothing new: sealed after a quiet window, long before 5 s.
    BOOST_TEST(live_producer.wait_for_height(1, std::chrono::seconds{3}));
    BOOST_TEST((std::chrono::steady_clock::now() - t0 < std::chrono::seconds{4}));
    live_producer.stop();
    BOOST_CHECK_EQUAL(backend.account_get(test::address_of_key(test::dev_key(0)))["nonce"], 1);
}

BOOST_AUTO_TEST_CASE(full_pool_is_its_own_code)
{
    for (int k = 0; k < 3; ++k) backend.tx_send(wire(k, 0, 1));
    backend.tx_send(wire(0, 1, 1));
    BOOST_CHECK_EQUAL(refused(wire(0, 2, 1), "mempool_full"), rpc::code::MEMPOOL_FULL);
}

BOOST_AUTO_TEST_CASE(dev_methods_need_dev)
{
    node::NodeBackend plain{chain, pool, clock, &producer, /*dev=*/false};
    BOOST_CHECK_THROW(plain.dev_mine(1), rpc::RpcError);
    BOOST_CHECK_THROW(plain.dev_advance_time(10), rpc::RpcError);
    const auto t0 = backend.dev_advance_time(0)["timestamp"].get<std::uint64_t>();
    const auto t1 = backend.dev_advance_time(86400)["timestamp"].get<std::uint64_t>();
    BOOST_CHECK_GE(t1, t0 + 86400);
    backend.dev_mine(1);
    BOOST_CHECK_GE(backend.chain_get_info()["timestamp"].get<std::uint64_t>(), t0 + 86400);
}

BOOST_AUTO_TEST_SUITE_END()
