// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The measures of aif-bench (bench/measures.hpp); everything they time was generated and
// signed before. docs/performance.md has figures.
#include "bench/measures.hpp"

#include "bench/node_process.hpp"
#include "contracts/executor.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"
#include "ledger/json/genesis_json.hpp"
#include "node/chain.hpp"
#include "node/mempool.hpp"
#include "node/producer.hpp"
#include "rpc/thread_priority.hpp"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>

namespace aif::bench {

using namespace aif::ledger;
namespace fs = std::filesystem;

double seconds_since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// CPU seconds (user + system) this process has used so far, on all threads.
double self_cpu_seconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto sec = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return sec(ru.ru_utime) + sec(ru.ru_stime);
}

long self_peak_rss_kib()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

std::string write_genesis(const Options& o, const std::vector<Address>& funded)
{
    auto g = bench_genesis_json(o.source_dir + "/genesis/dev.json", funded, o.max_block_txs);
    std::string path = o.work_dir + "/genesis.json";
    std::ofstream(path) << g.dump();
    return path;
}

Genesis load_genesis(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    auto g = json::genesis_from_text(ss.str());
    if (!g) throw std::runtime_error("bench genesis: " + g.error().message());
    return *g;
}

/// (a) Recover every signature once, on all cores.
Measure measure_recovery(const Workload& w, unsigned threads)
{
    std::atomic<std::size_t> bad{0};
    const double cpu0 = self_cpu_seconds();
    auto t0 = Clock::now();
    parallel_for(w.txs.size(), threads, [&](std::size_t i) {
        auto r = recover_signer(w.digests[i], w.txs[i].signature);
        if (!r || *r != w.senders[i % w.senders.size()]) ++bad;
    });
    double s = seconds_since(t0);
    const double cpu = self_cpu_seconds() - cpu0;
    if (bad)
        throw std::runtime_error("recovery mismatch in " + std::to_string(bad.load()) + " txs");
    const auto n = static_cast<double>(w.txs.size());
    return Measure{n / s, 1e6 * cpu / n};
}

namespace {

/// Transactions an admission thread verifies before it admits them together.
constexpr std::size_t ADMISSION_CHUNK = 64;

/// Commits the workload's untimed setup blocks (e.g. delegations and a proposal before votes).
void seal_setup(node::Chain& chain, const Workload& w, const SecretKey& validator)
{
    const Hash32 dsep = chain.domain_separator();
    for (const auto& txs : w.setup) {
        std::vector<VerifiedTx> block;
        block.reserve(txs.size());
        for (const auto& tx : txs) block.push_back(*verify_tx(dsep, tx));
        const std::uint64_t ts = chain.head().header.timestamp + 1;
        auto r = chain.seal(std::move(block), ts, validator);
        if (!r.rejected.empty())
            throw std::runtime_error("setup tx refused: " + r.rejected[0].second.message());
    }
}

/// Every sender's account nonce is what the workload says: all its txs really applied.
template <typename NonceOf>
void check_final_nonces(const Workload& w, const char* measure, std::size_t step,
                        NonceOf&& nonce_of)
{
    for (std::size_t i = 0; i < w.senders.size(); i += step)
        if (nonce_of(w.senders[i]) != w.final_nonces[i])
            throw std::runtime_error(std::string{measure} + " sender " + std::to_string(i) +
                                     " nonce mismatch");
}

/// Fails a wait that stops making progress: a tx refused inside a block leaves its sender's
/// later txs waiting in the pool for good, and the run would otherwise hang.
class StallGuard
{
public:
    explicit StallGuard(const char* measure) : m_measure(measure) {}
    /// Call with what changes while work goes on (e.g. pending count and height).
    void check(std::uint64_t pending, std::uint64_t height)
    {
        const auto now = Clock::now();
        if (pending != m_pending || height != m_height) {
            m_pending = pending;
            m_height = height;
            m_since = now;
        } else if (now - m_since > LIMIT) {
            throw std::runtime_error(
                std::string{m_measure} + " stalled: " + std::to_string(pending) +
                " txs still pending and no block for " +
                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(LIMIT).count()) +
                " s (a tx refused in a block strands its sender's later txs)");
        }
    }

private:
    static constexpr std::chrono::seconds LIMIT{30};
    const char* m_measure;
    std::uint64_t m_pending{~std::uint64_t{0}};
    std::uint64_t m_height{0};
    Clock::time_point m_since{Clock::now()};
};

/// Every sampled balance the workload expects is there (e.g. the market's buyers got their fills).
template <typename BalanceOf>
void check_final_balances(const Workload& w, const char* measure, std::size_t step,
                          BalanceOf&& balance_of)
{
    for (std::size_t i = 0; i < w.final_balances.size(); i += step) {
        const auto& b = w.final_balances[i];
        const u128 got = balance_of(w.senders[b.sender], b.asset);
        if (got != b.amount)
            throw std::runtime_error(std::string{measure} + " sender " + std::to_string(b.sender) +
                                     " holds " + u128_to_string(got) + " " + b.asset +
                                     ", expected " + u128_to_string(b.amount));
    }
}

}  // namespace

