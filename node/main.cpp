// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-node: wires the chain, mempool, producer and RPC server together (STYLE §1: thin main).
#include "ledger/json/genesis_json.hpp"
#include "node/allocator.hpp"
#include "node/backend.hpp"
#include "node/chain.hpp"
#include "node/config.hpp"
#include "node/mempool.hpp"
#include "node/producer.hpp"
#include "rpc/server.hpp"

#include <boost/program_options/errors.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

using namespace aif;

namespace {

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int run(const node::NodeConfig& cfg)
{
    // Block the shutdown signals before any thread starts so only sigwait below sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto genesis = ledger::json::genesis_from_text(read_file(cfg.genesis_path));
    if (!genesis) throw std::runtime_error(cfg.genesis_path + ": " + genesis.error().detail);
    if (!genesis->notice.empty()) std::cout << "aif-node: genesis notice: " << genesis->notice << "\n";

    node::Chain chain(*genesis, cfg.data_dir);
    const auto head = chain.head();
    std::cout << "aif-node: chain " << chain.chain_id() << " genesis " << ledger::to_hex(chain.genesis_hash())
              << " at height " << head.header.height << " (state root "
              << ledger::to_hex(head.header.state_root) << ")" << std::endl;

    node::Mempool pool(cfg.mempool);
    node::Clock clock(cfg.dev, head.header.timestamp);
    std::unique_ptr<node::SoloProducer> producer;
    if (cfg.validator_key_path) {
        auto key = node::read_key_file(*cfg.validator_key_path);
        auto pub = ledger::public_key_of(key);
        const auto addr = ledger::address_of(*pub);
        bool is_validator = false;
        for (const auto& v : genesis->validators) is_validator = is_validator || v.address == addr;
        if (!is_validator)
            throw std::runtime_error("--validator-key " + ledger::to_checksum(addr) +
                                     " is not a validator in the genesis");
        producer = std::make_unique<node::SoloProducer>(chain, pool, clock, key, cfg.producer);
        std::cout << "aif-node: producing blocks as " << ledger::to_checksum(addr) << std::endl;
    } else {
        std::cout << "aif-node: no --validator-key: not producing blocks" << std::endl;
    }
    node::NodeBackend backend(chain, pool, clock, producer.get(), cfg.dev);
    rpc::Server server(backend, cfg.limits);
    const std::string endpoint = server.start(cfg.rpc_host, cfg.rpc_port);
    if (producer) producer->start();
    std::cout << "aif-node: RPC listening on http://" << endpoint << (cfg.dev ? " (dev methods on)" : "")
              << std::endl;

    int sig = 0;
    sigwait(&signals, &sig);
    std::cout << "aif-node: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ", shutting down" << std::endl;
    server.stop();
    if (producer) producer->stop();
    std::cout << "aif-node: stopped at height " << chain.head().header.height << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    try {
        node::tune_allocator();
        auto cfg = node::parse_flags(argc, argv);
        if (!cfg) return 0;
        return run(*cfg);
    } catch (const boost::program_options::error& e) {
        std::cerr << "aif-node: " << e.what() << "\n(try --help)\n";
        return 2;
    } catch (const std::invalid_argument& e) {
        std::cerr << "aif-node: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "aif-node: error: " << e.what() << "\n";
        return 1;
    }
}
