// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/result.hpp"
#include "ledger/tx.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_set>
#include <vector>

namespace aif::node {

/// Limits of the pool (SPEC §4: bounded, future nonces up to a bound).
struct MempoolConfig
{
    /// Most transactions held in total.
    std::size_t max_txs{200'000};
    /// Most transactions one sender may hold.
    std::size_t max_per_sender{1'000};
    /// How far beyond the account's next nonce a transaction may be queued.
    std::uint64_t max_nonce_gap{1'000};
};

/// Verified transactions waiting for a block, per sender ordered by nonce. Thread-safe.
class Mempool
{
public:
    explicit Mempool(MempoolConfig cfg = {}) : m_cfg(cfg) {}

    /// Admits `vt` given the sender's committed nonce. Errors: duplicate_tx (same hash, or the
    /// nonce already pending), nonce_too_low, nonce_too_high (beyond the gap), mempool_full.
    [[nodiscard]] ledger::Result<void> add(ledger::VerifiedTx vt, std::uint64_t account_nonce);

    /// Takes up to `max` transactions that can apply in order: for each sender, the run of
    /// consecutive nonces starting at `nonce_of(sender)`, interleaved round-robin across
    /// senders in order of first arrival. Taken transactions leave the queue but stay known
    /// ("in flight": contains() is true, their nonces count as pending) until settle() or
    /// restore(), so a client never sees a tx vanish while its block is being committed.
    [[nodiscard]] std::vector<ledger::VerifiedTx> take_ready(
        const std::function<std::uint64_t(const ledger::Address&)>& nonce_of, std::size_t max);

    /// Puts back transactions that were taken but not tried (deferred by the producer).
    void restore(std::vector<ledger::VerifiedTx> txs);
    /// Forgets in-flight transactions once their block is committed (or they were refused).
    void settle(const std::vector<ledger::Hash32>& hashes);

    /// Drops every pending tx of `sender` with a nonce below `next_nonce`.
    void prune(const ledger::Address& sender, std::uint64_t next_nonce);

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
    void insert_locked(ledger::VerifiedTx vt);
    void settle_locked(const std::vector<ledger::Hash32>& hashes);

    MempoolConfig m_cfg;
    mutable std::mutex m_mu;
    std::map<ledger::Address, std::map<std::uint64_t, ledger::VerifiedTx>> m_by_sender;
    /// Sender → arrival sequence of its first queued tx, for fair ordering.
    std::map<ledger::Address, std::uint64_t> m_sender_seq;
    /// Every queued tx's hash → sender.
    std::map<ledger::Hash32, ledger::Address> m_by_hash;
    /// Taken but not yet settled: hash → (sender, nonce), and per sender the nonces.
    std::map<ledger::Hash32, std::pair<ledger::Address, std::uint64_t>> m_inflight;
    std::map<ledger::Address, std::set<std::uint64_t>> m_inflight_nonces;
    std::uint64_t m_seq{0};
};

}  // namespace aif::node
