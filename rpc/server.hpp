// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "rpc/backend.hpp"
#include "rpc/limits.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace aif::rpc {

namespace detail {
class ServerCore;
}  // namespace detail

/// The JSON-RPC HTTP/1.1 server (SPEC §3): `POST /` → Dispatcher, `GET /health` → 200
/// {"status":"ok"}, other paths 404, other verbs 405. Keep-alive, header and idle timeouts,
/// body/header limits, a server-wide in-flight body budget, connection caps (global and per
/// address) that evict the longest-waiting connection, and the Content-Type / Origin / Host
/// checks against cross-site use (docs/rpc-transport.md, docs/security.md S1, S2, S4).
/// Boost.Beast/Asio are kept out of this header.
class Server
{
public:
    /// `backend` must outlive the server. Nothing is bound until start().
    Server(Backend& backend, Limits limits);
    /// Stops the server (see stop()).
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds `host:port` (an IP literal or a resolvable name; port 0 picks an ephemeral port),
    /// listens and starts `limits.threads` I/O threads. Returns the bound endpoint as
    /// "host:port" ("[v6]:port" for IPv6).
    /// Throws std::runtime_error when resolving, binding or listening fails, or when called
    /// twice.
    std::string start(const std::string& host, std::uint16_t port);

    /// Stops accepting, closes every open connection and joins the I/O threads. Idempotent;
    /// a no-op when never started. Must not be called from an I/O thread (a handler).
    void stop();

    /// The bound port; 0 before start().
    [[nodiscard]] std::uint16_t port() const;

private:
    std::unique_ptr<detail::ServerCore> m_impl;
};

}  // namespace aif::rpc
