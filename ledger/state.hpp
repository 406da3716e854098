// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aif::ledger {

/// Visits (key, value) pairs in ascending key order; return false to stop.
using ScanFn = std::function<bool(std::string_view key, std::string_view value)>;

/// Read access to chain state: an ordered key-value map (evmone test/state/state_view.hpp).
/// Contracts read only through this.
class StateView
{
public:
    virtual ~StateView() = default;
    /// The value at `key` without a copy, or nullptr when absent. The pointer is valid until the
    /// next write to this view or a view below it: read it at once (issue 7: copying every value
    /// read cost an allocation per balance read, several per transaction).
    [[nodiscard]] virtual const std::string* find(std::string_view key) const = 0;
    /// The value at `key` (a copy), or nullopt.
    [[nodiscard]] std::optional<std::string> get(std::string_view key) const
    {
        const std::string* v = find(key);
        return v ? std::optional<std::string>{*v} : std::nullopt;
    }
    /// Visits every key that starts with `prefix`, ascending; stops when `fn` returns false.
    virtual void scan(std::string_view prefix, const ScanFn& fn) const = 0;
    /// Visits every key that starts with `prefix` and is ≥ `start`, ascending; stops when `fn`
    /// returns false. Lets a caller resume an ordered index at a known key instead of walking
    /// its whole front (SPEC §8 order books). `State` and `StateOverlay` do this in
    /// O(log n + keys visited) and never copy the range; this default, for other views, filters
    /// `scan` and so costs the whole prefix. `fn` must not write to the view being scanned.
    virtual void scan_from(std::string_view prefix, std::string_view start, const ScanFn& fn) const;
};

/// The pending writes of a block: key → new value, or nullopt for a deletion. Ordered.
using ChangeSet = std::map<std::string, std::optional<std::string>, std::less<>>;

/// The committed state held in memory, with its root (SPEC §4: the root commits to the whole
/// state).
///
/// Root construction (documented in docs/protocol.md): each entry's leaf is
/// keccak256(be32(len(key)) || key || value). Entries fall into one of 65,536 buckets by the
/// first two bytes of keccak256(key); a bucket's hash is keccak256 of its leaves concatenated
/// in ascending key order (zero hash when empty); the root is the keccak Merkle root with four
/// children per node (a full tree of depth 8) over the 65,536 bucket hashes. Updating k
/// entries costs O(k · (bucket size + 8)) hashes.
class State final : public StateView
{
    struct Entry
    {
        std::string value;
        Hash32 leaf;
        /// bucket_of(key), kept so that a change to a key already here costs no keccak to place
        /// (issue 7: ~4,000 changed keys a block). Fits the map node's malloc chunk as it was.
        std::uint32_t bucket{0};
    };
    using Entries = std::map<std::string, Entry, std::less<>>;

public:
    static constexpr std::uint32_t BUCKET_BITS = 16;
    static constexpr std::uint32_t BUCKETS = 1u << BUCKET_BITS;
    /// Children per tree node: four hashes are 128 bytes, one keccak permutation like a pair.
    static constexpr std::uint32_t ARITY = 4;
    /// Heap index of bucket 0's node: the 1 + 4 + … + 4^7 internal nodes come first.
    static constexpr std::uint32_t FIRST_BUCKET_NODE = (BUCKETS - 1) / (ARITY - 1);
    static_assert(BUCKET_BITS % 2 == 0,
                  "a full tree of four children per node needs BUCKETS = 4^k");

    State();
    /// Not copyable (the lookup index points into this state's own map); movable.
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    State(State&&) = default;
    State& operator=(State&&) = default;

    const std::string* find(std::string_view key) const override;
    void scan(std::string_view prefix, const ScanFn& fn) const override;
    /// lower_bound at max(prefix, start), then in order: O(log n + keys visited).
    void scan_from(std::string_view prefix, std::string_view start,
                   const ScanFn& fn) const override;

    /// The root a change set would give, computed without touching this state, so it can run
    /// while readers read (and before the block is durable). Carries what apply() needs to
    /// install the new hashes without recomputing them, and where each changed key already
    /// is, so that apply() (under the chain's exclusive lock) writes without looking anything
    /// up. Preconditions: root() was called since the last load() (no dirty buckets), and the
    /// state does not change between prepare_root and apply.
    struct PendingRoot
    {
        Hash32 root;
        /// Per entry of the change set, in its order: the key's bucket, its new leaf (unused
        /// for a deletion) and its entry in this state (nullptr for a new key). apply() must be
        /// given the same change set.
        std::vector<Hash32> leaves;
        std::vector<std::uint32_t> buckets;
        std::vector<Entries::value_type*> found;
        /// New tree nodes (bucket leaves and their ancestors): (heap index, hash).
        std::vector<std::pair<std::uint32_t, Hash32>> nodes;
    };
    [[nodiscard]] PendingRoot prepare_root(const ChangeSet& changes) const;
    /// Applies a change set and installs the hashes prepare_root computed for it; afterwards
    /// root() == pending.root without rehashing.
    void apply(const ChangeSet& changes, PendingRoot pending);

