// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/server.hpp"

#include "rpc/dispatcher.hpp"
#include "rpc/response.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

// Shape: boostorg/beast example/http/server/async/http_server_async.cpp — error_code overloads
// everywhere, one strand per connection, nothing escapes a handler (STYLE §3).

namespace aif::rpc {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using beast::error_code;

namespace {

/// Largest request line + headers accepted; larger gets HTTP 431 and the connection closes.
constexpr std::uint32_t MAX_HEADER_BYTES = 16 * 1024;
/// After an error response we half-close and read (discard) what the client still sends, so
/// the kernel does not answer unread data with RST and destroy our response in flight.
/// Bounded in time and bytes so it cannot be abused to hold the connection.
constexpr std::chrono::milliseconds MAX_DRAIN_TIME{2000};
constexpr std::size_t MIN_DRAIN_BYTES = 1024 * 1024;
/// Pause before accepting again after accept() failed (e.g. EMFILE), instead of spinning.
constexpr std::chrono::milliseconds ACCEPT_RETRY_DELAY{50};

constexpr const char* SERVER_NAME = "aifchain";
constexpr const char* CONTENT_JSON = "application/json";

/// What happens to the connection after a response is written.
enum class After
{
    keep_alive,  ///< read the next request
    close,       ///< half-close and end
    drain_close  ///< half-close, discard input for a bounded time, then end
};

std::string format_endpoint(const tcp::endpoint& ep)
{
    const auto addr = ep.address();
    const std::string host = addr.is_v6() ? "[" + addr.to_string() + "]" : addr.to_string();
    return host + ":" + std::to_string(ep.port());
}

std::string_view path_of(std::string_view target)
{
    return target.substr(0, target.find('?'));
}

}  // namespace

class Session;

/// The listener and everything its sessions share (Server's pimpl).
class detail::ServerCore
{
public:
    ServerCore(Backend& backend, Limits limits)
        : m_limits(limits),
          m_dispatcher(backend, limits),
          m_ioc(static_cast<int>(std::max<std::uint32_t>(1, limits.threads)))
    {
    }
    ~ServerCore() { stop(); }

    std::string start(const std::string& host, std::uint16_t port);
    void stop();
    std::uint16_t port() const { return m_port.load(); }

    Dispatcher& dispatcher() { return m_dispatcher; }
    const Limits& limits() const { return m_limits; }
    /// Called by ~Session: forgets it and frees its connection slot.
    void release(std::uint64_t id);

private:
    void do_accept();
    void on_accept(error_code ec, tcp::socket socket);
    void admit(tcp::socket socket);
    void run_io() noexcept;

    const Limits m_limits;
    Dispatcher m_dispatcher;
    std::mutex m_mutex;
    std::map<std::uint64_t, std::weak_ptr<Session>> m_sessions;  // guarded by m_mutex
    std::uint64_t m_next_id = 0;                                  // guarded by m_mutex
    bool m_started = false;                                       // guarded by m_mutex
    bool m_stopping = false;                                      // guarded by m_mutex
    std::atomic<std::size_t> m_connections{0};
    std::atomic<std::uint16_t> m_port{0};
    std::vector<std::thread> m_threads;
    // Declared after everything sessions touch: destroying the io_context destroys pending
    // handlers and with them the sessions, which call release().
    net::io_context m_ioc;
    tcp::acceptor m_acceptor{net::make_strand(m_ioc)};
    net::steady_timer m_accept_retry{m_acceptor.get_executor()};
};

/// One HTTP connection. All its handlers run on its own strand.
class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket&& socket, detail::ServerCore& server, std::uint64_t id)
        : m_stream(std::move(socket)), m_server(server), m_id(id)
    {
    }
    ~Session() { m_server.release(m_id); }

    net::any_io_executor executor() { return m_stream.get_executor(); }

    void run()
    {
        net::dispatch(m_stream.get_executor(),
                      beast::bind_front_handler(&Session::do_read, shared_from_this()));
    }

    /// Server shutdown; runs on the strand.
    void force_close() noexcept
    {
        m_closed = true;
        error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        m_stream.close();
    }

