// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/server.hpp"

#include "rpc/server_core.hpp"
#include "rpc/session.hpp"
#include "rpc/thread_priority.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace aif::rpc {

namespace detail {

namespace {

/// Pause before accepting again after accept() failed (e.g. EMFILE), instead of spinning.
constexpr std::chrono::milliseconds ACCEPT_RETRY_DELAY{50};

std::string format_host(const net::ip::address& addr)
{
    return addr.is_v6() ? "[" + addr.to_string() + "]" : addr.to_string();
}

std::string format_endpoint(const tcp::endpoint& ep)
{
    return format_host(ep.address()) + ":" + std::to_string(ep.port());
}

/// What the per-address cap counts connections under: the IP address, and for IPv6 its /64
/// (one subscriber usually holds a whole /64).
net::ip::address address_key(const net::ip::address& address)
{
    if (!address.is_v6()) return address;
    const auto v6 = address.to_v6();
    if (v6.is_v4_mapped()) return net::ip::make_address_v4(net::ip::v4_mapped, v6);
    auto bytes = v6.to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);
    return net::ip::address_v6(bytes);
}

}  // namespace

std::string ServerCore::start(const std::string& host, std::uint16_t port)
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
    // DNS rebinding defence (docs/security.md S2): a loopback node answers only loopback names.
    m_loopback = local.address().is_loopback();
    m_bound_host = format_host(local.address());

    do_accept();  // pending work keeps run() going
    const auto threads = std::max<std::uint32_t>(1, m_limits.threads);
    for (std::uint32_t i = 0; i < threads; ++i)
        m_threads.emplace_back([this] {
            // Best effort: a refused nice leaves the thread at normal priority.
            (void)lower_thread_priority(static_cast<int>(m_limits.thread_nice));
            run_io();
        });
    return format_endpoint(local);
}

void ServerCore::stop()
{
    std::vector<std::shared_ptr<Session>> live;
    {
        std::lock_guard lock(m_mutex);
        if (!m_started || m_stopping) return;
        m_stopping = true;
        for (auto& [id, slot] : m_sessions) {
            if (auto s = slot.session.lock()) live.push_back(std::move(s));
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

void ServerCore::set_waiting(std::uint64_t id, std::optional<Clock::time_point> since)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_sessions.find(id); it != m_sessions.end()) it->second.waiting = since;
}

void ServerCore::release(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end()) return;  // refused, never admitted
    if (!it->second.evicted) uncount(it->second);
    m_sessions.erase(it);
}

void ServerCore::uncount(const Slot& slot)
{
    --m_counted;
    const auto it = m_per_address.find(slot.key);
    if (it != m_per_address.end() && --it->second == 0) m_per_address.erase(it);
}

bool ServerCore::make_room(const net::ip::address& key, std::shared_ptr<Session>& victim)
{
    if (m_limits.max_connections_per_ip > 0) {
        const auto it = m_per_address.find(key);
        if (it != m_per_address.end() && it->second >= m_limits.max_connections_per_ip) {
            return evict_oldest(&key, victim);
        }
    }
    if (m_counted >= m_limits.max_connections) return evict_oldest(nullptr, victim);
    return true;
}

bool ServerCore::evict_oldest(const net::ip::address* key, std::shared_ptr<Session>& victim)
{
    Slot* oldest = nullptr;
    for (auto& [id, slot] : m_sessions) {
        if (slot.evicted || !slot.waiting || (key && slot.key != *key)) continue;
        if (!oldest || *slot.waiting < *oldest->waiting) oldest = &slot;
    }
    if (!oldest) return false;
    oldest->evicted = true;
    uncount(*oldest);
    // Null when the session is ending anyway: its slot is free all the same.
    victim = oldest->session.lock();
    return true;
}

void ServerCore::do_accept()
{
    m_acceptor.async_accept(net::make_strand(m_ioc),
                            beast::bind_front_handler(&ServerCore::on_accept, this));
}

void ServerCore::on_accept(error_code ec, tcp::socket socket)
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

void ServerCore::admit(tcp::socket socket)
{
    error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    if (ec) return;  // the peer is gone already; the socket closes here
    const auto key = address_key(remote.address());
    const auto id = m_next_id++;
    auto session = std::make_shared<Session>(std::move(socket), *this, id);
    // Destroyed after the lock is released: ~Session calls release(), which locks.
    std::shared_ptr<Session> victim;
    bool admitted = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping && make_room(key, victim)) {
            m_sessions.emplace(id, Slot{session, key, Clock::now()});
            ++m_counted;
            ++m_per_address[key];
            admitted = true;
        }
    }
    if (victim) net::post(victim->executor(), [victim] { victim->force_close(); });
    // Refused: every slot is busy with a request, or the server stops (stop() did not see this
    // session). It closes here; its release() finds no slot.
    if (!admitted) return session->force_close();
    session->run();
}

void ServerCore::run_io() noexcept
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

}  // namespace detail

Server::Server(Backend& backend, Limits limits)
    : m_impl(std::make_unique<detail::ServerCore>(backend, std::move(limits)))
{}

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
