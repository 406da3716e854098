// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-bench: throughput of signed transfers against the signature-recovery ceiling (issue 7).
//   (a) raw secp256k1 recovery of the workload's signatures on all cores — the reference;
//   (b) the node's block path in-process: verify on all cores as txs arrive, mempool, the real
//       SoloProducer sealing and committing blocks into RocksDB;
//   (c) end to end: a real aif-node process fed JSON-RPC tx_send batches over HTTP until every
//       transaction is committed.
// Everything is generated and signed before any timed part. docs/performance.md has figures.
#include "bench/node_process.hpp"
#include "bench/workload.hpp"
#include "contracts/executor.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"
#include "ledger/json/genesis_json.hpp"
#include "node/allocator.hpp"
#include "node/chain.hpp"
#include "node/config.hpp"
#include "node/mempool.hpp"
#include "node/producer.hpp"
#include "rpc/limits.hpp"
#include "rpc/thread_priority.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <sys/resource.h>
#include <thread>

using namespace aif;
using namespace aif::ledger;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    std::size_t txs{100'000};
    std::size_t senders{2'000};
    unsigned threads{std::max(1u, std::thread::hardware_concurrency())};
    std::size_t batch{500};
    unsigned clients{2};
    std::uint32_t interval_ms{200};
    std::uint32_t max_block_txs{20'000};
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

double seconds_since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// CPU seconds (user + system) this process has used so far, on all threads.
double self_cpu_seconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return sec(ru.ru_utime) + sec(ru.ru_stime);
}

long self_peak_rss_kib()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

std::uint64_t dir_bytes(const fs::path& p)
{
    std::uint64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

std::string write_genesis(const Options& o, const std::vector<Address>& funded)
{
    auto g = bench::bench_genesis_json(o.source_dir + "/genesis/dev.json", funded, o.max_block_txs);
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

/// A measure's throughput and the CPU it spent per transaction (all threads; for (c) the node's).
/// CPU time does not count time the hypervisor gave to other guests, so CPU ratios stay put
/// while the machine's wall-clock speed drifts.
struct Measure
{
    double rate{0};
    double cpu_us{0};
};

/// (a) Recover every signature once, on all cores.
Measure measure_recovery(const bench::Workload& w, unsigned threads)
{
    std::atomic<std::size_t> bad{0};
    const double cpu0 = self_cpu_seconds();
    auto t0 = Clock::now();
    bench::parallel_for(w.txs.size(), threads, [&](std::size_t i) {
        auto r = recover_signer(w.digests[i], w.txs[i].signature);
        if (!r || *r != w.senders[i % w.senders.size()]) ++bad;
    });
    double s = seconds_since(t0);
    const double cpu = self_cpu_seconds() - cpu0;
    if (bad) throw std::runtime_error("recovery mismatch in " + std::to_string(bad.load()) + " txs");
    const auto n = static_cast<double>(w.txs.size());
    return Measure{n / s, 1e6 * cpu / n};
}

/// Commits the workload's untimed setup blocks (e.g. delegations and a proposal before votes).
void seal_setup(node::Chain& chain, const bench::Workload& w, const SecretKey& validator)
{
    const Hash32 dsep = chain.domain_separator();
    for (const auto& txs : w.setup) {
        std::vector<VerifiedTx> block;
        block.reserve(txs.size());
        for (const auto& tx : txs) block.push_back(*verify_tx(dsep, tx));
        const std::uint64_t ts = chain.head().header.timestamp + 1;
        auto r = chain.seal(std::move(block), ts, validator);
        if (!r.rejected.empty()) throw std::runtime_error("setup tx refused: " + r.rejected[0].second.message());
    }
}

/// Every sender's account nonce is what the workload says: all its txs really applied.
template <typename NonceOf>
void check_final_nonces(const bench::Workload& w, const char* measure, std::size_t step, NonceOf&& nonce_of)
{
    for (std::size_t i = 0; i < w.senders.size(); i += step)
        if (nonce_of(w.senders[i]) != w.final_nonces[i])
            throw std::runtime_error(std::string{measure} + " sender " + std::to_string(i) + " nonce mismatch");
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
            throw std::runtime_error(std::string{m_measure} + " stalled: " + std::to_string(pending) +
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
void check_final_balances(const bench::Workload& w, const char* measure, std::size_t step, BalanceOf&& balance_of)
{
    for (std::size_t i = 0; i < w.final_balances.size(); i += step) {
        const auto& b = w.final_balances[i];
        const u128 got = balance_of(w.senders[b.sender], b.asset);
        if (got != b.amount)
            throw std::runtime_error(std::string{measure} + " sender " + std::to_string(b.sender) + " holds " +
                                     u128_to_string(got) + " " + b.asset + ", expected " + u128_to_string(b.amount));
    }
}

/// Runs the real producer over a Chain until `expected` txs are committed; verifiers decode and
/// recover each tx once as it "arrives" and admit it to the pool.
Measure measure_block_path(const Options& o, const bench::Workload& w, const Genesis& genesis,
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
    bench::parallel_for(
        w.encoded.size(), o.threads,
        [&](std::size_t i) {
            auto tx = decode_tx(ByteView{w.encoded[i]});
            auto vt = tx ? verify_tx(dsep, std::move(*tx)) : Result<VerifiedTx>(tx.error());
            if (!vt) {
                ++rejected;
                return;
            }
            const std::uint64_t n = chain.read([&](const StateView& s, const node::Head&) {
                return contracts::nonce_of(s, vt->sender);
            });
            if (!pool.add(std::move(*vt), n)) ++rejected;
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
    std::printf("    (b) all verified and admitted after %.2f s; all committed after %.2f s; CPU busy %.0f%% of %u cores\n",
                admitted, s, 100 * cpu / (s * o.threads), o.threads);
    producer.stop();
    if (rejected) throw std::runtime_error(std::to_string(rejected.load()) + " txs refused in (b)");
    chain.read([&](const StateView& st, const node::Head& head) {
        check_final_nonces(w, "(b)", 1, [&](const Address& a) { return contracts::nonce_of(st, a); });
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
double measure_seal_only(const Options& o, const bench::Workload& w, const Genesis& genesis,
                         const SecretKey& validator)
{
    const std::string dir = o.work_dir + "/seal-only";
    fs::remove_all(dir);
    node::Chain chain(genesis, dir);
    seal_setup(chain, w, validator);
    const Hash32 dsep = chain.domain_separator();
    std::vector<VerifiedTx> verified(w.txs.size());
    bench::parallel_for(w.txs.size(), o.threads, [&](std::size_t i) { verified[i] = *verify_tx(dsep, w.txs[i]); });
    auto t0 = Clock::now();
    std::uint64_t ts = chain.head().header.timestamp;
    for (std::size_t start = 0; start < verified.size(); start += o.max_block_txs) {
        std::vector<VerifiedTx> block(std::make_move_iterator(verified.begin() + static_cast<std::ptrdiff_t>(start)),
                                      std::make_move_iterator(verified.begin() + static_cast<std::ptrdiff_t>(
                                          std::min(verified.size(), start + o.max_block_txs))));
        auto r = chain.seal(std::move(block), ++ts, validator);
        if (!r.rejected.empty()) throw std::runtime_error("seal-only: " + r.rejected[0].second.message());
    }
    return static_cast<double>(w.txs.size()) / seconds_since(t0);
}

/// Feeds a real node over HTTP with `clients` connections until everything is committed.
Measure measure_end_to_end(const Options& o, const bench::Workload& w, const std::string& genesis_path,
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
    const std::size_t per_sender = (w.txs.size() + w.senders.size() - 1) / w.senders.size() + largest_setup + 1;
    std::vector<std::string> args{"--genesis", genesis_path, "--data-dir", dir, "--validator-key",
                                  o.source_dir + "/genesis/dev-validator.key", "--block-interval-ms",
                                  std::to_string(o.interval_ms), "--max-block-txs",
                                  std::to_string(o.max_block_txs), "--rpc-nice", std::to_string(o.admission_nice),
                                  "--mempool-max-txs", std::to_string(pool_txs + 1), "--rpc-max-batch",
                                  std::to_string(std::max<std::size_t>(o.batch, 2000))};
    for (const char* flag : {"--mempool-max-per-sender", "--mempool-max-nonce-gap"})
        args.insert(args.end(), {flag, std::to_string(std::max<std::size_t>(per_sender, 1000))});
    if (w.needs_dev_clock) args.emplace_back("--dev");
    bench::NodeProcess node(o.node_binary, args);
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
    const auto wait_committed = [&](bench::RpcConnection& poll) {
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
        bench::RpcConnection setup(node.port());
        for (const auto& block : w.setup) {
            for (const auto& body : bench::setup_rpc_batches(block, o.batch)) note_error(setup.post(body));
            wait_committed(setup);
        }
    }
    if (errors) throw std::runtime_error("(c) setup refused: " + first_error);
    const double cpu0 = node.cpu_seconds();
    auto t0 = Clock::now();
    std::vector<std::thread> clients;
    for (unsigned c = 0; c < o.clients; ++c)
        clients.emplace_back([&] {
            bench::RpcConnection conn(node.port());
            for (std::size_t b; (b = next++) < w.rpc_batches.size();) note_error(conn.post(w.rpc_batches[b]));
        });
    for (auto& t : clients) t.join();
    bench::RpcConnection poll(node.port());
    wait_committed(poll);
    double s = seconds_since(t0);
    const double cpu = node.cpu_seconds() - cpu0;
    std::printf("    (c) aif-node CPU busy %.0f%% of %u cores (aif-bench's clients use the rest)\n", 100 * cpu / (s * std::thread::hardware_concurrency()),
                std::thread::hardware_concurrency());
    if (errors) throw std::runtime_error("(c) " + std::to_string(errors.load()) + " batches had errors: " + first_error);
    check_final_nonces(w, "(c)", std::max<std::size_t>(1, w.senders.size() / 50), [&](const Address& a) {
        return poll.call("account_get", {{"address", to_checksum(a)}})["nonce"].get<std::uint64_t>();
    });
    check_final_balances(w, "(c)", std::max<std::size_t>(1, w.final_balances.size() / 50),
                         [&](const Address& a, const std::string& asset) {
                             const auto r = poll.call("token_getBalance", {{"address", to_checksum(a)}, {"asset", asset}});
                             const auto amount = u128_from_string(r.at("amount").get<std::string>());
                             if (!amount) throw std::runtime_error("(c) token_getBalance answered " + r.dump());
                             return *amount;
                         });
    *node_rss_kib = node.peak_rss_kib();
    const auto n = static_cast<double>(w.txs.size());
    return Measure{n / s, 1e6 * cpu / n};
}

/// Runs (a), (b) and (c) on one workload, `o.runs` times, and prints figures and medians.
void run_measures(const Options& o, const bench::Workload& w, const Genesis& genesis,
                  const std::string& gpath, const SecretKey& validator)
{
    auto want = [&](const char* m) { return o.only.empty() || o.only == m; };
    // The machine's speed drifts by ±15 % within minutes (a shared VM), so each ratio's
    // reference brackets its measure: (a) runs before and after (b), and again after
    // (c), and a ratio divides by the mean of the two (a) runs around it.
    struct Round
    {
        std::vector<Measure> a;
        Measure b, c;
        Measure ref_b, ref_c;
    };
    std::vector<Round> rounds;
    long node_rss = 0;
    const bool ratios = o.only.empty();
    auto recovery = [&](Round& r, const char* label) -> Measure {
        r.a.push_back(measure_recovery(w, o.threads));
        std::printf("(a) signature recovery, %u threads:      %9.0f tx/s  %6.1f µs CPU/tx  (reference, %s)\n",
                    o.threads, r.a.back().rate, r.a.back().cpu_us, label);
        return r.a.back();
    };
    auto mean = [](const Measure& x, const Measure& y) {
        return Measure{(x.rate + y.rate) / 2, (x.cpu_us + y.cpu_us) / 2};
    };
    auto report = [](const char* name, const Measure& m, const Measure& ref) {
        std::printf("    %s/a = %.2f  (against %.0f tx/s, the mean of the two (a) runs around it);"
                    " CPU per tx: a/%s = %.2f\n",
                    name, m.rate / ref.rate, ref.rate, name, ref.cpu_us / m.cpu_us);
    };
    for (unsigned run = 1; run <= o.runs; ++run) {
        if (o.runs > 1) std::printf("-- run %u of %u\n", run, o.runs);
        Round r;
        if (want("seal")) {
            const double sealed = measure_seal_only(o, w, genesis, validator);
            std::printf("    apply+root+commit only, 1 thread:     %9.0f tx/s  (pre-verified; for diagnosis)\n", sealed);
        }
        if (want("a")) recovery(r, "before (b)");
        if (want("b")) {
            std::uint64_t height = 0;
            r.b = measure_block_path(o, w, genesis, validator, &height);
            std::printf("(b) verify+apply+commit (block path):     %9.0f tx/s  %6.1f µs CPU/tx  (%llu blocks)\n",
                        r.b.rate, r.b.cpu_us, static_cast<unsigned long long>(height));
        }
        const bool run_c = !o.skip_e2e && want("c");
        if (ratios) {
            const Measure before = r.a.back();  // a copy: recovery() appends to r.a
            r.ref_b = mean(before, recovery(r, run_c ? "after (b), before (c)" : "after (b)"));
            report("b", r.b, r.ref_b);
        }
        if (run_c) {
            long rss = 0;
            r.c = measure_end_to_end(o, w, gpath, &rss);
            node_rss = std::max(node_rss, rss);
            std::printf("(c) end to end, JSON-RPC over HTTP:       %9.0f tx/s  %6.1f µs CPU/tx of aif-node  (%u clients, batches of %zu)\n",
                        r.c.rate, r.c.cpu_us, o.clients, o.batch);
            std::printf("aif-node peak RSS in (c): %.1f MiB\n", static_cast<double>(rss) / 1024);
            if (ratios) {
                const Measure before = r.a.back();
                r.ref_c = mean(before, recovery(r, "after (c)"));
                report("c", r.c, r.ref_c);
            }
        }
        rounds.push_back(r);
    }
    if (o.runs > 1 && ratios) {
        // Each ratio is taken within its run; the median over runs damps a noisy
        // neighbour on a small machine.
        auto median = [&](auto pick) {
            std::vector<double> v;
            for (const auto& r : rounds) v.push_back(pick(r));
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        std::printf("median of %u runs, %s: (a) %.0f tx/s", o.runs, w.name.c_str(), median([](const Round& r) { return r.ref_b.rate; }));
        std::printf("  b/a = %.2f", median([](const Round& r) { return r.b.rate / r.ref_b.rate; }));
        if (!o.skip_e2e) std::printf("  c/a = %.2f", median([](const Round& r) { return r.c.rate / r.ref_c.rate; }));
        std::printf("\n  CPU per tx (a over the measure): b %.2f",
                    median([](const Round& r) { return r.ref_b.cpu_us / r.b.cpu_us; }));
        if (!o.skip_e2e) std::printf("  c %.2f", median([](const Round& r) { return r.ref_c.cpu_us / r.c.cpu_us; }));
        std::printf("\n");
    }
}

void run_state_size(const Options& o)
{
    // Fund `state_accounts` fresh addresses through real transfers in blocks, then restart a real
    // node on the data directory: disk size, restart time (no block replay) and RSS.
    const std::size_t n = o.state_accounts;
    const std::size_t senders = std::max<std::size_t>(o.senders, n / 500);
    std::cout << "state size: funding " << n << " accounts from " << senders << " senders\n";
    std::vector<Address> funded(senders);
    std::vector<SecretKey> keys(senders);
    bench::parallel_for(senders, o.threads, [&](std::size_t i) {
        keys[i] = bench::bench_key(i);
        funded[i] = address_of(*public_key_of(keys[i]));
    });
    const std::string gpath = write_genesis(o, funded);
    const Genesis genesis = load_genesis(gpath);
    const SecretKey validator = node::read_key_file(o.source_dir + "/genesis/dev-validator.key");
    const std::string dir = o.work_dir + "/state";
    fs::remove_all(dir);
    const Hash32 dsep = domain_separator({genesis.chain_id});
    const TxTypeDef* transfer = find_tx_type("Transfer");
    auto t0 = Clock::now();
    {
        node::Chain chain(genesis, dir);
        std::uint64_t ts = genesis.genesis_time;
        for (std::size_t start = 0; start < n; start += o.max_block_txs) {
            const std::size_t end = std::min(n, start + o.max_block_txs);
            std::vector<VerifiedTx> block(end - start);
            bench::parallel_for(end - start, o.threads, [&](std::size_t j) {
                const std::size_t i = start + j;
                Address to;
                Hash32 h = keccak256(std::string_view{"aif-bench account " + std::to_string(i)});
                std::copy(h.bytes.begin(), h.bytes.begin() + 20, to.bytes.begin());
                Tx tx;
                tx.type = transfer;
                tx.fields = {std::uint64_t{i / senders}, u128{1'000'000'000'000'000ULL}, to,
                             std::string{"AIF"}, u128{1'000'000'000'000'000'000ULL}, std::string{}};
                Hash32 d = signing_digest(dsep, tx);
                tx.signature = *sign_digest(d, keys[i % senders]);
                block[j] = *verify_tx(dsep, std::move(tx));
            });
            auto r = chain.seal(std::move(block), ++ts, validator);
            if (!r.rejected.empty()) throw std::runtime_error("funding tx refused: " + r.rejected[0].second.message());
            if ((start / o.max_block_txs) % 10 == 0)
                std::cout << "  funded " << end << " / " << n << " (" << seconds_since(t0) << " s)\n" << std::flush;
        }
    }
    std::cout << "funding took " << seconds_since(t0) << " s\n";
    std::printf("state on disk:   %.1f MiB (%s)\n", static_cast<double>(dir_bytes(dir)) / (1 << 20), dir.c_str());
    bench::NodeProcess node(o.node_binary, {"--genesis", gpath, "--data-dir", dir});
    std::printf("restart time:    %.2f s to serving RPC (state loaded and root re-checked; no block replay)\n",
                node.startup_seconds());
    std::printf("node peak RSS:   %.1f MiB\n", static_cast<double>(node.peak_rss_kib()) / 1024);
    bench::RpcConnection c(node.port());
    std::cout << "head after restart: " << c.call("chain_getInfo").dump() << "\n";
}

}  // namespace

int main(int argc, char** argv)
{
    namespace po = boost::program_options;
    node::tune_allocator();  // as aif-node does: (b) runs the node's block path in-process
    Options o;
    const fs::path self = fs::canonical("/proc/self/exe");
    o.node_binary = (self.parent_path().parent_path() / "node" / "aif-node").string();
    o.source_dir = AIF_BENCH_SOURCE_DIR;
    po::options_description opts("aif-bench — transfer throughput against the signature-recovery ceiling\n\nOptions");
    // clang-format off
    opts.add_options()
        ("help,h", "print this help")
        ("txs", po::value(&o.txs)->default_value(o.txs), "signed transfers in the workload")
        ("senders", po::value(&o.senders)->default_value(o.senders), "distinct funded senders")
        ("threads", po::value(&o.threads)->default_value(o.threads), "threads for recovery and verification")
        ("batch", po::value(&o.batch)->default_value(o.batch), "tx_send calls per JSON-RPC batch in (c)")
        ("clients", po::value(&o.clients)->default_value(o.clients), "HTTP connections feeding the node in (c)")
        ("block-interval-ms", po::value(&o.interval_ms)->default_value(o.interval_ms), "producer interval")
        ("max-block-txs", po::value(&o.max_block_txs)->default_value(o.max_block_txs), "most txs per block")
        ("admission-nice", po::value(&o.admission_nice)->default_value(o.admission_nice), "nice levels admission runs below block production: (b)'s threads, aif-node --rpc-nice in (c)")
        ("skip-e2e", po::bool_switch(&o.skip_e2e), "skip (c), the real-node run")
        ("runs", po::value(&o.runs)->default_value(o.runs), "repeat the measures N times; print the median ratios")
        ("workloads", po::value<std::string>()->default_value("transfers,votes,market"), "comma-separated workloads to measure: transfers (Transfer of AIF), votes (DAO Vote on one proposal, after untimed delegations and the proposal), market (PlaceOrder buys and sells of one FilmToken that fill each other, after an untimed film submission, share issuance and share transfers to every other sender)")
        ("only", po::value(&o.only), "run one measure only: a, seal, b or c (to profile it; ratios need a)")
        ("state-size", po::value(&o.state_accounts), "instead: fund N accounts, report disk size, restart time, RSS")
        ("node", po::value(&o.node_binary)->default_value(o.node_binary), "aif-node binary for (c)")
        ("source-dir", po::value(&o.source_dir)->default_value(o.source_dir), "repository root (genesis/)")
        ("work-dir", po::value(&o.work_dir), "scratch directory (default: a new temp dir, removed after)");
    // clang-format on
    try {
        po::variables_map vm;
        po::store(po::parse_command_line(argc, argv, opts), vm);
        if (vm.count("help")) {
            std::cout << opts << "\n";
            return 0;
        }
        po::notify(vm);
        o.workloads.clear();
        std::stringstream list(vm["workloads"].as<std::string>());
        for (std::string item; std::getline(list, item, ',');) {
            if (item != "transfers" && item != "votes" && item != "market")
                throw std::invalid_argument("--workloads: unknown workload '" + item + "' (transfers, votes, market)");
            o.workloads.push_back(item);
        }
        if (o.workloads.empty()) throw std::invalid_argument("--workloads: name at least one");
        if (o.senders < 2 && std::find(o.workloads.begin(), o.workloads.end(), "market") != o.workloads.end())
            throw std::invalid_argument("--senders: the market workload needs at least 2 (a buyer and a seller)");
        if (o.runs == 0) throw std::invalid_argument("--runs must be positive");
        if (o.senders == 0 || o.txs == 0 || o.threads == 0) throw std::invalid_argument("--txs, --senders, --threads must be positive");
        if (!o.only.empty() && o.only != "a" && o.only != "seal" && o.only != "b" && o.only != "c")
            throw std::invalid_argument("--only must be a, seal, b or c");
    } catch (const std::exception& e) {
        std::cerr << "aif-bench: " << e.what() << "\n";
        return 2;
    }
    const bool own_dir = o.work_dir.empty();
    if (own_dir) o.work_dir = (fs::temp_directory_path() / ("aif-bench-" + std::to_string(getpid()))).string();
    fs::create_directories(o.work_dir);
    try {
        std::printf("machine: %u hardware threads; using %u\n", std::thread::hardware_concurrency(), o.threads);
        if (o.state_accounts > 0) {
            run_state_size(o);
        } else {
            std::vector<Address> funded;
            for (std::size_t i = 0; i < o.senders; ++i) funded.push_back(address_of(*public_key_of(bench::bench_key(i))));
            const std::string gpath = write_genesis(o, funded);
            const Genesis genesis = load_genesis(gpath);
            const SecretKey validator = node::read_key_file(o.source_dir + "/genesis/dev-validator.key");
            for (const auto& kind : o.workloads) {
                auto tg = Clock::now();
                const bench::Workload w =
                    kind == "votes"    ? bench::make_votes(genesis.chain_id, o.txs, o.senders, o.batch, o.threads)
                    : kind == "market" ? bench::make_market(genesis.chain_id, o.txs, o.senders, o.batch, o.threads)
                                       : bench::make_transfers(genesis.chain_id, o.txs, o.senders, o.batch, o.threads);
                std::printf("== %s: %zu txs from %zu senders (after %zu setup blocks), generated and signed in %.1f s\n",
                            w.name.c_str(), w.txs.size(), w.senders.size(), w.setup.size(), seconds_since(tg));
                run_measures(o, w, genesis, gpath, validator);
            }
            std::printf("aif-bench peak RSS: %.1f MiB\n", static_cast<double>(self_peak_rss_kib()) / 1024);
        }
    } catch (const std::exception& e) {
        std::cerr << "aif-bench: error: " << e.what() << "\n";
        if (own_dir) fs::remove_all(o.work_dir);
        return 1;
    }
    if (own_dir) fs::remove_all(o.work_dir);
    return 0;
}
