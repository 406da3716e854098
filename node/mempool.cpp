// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/mempool.hpp"

#include <algorithm>
#include <stdexcept>

namespace aif::node {

using namespace ledger;

namespace {
constexpr std::chrono::seconds EXPIRE_EVERY{1};
}

std::uint64_t Mempool::run_end(const Sender& s, std::uint64_t from)
{
    std::uint64_t next = from;
    auto q = s.queued.lower_bound(next);
    for (;;) {
        if (q != s.queued.end() && q->first == next) {
            ++q;
        } else if (!s.in_flight.count(next)) {
            return next;
        }
        ++next;
    }
}

Result<void> Mempool::add(VerifiedTx vt, std::uint64_t account_nonce, TimePoint now)
{
    std::lock_guard lock{m_mu};
    if (now - m_last_expire >= EXPIRE_EVERY) expire_locked(now);
    return add_locked(vt, account_nonce, now);
}

std::vector<Result<void>> Mempool::add_batch(std::span<VerifiedTx> txs,
                                             std::span<const std::uint64_t> account_nonces,
                                             TimePoint now)
{
    if (account_nonces.size() != txs.size())
        throw std::invalid_argument("Mempool::add_batch: one account nonce per tx");
    std::vector<Result<void>> out;
    out.reserve(txs.size());
    std::lock_guard lock{m_mu};
    if (now - m_last_expire >= EXPIRE_EVERY) expire_locked(now);
    for (std::size_t i = 0; i < txs.size(); ++i)
        out.push_back(add_locked(txs[i], account_nonces[i], now));
    return out;
}

Result<void> Mempool::add_locked(VerifiedTx& vt, std::uint64_t account_nonce, TimePoint now)
{
    const std::uint64_t nonce = vt.tx.nonce();
    // One probe of the known-hash table for the duplicate check and the insertion (it is the
    // largest table here and each probe misses the cache); a refusal below takes the entry out.
    // Not a structured binding: clang before 16 cannot capture one in the lambda below.
    const auto inserted = m_known.try_emplace(vt.hash, Known{vt.sender, nonce});
    if (!inserted.second) return err(ErrorCode::duplicate_tx, "already pending");
    const auto known = inserted.first;
    auto refuse = [&](Error e) {
        m_known.erase(known);
        return Result<void>(std::move(e));
    };
    auto sit = m_senders.find(vt.sender);
    if (sit != m_senders.end() && sit->second.in_flight.count(nonce))
        return refuse(err(ErrorCode::duplicate_tx, "nonce " + std::to_string(nonce) +
                                                       " is being committed for this sender"));
    if (nonce < account_nonce)
        return refuse(err(ErrorCode::nonce_too_low, "nonce " + std::to_string(nonce) +
                                                        " already used; next is " +
                                                        std::to_string(account_nonce)));
    if (nonce - account_nonce > m_cfg.max_nonce_gap)
        return refuse(
            err(ErrorCode::nonce_too_high, "nonce " + std::to_string(nonce) + " is more than " +
                                               std::to_string(m_cfg.max_nonce_gap) + " ahead of " +
                                               std::to_string(account_nonce)));
    if (sit != m_senders.end()) {
        const Sender& s = sit->second;
        if (s.queued.count(nonce))
            return refuse(err(ErrorCode::duplicate_tx, "nonce " + std::to_string(nonce) +
                                                           " already pending for this sender"));
        if (s.queued.size() + s.in_flight.size() >= m_cfg.max_per_sender)
            return refuse(err(
                ErrorCode::mempool_full,
                "sender has " + std::to_string(m_cfg.max_per_sender) + " pending transactions"));
    }
    if (m_queued + m_in_flight >= m_cfg.max_txs) {
        // Full. A tx its sender can run now may take the place of one parked behind a gap.
        const bool runnable = sit == m_senders.end() ? nonce == account_nonce
                                                     : nonce == run_end(sit->second, account_nonce);
        if (!runnable || !evict_gapped_locked())
            return refuse(err(ErrorCode::mempool_full,
                              "pool holds " + std::to_string(m_cfg.max_txs) + " transactions"));
        // The evicted tx may have been this sender's last one, and its entry gone with it.
        sit = m_senders.find(vt.sender);
    }
    Sender& s = sit != m_senders.end() ? sit->second : m_senders[vt.sender];
    s.known_nonce = std::max(s.known_nonce, account_nonce);
    insert_locked(s, std::move(vt), now);
    return ok();
}

void Mempool::insert_locked(Sender& s, VerifiedTx vt, TimePoint now)
{
    if (s.queued.empty()) {
        s.seq = m_seq++;
        m_order.emplace(s.seq, vt.sender);
    }
    s.active = now;
    const std::uint64_t nonce = vt.tx.nonce();
    s.queued.emplace(nonce, std::move(vt));
    ++m_queued;
}

void Mempool::drop_queued_locked(Sender& s, std::map<std::uint64_t, VerifiedTx>::iterator it)
{
    m_known.erase(it->second.hash);
    s.queued.erase(it);
    --m_queued;
}

void Mempool::tidy_sender_locked(const Address& sender)
{
    auto sit = m_senders.find(sender);
    if (sit != m_senders.end()) tidy_sender_locked(sit);
}

void Mempool::tidy_sender_locked(Senders::iterator sit)
{
    Sender& s = sit->second;
    if (s.queued.empty()) m_order.erase(s.seq);
    if (s.queued.empty() && s.in_flight.empty()) m_senders.erase(sit);
}

bool Mempool::evict_gapped_locked()
{
    for (auto o = m_order.rbegin(); o != m_order.rend(); ++o) {
        const Address sender = o->second;
        Sender& s = m_senders.at(sender);
        auto last = std::prev(s.queued.end());
        if (last->first < run_end(s, s.known_nonce)) continue;  // no gap before its last tx
        drop_queued_locked(s, last);
        tidy_sender_locked(sender);
        return true;
    }
    return false;
}

std::size_t Mempool::expire(TimePoint now)
{
    std::lock_guard lock{m_mu};
    return expire_locked(now);
}

std::size_t Mempool::expire_locked(TimePoint now)
{
    m_last_expire = now;
    std::vector<Address> idle;
    for (const auto& [seq, sender] : m_order)
        if (now - m_senders.at(sender).active > m_cfg.lifetime) idle.push_back(sender);
    std::size_t dropped = 0;
    for (const auto& sender : idle) {
        Sender& s = m_senders.at(sender);
        while (!s.queued.empty()) {
            drop_queued_locked(s, s.queued.begin());
            ++dropped;
        }
        tidy_sender_locked(sender);
    }
    return dropped;
}

std::vector<VerifiedTx> Mempool::take_ready(
    const std::function<std::uint64_t(const Address&)>& nonce_of, std::size_t max, TimePoint now)
{
    std::lock_guard lock{m_mu};
    if (now - m_last_expire >= EXPIRE_EVERY) expire_locked(now);
    struct Run
    {
        Address sender;
        Sender* s;
        std::uint64_t next;
    };
    // Senders in order of first arrival (m_order), each from its account nonce.
    std::vector<Run> runs;
    runs.reserve(m_order.size());
    for (const auto& [seq, a] : m_order) {
        Sender& s = m_senders.at(a);
        s.known_nonce = nonce_of(a);
        runs.push_back(Run{a, &s, s.known_nonce});
    }
    std::vector<VerifiedTx> out;
    out.reserve(std::min(max, m_queued));
    std::vector<Address> emptied;
    // Round-robin: one tx per sender per round; a sender leaves the rotation when its run ends.
    while (out.size() < max && !runs.empty()) {
        std::size_t keep = 0;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            Run& run = runs[i];
            if (out.size() >= max) {
                runs[keep++] = run;
                continue;
            }
            auto it = run.s->queued.find(run.next);
            if (it == run.s->queued.end()) continue;
            run.s->in_flight.insert(run.next);
            run.s->active = now;
            out.push_back(std::move(it->second));
            run.s->queued.erase(it);
            --m_queued;
            ++m_in_flight;
            ++run.next;
            if (run.s->queued.empty()) {
                emptied.push_back(run.sender);
                continue;
            }
            runs[keep++] = run;
        }
        runs.resize(keep);
        if (out.size() >= max) break;
    }
    for (const auto& a : emptied) tidy_sender_locked(a);
    return out;
}

