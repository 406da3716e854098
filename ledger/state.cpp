// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/state.hpp"

#include "ledger/crypto.hpp"

#include <cstring>

namespace aif::ledger {

State::State() : m_buckets(BUCKETS), m_tree(2 * BUCKETS)
{
    for (std::uint32_t b = 0; b < BUCKETS; ++b) m_dirty.insert(b);
}

std::optional<std::string> State::get(std::string_view key) const
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return std::nullopt;
    return it->second.value;
}

void State::scan(std::string_view prefix, const ScanFn& fn) const
{
    for (auto it = m_entries.lower_bound(prefix); it != m_entries.end(); ++it) {
        if (it->first.compare(0, prefix.size(), prefix) != 0) break;
        if (!fn(it->first, it->second.value)) break;
    }
}

std::uint32_t State::bucket_of(std::string_view key)
{
    Hash32 h = keccak256(key);
    return (static_cast<std::uint32_t>(h.bytes[0]) << 8) | h.bytes[1];
}

Hash32 State::leaf_of(std::string_view key, std::string_view value)
{
    Bytes buf;
    buf.reserve(4 + key.size() + value.size());
    auto n = static_cast<std::uint32_t>(key.size());
    for (int i = 3; i >= 0; --i) buf.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
    buf.insert(buf.end(), key.begin(), key.end());
    buf.insert(buf.end(), value.begin(), value.end());
    return keccak256(ByteView{buf});
}

void State::put(const std::string& key, const std::string& value)
{
    auto [it, inserted] = m_entries.try_emplace(key);
    it->second.value = value;
    it->second.leaf = leaf_of(key, value);
    std::uint32_t b = bucket_of(key);
    if (inserted) m_buckets[b].insert(&it->first);
    m_dirty.insert(b);
}

void State::erase(const std::string& key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return;
    std::uint32_t b = bucket_of(key);
    m_buckets[b].erase(&it->first);
    m_entries.erase(it);
    m_dirty.insert(b);
}

void State::apply(const ChangeSet& changes)
{
    for (const auto& [k, v] : changes) {
        if (v)
            put(k, *v);
        else
            erase(k);
    }
}

void State::load(std::string key, std::string value)
{
    put(key, value);
}

void State::rehash()
{
    if (m_dirty.empty()) return;
    std::set<std::uint32_t> parents;
    Bytes buf;
    for (std::uint32_t b : m_dirty) {
        const auto& bucket = m_buckets[b];
        Hash32 h;
        if (!bucket.empty()) {
            buf.clear();
            for (const std::string* k : bucket) {
                const Hash32& leaf = m_entries.find(*k)->second.leaf;
                buf.insert(buf.end(), leaf.bytes.begin(), leaf.bytes.end());
            }
            h = keccak256(ByteView{buf});
        }
        m_tree[BUCKETS + b] = h;
        parents.insert((BUCKETS + b) / 2);
    }
    m_dirty.clear();
    std::uint8_t pair[64];
    while (!parents.empty()) {
        std::set<std::uint32_t> next;
        for (std::uint32_t i : parents) {
            std::memcpy(pair, m_tree[2 * i].data(), 32);
            std::memcpy(pair + 32, m_tree[2 * i + 1].data(), 32);
            m_tree[i] = keccak256(ByteView{pair, 64});
            if (i > 1) next.insert(i / 2);
        }
        parents.swap(next);
    }
}

Hash32 State::root()
{
    rehash();
    return m_tree[1];
}

std::optional<std::string> StateOverlay::get(std::string_view key) const
{
    auto it = m_writes.find(key);
    if (it != m_writes.end()) return it->second;
    return m_base.get(key);
}

void StateOverlay::scan(std::string_view prefix, const ScanFn& fn) const
{
    // Merge the base's ordered range with the overlay's, the overlay winning on equal keys.
    std::vector<std::pair<std::string, std::string>> base;
    m_base.scan(prefix, [&](std::string_view k, std::string_view v) {
        base.emplace_back(std::string{k}, std::string{v});
        return true;
    });
    auto wit = m_writes.lower_bound(prefix);
    auto in_prefix = [&](const std::string& k) { return k.compare(0, prefix.size(), prefix) == 0; };
    std::size_t bi = 0;
    while (true) {
        bool have_w = wit != m_writes.end() && in_prefix(wit->first);
        bool have_b = bi < base.size();
        if (!have_w && !have_b) return;
        if (have_w && (!have_b || wit->first <= base[bi].first)) {
            if (have_b && wit->first == base[bi].first) ++bi;
            if (wit->second && !fn(wit->first, *wit->second)) return;
            ++wit;
        } else {
            if (!fn(base[bi].first, base[bi].second)) return;
            ++bi;
        }
    }
}

void StateOverlay::record(std::string_view key)
{
    auto it = m_writes.find(key);
    JournalEntry j;
    j.key = std::string{key};
    if (it != m_writes.end()) {
        j.existed = true;
        j.previous = it->second;
    }
    m_journal.push_back(std::move(j));
}

void StateOverlay::put(std::string_view key, std::string value)
{
    record(key);
    auto it = m_writes.find(key);
    if (it == m_writes.end())
        m_writes.emplace(std::string{key}, std::move(value));
    else
        it->second = std::move(value);
}

void StateOverlay::erase(std::string_view key)
{
    record(key);
    auto it = m_writes.find(key);
    if (it == m_writes.end())
        m_writes.emplace(std::string{key}, std::nullopt);
    else
        it->second = std::nullopt;
}

void StateOverlay::rollback(std::size_t cp)
{
    while (m_journal.size() > cp) {
        JournalEntry& j = m_journal.back();
        if (j.existed)
            m_writes[j.key] = std::move(j.previous);
        else
            m_writes.erase(j.key);
        m_journal.pop_back();
    }
}

std::string encode_u64(std::uint64_t v)
{
    std::string s(8, '\0');
    for (int i = 7; i >= 0; --i) {
        s[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
        v >>= 8;
    }
    return s;
}

std::optional<std::uint64_t> decode_u64(std::string_view s)
{
    if (s.size() != 8) return std::nullopt;
    return get_be64(reinterpret_cast<const std::uint8_t*>(s.data()));
}

std::string encode_u128(u128 v)
{
    return encode_u64(static_cast<std::uint64_t>(v >> 64)) + encode_u64(static_cast<std::uint64_t>(v));
}

std::optional<u128> decode_u128(std::string_view s)
{
    if (s.size() != 16) return std::nullopt;
    auto hi = decode_u64(s.substr(0, 8));
    auto lo = decode_u64(s.substr(8));
    return (static_cast<u128>(*hi) << 64) | *lo;
}

}  // namespace aif::ledger
