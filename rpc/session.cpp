// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/session.hpp"

#include "rpc/http_policy.hpp"
#include "rpc/response.hpp"

#include <algorithm>
#include <utility>

// Shape: boostorg/beast example/http/server/async/http_server_async.cpp — error_code overloads
// everywhere, one strand per connection, nothing escapes a handler (STYLE §3).

namespace aif::rpc::detail {

namespace {

/// After an error response we half-close and read (discard) what the client still sends, so
/// the kernel does not answer unread data with RST and destroy our response in flight.
/// Bounded in time and bytes so it cannot be abused to hold the connection.
constexpr std::chrono::milliseconds MAX_DRAIN_TIME{2000};
constexpr std::size_t MIN_DRAIN_BYTES = 1024 * 1024;
/// The first read of an idle keep-alive connection: small, so idle connections hold little.
constexpr std::size_t FIRST_READ_BYTES = 1024;
/// Largest read while receiving a body. Beast reads as much as the buffer has room for (at
/// least 512 bytes): without room made up front a 185 KB batch of 500 txs took ~360 reads, each
/// a syscall and a trip through the reactor, and an 8 MiB chunked body under the sanitizers
/// took longer than the idle timeout. The transport's memory bound counts this 64 KiB read
/// per connection (docs/rpc-transport.md).
constexpr std::size_t BODY_READ_BYTES = 64 * 1024;
/// Longest part of a header value echoed in an error body.
constexpr std::size_t MAX_ECHO_BYTES = 100;
/// How long a browser may cache a CORS preflight answer, in seconds.
constexpr const char* PREFLIGHT_MAX_AGE = "600";
/// Seconds a client refused for the in-flight body budget should wait (Retry-After).
constexpr const char* BUSY_RETRY_AFTER = "1";

constexpr const char* SERVER_NAME = "aifchain";
constexpr const char* CONTENT_JSON = "application/json";

std::string_view path_of(std::string_view target)
{
    return target.substr(0, target.find('?'));
}

std::string_view view(beast::string_view s)
{
    return {s.data(), s.size()};
}

/// The body of every HTTP-level refusal that is not a JSON-RPC answer: {"error": message}.
std::string error_body(const std::string& message)
{
    return dump_json(json{{"error", message}});
}

/// A client's header value for an error message, cut at MAX_ECHO_BYTES.
std::string echo(beast::string_view value)
{
    std::string s(value.data(), std::min(value.size(), MAX_ECHO_BYTES));
    if (value.size() > MAX_ECHO_BYTES) s += "...";
    return s;
}

}  // namespace

Session::Session(tcp::socket&& socket, ServerCore& server, std::uint64_t id)
    : m_stream(std::move(socket)), m_server(server), m_id(id), m_linger(m_stream.get_executor())
{}

Session::~Session()
{
    release_budget();
    m_server.release(m_id);
}

void Session::run()
{
    net::dispatch(m_stream.get_executor(),
                  beast::bind_front_handler(&Session::read_request, shared_from_this(),
                                            /*fresh=*/true));
}

void Session::force_close() noexcept
{
    m_closed = true;
    error_code ec;
    m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    m_stream.close();
    try {
        m_linger.cancel();  // a lingering session gives its slot up now
    } catch (...) {
        // cancel fails only on a broken reactor; the timer then ends the session when it fires
    }
}

std::chrono::milliseconds Session::idle_timeout() const
{
    return std::chrono::milliseconds(m_server.limits().idle_timeout_ms);
}

std::chrono::milliseconds Session::header_timeout() const
{
    return std::min(idle_timeout(), std::chrono::milliseconds(m_server.limits().header_timeout_ms));
}

void Session::read_request(bool fresh)
{
    if (m_closed) return;
    m_parser.emplace();
    m_parser->header_limit(m_server.limits().max_header_bytes);
    m_parser->body_limit(m_server.limits().max_body_bytes);
    m_cors_origin.clear();
    // The session has been waiting since it was admitted (ServerCore::admit) or since its last
    // response was handed over (send()).
    if (fresh || m_buffer.size() > 0) return read_header();
    m_buffer.shrink_to_fit();  // an idle connection holds no buffer
    m_stream.expires_after(idle_timeout());
    m_stream.async_read_some(
        m_buffer.prepare(FIRST_READ_BYTES),
        beast::bind_front_handler(&Session::on_first_bytes, shared_from_this()));
}

void Session::on_first_bytes(error_code ec, std::size_t bytes) noexcept
{
    try {
        if (m_closed || ec == net::error::operation_aborted || ec == beast::error::timeout) {
            return;  // the stream is already closed
        }
        if (ec) return do_close();
        m_buffer.commit(bytes);
        read_header();
    } catch (...) {
        do_close();
    }
}

void Session::read_header()
{
    m_request_start = Clock::now();
    m_stream.expires_after(header_timeout());
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
}

void Session::on_header(error_code ec, std::size_t /*bytes*/) noexcept
{
    try {
        if (read_failed(ec)) return;
        m_version = m_parser->get().version();
        if (refused_by_headers()) return;
        // The body must arrive within the idle timeout of the request's first byte.
        m_stream.expires_at(m_request_start + idle_timeout());
        if (m_parser->is_done()) return finish_request();
        const auto length = m_parser->content_length();
        if (length && *length > UNBUDGETED_BODY_BYTES &&
            !m_server.budget().has_room(*length - UNBUDGETED_BODY_BYTES)) {
            return busy();
        }
        // Room for large reads: the whole body if it is small, else BODY_READ_BYTES at a time.
        const std::size_t want =
            length ? static_cast<std::size_t>(std::min<std::uint64_t>(*length, BODY_READ_BYTES))
                   : BODY_READ_BYTES;
        m_buffer.reserve(m_buffer.size() + want);  // a no-op when the room is there already
        read_body();
    } catch (...) {
        do_close();
    }
}

void Session::read_body()
{
    http::async_read_some(m_stream, m_buffer, *m_parser,
                          beast::bind_front_handler(&Session::on_body, shared_from_this()));
}

void Session::on_body(error_code ec, std::size_t /*bytes*/) noexcept
{
    try {
        if (read_failed(ec)) return;
        if (!charge_body()) return busy();
        if (m_parser->is_done()) return finish_request();
        read_body();
    } catch (...) {
        do_close();
    }
}

bool Session::read_failed(error_code ec)
{
    if (!ec) return false;
    if (m_closed || ec == net::error::operation_aborted || ec == beast::error::timeout) {
        return true;  // the stream is already closed
    }
    if (ec == http::error::end_of_stream || ec == http::error::partial_message) {
        do_close();
        return true;
    }
    if (ec == http::error::body_limit) {
        const auto limit = m_server.limits().max_body_bytes;
        respond(http::status::payload_too_large,
                dump_json(error_response(nullptr, code::LIMIT_EXCEEDED,
                                         "request body exceeds " + std::to_string(limit) + " bytes",
                                         {{"limit", limit}})),
                After::drain_close);
        return true;
    }
    if (ec == http::error::header_limit) {
        respond(http::status::request_header_fields_too_large,
                error_body("request line and headers exceed " +
                           std::to_string(m_server.limits().max_header_bytes) + " bytes"),
                After::drain_close);
        return true;
    }
    if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
        respond(http::status::bad_request, error_body("bad request: " + ec.message()),
                After::drain_close);
        return true;
    }
    do_close();
    return true;
}

