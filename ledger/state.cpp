// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/state.hpp"

#include "ledger/crypto.hpp"

#include <algorithm>
#include <cstring>

namespace aif::ledger {

State::State() : m_buckets(BUCKETS), m_tree(FIRST_BUCKET_NODE + BUCKETS)
{
    for (std::uint32_t b = 0; b < BUCKETS; ++b) m_dirty.insert(b);
}

const std::string* State::find(std::string_view key) const
{
    auto it = m_index.find(key);
    if (it == m_index.end()) return nullptr;
    return &it->second->second.value;
}

namespace {

bool has_prefix(std::string_view key, std::string_view prefix)
{
    return key.substr(0, prefix.size()) == prefix;
}

/// Where a scan of `prefix` from `start` begins: the larger of the two (a start below the
/// prefix means the whole prefix).
std::string_view scan_begin(std::string_view prefix, std::string_view start)
{
    return start > prefix ? start : prefix;
}

}  // namespace

void StateView::scan_from(std::string_view prefix, std::string_view start, const ScanFn& fn) const
{
    scan(prefix, [&](std::string_view k, std::string_view v) { return k < start || fn(k, v); });
}

void State::scan(std::string_view prefix, const ScanFn& fn) const
{
    scan_from(prefix, prefix, fn);
}

void State::scan_from(std::string_view prefix, std::string_view start, const ScanFn& fn) const
{
    for (auto it = m_entries.lower_bound(scan_begin(prefix, start)); it != m_entries.end(); ++it) {
        if (!has_prefix(it->first, prefix)) break;
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
    // keccak256(be32(len(key)) || key || value), in a stack buffer when it fits.
    std::uint8_t small[256];
    Bytes big;
    const std::size_t len = 4 + key.size() + value.size();
    std::uint8_t* p = small;
    if (len > sizeof small) {
        big.resize(len);
        p = big.data();
    }
    const auto n = static_cast<std::uint32_t>(key.size());
    for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(n >> (24 - 8 * i));
    std::memcpy(p + 4, key.data(), key.size());
    std::memcpy(p + 4 + key.size(), value.data(), value.size());
    return keccak256(ByteView{p, len});
}

void State::put(const std::string& key, const std::string& value)
{
    // A key already here is found by hash rather than down the ordered map's string compares.
    const auto ix = m_index.find(key);
    Entries::value_type* existing = ix == m_index.end() ? nullptr : &*ix->second;
    const std::uint32_t b = existing ? existing->second.bucket : bucket_of(key);
    put_with_leaf(existing, key, value, leaf_of(key, value), b);
    m_dirty.insert(b);
}

void State::put_with_leaf(Entries::value_type* existing, const std::string& key,
                          const std::string& value, const Hash32& leaf, std::uint32_t bucket)
{
    if (existing) {  // most writes: a value replaced, nothing to insert
        existing->second.value = value;
        existing->second.leaf = leaf;
        return;
    }
    auto [it, inserted] = m_entries.try_emplace(key);
    it->second.value = value;
    it->second.leaf = leaf;
    it->second.bucket = bucket;
    if (inserted) {
        m_buckets[bucket].insert(&*it);
        m_index.emplace(it->first, it);
    }
}

State::PendingRoot State::prepare_root(const ChangeSet& changes) const
{
    // Everything is in vectors indexed by the change set's order: one bucket hash and one leaf
    // per changed key, then the tree level by level as sorted (index, hash) runs, so each node
    // costs one keccak and no map operations (issue 7: a block's fixed cost was ~9 µs per
    // changed key, most of it map traffic).
    PendingRoot out;
    const std::size_t n = changes.size();
    out.leaves.resize(n);
    out.buckets.resize(n);
    out.found.resize(n);
    struct Change
    {
        std::uint32_t bucket;
        ChangeSet::const_iterator it;
        std::size_t index;
    };
    std::vector<Change> order;
    order.reserve(n);
    std::size_t i = 0;
    for (auto it = changes.begin(); it != changes.end(); ++it, ++i) {
        if (auto ix = m_index.find(it->first); ix != m_index.end()) out.found[i] = &*ix->second;
        out.buckets[i] = out.found[i] ? out.found[i]->second.bucket : bucket_of(it->first);
        if (it->second) out.leaves[i] = leaf_of(it->first, *it->second);
        order.push_back(Change{out.buckets[i], it, i});
    }
    // Group by bucket; within a bucket the change set's (ascending key) order stays.
    std::stable_sort(order.begin(), order.end(),
                     [](const Change& a, const Change& b) { return a.bucket < b.bucket; });
    std::vector<std::pair<std::uint32_t, Hash32>> level;
    Bytes buf;
    for (std::size_t s = 0; s < order.size();) {
        const std::uint32_t b = order[s].bucket;
        std::size_t e = s;
        while (e < order.size() && order[e].bucket == b) ++e;
        // Merge the bucket's current keys with its changed keys, both ascending.
        buf.clear();
        const auto& current = m_buckets[b];
        auto cur = current.begin();
        std::size_t ci = s;
        while (cur != current.end() || ci < e) {
            const bool take_change =
                ci < e && (cur == current.end() || order[ci].it->first <= (*cur)->first);
            const Hash32* leaf = nullptr;
            if (take_change) {
                if (cur != current.end() && order[ci].it->first == (*cur)->first)
                    ++cur;  // replaced
                if (order[ci].it->second) leaf = &out.leaves[order[ci].index];
                ++ci;
            } else {
                leaf = &(*cur)->second.leaf;
                ++cur;
            }
            if (leaf) buf.insert(buf.end(), leaf->bytes.begin(), leaf->bytes.end());
        }
        level.emplace_back(FIRST_BUCKET_NODE + b,
                           buf.empty() ? Hash32{} : keccak256(ByteView{buf}));
        s = e;
    }
    // Up the tree: each level's changed nodes, ascending; a sibling not changed comes from
    // the current tree. Four children per node: 128 bytes, one keccak permutation.
    std::uint8_t group[4 * 32];
    while (!level.empty() && level.front().first > 0) {
        out.nodes.insert(out.nodes.end(), level.begin(), level.end());
        std::vector<std::pair<std::uint32_t, Hash32>> up;
        up.reserve(level.size() / 2 + 1);
        for (std::size_t j = 0; j < level.size();) {
            const std::uint32_t parent = (level[j].first - 1) / ARITY;
            const std::uint32_t first = ARITY * parent + 1;
            for (std::uint32_t c = 0; c < ARITY; ++c) {
                const Hash32* child = &m_tree[first + c];
                if (j < level.size() && level[j].first == first + c) child = &level[j++].second;
                std::memcpy(group + 32 * c, child->data(), 32);
            }
            up.emplace_back(parent, keccak256(ByteView{group, sizeof group}));
        }
        level.swap(up);
    }
    out.nodes.insert(out.nodes.end(), level.begin(), level.end());
    out.root = level.empty() ? m_tree[0] : level.front().second;
    return out;
}

void State::apply(const ChangeSet& changes, PendingRoot pending)
{
    std::size_t i = 0;
    for (auto it = changes.begin(); it != changes.end(); ++it, ++i) {
        if (it->second)
            put_with_leaf(pending.found[i], it->first, *it->second, pending.leaves[i],
                          pending.buckets[i]);
        else
            erase(it->first);
    }
    for (const auto& [idx, h] : pending.nodes) m_tree[idx] = h;
    m_dirty.clear();
}

void State::erase(const std::string& key)
{
    const auto ix = m_index.find(key);
    if (ix == m_index.end()) return;
    auto it = ix->second;
    const std::uint32_t b = it->second.bucket;
    m_buckets[b].erase(&*it);
    m_index.erase(ix);
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
    // Restart streams the store's entries in ascending key order: insert at the end (O(1) with
    // the hint) and move the strings in instead of copying them.
    const Hash32 leaf = leaf_of(key, value);
    const std::uint32_t b = bucket_of(key);
    auto it =
        m_entries.emplace_hint(m_entries.end(), std::move(key), Entry{std::move(value), leaf, b});
    m_buckets[b].insert(&*it);
    m_index.emplace(it->first, it);
    m_dirty.insert(b);
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
            for (EntryPtr e : bucket) {
                const Hash32& leaf = e->second.leaf;
                buf.insert(buf.end(), leaf.bytes.begin(), leaf.bytes.end());
            }
            h = keccak256(ByteView{buf});
        }
        m_tree[FIRST_BUCKET_NODE + b] = h;
        parents.insert((FIRST_BUCKET_NODE + b - 1) / ARITY);
    }
    m_dirty.clear();
    std::uint8_t group[4 * 32];
    while (!parents.empty()) {
        std::set<std::uint32_t> next;
        for (std::uint32_t i : parents) {
            for (std::uint32_t c = 0; c < ARITY; ++c)
                std::memcpy(group + 32 * c, m_tree[ARITY * i + 1 + c].data(), 32);
            m_tree[i] = keccak256(ByteView{group, sizeof group});
            if (i > 0) next.insert((i - 1) / ARITY);
        }
        parents.swap(next);
    }
}

