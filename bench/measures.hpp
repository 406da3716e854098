// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-bench's measures (issue 7): (a) recovery, (b) the block path in-process, (c) a real node
// over JSON-RPC, and the state-size run. aif_bench.cpp runs them and reports.
#pragma once

#include "bench/workload.hpp"
#include "ledger/genesis.hpp"
#include "ledger/tx.hpp"
#include "node/producer.hpp"
#include "rpc/limits.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace aif::bench {

using Clock = std::chrono::steady_clock;

struct Options
{
    std::size_t txs{100'000};
    std::size_t senders{2'000};
    unsigned threads{std::max(1u, std::thread::hardware_concurrency())};
    std::size_t batch{500};
    unsigned clients{2};
    /// The node's defaults, so (b) and (c) measure what aif-node runs with.
    std::uint32_t interval_ms{static_cast<std::uint32_t>(node::ProducerConfig{}.interval.count())};
    std::uint32_t max_block_txs{static_cast<std::uint32_t>(node::ProducerConfig{}.max_block_txs)};
    /// Nice levels of the admission threads in (b) and of aif-node's RPC threads in (c).
    std::uint32_t admission_nice{rpc::Limits{}.thread_nice};
    bool skip_e2e{false};
    /// Repeat the measures this many times and report the median ratios.
    unsigned runs{1};
    /// Run only one measure ("a", "seal", "b" or "c"); empty runs all (for profiling one part).
    std::string only;
    std::size_t state_accounts{0};
    /// Which workloads to measure, in order: "transfers", "votes", "market".
    std::vector<std::string> workloads{"transfers", "votes", "market"};
    std::string source_dir;
    std::string node_binary;
    std::string work_dir;
};

/// A measure's throughput and the CPU it spent per transaction (all threads; for (c) the node's).
/// CPU time does not count time the hypervisor gave to other guests, so CPU ratios stay put
/// while the machine's wall-clock speed drifts.
struct Measure
{
    double rate{0};
    double cpu_us{0};
};

[[nodiscard]] double seconds_since(Clock::time_point t0);
/// CPU seconds (user + system) this process has used so far, on all threads.
[[nodiscard]] double self_cpu_seconds();
[[nodiscard]] long self_peak_rss_kib();

/// Writes the bench genesis (dev genesis plus `funded` accounts) into the work dir; its path.
[[nodiscard]] std::string write_genesis(const Options& o, const std::vector<ledger::Address>& funded);
[[nodiscard]] ledger::Genesis load_genesis(const std::string& path);

/// (a) Recover every signature once, on all cores.
[[nodiscard]] Measure measure_recovery(const Workload& w, unsigned threads);
/// (b) Runs the real producer over a Chain until every tx is committed; verifiers decode and
/// recover each tx once as it "arrives" and admit it to the pool. Checks every sender's nonce
/// and the workload's balances; `height_out` gets the final height.
[[nodiscard]] Measure measure_block_path(const Options& o, const Workload& w, const ledger::Genesis& genesis,
                                         const ledger::SecretKey& validator, std::uint64_t* height_out);
/// The block path alone on pre-verified txs: apply + state root + synced commit, one thread (tx/s).
[[nodiscard]] double measure_seal_only(const Options& o, const Workload& w, const ledger::Genesis& genesis,
                                       const ledger::SecretKey& validator);
/// (c) Feeds a real node over HTTP with `o.clients` connections until everything is committed;
/// checks a sample of nonces and balances over RPC. `node_rss_kib` gets the node's peak RSS.
[[nodiscard]] Measure measure_end_to_end(const Options& o, const Workload& w, const std::string& genesis_path,
                                         long* node_rss_kib);

/// Funds `o.state_accounts` accounts through real blocks, restarts a real node on the data
/// directory, and prints disk size, restart time and RSS.
void run_state_size(const Options& o);

}  // namespace aif::bench