/// Runs the real producer over a Chain until `expected` txs are committed; verifiers decode and
/// recover each tx once as it "arrives" and admit it to the pool.
Measure measure_block_path(const Options& o, const Workload& w, const Genesis& genesis,
                           const SecretKey& validator, std::uint64_t* height_out)
{
    const std::string dir = o.work_dir + "/block-path";
    fs::remove_all(dir);
    node::Chain chain(genesis, dir);
    seal_setup(chain, w, validator);
    node::Mempool pool(node::MempoolConfig{w.txs.size() + 1, w.txs.size() + 1, w.txs.size() + 1});
    node::Clock clock(true, chain.head().header.timestamp);
    node::ProducerConfig pc;
    pc.interval = std::chrono::milliseconds(o.interval_ms);
    pc.max_block_txs = o.max_block_txs;
    node::SoloProducer producer(chain, pool, clock, validator, pc);
    producer.start();
    const Hash32 dsep = chain.domain_separator();
    std::atomic<std::size_t> rejected{0};
    const double cpu0 = self_cpu_seconds();
    auto t0 = Clock::now();
    // The admission threads run at the priority aif-node gives its RPC threads (--rpc-nice), so
    // the producer wins the CPU as it does in the node.
    // Each thread verifies a chunk, then reads the senders' nonces under one hold of the chain's
    // lock and admits the chunk under one hold of the pool's, as aif-node does for a JSON-RPC
    // batch of tx_send.
    parallel_for_ranges(
        w.encoded.size(), o.threads, ADMISSION_CHUNK,
        [&](std::size_t begin, std::size_t end) {
            const node::AdmissionScope admitting{&producer};
            std::vector<VerifiedTx> verified;
            verified.reserve(end - begin);
            for (std::size_t i = begin; i < end; ++i) {
                auto tx = decode_tx(ByteView{w.encoded[i]});
                auto vt = tx ? verify_tx(dsep, std::move(*tx)) : Result<VerifiedTx>(tx.error());
                if (vt)
                    verified.push_back(std::move(*vt));
                else
                    ++rejected;
            }
            std::vector<std::uint64_t> nonces;
            nonces.reserve(verified.size());
            chain.read([&](const StateView& s, const node::Head&) {
                for (const auto& vt : verified) nonces.push_back(contracts::nonce_of(s, vt.sender));
                return 0;
            });
            for (const auto& r : pool.add_batch(verified, nonces))
                if (!r) ++rejected;
            producer.notify();
        },
        [&] { (void)rpc::lower_thread_priority(static_cast<int>(o.admission_nice)); });
    const double admitted = seconds_since(t0);
    StallGuard stall("(b)");
    for (std::size_t pending; (pending = pool.size() + pool.in_flight()) > 0;) {
        stall.check(pending, chain.head().header.height);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    double s = seconds_since(t0);
    const double cpu = self_cpu_seconds() - cpu0;
    std::printf(
        "    (b) all verified and admitted after %.2f s; all committed after %.2f s; CPU busy "
        "%.0f%% of %u cores\n",
        admitted, s, 100 * cpu / (s * o.threads), o.threads);
    producer.stop();
    if (rejected) throw std::runtime_error(std::to_string(rejected.load()) + " txs refused in (b)");
    chain.read([&](const StateView& st, const node::Head& head) {
        check_final_nonces(w, "(b)", 1,
                           [&](const Address& a) { return contracts::nonce_of(st, a); });
        check_final_balances(w, "(b)", 1, [&](const Address& a, const std::string& asset) {
            return contracts::token::balance_of(st, a, asset);
        });
        *height_out = head.header.height;
        return 0;
    });
    const auto n = static_cast<double>(w.txs.size());
    return Measure{n / s, 1e6 * cpu / n};
}

/// The block path alone on pre-verified txs: apply + state root + synced commit, one thread.
double measure_seal_only(const Options& o, const Workload& w, const Genesis& genesis,
                         const SecretKey& validator)
{
    const std::string dir = o.work_dir + "/seal-only";
    fs::remove_all(dir);
    node::Chain chain(genesis, dir);
    seal_setup(chain, w, validator);
    const Hash32 dsep = chain.domain_separator();
    std::vector<VerifiedTx> verified(w.txs.size());
    parallel_for(w.txs.size(), o.threads,
                 [&](std::size_t i) { verified[i] = *verify_tx(dsep, w.txs[i]); });
    auto t0 = Clock::now();
    std::uint64_t ts = chain.head().header.timestamp;
    for (std::size_t start = 0; start < verified.size(); start += o.max_block_txs) {
        std::vector<VerifiedTx> block(
            std::make_move_iterator(verified.begin() + static_cast<std::ptrdiff_t>(start)),
            std::make_move_iterator(
                verified.begin() +
                static_cast<std::ptrdiff_t>(std::min(verified.size(), start + o.max_block_txs))));
        auto r = chain.seal(std::move(block), ++ts, validator);
        if (!r.rejected.empty())
            throw std::runtime_error("seal-only: " + r.rejected[0].second.message());
    }
    return static_cast<double>(w.txs.size()) / seconds_since(t0);
}

/// Feeds a real node over HTTP with `clients` connections until everything is committed.
Measure measure_end_to_end(const Options& o, const Workload& w, const std::string& genesis_path,
                           long* node_rss_kib)
{
    const std::string dir = o.work_dir + "/e2e";
    fs::remove_all(dir);
    // The pool holds the whole timed workload, or a setup block if one is larger; a sender may
    // hold all its txs (few senders, many txs each: the default per-sender limits would refuse
    // some and park the ones behind them for good).
    std::size_t largest_setup = 0;
    for (const auto& block : w.setup) largest_setup = std::max(largest_setup, block.size());
    const std::size_t pool_txs = std::max(w.txs.size(), largest_setup);
    const std::size_t per_sender =
        (w.txs.size() + w.senders.size() - 1) / w.senders.size() + largest_setup + 1;
    std::vector<std::string> args{
        "--genesis",           genesis_path,
        "--data-dir",          dir,
        "--validator-key",     o.source_dir + "/genesis/dev-validator.key",
        "--block-interval-ms", std::to_string(o.interval_ms),
        "--max-block-txs",     std::to_string(o.max_block_txs),
        "--rpc-nice",          std::to_string(o.admission_nice),
        "--mempool-max-txs",   std::to_string(pool_txs + 1),
        "--rpc-max-batch",     std::to_string(std::max<std::size_t>(o.batch, 2000))};
    for (const char* flag : {"--mempool-max-per-sender", "--mempool-max-nonce-gap"})
        args.insert(args.end(), {flag, std::to_string(std::max<std::size_t>(per_sender, 1000))});
    if (w.needs_dev_clock) args.emplace_back("--dev");
    NodeProcess node(o.node_binary, args);
    std::atomic<std::size_t> next{0}, errors{0};
    std::string first_error;
    std::mutex err_mu;
    const auto note_error = [&](const std::string& res) {
        if (res.find("\"error\"") == std::string::npos) return;
        ++errors;
        std::lock_guard l{err_mu};
        if (first_error.empty()) first_error = res.substr(0, 400);
    };
    // A connection per phase: the node closes one that sends nothing for its header timeout.
    const auto wait_committed = [&](RpcConnection& poll) {
        StallGuard stall("(c)");
        for (;;) {
            const auto info = poll.call("chain_getInfo");
            const auto pending = info["pendingTxs"].get<std::uint64_t>();
            if (pending == 0) return;
            stall.check(pending, info["height"].get<std::uint64_t>());
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    };
    // Untimed setup, block by block over the same RPC.
    if (!w.setup.empty()) {
        RpcConnection setup(node.port());
        for (const auto& block : w.setup) {
            for (const auto& body : setup_rpc_batches(block, o.batch)) note_error(setup.post(body));
            wait_committed(setup);
        }
    }
    if (errors) throw std::runtime_error("(c) setup refused: " + first_error);
    const double cpu0 = node.cpu_seconds();
    auto t0 = Clock::now();
    std::vector<std::thread> clients;
    for (unsigned c = 0; c < o.clients; ++c)
        clients.emplace_back([&] {
            RpcConnection conn(node.port());
            for (std::size_t b; (b = next++) < w.rpc_batches.size();)
                note_error(conn.post(w.rpc_batches[b]));
        });
    for (auto& t : clients) t.join();
    RpcConnection poll(node.port());
    wait_committed(poll);
    double s = seconds_since(t0);
    const double cpu = node.cpu_seconds() - cpu0;
    std::printf("    (c) aif-node CPU busy %.0f%% of %u cores (aif-bench's clients use the rest)\n",
                100 * cpu / (s * std::thread::hardware_concurrency()),
                std::thread::hardware_concurrency());
    if (errors)
        throw std::runtime_error("(c) " + std::to_string(errors.load()) +
                                 " batches had errors: " + first_error);
    check_final_nonces(w, "(c)", std::max<std::size_t>(1, w.senders.size() / 50),
                       [&](const Address& a) {
                           return poll.call("account_get", {{"address", to_checksum(a)}})["nonce"]
                               .get<std::uint64_t>();
                       });
    check_final_balances(
        w, "(c)", std::max<std::size_t>(1, w.final_balances.size() / 50),
        [&](const Address& a, const std::string& asset) {
            const auto r =
                poll.call("token_getBalance", {{"address", to_checksum(a)}, {"asset", asset}});
            const auto amount = u128_from_string(r.at("amount").get<std::string>());
            if (!amount) throw std::runtime_error("(c) token_getBalance answered " + r.dump());
            return *amount;
        });
    *node_rss_kib = node.peak_rss_kib();
    const auto n = static_cast<double>(w.txs.size());
    return Measure{n / s, 1e6 * cpu / n};
}

}  // namespace aif::bench
