// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/genesis.hpp"
#include "ledger/tx.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace aif::bench {

/// A signed workload, generated before anything is timed.
struct Workload
{
    /// What the timed transactions are ("transfers", "DAO votes").
    std::string name;
    std::uint64_t chain_id{0};
    std::vector<ledger::SecretKey> keys;
    std::vector<ledger::Address> senders;
    /// Transactions in submission order: round-robin over senders, consecutive nonces.
    std::vector<ledger::Tx> txs;
    /// The signing digest of each tx (what recovery verifies).
    std::vector<ledger::Hash32> digests;
    /// Canonical binary form of each tx (as stored in blocks).
    std::vector<ledger::Bytes> encoded;
    /// JSON-RPC batch bodies of tx_send calls (for the end-to-end run).
    std::vector<std::string> rpc_batches;
    /// Untimed setup, committed before the clock starts: blocks of signed txs, in order (each
    /// block needs the one before it committed).
    std::vector<std::vector<ledger::Tx>> setup;
    /// Each sender's account nonce once setup and every timed tx are committed.
    std::vector<std::uint64_t> final_nonces;
    /// Balances every measure checks once all is committed (the market: each buyer's shares).
    struct Balance
    {
        std::size_t sender;
        std::string asset;
        ledger::u128 amount;
    };
    std::vector<Balance> final_balances;
    /// The setup needs block time inside the dev edition's submission window, which the dev
    /// clock gives (it starts at the genesis time): (c) runs aif-node with --dev.
    bool needs_dev_clock{false};
};

/// The dev genesis with `senders` extra accounts funded (deterministic keys), as JSON.
[[nodiscard]] nlohmann::json bench_genesis_json(const std::string& dev_genesis_path,
                                                const std::vector<ledger::Address>& funded,
                                                std::uint32_t max_block_txs);

/// Deterministic key of bench account `i`.
[[nodiscard]] ledger::SecretKey bench_key(std::uint64_t i);

/// Generates `n` transfers from `senders` accounts, signing on `threads` threads.
[[nodiscard]] Workload make_transfers(std::uint64_t chain_id, std::size_t n, std::size_t senders,
                                      std::size_t batch, unsigned threads);

/// Votes on one text proposal: setup delegates every sender to itself and has sender 0
/// propose; then `n` Vote txs, each sender changing its vote again and again.
[[nodiscard]] Workload make_votes(std::uint64_t chain_id, std::size_t n, std::size_t senders,
                                  std::size_t batch, unsigned threads);

/// Limit orders on one FilmToken book. Setup: sender 0 submits a film, issues its shares
/// ("BENCH") and gives shares to every other sender (blocks of at most 500 transfers). Timed:
/// even senders sell one share per order and odd senders buy one, all at one price, so each
/// order either rests or fills against the oldest resting order of the other side; every buy
/// has filled by the end. Needs two senders.
[[nodiscard]] Workload make_market(std::uint64_t chain_id, std::size_t n, std::size_t senders,
                                   std::size_t batch, unsigned threads);

/// tx_send batch bodies for one setup block.
[[nodiscard]] std::vector<std::string> setup_rpc_batches(const std::vector<ledger::Tx>& block,
                                                         std::size_t batch);

/// Runs `f(i)` for i in [0, n) on `threads` threads (dynamic chunks). With `on_thread_start`,
/// every worker runs on a new thread that calls it first (the caller's thread only waits), so
/// a per-thread setting such as a priority does not outlive the call.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f,
                  const std::function<void()>& on_thread_start = {});

/// parallel_for in ranges: `f(begin, end)` for consecutive ranges of up to `chunk` indices.
void parallel_for_ranges(std::size_t n, unsigned threads, std::size_t chunk,
                         const std::function<void(std::size_t, std::size_t)>& f,
                         const std::function<void()>& on_thread_start = {});

}  // namespace aif::bench
