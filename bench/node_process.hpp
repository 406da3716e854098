// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace aif::bench {

/// A real aif-node child process on a loopback port (end-to-end measurements).
class NodeProcess
{
public:
    /// Starts `binary` with `args` (plus --rpc-addr 127.0.0.1:0) and waits for its RPC line.
    /// Throws std::runtime_error when it exits or does not come up within `timeout`.
    NodeProcess(const std::string& binary, std::vector<std::string> args,
                std::chrono::seconds timeout = std::chrono::seconds(120));
    ~NodeProcess();
    NodeProcess(const NodeProcess&) = delete;
    NodeProcess& operator=(const NodeProcess&) = delete;

    [[nodiscard]] std::uint16_t port() const { return m_port; }
    [[nodiscard]] int pid() const { return m_pid; }
    /// Seconds from spawn to the RPC line (start-up / restart time).
    [[nodiscard]] double startup_seconds() const { return m_startup; }
    /// Peak resident set (VmHWM) in KiB.
    [[nodiscard]] long peak_rss_kib() const;
    /// CPU seconds (user + system) the node has used so far, all threads.
    [[nodiscard]] double cpu_seconds() const;
    /// Stops the node with SIGTERM and waits for it.
    void stop();

private:
    int m_pid{-1};
    int m_out{-1};
    std::uint16_t m_port{0};
    double m_startup{0};
};

/// A keep-alive JSON-RPC client over one HTTP connection.
class RpcConnection
{
public:
    explicit RpcConnection(std::uint16_t port);
    ~RpcConnection();
    /// POSTs `body` and returns the response body. Throws on transport errors.
    std::string post(const std::string& body);
    /// Calls one method and returns its result; throws on a JSON-RPC error.
    nlohmann::json call(const std::string& method, const nlohmann::json& params = nlohmann::json::object());

private:
    struct Impl;
    Impl* m_impl;
};

}  // namespace aif::bench
