// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-bench --state-size N: state size on disk, restart time and RSS with N funded accounts.
#include "bench/measures.hpp"

#include "bench/node_process.hpp"
#include "ledger/crypto.hpp"
#include "node/chain.hpp"
#include "node/config.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace aif::bench {

using namespace aif::ledger;
namespace fs = std::filesystem;

namespace {

std::uint64_t dir_bytes(const fs::path& p)
{
    std::uint64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}

}  // namespace

void run_state_size(const Options& o)
{
    // Fund `state_accounts` fresh addresses through real transfers in blocks, then restart a real
    // node on the data directory: disk size, restart time (no block replay) and RSS.
    const std::size_t n = o.state_accounts;
    const std::size_t senders = std::max<std::size_t>(o.senders, n / 500);
    std::cout << "state size: funding " << n << " accounts from " << senders << " senders\n";
    std::vector<Address> funded(senders);
    std::vector<SecretKey> keys(senders);
    parallel_for(senders, o.threads, [&](std::size_t i) {
        keys[i] = bench_key(i);
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
            parallel_for(end - start, o.threads, [&](std::size_t j) {
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
    NodeProcess node(o.node_binary, {"--genesis", gpath, "--data-dir", dir});
    std::printf("restart time:    %.2f s to serving RPC (state loaded and root re-checked; no block replay)\n",
                node.startup_seconds());
    std::printf("node peak RSS:   %.1f MiB\n", static_cast<double>(node.peak_rss_kib()) / 1024);
    RpcConnection c(node.port());
    std::cout << "head after restart: " << c.call("chain_getInfo").dump() << "\n";
}

}  // namespace aif::bench