bool Session::refused_by_headers()
{
    const auto& req = m_parser->get();
    const auto refuse = [this](http::status status, const std::string& message) {
        respond(status, error_body(message), After::drain_close);
        return true;
    };
    if (req.count(http::field::host) > 1) {
        return refuse(http::status::bad_request, "more than one Host header");
    }
    if (m_server.loopback_only()) {
        const auto host = req.find(http::field::host);
        if (host != req.end() && !is_loopback_host(view(host->value()), m_server.bound_host())) {
            return refuse(http::status::forbidden,
                          "Host '" + echo(host->value()) +
                              "' not allowed: a loopback node answers only Host localhost, "
                              "127.0.0.1 or [::1]");
        }
    }
    if (const auto origin = req.find(http::field::origin); origin != req.end()) {
        if (!is_origin_allowed(view(origin->value()), m_server.limits().allow_origins)) {
            return refuse(http::status::forbidden, "Origin '" + echo(origin->value()) +
                                                       "' not allowed (see --rpc-allow-origin)");
        }
        m_cors_origin = std::string(view(origin->value()));
    }
    if (req.method() == http::verb::post && path_of(view(req.target())) == "/") {
        const auto type = req.find(http::field::content_type);
        if (type == req.end()) {
            return refuse(http::status::unsupported_media_type,
                          "missing Content-Type; expected application/json");
        }
        if (!is_json_content_type(view(type->value()))) {
            return refuse(
                http::status::unsupported_media_type,
                "unsupported Content-Type: " + echo(type->value()) + "; expected application/json");
        }
    }
    return false;
}

bool Session::charge_body()
{
    const std::size_t held = m_parser->get().body().size();
    const std::size_t counted = held > UNBUDGETED_BODY_BYTES ? held - UNBUDGETED_BODY_BYTES : 0;
    if (counted <= m_charged) return true;
    if (!m_server.budget().acquire(counted - m_charged)) return false;
    m_charged = counted;
    return true;
}

void Session::release_budget() noexcept
{
    if (m_charged == 0) return;
    m_server.budget().release(m_charged);
    m_charged = 0;
}

void Session::busy()
{
    const auto limit = m_server.budget().limit();
    prepare(http::status::service_unavailable,
            dump_json(error_response(nullptr, code::LIMIT_EXCEEDED,
                                     "server busy: request bodies in flight exceed " +
                                         std::to_string(limit) + " bytes; retry later",
                                     {{"limit", limit}})),
            After::drain_close);
    m_res.set(http::field::retry_after, BUSY_RETRY_AFTER);
    send(After::drain_close);
}