void Mempool::restore(std::vector<VerifiedTx> txs)
{
    std::lock_guard lock{m_mu};
    std::vector<Hash32> hashes;
    hashes.reserve(txs.size());
    for (const auto& vt : txs) hashes.push_back(vt.hash);
    settle_locked(hashes);
    const TimePoint now = std::chrono::steady_clock::now();
    for (auto& vt : txs) {
        if (m_known.count(vt.hash)) continue;
        Sender& s = m_senders[vt.sender];
        if (s.queued.count(vt.tx.nonce())) continue;
        m_known.emplace(vt.hash, Known{vt.sender, vt.tx.nonce()});
        insert_locked(s, std::move(vt), now);
    }
}

void Mempool::settle(const std::vector<Hash32>& hashes)
{
    // A chunk at a time: a block's ~10,000 hashes held the lock ~3 ms while every admission
    // thread waited for it with its core idle (issue 7). Each hash is settled on its own, so an
    // admission between chunks sees the rest still in flight, as it would before the call.
    constexpr std::size_t CHUNK = 512;
    for (std::size_t i = 0; i < hashes.size(); i += CHUNK) {
        std::lock_guard lock{m_mu};
        settle_locked(std::span{hashes}.subspan(i, std::min(CHUNK, hashes.size() - i)));
    }
}