    /// Applies a change set and brings the root up to date.
    void apply(const ChangeSet& changes);
    /// Loads entries in bulk (restart); call root() after. Keys must be unique; ascending order
    /// (as the store streams them) makes each insert O(1).
    void load(std::string key, std::string value);
    /// Root over the current contents (recomputes dirty buckets first).
    [[nodiscard]] Hash32 root();
    /// Number of entries.
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    /// A bucket holds pointers to its map nodes (stable until erased), ordered by key, so a
    /// bucket's leaves are read without another lookup in the whole map.
    using EntryPtr = const Entries::value_type*;
    struct EntryPtrLess
    {
        bool operator()(EntryPtr a, EntryPtr b) const { return a->first < b->first; }
    };

    static std::uint32_t bucket_of(std::string_view key);
    static Hash32 leaf_of(std::string_view key, std::string_view value);
    void put(const std::string& key, const std::string& value);
    /// Writes `value` and its `leaf` at `key`: through `existing`, the key's entry when it is
    /// already here (found by the caller: put, or prepare_root for apply), else as a new entry.
    void put_with_leaf(Entries::value_type* existing, const std::string& key,
                       const std::string& value, const Hash32& leaf, std::uint32_t bucket);
    void erase(const std::string& key);
    void rehash();

    Entries m_entries;
    /// Point lookups by hash (issue 7: most reads are gets, and the ordered map's string
    /// compares dominated apply). Views point into m_entries' keys, whose nodes are stable.
    /// Never iterated: scans and the root use the ordered map.
    std::unordered_map<std::string_view, Entries::iterator> m_index;
    std::vector<std::set<EntryPtr, EntryPtrLess>> m_buckets;
    /// Heap-ordered Merkle tree over buckets: node i has children 4i+1 … 4i+4; bucket b's node
    /// is FIRST_BUCKET_NODE + b; root at 0.
    std::vector<Hash32> m_tree;
    std::set<std::uint32_t> m_dirty;
};

/// A journaled write layer over a StateView (evmone State::checkpoint/rollback): contracts write
/// here; a failed transaction rolls back to its checkpoint; the block's ChangeSet is what
/// remains.
class StateOverlay final : public StateView
{
public:
    explicit StateOverlay(const StateView& base) : m_base(base) {}
    /// Not copyable: `StateOverlay b{a}` must never silently copy `a` when a layer on top of
    /// it was meant; write `StateOverlay b{static_cast<const StateView&>(a)}` for a layer.
    StateOverlay(const StateOverlay&) = delete;
    StateOverlay& operator=(const StateOverlay&) = delete;

    const std::string* find(std::string_view key) const override;
    /// The base's entries merged lazily with this layer's writes (a write wins on an equal key,
    /// a deletion hides the base entry). Nothing is copied: the base is walked in step with the
    /// writes map and both stop as soon as `fn` returns false, so a scan that stops after k
    /// keys costs O(log n + k + writes skipped), whatever the size of the prefix's range.
    void scan(std::string_view prefix, const ScanFn& fn) const override;
    /// As scan, starting at the first key ≥ `start`.
    void scan_from(std::string_view prefix, std::string_view start,
                   const ScanFn& fn) const override;

    void put(std::string_view key, std::string value);
    void erase(std::string_view key);

    /// A point to roll back to.
    [[nodiscard]] std::size_t checkpoint() const { return m_journal.size(); }
    /// Undoes every write after `cp`.
    void rollback(std::size_t cp);
    /// Forgets the journal: the writes so far can no longer be rolled back. The outermost
    /// caller (the block builder, after each accepted transaction) calls it so the journal
    /// holds one transaction's writes, not a whole block's.
    void release_checkpoints() { m_journal.clear(); }
    /// The writes so far.
    [[nodiscard]] const ChangeSet& changes() const { return m_writes; }

private:
    using Writes = ChangeSet;
    /// The key's node in m_writes (created empty if new), its previous content journaled.
    Writes::iterator slot(std::string_view key);

    const StateView& m_base;
    Writes m_writes;
    /// Point lookups into m_writes by hash (never iterated; see State::m_index).
    std::unordered_map<std::string_view, Writes::iterator> m_index;
    /// Per write: the key's node, whether it existed in m_writes before, and what it held.
    /// Map nodes are stable, so no key is copied.
    struct JournalEntry
    {
        Writes::iterator it;
        bool existed{false};
        std::optional<std::string> previous;
    };
    std::vector<JournalEntry> m_journal;
};

/// Typed helpers over raw state values (big-endian fixed width, STYLE §4).
[[nodiscard]] std::string encode_u64(std::uint64_t v);
[[nodiscard]] std::optional<std::uint64_t> decode_u64(std::string_view s);
[[nodiscard]] std::string encode_u128(u128 v);
[[nodiscard]] std::optional<u128> decode_u128(std::string_view s);

}  // namespace aif::ledger