Hash32 State::root()
{
    rehash();
    return m_tree[0];
}

const std::string* StateOverlay::find(std::string_view key) const
{
    auto it = m_index.find(key);
    if (it != m_index.end()) {
        const auto& written = it->second->second;
        return written ? &*written : nullptr;  // nullopt: deleted in this layer
    }
    return m_base.find(key);
}

void StateOverlay::scan(std::string_view prefix, const ScanFn& fn) const
{
    scan_from(prefix, prefix, fn);
}

void StateOverlay::scan_from(std::string_view prefix, std::string_view start,
                             const ScanFn& fn) const
{
    // Lazy merge of two ordered streams, the base pushed by its own scan and the writes pulled
    // from the map. Before the base's key k is shown, every write below k is shown; a write at
    // k replaces (or, as a deletion, hides) the base's entry. Nothing is buffered, so stopping
    // early stops both streams (issue 6: an order book scan must not cost the whole book).
    auto wit = m_writes.lower_bound(scan_begin(prefix, start));
    const auto w_live = [&] { return wit != m_writes.end() && has_prefix(wit->first, prefix); };
    bool stopped = false;
    // Shows the writes strictly below `bound` (all remaining ones when bound is null).
    const auto drain = [&](const std::string_view* bound) {
        for (; w_live() && (!bound || std::string_view{wit->first} < *bound); ++wit) {
            if (wit->second && !fn(wit->first, *wit->second)) {
                stopped = true;
                return;
            }
        }
    };
    m_base.scan_from(prefix, start, [&](std::string_view k, std::string_view v) {
        drain(&k);
        if (stopped) return false;
        if (w_live() && std::string_view{wit->first} == k) {
            const auto& w = *wit++;
            if (!w.second) return true;  // deleted in this layer
            stopped = !fn(w.first, *w.second);
            return !stopped;
        }
        stopped = !fn(k, v);
        return !stopped;
    });
    if (!stopped) drain(nullptr);
}

