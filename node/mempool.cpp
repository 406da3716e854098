// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/mempool.hpp"

#include <algorithm>

namespace aif::node {

using namespace ledger;

Result<void> Mempool::add(VerifiedTx vt, std::uint64_t account_nonce)
{
    std::lock_guard lock{m_mu};
    if (m_by_hash.count(vt.hash) || m_inflight.count(vt.hash))
        return err(ErrorCode::duplicate_tx, "already pending");
    const std::uint64_t nonce = vt.tx.nonce();
    if (auto in = m_inflight_nonces.find(vt.sender);
        in != m_inflight_nonces.end() && in->second.count(nonce))
        return err(ErrorCode::duplicate_tx,
                   "nonce " + std::to_string(nonce) + " is being committed for this sender");
    if (nonce < account_nonce)
        return err(ErrorCode::nonce_too_low, "nonce " + std::to_string(nonce) +
                                                 " already used; next is " +
                                                 std::to_string(account_nonce));
    if (nonce - account_nonce > m_cfg.max_nonce_gap)
        return err(ErrorCode::nonce_too_high,
                   "nonce " + std::to_string(nonce) + " is more than " +
                       std::to_string(m_cfg.max_nonce_gap) + " ahead of " +
                       std::to_string(account_nonce));
    auto sit = m_by_sender.find(vt.sender);
    if (sit != m_by_sender.end()) {
        if (sit->second.count(nonce))
            return err(ErrorCode::duplicate_tx,
                       "nonce " + std::to_string(nonce) + " already pending for this sender");
        if (sit->second.size() >= m_cfg.max_per_sender)
            return err(ErrorCode::mempool_full, "sender has " +
                                                    std::to_string(m_cfg.max_per_sender) +
                                                    " pending transactions");
    }
    if (m_by_hash.size() >= m_cfg.max_txs)
        return err(ErrorCode::mempool_full, "pool holds " + std::to_string(m_cfg.max_txs) + " transactions");
    insert_locked(std::move(vt));
    return ok();
}

void Mempool::insert_locked(VerifiedTx vt)
{
    m_by_hash.emplace(vt.hash, vt.sender);
    m_sender_seq.try_emplace(vt.sender, m_seq++);
    const std::uint64_t nonce = vt.tx.nonce();
    m_by_sender[vt.sender].emplace(nonce, std::move(vt));
}

std::vector<VerifiedTx> Mempool::take_ready(
    const std::function<std::uint64_t(const Address&)>& nonce_of, std::size_t max)
{
    std::lock_guard lock{m_mu};
    // Senders in order of first arrival.
    std::vector<std::pair<std::uint64_t, Address>> order;
    order.reserve(m_sender_seq.size());
    for (const auto& [a, seq] : m_sender_seq) order.emplace_back(seq, a);
    std::sort(order.begin(), order.end());
    struct Run
    {
        Address sender;
        std::uint64_t next;
    };
    std::vector<Run> runs;
    for (const auto& [seq, a] : order) runs.push_back(Run{a, nonce_of(a)});
    std::vector<VerifiedTx> out;
    bool progressed = true;
    while (out.size() < max && progressed) {
        progressed = false;
        for (auto& run : runs) {
            if (out.size() >= max) break;
            auto sit = m_by_sender.find(run.sender);
            if (sit == m_by_sender.end()) continue;
            auto it = sit->second.find(run.next);
            if (it == sit->second.end()) continue;
            m_by_hash.erase(it->second.hash);
            m_inflight.emplace(it->second.hash, std::make_pair(run.sender, run.next));
            m_inflight_nonces[run.sender].insert(run.next);
            out.push_back(std::move(it->second));
            sit->second.erase(it);
            ++run.next;
            progressed = true;
            if (sit->second.empty()) {
                m_by_sender.erase(sit);
                m_sender_seq.erase(run.sender);
            }
        }
    }
    return out;
}

void Mempool::restore(std::vector<VerifiedTx> txs)
{
    std::lock_guard lock{m_mu};
    std::vector<Hash32> hashes;
    for (const auto& vt : txs) hashes.push_back(vt.hash);
    settle_locked(hashes);
    for (auto& vt : txs) {
        if (m_by_hash.count(vt.hash)) continue;
        insert_locked(std::move(vt));
    }
}

void Mempool::settle(const std::vector<Hash32>& hashes)
{
    std::lock_guard lock{m_mu};
    settle_locked(hashes);
}

void Mempool::settle_locked(const std::vector<Hash32>& hashes)
{
    for (const auto& h : hashes) {
        auto it = m_inflight.find(h);
        if (it == m_inflight.end()) continue;
        auto n = m_inflight_nonces.find(it->second.first);
        if (n != m_inflight_nonces.end()) {
            n->second.erase(it->second.second);
            if (n->second.empty()) m_inflight_nonces.erase(n);
        }
        m_inflight.erase(it);
    }
}

void Mempool::prune(const Address& sender, std::uint64_t next_nonce)
{
    std::lock_guard lock{m_mu};
    auto sit = m_by_sender.find(sender);
    if (sit == m_by_sender.end()) return;
    auto& q = sit->second;
    for (auto it = q.begin(); it != q.end() && it->first < next_nonce;) {
        m_by_hash.erase(it->second.hash);
        it = q.erase(it);
    }
    if (q.empty()) {
        m_by_sender.erase(sit);
        m_sender_seq.erase(sender);
    }
}

bool Mempool::contains(const Hash32& hash) const
{
    std::lock_guard lock{m_mu};
    return m_by_hash.count(hash) != 0 || m_inflight.count(hash) != 0;
}

std::optional<VerifiedTx> Mempool::find(const Hash32& hash) const
{
    std::lock_guard lock{m_mu};
    auto h = m_by_hash.find(hash);
    if (h == m_by_hash.end()) return std::nullopt;
    for (const auto& [n, vt] : m_by_sender.at(h->second))
        if (vt.hash == hash) return vt;
    return std::nullopt;
}

std::uint64_t Mempool::pending_nonce(const Address& sender, std::uint64_t account_nonce) const
{
    std::lock_guard lock{m_mu};
    auto sit = m_by_sender.find(sender);
    auto in = m_inflight_nonces.find(sender);
    std::uint64_t next = account_nonce;
    auto pending = [&](std::uint64_t n) {
        return (sit != m_by_sender.end() && sit->second.count(n)) ||
               (in != m_inflight_nonces.end() && in->second.count(n));
    };
    while (pending(next)) ++next;
    return next;
}

std::size_t Mempool::size() const
{
    std::lock_guard lock{m_mu};
    return m_by_hash.size();
}

std::size_t Mempool::in_flight() const
{
    std::lock_guard lock{m_mu};
    return m_inflight.size();
}

}  // namespace aif::node
