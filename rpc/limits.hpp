// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace aif::rpc {

/// Resource limits and request policy of the RPC transport and dispatcher (SPEC §3: a body,
/// batch or nesting over its limit gets an error, never a crash). Exceeding one answers
/// LIMIT_EXCEEDED (-32004) or an HTTP error; docs/rpc-transport.md lists the exact messages.
struct Limits
{
    /// Largest HTTP request body accepted; a larger one gets HTTP 413 and the connection closes.
    /// 1 MiB: a tx_send is a few KiB and a batch of 500 about 0.3 MB (docs/security.md S4).
    std::size_t max_body_bytes = 1024 * 1024;
    /// Largest request line + headers; larger gets HTTP 431 and the connection closes.
    std::uint32_t max_header_bytes = 16 * 1024;
    /// Body bytes all connections together may hold while requests are being received; a
    /// request that would go over it gets HTTP 503 and the connection closes. The first
    /// UNBUDGETED_BODY_BYTES of each body are not counted, so small calls are never refused
    /// while large uploads hold the budget.
    std::size_t max_inflight_bytes = 64 * 1024 * 1024;
    /// Most requests in one JSON-RPC batch; a larger batch gets one error object.
    std::size_t max_batch = 2000;
    /// Deepest nesting of arrays/objects accepted; checked before parsing, so a deep document
    /// never reaches the (recursive) parser.
    std::size_t max_depth = 64;
    /// Most concurrent HTTP connections. A new connection at the cap evicts the connection that
    /// has waited longest without delivering a complete request; when every connection is busy
    /// with a request, the new one is closed at once.
    std::size_t max_connections = 512;
    /// Most concurrent connections from one IP address, enforced the same way (eviction of that
    /// address's longest-waiting connection, else refusal). 0 means no per-address cap.
    std::size_t max_connections_per_ip = 64;
    /// A new connection, or a keep-alive connection from its first byte on, must deliver the
    /// request line and headers within this time (never longer than idle_timeout_ms).
    std::uint32_t header_timeout_ms = 5000;
    /// A connection that does not deliver a whole request within this time (idle keep-alive or
    /// a slow request) is closed; also bounds each response write.
    std::uint32_t idle_timeout_ms = 30000;
    /// Number of I/O threads; dispatch runs on them too. 0 is treated as 1.
    std::uint32_t threads = 2;
    /// Nice levels the I/O threads run below the rest of the node (0..19), so admission yields
    /// the CPU to block production under load (rpc/thread_priority.hpp).
    std::uint32_t thread_nice = 5;
    /// Browser origins (e.g. "http://localhost:3000") allowed to call the node; a request with
    /// any other Origin header gets HTTP 403. "*" allows every origin. Empty: no browser page.
    std::vector<std::string> allow_origins;
};

/// The first bytes of every request body that Limits::max_inflight_bytes does not count. Like
/// the header bytes they are bounded by the connection cap instead (docs/security.md § Limits).
constexpr std::size_t UNBUDGETED_BODY_BYTES = 64 * 1024;

}  // namespace aif::rpc
