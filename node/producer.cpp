// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/producer.hpp"

#include "contracts/executor.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>

namespace aif::node {

using namespace ledger;

namespace {
std::uint64_t wall_seconds()
{
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
}
}  // namespace

Clock::Clock(bool dev, std::uint64_t head_timestamp)
    : m_dev(dev), m_base(head_timestamp), m_start(std::chrono::steady_clock::now())
{}

std::uint64_t Clock::now() const
{
    std::uint64_t t;
    if (m_dev) {
        auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::steady_clock::now() - m_start)
                           .count();
        t = m_base + static_cast<std::uint64_t>(elapsed);
    } else {
        t = std::max(wall_seconds(), m_base);
    }
    return t + m_offset.load();
}

std::uint64_t Clock::advance(std::uint64_t seconds)
{
    // Checked: a huge jump must not wrap the dev clock to before genesis (hostile S5).
    const std::uint64_t before = now();
    if (seconds > ~std::uint64_t{0} - before)
        throw std::invalid_argument("seconds: would overflow the chain clock");
    m_offset += seconds;
    return now();
}

SoloProducer::SoloProducer(Chain& chain, Mempool& pool, Clock& clock, SecretKey key,
                           ProducerConfig cfg)
    : m_chain(chain), m_pool(pool), m_clock(clock), m_key(key), m_cfg(cfg)
{}

SoloProducer::~SoloProducer()
{
    stop();
}

void SoloProducer::start()
{
    m_thread = std::thread([this] { run(); });
}

void SoloProducer::stop()
{
    {
        std::lock_guard lock{m_mu};
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void SoloProducer::notify()
{
    // Called once per admitted tx from every RPC thread: only the first arrival after a seal
    // needs to take the lock and wake the producer.
    // A plain load first: while the hint is set (nearly always under load) the cache line
    // stays shared between the admission threads instead of bouncing on every exchange.
    if (m_pending_hint.load(std::memory_order_relaxed) || m_pending_hint.exchange(true)) return;
    {
        std::lock_guard lock{m_mu};
        m_pending = true;
    }
    m_cv.notify_one();
}

void SoloProducer::admission_started()
{
    m_admitting.fetch_add(1, std::memory_order_relaxed);
}

void SoloProducer::admission_finished()
{
    m_admitting.fetch_sub(1, std::memory_order_relaxed);
}

std::size_t SoloProducer::seal_one(bool allow_empty)
{
    std::lock_guard seal_lock{m_seal_mu};
    // One shared lock for the whole take (lock order chain → pool, as in admission).
    auto txs = m_chain.read([&](const StateView& s, const Head&) {
        return m_pool.take_ready([&](const Address& a) { return contracts::nonce_of(s, a); },
                                 m_cfg.max_block_txs);
    });
    if (txs.empty() && !allow_empty) return 0;
    std::vector<Hash32> taken;
    taken.reserve(txs.size());
    for (const auto& vt : txs) taken.push_back(vt.hash);
    SealResult r;
    try {
        r = m_chain.seal(std::move(txs), m_clock.now(), m_key);
    } catch (const std::exception& e) {
        // STYLE §3: a storage failure is not a verdict on any tx. Commit nothing more and stop;
        // a restart resumes at the last block on disk.
        std::fprintf(stderr, "aif-node: fatal: cannot commit block: %s\n", e.what());
        std::fflush(stderr);
        std::_Exit(70);
    }
    // Deferred txs go back to the queue; the rest are now committed or recorded as rejected,
    // so tx_get finds them in the store before they leave the pool's in-flight set.
    m_pool.restore(std::move(r.deferred));
    m_pool.settle(taken);
    std::vector<Address> senders;
    senders.reserve(r.block.txs.size());
    for (const auto& vt : r.block.txs) senders.push_back(vt.sender);
    std::sort(senders.begin(), senders.end());
    senders.erase(std::unique(senders.begin(), senders.end()), senders.end());
    auto next = m_chain.read([&](const StateView& st, const Head&) {
        std::vector<std::pair<Address, std::uint64_t>> out;
        out.reserve(senders.size());
        for (const auto& a : senders) out.emplace_back(a, contracts::nonce_of(st, a));
        return out;
    });
    m_pool.prune(next);
    {
        std::lock_guard lock{m_mu};
    }
    m_committed.notify_all();
    return r.block.txs.size();
}

std::uint64_t SoloProducer::mine_now(std::uint64_t blocks)
{
    for (std::uint64_t i = 0; i < blocks; ++i) seal_one(/*allow_empty=*/true);
    return m_chain.head().header.height;
}

bool SoloProducer::wait_for_height(std::uint64_t height, std::chrono::milliseconds timeout)
{
    std::unique_lock lock{m_mu};
    return m_committed.wait_for(lock, timeout,
                                [&] { return m_chain.head().header.height >= height; });
}

void SoloProducer::run()
{
    std::unique_lock lock{m_mu};
    while (!m_stop) {
        m_cv.wait(lock, [&] { return m_stop || m_pending; });
        if (m_stop) break;
        // Let a burst gather for up to one interval, then seal; keep sealing while a backlog
        // remains (a full block means more may be waiting). A burst that stops early (nothing
        // new for a quiet window, no batch being verified) is sealed at once: waiting longer
        // only adds latency.
        const auto begin = std::chrono::steady_clock::now();
        const auto deadline = begin + m_cfg.interval;
        const auto quiet = std::clamp(m_cfg.interval / 10, std::chrono::milliseconds{1},
                                      std::chrono::milliseconds{10});
        // Looked at every quarter of the quiet window (whole milliseconds, at least one), so a
        // burst's end is seen within a quarter window of the quiet window passing (checking once
        // per window took up to two windows).
        const auto poll = std::max(quiet / 4, std::chrono::milliseconds{1});
        auto last_activity = begin;
        for (std::size_t seen = m_pool.size(); !m_stop;) {
            const auto step = std::min(deadline, std::chrono::steady_clock::now() + poll);
            if (m_cv.wait_until(lock, step, [&] { return m_stop; })) break;
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) break;
            const std::size_t now_pending = m_pool.size();
            if (now_pending != seen || m_admitting.load(std::memory_order_relaxed) != 0) {
                seen = now_pending;
                last_activity = now;
            } else if (now - last_activity >= quiet) {
                break;
            }
        }
        if (m_stop) break;
        m_pending = false;
        m_pending_hint = false;
        lock.unlock();
        std::size_t n;
        do {
            n = seal_one(/*allow_empty=*/false);
        } while (n >= m_cfg.max_block_txs);
        lock.lock();
        if (m_pool.size() > 0) m_pending = true;
    }
}

}  // namespace aif::node
