// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/result.hpp"
#include "ledger/tx.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <vector>

namespace aif::node {

/// Limits of the pool (SPEC §4: bounded, future nonces up to a bound). docs/node.md lists the
/// flags that set them.
struct MempoolConfig
{
    /// Most transactions held in total (queued and being committed).
    std::size_t max_txs{200'000};
    /// Most transactions one sender may hold.
    std::size_t max_per_sender{1'000};
    /// How far beyond the account's next nonce a transaction may be queued.
    std::uint64_t max_nonce_gap{1'000};
    /// A sender with queued transactions and no activity (nothing admitted or taken for a
    /// block) for this long loses them: a nonce gap that is never filled must not hold pool
    /// room forever (hostile S3).
    std::chrono::seconds lifetime{3 * 3600};
};

/// Verified transactions waiting for a block, per sender ordered by nonce. Thread-safe.
///
/// Full-pool policy (hostile S3): when the pool is full, a transaction its sender could run now
/// (its nonce continues the sender's run from the account nonce) evicts the highest-nonce
/// transaction of the most recently arrived sender whose queue has a gap; only when no queued
/// transaction sits behind a gap is it refused with mempool_full.
class Mempool
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit Mempool(MempoolConfig cfg = {}) : m_cfg(cfg) {}

    /// Admits `vt` given the sender's committed nonce. Errors: duplicate_tx (same hash, or the
    /// nonce already pending), nonce_too_low, nonce_too_high (beyond the gap), mempool_full.
    [[nodiscard]] ledger::Result<void> add(ledger::VerifiedTx vt, std::uint64_t account_nonce,
                                           TimePoint now = std::chrono::steady_clock::now());

    /// add() for each of `txs` in order (`account_nonces[i]` for `txs[i]`), under one hold of
    /// the lock: a JSON-RPC batch of tx_send, or a chunk of verified txs, pays for the lock
    /// once. Each result is what add() would have returned at that point; an admitted tx is
    /// moved out of `txs`. Throws std::invalid_argument when the two spans differ in size.
    [[nodiscard]] std::vector<ledger::Result<void>> add_batch(
        std::span<ledger::VerifiedTx> txs, std::span<const std::uint64_t> account_nonces,
        TimePoint now = std::chrono::steady_clock::now());

    /// Takes up to `max` transactions that can apply in order: for each sender, the run of
    /// consecutive nonces starting at `nonce_of(sender)`, interleaved round-robin across
    /// senders in order of first arrival. Taken transactions leave the queue but stay known
    /// ("in flight": contains() is true, their nonces count as pending) until settle() or
    /// restore(), so a client never sees a tx vanish while its block is being committed.
    [[nodiscard]] std::vector<ledger::VerifiedTx> take_ready(
        const std::function<std::uint64_t(const ledger::Address&)>& nonce_of, std::size_t max,
        TimePoint now = std::chrono::steady_clock::now());

    /// Puts back transactions that were taken but not tried (deferred by the producer).
    void restore(std::vector<ledger::VerifiedTx> txs);
    /// Forgets in-flight transactions once their block is committed (or they were refused).
    void settle(const std::vector<ledger::Hash32>& hashes);

    /// Drops every pending tx of `sender` with a nonce below `next_nonce`.
    void prune(const ledger::Address& sender, std::uint64_t next_nonce);
    /// prune() for many senders under one lock (after a block).
    void prune(const std::vector<std::pair<ledger::Address, std::uint64_t>>& next_nonces);

    /// Drops the queued transactions of senders idle for longer than the lifetime; returns how
    /// many. add() and take_ready() call it at most once a second.
    std::size_t expire(TimePoint now);

    [[nodiscard]] bool contains(const ledger::Hash32& hash) const;
    /// The pending tx with this hash, if any.
    [[nodiscard]] std::optional<ledger::VerifiedTx> find(const ledger::Hash32& hash) const;
    /// The sender's next nonce counting pending consecutive txs from `account_nonce`.
    [[nodiscard]] std::uint64_t pending_nonce(const ledger::Address& sender,
                                              std::uint64_t account_nonce) const;
    /// Queued transactions (not counting in-flight ones).
    [[nodiscard]] std::size_t size() const;
    /// Transactions taken for a block that is not yet committed.
    [[nodiscard]] std::size_t in_flight() const;

private:
    /// Hash maps keyed by hashes and addresses use their leading bytes (already uniform). They
    /// are only looked up, never iterated for an order; fair ordering uses m_order.
    struct PrefixHash
    {
        template <std::size_t N>
        std::size_t operator()(const ledger::FixedBytes<N>& b) const noexcept
        {
            std::size_t v;
            std::memcpy(&v, b.data(), sizeof v);
            return v;
        }
    };
    /// A sender's in-flight nonces: few, taken in ascending runs, so a sorted vector (one
    /// allocation per sender, not one per tx as a std::set would make).
    struct NonceSet
    {
        std::vector<std::uint64_t> v;
        [[nodiscard]] bool count(std::uint64_t n) const
        {
            return std::binary_search(v.begin(), v.end(), n);
        }
        void insert(std::uint64_t n)
        {
            auto it = std::lower_bound(v.begin(), v.end(), n);
            if (it == v.end() || *it != n) v.insert(it, n);
        }
        void erase(std::uint64_t n)
        {
            auto it = std::lower_bound(v.begin(), v.end(), n);
            if (it != v.end() && *it == n) v.erase(it);
        }
        [[nodiscard]] std::size_t size() const { return v.size(); }
        [[nodiscard]] bool empty() const { return v.empty(); }
    };
    struct Sender
    {
        std::map<std::uint64_t, ledger::VerifiedTx> queued;
        /// Nonces taken for a block not yet settled.
        NonceSet in_flight;
        /// Arrival sequence while it has queued txs (key in m_order).
        std::uint64_t seq{0};
        /// The account nonce last seen (at add, take or prune).
        std::uint64_t known_nonce{0};
        /// Last admission or take, for the lifetime.
        TimePoint active{};
    };
    /// A known tx's place. It is in flight exactly when its sender's in_flight holds its nonce
    /// (a nonce in flight cannot be queued again), so no flag is kept here to update per take.
    struct Known
    {
        ledger::Address sender;
        std::uint64_t nonce{0};
    };

    ledger::Result<void> add_locked(ledger::VerifiedTx& vt, std::uint64_t account_nonce,
                                    TimePoint now);
    void insert_locked(Sender& s, ledger::VerifiedTx vt, TimePoint now);
    void prune_locked(const ledger::Address& sender, std::uint64_t next_nonce);
    void settle_locked(std::span<const ledger::Hash32> hashes);
    /// Removes one queued tx (by sender entry and iterator) from every index.
    void drop_queued_locked(Sender& s, std::map<std::uint64_t, ledger::VerifiedTx>::iterator it);
    /// Erases the sender entry when it holds nothing, and its m_order slot when nothing queued.
    void tidy_sender_locked(const ledger::Address& sender);
    using Senders = std::unordered_map<ledger::Address, Sender, PrefixHash>;
    /// tidy_sender_locked for an entry already found.
    void tidy_sender_locked(Senders::iterator sit);
    /// First nonce after the run of pending (queued or in-flight) nonces from `from`.
    static std::uint64_t run_end(const Sender& s, std::uint64_t from);
    /// Evicts one queued tx that sits behind a nonce gap (newest sender first); false if none.
    bool evict_gapped_locked();
    std::size_t expire_locked(TimePoint now);

    MempoolConfig m_cfg;
    mutable std::mutex m_mu;
    Senders m_senders;
    /// Senders with queued txs, in order of first arrival: seq → sender.
    std::map<std::uint64_t, ledger::Address> m_order;
    /// Every queued or in-flight tx's hash.
    std::unordered_map<ledger::Hash32, Known, PrefixHash> m_known;
    std::size_t m_queued{0};
    std::size_t m_in_flight{0};
    std::uint64_t m_seq{0};
    TimePoint m_last_expire{};
};

}  // namespace aif::node
