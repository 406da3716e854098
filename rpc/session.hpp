// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Internal to aif_rpc: one HTTP connection of the JSON-RPC server (docs/rpc-transport.md).

#include "rpc/server_core.hpp"

#include <boost/beast/http.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace aif::rpc::detail {

namespace http = beast::http;

/// What happens to the connection after a response is written.
enum class After
{
    keep_alive,  ///< read the next request
    close,       ///< half-close and end
    drain_close  ///< half-close, discard input for a bounded time, then end
};

/// One HTTP connection. All its handlers run on its own strand.
///
/// A request is read in two steps so that each can be bounded separately (docs/security.md S1,
/// S4): the request line and headers within the header timeout, then the body, counted against
/// the server's in-flight body budget as it arrives, until the idle timeout from the request's
/// first byte. Between requests the session reports itself waiting, so that a new connection
/// at a cap may evict it.
class Session : public std::enable_shared_from_this<Session>
{
public:
    /// A session for an accepted socket; `id` is its slot in `server` (ServerCore::admit).
    Session(tcp::socket&& socket, ServerCore& server, std::uint64_t id);
    /// Gives back its share of the body budget and its connection slot.
    ~Session();

    /// The session's strand.
    net::any_io_executor executor() { return m_stream.get_executor(); }

    /// Starts reading the first request, on the strand.
    void run();

    /// Server shutdown, eviction or refusal; runs on the strand (or before run()).
    void force_close() noexcept;

private:
    std::chrono::milliseconds idle_timeout() const;
    std::chrono::milliseconds header_timeout() const;

    /// Starts reading the next request. A new connection must deliver its request line and
    /// headers within the header timeout; an idle keep-alive connection first waits up to the
    /// idle timeout for the next request's first bytes.
    void read_request(bool fresh);

    void on_first_bytes(error_code ec, std::size_t bytes) noexcept;

    void read_header();

    void on_header(error_code ec, std::size_t /*bytes*/) noexcept;

    void read_body();

    void on_body(error_code ec, std::size_t /*bytes*/) noexcept;

    /// Handles a read error: answers it or closes. False when there was none.
    bool read_failed(error_code ec);

    /// Answers (and returns true for) a request its headers alone refuse: a Host that is not
    /// loopback on a loopback node (DNS rebinding), an Origin not allowed (a web page), or a
    /// POST / whose Content-Type is not JSON (a browser's no-preflight form/text request)
    /// (docs/security.md S2). The body is never read.
    bool refused_by_headers();

    /// Charges the body bytes received beyond UNBUDGETED_BODY_BYTES to the server's budget;
    /// false when the budget has no room for them.
    bool charge_body();

    void release_budget() noexcept;

    /// The in-flight body budget is spent: HTTP 503, then close.
    void busy();

    void finish_request();

    void handle_request(http::request<http::string_body>&& req);

    void method_not_allowed(std::string_view allow, After after);

    /// CORS preflight of an allowed Origin (--rpc-allow-origin).
    void preflight(After after);

    void respond(http::status status, std::string body, After after);

    /// Builds the response in m_res. The request is over: its body and budget are let go.
    void prepare(http::status status, std::string body, After after);

    void send(After after);

    void on_write(After after, error_code ec, std::size_t /*bytes*/) noexcept;

    void start_drain();

    void do_drain();

    void on_drain(error_code ec, std::size_t bytes) noexcept;

    /// Past the drain's byte cap: reads no more but keeps the socket open for the rest of the
    /// drain time, then lets the session end.
    void linger() noexcept;

    void do_close() noexcept;

    beast::tcp_stream m_stream;
    ServerCore& m_server;
    const std::uint64_t m_id;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    http::response<http::string_body> m_res;
    Clock::time_point m_request_start;
    std::string m_cors_origin;  ///< the request's allowed Origin, echoed in CORS headers
    std::size_t m_charged = 0;  ///< body bytes of the current request charged to the budget
    unsigned m_version = 11;
    bool m_closed = false;
    std::size_t m_drained = 0;
    Clock::time_point m_drain_until;  ///< end of the drain: its reads and the linger after them
    std::array<char, 4096> m_drain_buf{};
    net::steady_timer m_linger;
};

}  // namespace aif::rpc::detail
