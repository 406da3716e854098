// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "bench/workload.hpp"

#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"

#include <atomic>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <thread>

namespace aif::bench {

using namespace ledger;

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f,
                  const std::function<void()>& on_thread_start)
{
    std::atomic<std::size_t> next{0};
    constexpr std::size_t CHUNK = 64;
    auto work = [&] {
        for (;;) {
            std::size_t start = next.fetch_add(CHUNK);
            if (start >= n) return;
            for (std::size_t i = start; i < std::min(n, start + CHUNK); ++i) f(i);
        }
    };
    std::vector<std::thread> pool;
    if (on_thread_start) {
        for (unsigned t = 0; t < threads; ++t)
            pool.emplace_back([&] {
                on_thread_start();
                work();
            });
    } else {
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
    }
    for (auto& t : pool) t.join();
}

SecretKey bench_key(std::uint64_t i)
{
    SecretKey k;
    k.bytes = keccak256(std::string_view{"aif-bench sender " + std::to_string(i)}).bytes;
    return k;
}

nlohmann::json bench_genesis_json(const std::string& dev_genesis_path,
                                  const std::vector<Address>& funded, std::uint32_t max_block_txs)
{
    std::ifstream in(dev_genesis_path);
    if (!in) throw std::runtime_error("cannot read " + dev_genesis_path);
    nlohmann::json g = nlohmann::json::parse(in);
    g["notice"] = "aif-bench throwaway chain; keys are derived from public strings";
    g["params"]["maxBlockTxs"] = max_block_txs;
    for (const auto& a : funded)
        g["allocations"].push_back({{"address", to_checksum(a)}, {"amount", "1000000000000000000000000"}});
    return g;
}

Workload make_transfers(std::uint64_t chain_id, std::size_t n, std::size_t senders,
                        std::size_t batch, unsigned threads)
{
    Workload w;
    w.chain_id = chain_id;
    w.keys.resize(senders);
    w.senders.resize(senders);
    parallel_for(senders, threads, [&](std::size_t i) {
        w.keys[i] = bench_key(i);
        w.senders[i] = address_of(*public_key_of(w.keys[i]));
    });
    const Hash32 dsep = domain_separator({chain_id});
    const TxTypeDef* transfer = find_tx_type("Transfer");
    w.txs.resize(n);
    w.digests.resize(n);
    w.encoded.resize(n);
    parallel_for(n, threads, [&](std::size_t i) {
        const std::size_t s = i % senders;
        Tx tx;
        tx.type = transfer;
        // Recipients: the next sender, so state stays realistic (balances on both sides).
        tx.fields = {std::uint64_t{i / senders}, u128{1'000'000'000'000'000ULL},
                     w.senders[(s + 1) % senders], std::string{"AIF"}, u128{1'000'000'000'000ULL},
                     std::string{}};
        w.digests[i] = signing_digest(dsep, tx);
        tx.signature = *sign_digest(w.digests[i], w.keys[s]);
        w.encoded[i] = encode_tx(tx);
        w.txs[i] = std::move(tx);
    });
    for (std::size_t start = 0; start < n; start += batch) {
        nlohmann::json body = nlohmann::json::array();
        for (std::size_t i = start; i < std::min(n, start + batch); ++i)
            body.push_back({{"jsonrpc", "2.0"},
                            {"id", i},
                            {"method", "tx_send"},
                            {"params", json::tx_to_json(w.txs[i])}});
        w.rpc_batches.push_back(body.dump());
    }
    return w;
}

}  // namespace aif::bench