private:
    std::chrono::milliseconds idle_timeout() const
    {
        return std::chrono::milliseconds(m_server.limits().idle_timeout_ms);
    }

    void do_read()
    {
        if (m_closed) return;
        m_parser.emplace();
        m_parser->header_limit(MAX_HEADER_BYTES);
        m_parser->body_limit(m_server.limits().max_body_bytes);
        // Bounds the wait for the next request and the time to receive it (slow clients).
        m_stream.expires_after(idle_timeout());
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(error_code ec, std::size_t /*bytes*/) noexcept
    {
        try {
            if (m_closed || ec == net::error::operation_aborted || ec == beast::error::timeout) {
                return;  // the stream is already closed
            }
            if (ec == http::error::end_of_stream || ec == http::error::partial_message) {
                return do_close();
            }
            if (ec == http::error::body_limit) {
                const auto limit = m_server.limits().max_body_bytes;
                const std::string body = dump_json(error_response(
                    nullptr, code::LIMIT_EXCEEDED,
                    "request body exceeds " + std::to_string(limit) + " bytes",
                    {{"limit", limit}}));
                return respond(http::status::payload_too_large, body, After::drain_close);
            }
            if (ec == http::error::header_limit) {
                return respond(http::status::request_header_fields_too_large,
                               R"({"error":"request header too large"})", After::drain_close);
            }
            if (ec && ec.category() == http::make_error_code(http::error::bad_target).category()) {
                return respond(http::status::bad_request, R"({"error":"bad request"})",
                               After::drain_close);
            }
            if (ec) return do_close();
            handle_request(m_parser->release());
        } catch (...) {
            do_close();
        }
    }

    void handle_request(http::request<http::string_body>&& req)
    {
        m_version = req.version();
        const After after = req.keep_alive() ? After::keep_alive : After::close;
        const auto path = path_of(std::string_view(req.target().data(), req.target().size()));
        if (path == "/") {
            if (req.method() != http::verb::post) return method_not_allowed("POST", after);
            std::string reply = m_server.dispatcher().handle(req.body());
            if (reply.empty()) return respond(http::status::no_content, {}, after);
            return respond(http::status::ok, std::move(reply), after);
        }
        if (path == "/health") {
            if (req.method() != http::verb::get) return method_not_allowed("GET", after);
            return respond(http::status::ok, R"({"status":"ok"})", after);
        }
        respond(http::status::not_found, R"({"error":"not found"})", after);
    }

    void method_not_allowed(std::string_view allow, After after)
    {
        m_res = {};
        m_res.set(http::field::allow, beast::string_view(allow.data(), allow.size()));
        respond(http::status::method_not_allowed, R"({"error":"method not allowed"})", after,
                /*reset=*/false);
    }

    void respond(http::status status, std::string body, After after, bool reset = true)
    {
        if (reset) m_res = {};
        m_res.version(m_version);
        m_res.result(status);
        m_res.set(http::field::server, SERVER_NAME);
        if (!body.empty()) m_res.set(http::field::content_type, CONTENT_JSON);
        m_res.body() = std::move(body);
        m_res.keep_alive(after == After::keep_alive);
        m_res.prepare_payload();
        m_stream.expires_after(idle_timeout());
        http::async_write(m_stream, m_res,
                          beast::bind_front_handler(&Session::on_write, shared_from_this(), after));
    }

    void on_write(After after, error_code ec, std::size_t /*bytes*/) noexcept
    {
        if (m_closed) return;
        if (ec) return do_close();
        try {
            switch (after) {
            case After::keep_alive:
                return do_read();
            case After::close:
                return do_close();
            case After::drain_close:
                return start_drain();
            }
        } catch (...) {
            do_close();
        }
    }

    void start_drain()
    {
        error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) return;
        m_stream.expires_after(std::min(idle_timeout(), MAX_DRAIN_TIME));
        do_drain();
    }

    void do_drain()
    {
        m_stream.async_read_some(net::buffer(m_drain_buf),
                                 beast::bind_front_handler(&Session::on_drain, shared_from_this()));
    }

    void on_drain(error_code ec, std::size_t bytes) noexcept
    {
        m_drained += bytes;
        const std::size_t cap = std::max(MIN_DRAIN_BYTES, m_server.limits().max_body_bytes);
        if (ec || m_closed || m_drained > cap) return;  // the session ends and closes the socket
        try {
            do_drain();
        } catch (...) {
            // ends the session
        }
    }

    void do_close() noexcept
    {
        error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        // The socket closes when the last handler holding this session returns.
    }

    beast::tcp_stream m_stream;
    detail::ServerCore& m_server;
    const std::uint64_t m_id;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    http::response<http::string_body> m_res;
    unsigned m_version = 11;
    bool m_closed = false;
    std::size_t m_drained = 0;
    std::array<char, 4096> m_drain_buf{};
};

