// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Internal to aif_rpc (server.cpp, session.cpp): the listener, its connection caps and the
// in-flight body budget. Boost.Asio stays out of the public rpc/server.hpp.

#include "rpc/backend.hpp"
#include "rpc/dispatcher.hpp"
#include "rpc/limits.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace aif::rpc::detail {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using beast::error_code;
using Clock = std::chrono::steady_clock;

class Session;

/// Body bytes held by requests still being received, across all connections
/// (Limits::max_inflight_bytes). Thread-safe.
class BodyBudget
{
public:
    explicit BodyBudget(std::size_t limit) : m_limit(limit) {}

    /// Takes `n` bytes; false (nothing taken) when that would go over the limit.
    [[nodiscard]] bool acquire(std::size_t n) noexcept
    {
        std::size_t used = m_used.load();
        do {
            if (n > m_limit - used) return false;
        } while (!m_used.compare_exchange_weak(used, used + n));
        return true;
    }
    /// Gives back `n` bytes taken by acquire().
    void release(std::size_t n) noexcept { m_used.fetch_sub(n); }
    /// True when `n` more bytes would fit now (a hint: another connection may take them first).
    [[nodiscard]] bool has_room(std::size_t n) const noexcept
    {
        return n <= m_limit - m_used.load();
    }
    [[nodiscard]] std::size_t limit() const noexcept { return m_limit; }

private:
    const std::size_t m_limit;
    std::atomic<std::size_t> m_used{0};
};

/// The listener and everything its sessions share (Server's pimpl).
class ServerCore
{
public:
    ServerCore(Backend& backend, Limits limits)
        : m_limits(std::move(limits)),
          m_dispatcher(backend, m_limits),
          m_budget(m_limits.max_inflight_bytes),
          m_ioc(static_cast<int>(std::max<std::uint32_t>(1, m_limits.threads)))
    {}
    ~ServerCore() { stop(); }

    std::string start(const std::string& host, std::uint16_t port);
    void stop();
    std::uint16_t port() const { return m_port.load(); }

    Dispatcher& dispatcher() { return m_dispatcher; }
    const Limits& limits() const { return m_limits; }
    BodyBudget& budget() { return m_budget; }
    /// True when the server listens on a loopback address: Host headers are then checked.
    bool loopback_only() const { return m_loopback; }
    /// The listening address as a Host name ("127.0.0.1", "[::1]").
    const std::string& bound_host() const { return m_bound_host; }

    /// Session `id` waits for (the rest of) a request since `since`, so it may be evicted; or,
    /// with nullopt, it is busy answering one.
    void set_waiting(std::uint64_t id, std::optional<Clock::time_point> since);
    /// Called by ~Session: forgets it and frees its connection slot.
    void release(std::uint64_t id);

private:
    /// A live session as the connection caps see it. Guarded by m_mutex.
    struct Slot
    {
        std::weak_ptr<Session> session;
        net::ip::address key;                      ///< address_key() of the peer
        std::optional<Clock::time_point> waiting;  ///< nullopt while busy with a request
        bool evicted = false;                      ///< closing; no longer counted
    };

    void do_accept();
    void on_accept(error_code ec, tcp::socket socket);
    void admit(tcp::socket socket);
    /// Makes room for a new connection from `key` under both caps, evicting one waiting session
    /// (returned in `victim`, null when it was already ending) if needed. False: no room.
    bool make_room(const net::ip::address& key, std::shared_ptr<Session>& victim);
    /// Evicts the session (of `key` if given) that has waited longest; false when none waits.
    bool evict_oldest(const net::ip::address* key, std::shared_ptr<Session>& victim);
    void uncount(const Slot& slot);
    void run_io() noexcept;

    const Limits m_limits;
    Dispatcher m_dispatcher;
    BodyBudget m_budget;
    std::mutex m_mutex;
    std::map<std::uint64_t, Slot> m_sessions;               // guarded by m_mutex
    std::map<net::ip::address, std::size_t> m_per_address;  // counted slots; guarded by m_mutex
    std::size_t m_counted = 0;                              // guarded by m_mutex
    bool m_started = false;                                 // guarded by m_mutex
    bool m_stopping = false;                                // guarded by m_mutex
    std::uint64_t m_next_id = 0;                            // acceptor strand only
    bool m_loopback = false;                                // set by start() before accepting
    std::string m_bound_host;                               // set by start() before accepting
    std::atomic<std::uint16_t> m_port{0};
    std::vector<std::thread> m_threads;
    // Declared after everything sessions touch: destroying the io_context destroys pending
    // handlers and with them the sessions, which call release().
    net::io_context m_ioc;
    tcp::acceptor m_acceptor{net::make_strand(m_ioc)};
    net::steady_timer m_accept_retry{m_acceptor.get_executor()};
};

}  // namespace aif::rpc::detail
