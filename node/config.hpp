// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "node/mempool.hpp"
#include "node/producer.hpp"
#include "rpc/limits.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace aif::node {

/// Everything aif-node's flags set (docs/node.md).
struct NodeConfig
{
    std::string genesis_path;
    std::string data_dir;
    std::string rpc_host{"127.0.0.1"};
    std::uint16_t rpc_port{8645};
    bool dev{false};
    std::optional<std::string> validator_key_path;
    ProducerConfig producer;
    MempoolConfig mempool;
    rpc::Limits limits;
};

/// Parses argv. Returns nullopt after printing --help (exit 0). Throws std::invalid_argument
/// with a message naming the flag on a bad value.
[[nodiscard]] std::optional<NodeConfig> parse_flags(int argc, char** argv);

/// Reads a validator key file: one line of 0x + 64 hex. Throws std::runtime_error naming the
/// file on any problem.
[[nodiscard]] ledger::SecretKey read_key_file(const std::string& path);

}  // namespace aif::node