void Session::finish_request()
{
    m_server.set_waiting(m_id, std::nullopt);
    handle_request(m_parser->release());
}

void Session::handle_request(http::request<http::string_body>&& req)
{
    const After after = req.keep_alive() ? After::keep_alive : After::close;
    const auto path = path_of(view(req.target()));
    if (path == "/") {
        if (req.method() == http::verb::options && !m_cors_origin.empty()) {
            return preflight(after);
        }
        if (req.method() != http::verb::post) return method_not_allowed("POST", after);
        std::string reply = m_server.dispatcher().handle(req.body());
        if (reply.empty()) return respond(http::status::no_content, {}, after);
        return respond(http::status::ok, std::move(reply), after);
    }
    if (path == "/health") {
        if (req.method() != http::verb::get) return method_not_allowed("GET", after);
        return respond(http::status::ok, R"({"status":"ok"})", after);
    }
    respond(http::status::not_found, error_body("not found"), after);
}

void Session::method_not_allowed(std::string_view allow, After after)
{
    prepare(http::status::method_not_allowed, error_body("method not allowed"), after);
    m_res.set(http::field::allow, beast::string_view(allow.data(), allow.size()));
    send(after);
}

void Session::preflight(After after)
{
    prepare(http::status::no_content, {}, after);
    m_res.set(http::field::access_control_allow_methods, "POST");
    m_res.set(http::field::access_control_allow_headers, "Content-Type");
    m_res.set(http::field::access_control_max_age, PREFLIGHT_MAX_AGE);
    send(after);
}

void Session::respond(http::status status, std::string body, After after)
{
    prepare(status, std::move(body), after);
    send(after);
}

void Session::prepare(http::status status, std::string body, After after)
{
    release_budget();
    m_parser.reset();
    m_res = {};
    m_res.version(m_version);
    m_res.result(status);
    m_res.set(http::field::server, SERVER_NAME);
    if (!body.empty()) m_res.set(http::field::content_type, CONTENT_JSON);
    if (!m_cors_origin.empty()) {
        m_res.set(http::field::access_control_allow_origin, m_cors_origin);
        m_res.set(http::field::vary, "Origin");
    }
    m_res.body() = std::move(body);
    m_res.keep_alive(after == After::keep_alive);
    m_res.prepare_payload();
}

void Session::send(After after)
{
    // From here on the connection waits for its next request (or its end), so a new connection
    // may evict it, also while a client is slow to read this response.
    m_server.set_waiting(m_id, Clock::now());
    m_stream.expires_after(idle_timeout());
    http::async_write(m_stream, m_res,
                      beast::bind_front_handler(&Session::on_write, shared_from_this(), after));
}

void Session::on_write(After after, error_code ec, std::size_t /*bytes*/) noexcept
{
    if (m_closed) return;
    if (ec) return do_close();
    try {
        m_res = {};  // an idle connection keeps no response
        switch (after) {
        case After::keep_alive:
            return read_request(/*fresh=*/false);
        case After::close:
            return do_close();
        case After::drain_close:
            return start_drain();
        }
    } catch (...) {
        do_close();
    }
}

void Session::start_drain()
{
    error_code ec;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    // A draining connection is the first to go when a new one needs its slot.
    m_server.set_waiting(m_id, Clock::time_point::min());
    m_drain_until = Clock::now() + std::min(idle_timeout(), MAX_DRAIN_TIME);
    m_stream.expires_at(m_drain_until);
    do_drain();
}

void Session::do_drain()
{
    m_stream.async_read_some(net::buffer(m_drain_buf),
                             beast::bind_front_handler(&Session::on_drain, shared_from_this()));
}

void Session::on_drain(error_code ec, std::size_t bytes) noexcept
{
    m_drained += bytes;
    const std::size_t cap = std::max(MIN_DRAIN_BYTES, m_server.limits().max_body_bytes);
    if (ec || m_closed) return;  // the session ends and closes the socket
    if (m_drained > cap) return linger();
    try {
        do_drain();
    } catch (...) {
        // ends the session
    }
}

void Session::linger() noexcept
{
    // Closing with the client still sending makes the kernel answer with RST, and a client that
    // has not yet read our response loses it: its unread data goes with the reset (seen in CI:
    // a loaded client lost the 413 of a 100 MB upload after the server drained 8 MiB and
    // closed). So read no more, but hold the socket until the drain time is up; the client's
    // writes stall on a full window meanwhile and it reads the response.
    if (Clock::now() >= m_drain_until) return;
    try {
        m_linger.expires_at(m_drain_until);
        m_linger.async_wait([self = shared_from_this()](error_code) {});  // then the session ends
    } catch (...) {
        // ends the session now
    }
}

void Session::do_close() noexcept
{
    error_code ec;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    // The socket closes when the last handler holding this session returns.
}

}  // namespace aif::rpc::detail
