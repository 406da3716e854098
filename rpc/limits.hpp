// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <cstddef>
#include <cstdint>

namespace aif::rpc {

/// Resource limits of the RPC transport and dispatcher (SPEC §3: a body, batch or nesting over
/// its limit gets an error, never a crash). Exceeding one answers LIMIT_EXCEEDED (-32004);
/// docs/rpc-transport.md lists the exact messages.
struct Limits
{
    /// Largest HTTP request body accepted; a larger one gets HTTP 413 and the connection closes.
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    /// Most requests in one JSON-RPC batch; a larger batch gets one error object.
    std::size_t max_batch = 2000;
    /// Deepest nesting of arrays/objects accepted; checked before parsing, so a deep document
    /// never reaches the (recursive) parser.
    std::size_t max_depth = 64;
    /// Most concurrent HTTP connections; further connections are accepted and closed at once.
    std::size_t max_connections = 512;
    /// A connection that sends nothing (idle keep-alive or a slow request) for this long is
    /// closed; also bounds each response write.
    std::uint32_t idle_timeout_ms = 30000;
    /// Number of I/O threads; dispatch runs on them too. 0 is treated as 1.
    std::uint32_t threads = 2;
};

}  // namespace aif::rpc
