// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/crypto.hpp"
#include "node/chain.hpp"
#include "node/mempool.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace aif::node {

/// Chain time as the producer stamps it. Outside --dev: the wall clock. With --dev: time starts
/// at the head's timestamp (genesis time on a fresh chain), runs with the wall clock while the
/// node runs, and dev_advanceTime jumps it forward — so a dev chain can walk a festival
/// timeline that genesis places in the past or future. Never goes below the head's time.
class Clock
{
public:
    Clock(bool dev, std::uint64_t head_timestamp);
    /// Current chain time in seconds.
    [[nodiscard]] std::uint64_t now() const;
    /// Moves dev time forward by `seconds`; returns the new now().
    std::uint64_t advance(std::uint64_t seconds);

private:
    bool m_dev;
    std::uint64_t m_base;
    std::chrono::steady_clock::time_point m_start;
    std::atomic<std::uint64_t> m_offset{0};
};

/// How blocks come to be: behind this interface so a replicated engine (Raft ordering, later
/// BFT) can replace the single-validator producer without touching the rest of the node.
class BlockProducer
{
public:
    virtual ~BlockProducer() = default;
    virtual void start() = 0;
    virtual void stop() = 0;
    /// A transaction arrived.
    virtual void notify() = 0;
    /// A batch of transactions is being verified and will arrive (AdmissionScope calls these):
    /// while any is, a pause in arrivals is not the end of a burst. A JSON-RPC batch of 500
    /// tx_send reaches the pool all at once after ~20 ms of signature recovery; without this,
    /// that pause sealed a small block each time.
    virtual void admission_started() = 0;
    virtual void admission_finished() = 0;
    /// Seals `blocks` blocks now, empty if nothing waits (dev_mine). Returns the new height.
    virtual std::uint64_t mine_now(std::uint64_t blocks) = 0;
};

/// Marks a batch in admission for its lifetime (BlockProducer::admission_started). `producer`
/// may be null (no producer: nothing to tell).
class AdmissionScope
{
public:
    explicit AdmissionScope(BlockProducer* producer) : m_producer(producer)
    {
        if (m_producer) m_producer->admission_started();
    }
    ~AdmissionScope()
    {
        if (m_producer) m_producer->admission_finished();
    }
    AdmissionScope(const AdmissionScope&) = delete;
    AdmissionScope& operator=(const AdmissionScope&) = delete;

private:
    BlockProducer* m_producer;
};

struct ProducerConfig
{
    /// How long transactions may wait before a block is sealed (SPEC §4: ≤ 1 s). Only a
    /// sustained burst waits this long (a burst that stops is sealed after the quiet window).
    /// 400 rather than 200: a block pays ~25 ms for the state keys it changes whatever its size
    /// (2,000 active senders ≈ 4,000 keys), and fewer, larger blocks spend less of the CPU on it
    /// (docs/performance.md).
    std::chrono::milliseconds interval{400};
    std::size_t max_block_txs{20000};
};

/// The single-validator producer: seals a block when transactions wait, at most `interval`
/// after the first arrives, and back-to-back while a backlog remains.
class SoloProducer final : public BlockProducer
{
public:
    SoloProducer(Chain& chain, Mempool& pool, Clock& clock, ledger::SecretKey key,
                 ProducerConfig cfg);
    ~SoloProducer() override;

    void start() override;
    void stop() override;
    void notify() override;
    void admission_started() override;
    void admission_finished() override;
    std::uint64_t mine_now(std::uint64_t blocks) override;

    /// Blocks until a block at or above `height` is committed or `timeout` passes.
    bool wait_for_height(std::uint64_t height, std::chrono::milliseconds timeout);

private:
    /// Seals one block from the pool; returns the number of txs included.
    std::size_t seal_one(bool allow_empty);
    void run();

    Chain& m_chain;
    Mempool& m_pool;
    Clock& m_clock;
    ledger::SecretKey m_key;
    ProducerConfig m_cfg;
    std::mutex m_seal_mu;
    std::mutex m_mu;
    std::condition_variable m_cv;
    std::condition_variable m_committed;
    bool m_pending{false};
    /// Lock-free fast path of notify(): set while a wake-up is already due.
    std::atomic<bool> m_pending_hint{false};
    /// Batches in admission (admission_started minus admission_finished).
    std::atomic<std::uint32_t> m_admitting{0};
    bool m_stop{false};
    std::thread m_thread;
};

}  // namespace aif::node