std::string detail::ServerCore::start(const std::string& host, std::uint16_t port)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_started || m_stopping) throw std::runtime_error("rpc: server already started");
        m_started = true;
    }
    const std::string where = host + ":" + std::to_string(port);
    error_code ec;
    tcp::endpoint endpoint;
    const auto address = net::ip::make_address(host, ec);
    if (!ec) {
        endpoint = tcp::endpoint(address, port);
    } else {
        tcp::resolver resolver(m_ioc);
        const auto results = resolver.resolve(host, std::to_string(port), ec);
        if (ec || results.empty()) {
            throw std::runtime_error("rpc: cannot resolve " + where + ": " + ec.message());
        }
        endpoint = results.begin()->endpoint();
    }

    auto fail = [&](const char* what) {
        throw std::runtime_error(std::string("rpc: cannot ") + what + " " + where + ": " +
                                 ec.message());
    };
    m_acceptor.open(endpoint.protocol(), ec);
    if (ec) fail("open");
    m_acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (ec) fail("configure");
    m_acceptor.bind(endpoint, ec);
    if (ec) fail("bind");
    m_acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) fail("listen on");
    const auto local = m_acceptor.local_endpoint(ec);
    if (ec) fail("query");
    m_port = local.port();

    do_accept();  // pending work keeps run() going
    const auto threads = std::max<std::uint32_t>(1, m_limits.threads);
    for (std::uint32_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { run_io(); });
    return format_endpoint(local);
}

void detail::ServerCore::stop()
{
    std::vector<std::shared_ptr<Session>> live;
    {
        std::lock_guard lock(m_mutex);
        if (!m_started || m_stopping) return;
        m_stopping = true;
        for (auto& [id, weak] : m_sessions) {
            if (auto s = weak.lock()) live.push_back(std::move(s));
        }
    }
    net::post(m_acceptor.get_executor(), [this] {
        error_code ec;
        m_acceptor.close(ec);
        m_accept_retry.cancel();
    });
    for (auto& s : live) net::post(s->executor(), [s] { s->force_close(); });
    live.clear();
    // Every pending operation now completes with an error and nothing starts new work, so
    // run() returns in each thread.
    for (auto& t : m_threads) {
        if (t.joinable()) t.join();
    }
}

void detail::ServerCore::release(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    m_sessions.erase(id);
    m_connections.fetch_sub(1);
}

void detail::ServerCore::do_accept()
{
    m_acceptor.async_accept(net::make_strand(m_ioc),
                            beast::bind_front_handler(&ServerCore::on_accept, this));
}

void detail::ServerCore::on_accept(error_code ec, tcp::socket socket)
{
    if (ec == net::error::operation_aborted || !m_acceptor.is_open()) return;
    if (ec) {
        m_accept_retry.expires_after(ACCEPT_RETRY_DELAY);
        m_accept_retry.async_wait([this](error_code wait_ec) {
            if (!wait_ec && m_acceptor.is_open()) do_accept();
        });
        return;
    }
    try {
        admit(std::move(socket));
    } catch (...) {
        // std::bad_alloc: the socket (if still here) closes as it goes out of scope.
    }
    do_accept();
}

void detail::ServerCore::admit(tcp::socket socket)
{
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        // Only this strand increments, so check-then-add is race-free; releases only lower it.
        if (m_stopping || m_connections.load() >= m_limits.max_connections) {
            error_code ec;
            socket.shutdown(tcp::socket::shutdown_both, ec);
            socket.close(ec);
            return;
        }
        m_connections.fetch_add(1);
        id = m_next_id++;
    }
    std::shared_ptr<Session> session;
    try {
        session = std::make_shared<Session>(std::move(socket), *this, id);
    } catch (...) {
        m_connections.fetch_sub(1);
        throw;
    }
    bool stopping = false;
    {
        std::lock_guard lock(m_mutex);
        stopping = m_stopping;
        if (!stopping) m_sessions.emplace(id, session);
    }
    // When stop() ran meanwhile it did not see this session: drop it (outside the lock, since
    // ~Session calls release()) instead of letting it keep the io_context busy.
    if (stopping) return;
    session->run();
}

void detail::ServerCore::run_io() noexcept
{
    for (;;) {
        try {
            m_ioc.run();
            return;
        } catch (const std::exception& e) {
            // Handlers catch their own errors; this is the last line, so keep serving.
            std::fprintf(stderr, "rpc: unexpected exception in I/O thread: %s\n", e.what());
        } catch (...) {
            std::fprintf(stderr, "rpc: unexpected exception in I/O thread\n");
        }
    }
}

Server::Server(Backend& backend, Limits limits)
    : m_impl(std::make_unique<detail::ServerCore>(backend, limits))
{
}

Server::~Server()
{
    stop();
}

std::string Server::start(const std::string& host, std::uint16_t port)
{
    return m_impl->start(host, port);
}

void Server::stop()
{
    m_impl->stop();
}

std::uint16_t Server::port() const
{
    return m_impl->port();
}

}  // namespace aif::rpc
