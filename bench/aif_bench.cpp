// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-bench: throughput of signed transfers against the signature-recovery ceiling (issue 7).
//   (a) raw secp256k1 recovery of the workload's signatures on all cores — the reference;
//   (b) the node's block path in-process: verify on all cores as txs arrive, mempool, the real
//       SoloProducer sealing and committing blocks into RocksDB;
//   (c) end to end: a real aif-node process fed JSON-RPC tx_send batches over HTTP until every
//       transaction is committed.
// Everything is generated and signed before any timed part (bench/measures.cpp has the
// measures). docs/performance.md has figures.
#include "bench/measures.hpp"
#include "bench/workload.hpp"
#include "ledger/crypto.hpp"
#include "node/allocator.hpp"
#include "node/config.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unistd.h>

using namespace aif;
using namespace aif::ledger;
using namespace aif::bench;
namespace fs = std::filesystem;

namespace {

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