StateOverlay::Writes::iterator StateOverlay::slot(std::string_view key)
{
    // One lookup: find the key's node (creating an empty one if new) and journal what it held
    // (moved out: every caller overwrites it next).
    if (auto ix = m_index.find(key); ix != m_index.end()) {
        auto it = ix->second;
        m_journal.push_back(JournalEntry{it, true, std::move(it->second)});
        return it;
    }
    auto it = m_writes.emplace(std::string{key}, std::nullopt).first;
    m_index.emplace(it->first, it);
    m_journal.push_back(JournalEntry{it, false, std::nullopt});
    return it;
}

void StateOverlay::put(std::string_view key, std::string value)
{
    slot(key)->second = std::move(value);
}

void StateOverlay::erase(std::string_view key)
{
    slot(key)->second = std::nullopt;
}

void StateOverlay::rollback(std::size_t cp)
{
    // Newest first: a key's node is erased only by the entry that created it, and every later
    // entry for that key is undone before it, so the iterators held here are always live.
    while (m_journal.size() > cp) {
        JournalEntry& j = m_journal.back();
        if (j.existed) {
            j.it->second = std::move(j.previous);
        } else {
            m_index.erase(std::string_view{j.it->first});
            m_writes.erase(j.it);
        }
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
    return encode_u64(static_cast<std::uint64_t>(v >> 64)) +
           encode_u64(static_cast<std::uint64_t>(v));
}

std::optional<u128> decode_u128(std::string_view s)
{
    if (s.size() != 16) return std::nullopt;
    auto hi = decode_u64(s.substr(0, 8));
    auto lo = decode_u64(s.substr(8));
    return (static_cast<u128>(*hi) << 64) | *lo;
}

}  // namespace aif::ledger