void Mempool::settle_locked(std::span<const Hash32> hashes)
{
    for (const auto& h : hashes) {
        auto it = m_known.find(h);
        if (it == m_known.end()) continue;
        auto sit = m_senders.find(it->second.sender);
        if (sit == m_senders.end() || !sit->second.in_flight.count(it->second.nonce))
            continue;  // queued
        Sender& s = sit->second;
        s.in_flight.erase(it->second.nonce);
        m_known.erase(it);
        --m_in_flight;
        tidy_sender_locked(sit);
    }
}

void Mempool::prune(const Address& sender, std::uint64_t next_nonce)
{
    std::lock_guard lock{m_mu};
    prune_locked(sender, next_nonce);
}

void Mempool::prune(const std::vector<std::pair<Address, std::uint64_t>>& next_nonces)
{
    std::lock_guard lock{m_mu};
    for (const auto& [sender, next] : next_nonces) prune_locked(sender, next);
}

void Mempool::prune_locked(const Address& sender, std::uint64_t next_nonce)
{
    auto sit = m_senders.find(sender);
    if (sit == m_senders.end()) return;
    Sender& s = sit->second;
    s.known_nonce = std::max(s.known_nonce, next_nonce);
    while (!s.queued.empty() && s.queued.begin()->first < next_nonce)
        drop_queued_locked(s, s.queued.begin());
    tidy_sender_locked(sender);
}

bool Mempool::contains(const Hash32& hash) const
{
    std::lock_guard lock{m_mu};
    return m_known.count(hash) != 0;
}

std::optional<VerifiedTx> Mempool::find(const Hash32& hash) const
{
    std::lock_guard lock{m_mu};
    auto k = m_known.find(hash);
    if (k == m_known.end()) return std::nullopt;
    const Sender& s = m_senders.at(k->second.sender);
    auto it = s.queued.find(k->second.nonce);  // absent while in flight
    if (it == s.queued.end()) return std::nullopt;
    return it->second;
}

std::uint64_t Mempool::pending_nonce(const Address& sender, std::uint64_t account_nonce) const
{
    std::lock_guard lock{m_mu};
    auto sit = m_senders.find(sender);
    return sit == m_senders.end() ? account_nonce : run_end(sit->second, account_nonce);
}

std::size_t Mempool::size() const
{
    std::lock_guard lock{m_mu};
    return m_queued;
}

std::size_t Mempool::in_flight() const
{
    std::lock_guard lock{m_mu};
    return m_in_flight;
}

}  // namespace aif::node
