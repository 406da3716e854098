// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/config.hpp"

#include "rpc/http_policy.hpp"
#include "rpc/thread_priority.hpp"

#include <boost/program_options.hpp>

#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace aif::node {

namespace po = boost::program_options;

namespace {

/// A flag value that must be a plain decimal count. Boost reads "-1" into an unsigned target as
/// 2^64 - 1, so every numeric flag goes through this instead of po::value<unsigned type>.
template <typename T>
struct Count
{
    T value;
};

/// Found by boost::program_options through argument-dependent lookup.
template <typename T>
void validate(boost::any& out, const std::vector<std::string>& values, Count<T>*, int)
{
    po::validators::check_first_occurrence(out);
    const std::string& s = po::validators::get_single_string(values);
    T v{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size())
        throw po::invalid_option_value(s);
    out = Count<T>{v};
}

/// A numeric flag that writes `*target`, whose current value is the default.
template <typename T>
po::typed_value<Count<T>>* count_value(T* target)
{
    return po::value<Count<T>>()
        ->default_value(Count<T>{*target}, std::to_string(*target))
        ->notifier([target](const Count<T>& c) { *target = c.value; });
}

/// Smallest --rpc-max-header-bytes: below it ordinary clients' headers are refused.
constexpr std::uint32_t MIN_HEADER_BYTES = 1024;

}  // namespace

