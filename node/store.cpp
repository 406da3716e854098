// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/store.hpp"

#include "ledger/codec.hpp"

#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstring>

namespace aif::node {

using namespace ledger;

namespace {

std::string be64(std::uint64_t v)
{
    return encode_u64(v);
}

std::string hkey(char tag, const Hash32& h)
{
    std::string k(1, tag);
    k.append(reinterpret_cast<const char*>(h.data()), 32);
    return k;
}

/// The be64(height) be32(index) head of a 'T' record (caller checked it has 12 bytes).
TxLocation location_of(std::string_view record)
{
    Reader r{record.substr(0, 12)};
    TxLocation loc;
    loc.height = r.u64();
    loc.index = r.u32();
    return loc;
}

/// Largest block batch kept for reuse (a 20,000-transfer block takes about 8 MiB).
constexpr std::size_t MAX_KEPT_BATCH_BYTES = 64u << 20;

void check(const rocksdb::Status& s, const std::string& what)
{
    if (!s.ok()) throw StoreError(what + ": " + s.ToString());
}

}  // namespace

Store::Store(const std::string& dir)
{
    rocksdb::Options opts;
    opts.create_if_missing = true;
    opts.paranoid_checks = true;
    opts.IncreaseParallelism(2);
    opts.OptimizeLevelStyleCompaction();
    // The memtable keeps one insert position per key tag ('T', 's', ...) and starts the next
    // insert of that tag from it, climbing only as far as the gap needs. Without it, an insert
    // that is not next to the previous one searches the skip list from the top. A block's keys
    // go in sorted (commit()), so each search is short: a random-key tx index write costs ~25 %
    // less (issue 7). Reads do not use it; nothing on disk changes.
    opts.memtable_insert_with_hint_prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(1));
    rocksdb::BlockBasedTableOptions table;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    opts.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    rocksdb::DB* db = nullptr;
    check(rocksdb::DB::Open(opts, dir, &db), "open data directory");
    m_db.reset(db);
}

Store::~Store() = default;

std::optional<std::string> Store::get_raw(const std::string& key) const
{
    std::string v;
    auto s = m_db->Get(rocksdb::ReadOptions{}, key, &v);
    if (s.IsNotFound()) return std::nullopt;
    check(s, "read");
    return v;
}

std::optional<std::uint64_t> Store::head_height() const
{
    auto v = get_raw("Mhead");
    if (!v) return std::nullopt;
    auto h = decode_u64(*v);
    if (!h) throw StoreError("corrupt head record");
    return h;
}

std::optional<Hash32> Store::genesis_hash() const
{
    auto v = get_raw("Mgenesis");
    if (!v) return std::nullopt;
    if (v->size() != 32) throw StoreError("corrupt genesis record");
    Hash32 h;
    std::memcpy(h.data(), v->data(), 32);
    return h;
}

std::uint64_t Store::format() const
{
    auto v = get_raw("Mformat");
    if (!v) return 1;
    auto f = decode_u64(*v);
    if (!f) throw StoreError("corrupt format record");
    return *f;
}

void Store::require_format(const std::string& dir, const std::string& reader) const
{
    const std::uint64_t f = format();
    if (f == FORMAT) return;
    throw StoreError("data directory " + dir + " holds blocks in format " + std::to_string(f) +
                     " and this " + reader + " reads format " + std::to_string(FORMAT) +
                     " (docs/protocol.md); start from a new data directory (for the dev chain: "
                     "remove data/dev)");
}

void Store::load_state(State& state) const
{
    rocksdb::ReadOptions ro;
    ro.fill_cache = false;
    std::unique_ptr<rocksdb::Iterator> it{m_db->NewIterator(ro)};
    for (it->Seek("s"); it->Valid() && it->key()[0] == 's'; it->Next()) {
        auto k = it->key();
        auto v = it->value();
        state.load(std::string(k.data() + 1, k.size() - 1), std::string(v.data(), v.size()));
    }
    check(it->status(), "load state");
}

std::optional<Bytes> Store::block_at(std::uint64_t height) const
{
    std::string key(1, 'B');  // not "B" + be64(): g++ 12 warns falsely on that (-Wrestrict)
    key += be64(height);
    auto v = get_raw(key);
    if (!v) return std::nullopt;
    return Bytes(v->begin(), v->end());
}

std::optional<std::uint64_t> Store::height_of(const Hash32& hash) const
{
    auto v = get_raw(hkey('H', hash));
    if (!v) return std::nullopt;
    return decode_u64(*v);
}

std::optional<TxLocation> Store::tx_location(const Hash32& hash) const
{
    auto v = get_raw(hkey('T', hash));
    if (!v || v->size() < 12) return std::nullopt;
    return location_of(*v);
}