std::optional<NodeConfig> parse_flags(int argc, char** argv)
{
    NodeConfig c;
    std::string rpc_addr = "127.0.0.1:8645";
    std::uint64_t interval_ms = static_cast<std::uint64_t>(c.producer.interval.count());
    std::uint64_t mempool_lifetime_s = static_cast<std::uint64_t>(c.mempool.lifetime.count());
    std::vector<std::string> allow_origins;
    po::options_description opts("aif-node — the aifchain node\n\nUsage: aif-node --genesis FILE --data-dir DIR [options]\n\nOptions");
    // clang-format off
    opts.add_options()
        ("help,h", "print this help and exit")
        ("genesis", po::value(&c.genesis_path)->required(), "genesis JSON file (e.g. genesis/dev.json)")
        ("data-dir", po::value(&c.data_dir)->required(), "RocksDB data directory (created if missing)")
        ("rpc-addr", po::value(&rpc_addr)->default_value(rpc_addr), "JSON-RPC listen address HOST:PORT (port 0 picks a free one)")
        ("dev", po::bool_switch(&c.dev), "enable dev_* methods and the dev clock (chain time starts at the head's time)")
        ("validator-key", po::value<std::string>(), "file holding this validator's secret key (0x + 64 hex); without it the node produces no blocks")
        ("block-interval-ms", count_value(&interval_ms), "longest wait before sealing waiting transactions (1..1000)")
        ("max-block-txs", count_value(&c.producer.max_block_txs), "most transactions per block")
        ("mempool-max-txs", count_value(&c.mempool.max_txs), "most transactions the mempool holds")
        ("mempool-max-per-sender", count_value(&c.mempool.max_per_sender), "most pending transactions per sender")
        ("mempool-max-nonce-gap", count_value(&c.mempool.max_nonce_gap), "how far beyond its account's next nonce a transaction may be queued (further: nonce_too_high)")
        ("mempool-lifetime-s", count_value(&mempool_lifetime_s), "a sender with queued transactions and no activity (nothing admitted or taken into a block) for this long loses them (1..2592000)")
        ("rpc-max-body-bytes", count_value(&c.limits.max_body_bytes), "largest HTTP request body (larger: HTTP 413)")
        ("rpc-max-header-bytes", count_value(&c.limits.max_header_bytes), "largest HTTP request line + headers (larger: HTTP 431)")
        ("rpc-max-inflight-bytes", count_value(&c.limits.max_inflight_bytes), "request body bytes all connections together may hold while receiving, beyond the first 64 KiB of each body (over it: HTTP 503)")
        ("rpc-max-batch", count_value(&c.limits.max_batch), "most calls in one JSON-RPC batch")
        ("rpc-max-depth", count_value(&c.limits.max_depth), "deepest JSON nesting accepted")
        ("rpc-max-connections", count_value(&c.limits.max_connections), "most concurrent RPC connections; at the cap a new connection evicts the one waiting longest for its request")
        ("rpc-max-connections-per-ip", count_value(&c.limits.max_connections_per_ip), "most concurrent RPC connections from one IP address (IPv6: one /64), enforced the same way; 0 = no per-address cap")
        ("rpc-header-timeout-ms", count_value(&c.limits.header_timeout_ms), "close a connection that has not sent a complete request line and headers this long after connecting (or after its first byte, on keep-alive)")
        ("rpc-idle-timeout-ms", count_value(&c.limits.idle_timeout_ms), "close a connection idle this long, or whose request (body included) has not arrived this long after its first byte")
        ("rpc-allow-origin", po::value(&allow_origins)->composing(), "browser Origin allowed to call the RPC (e.g. http://localhost:3000; repeat or comma-separate; * = any); requests with any other Origin header get HTTP 403. Default: none")
        ("rpc-threads", count_value(&c.limits.threads), "RPC worker threads")
        ("rpc-nice", count_value(&c.limits.thread_nice), "nice levels the RPC worker threads (where admission verifies signatures) run below block production, so a flood of tx_send never starves the producer (0..19)");
    // clang-format on
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, opts), vm);
    if (vm.count("help")) {
        std::cout << opts << "\n";
        return std::nullopt;
    }
    po::notify(vm);
    if (vm.count("validator-key")) c.validator_key_path = vm["validator-key"].as<std::string>();
    if (interval_ms < 1 || interval_ms > 1000)
        throw std::invalid_argument("--block-interval-ms must be 1..1000");
    c.producer.interval = std::chrono::milliseconds(interval_ms);
    if (c.producer.max_block_txs == 0) throw std::invalid_argument("--max-block-txs must be positive");
    if (mempool_lifetime_s < 1 || mempool_lifetime_s > 30ull * 24 * 3600)
        throw std::invalid_argument("--mempool-lifetime-s must be 1..2592000");
    c.mempool.lifetime = std::chrono::seconds(mempool_lifetime_s);
    if (c.mempool.max_txs == 0 || c.mempool.max_per_sender == 0)
        throw std::invalid_argument("--mempool-max-txs and --mempool-max-per-sender must be positive");
    if (c.limits.max_header_bytes < MIN_HEADER_BYTES)
        throw std::invalid_argument("--rpc-max-header-bytes must be at least " +
                                    std::to_string(MIN_HEADER_BYTES));
    if (c.limits.thread_nice > rpc::MAX_THREAD_NICE)
        throw std::invalid_argument("--rpc-nice must be 0.." + std::to_string(rpc::MAX_THREAD_NICE));
    if (c.limits.header_timeout_ms == 0)
        throw std::invalid_argument("--rpc-header-timeout-ms must be positive");
    if (c.limits.max_inflight_bytes < c.limits.max_body_bytes)
        throw std::invalid_argument(
            "--rpc-max-inflight-bytes must be at least --rpc-max-body-bytes, "
            "or a body of the largest size could never be received");
    for (const auto& value : allow_origins) {
        std::stringstream list(value);
        for (std::string origin; std::getline(list, origin, ',');) {
            std::string normal = rpc::normalize_origin(origin);
            if (normal.empty())
                throw std::invalid_argument("--rpc-allow-origin: '" + origin +
                                            "' is not *, null or SCHEME://HOST[:PORT]");
            c.limits.allow_origins.push_back(std::move(normal));
        }
    }
    auto colon = rpc_addr.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw std::invalid_argument("--rpc-addr must be HOST:PORT");
    c.rpc_host = rpc_addr.substr(0, colon);
    try {
        unsigned long port = std::stoul(rpc_addr.substr(colon + 1));
        if (port > 65535) throw std::out_of_range("port");
        c.rpc_port = static_cast<std::uint16_t>(port);
    } catch (const std::exception&) {
        throw std::invalid_argument("--rpc-addr: bad port in '" + rpc_addr + "'");
    }
    return c;
}

ledger::SecretKey read_key_file(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read key file " + path);
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    auto key = ledger::fixed_from_hex<32>(line);
    if (!key) throw std::runtime_error("key file " + path + ": expected 0x followed by 64 hex digits");
    ledger::SecretKey sk;
    sk.bytes = key->bytes;
    if (!ledger::public_key_of(sk)) throw std::runtime_error("key file " + path + ": not a valid secp256k1 key");
    return sk;
}

}  // namespace aif::node