std::optional<std::pair<TxLocation, Receipt>> Store::committed_tx(const Hash32& hash) const
{
    auto v = get_raw(hkey('T', hash));
    if (!v) return std::nullopt;
    if (v->size() < 12) throw StoreError("corrupt index record of tx " + to_hex(hash));
    const TxLocation loc = location_of(*v);
    auto rc = decode_receipt(bytes_of(std::string_view{*v}.substr(12)));
    if (!rc) throw StoreError("corrupt receipt of tx " + to_hex(hash));
    rc->tx_hash = hash;
    return std::make_pair(loc, std::move(*rc));
}

std::optional<std::string> Store::rejection(const Hash32& hash) const
{
    return get_raw(hkey('J', hash));
}

void Store::commit(const BlockCommit& c, const std::optional<Hash32>& genesis)
{
    // Keys go into the batch in ascending order (B < H < J < M < T < s): the memtable starts
    // each insert from where the previous key of the same tag went (the hint in the
    // constructor), so sorted inserts climb a few levels instead of searching from the top.
    const std::string hb = be64(c.height);
    std::vector<const Hash32*> txs;
    txs.reserve(c.tx_hashes.size());
    for (const auto& h : c.tx_hashes) txs.push_back(&h);
    std::sort(txs.begin(), txs.end(), [](const Hash32* a, const Hash32* b) { return *a < *b; });
    std::vector<std::pair<const Hash32*, const std::string*>> rejected;
    for (const auto& [h, reason] : c.rejected) rejected.emplace_back(&h, &reason);
    std::sort(rejected.begin(), rejected.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });

    std::size_t bytes = 64 + c.encoded_block.size() + 45 * txs.size();
    for (const auto& r : c.encoded_receipts) bytes += r.size() + 8;
    if (c.changes)
        for (const auto& [k, v] : *c.changes) bytes += k.size() + (v ? v->size() : 0) + 8;
    if (!m_batch || m_batch_reserved < bytes) {
        // Half as much again: blocks of a burst differ by a few percent, and a buffer regrown to
        // each new largest size was new memory every time, faulted in page by page (~0.35 % of
        // aif-bench (b)'s CPU in the kernel under WriteBatch::Put).
        const std::size_t reserve =
            std::min(bytes + bytes / 2, std::max(bytes, MAX_KEPT_BATCH_BYTES));
        m_batch = std::make_unique<rocksdb::WriteBatch>(reserve);
        m_batch_reserved = reserve;
    }
    rocksdb::WriteBatch& batch = *m_batch;
    batch.Clear();  // keeps the buffer's capacity

    batch.Put("B" + hb, rocksdb::Slice(reinterpret_cast<const char*>(c.encoded_block.data()),
                                       c.encoded_block.size()));
    batch.Put(hkey('H', c.hash), hb);
    // A rejection stays recorded even if the same tx is committed later: tx_get looks at 'T'
    // first, so no per-tx delete is needed here.
    for (const auto& [h, reason] : rejected) batch.Put(hkey('J', *h), *reason);
    if (genesis) {
        batch.Put("Mformat", be64(FORMAT));
        batch.Put("Mgenesis", rocksdb::Slice(reinterpret_cast<const char*>(genesis->data()), 32));
    }
    batch.Put("Mhead", hb);
    // The tx index: 'T' + hash → be64(height) be32(index) receipt, index = position in the
    // block, so tx_get is one read.
    const Hash32* first = c.tx_hashes.data();
    std::string key(33, 'T');
    std::string val;
    for (const Hash32* h : txs) {
        std::memcpy(key.data() + 1, h->data(), 32);
        const auto index = static_cast<std::uint32_t>(h - first);
        val.assign(hb);
        for (int i = 0; i < 4; ++i) val += static_cast<char>((index >> (24 - 8 * i)) & 0xff);
        if (index < c.encoded_receipts.size()) {
            const Bytes& rc = c.encoded_receipts[index];
            val.append(reinterpret_cast<const char*>(rc.data()), rc.size());
        }
        batch.Put(key, val);
    }
    if (c.changes) {
        std::string sk;
        for (const auto& [k, v] : *c.changes) {
            sk.assign(1, 's');
            sk += k;
            if (v)
                batch.Put(sk, *v);
            else
                batch.Delete(sk);
        }
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    const auto status = m_db->Write(wo, &batch);
    // Over a few blocks' worth, give the memory back rather than hold a rare giant's peak.
    if (m_batch_reserved > MAX_KEPT_BATCH_BYTES) {
        m_batch.reset();
        m_batch_reserved = 0;
    }
    check(status, "commit block " + std::to_string(c.height));
}

}  // namespace aif::node
