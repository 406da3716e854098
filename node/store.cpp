// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/store.hpp"

#include "ledger/codec.hpp"

#include <algorithm>
#include <cstring>

#include <rocksdb/filter_policy.h>
#include <rocksdb/memtablerep.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

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

/// The tx index's column family: 32-byte tx hashes, read only by exact key. Its memtable is a
/// hash table of short sorted lists keyed by the hash's first 8 bytes, so a block's 20,000
/// index inserts are each a bucket lookup instead of a descent through a skip list of every
/// unflushed key (issue 7: 5 % of the block path's CPU went there).
rocksdb::ColumnFamilyOptions tx_index_options(const rocksdb::BlockBasedTableOptions& table)
{
    rocksdb::ColumnFamilyOptions cf;
    cf.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
    cf.memtable_factory.reset(rocksdb::NewHashLinkListRepFactory(1u << 18));
    cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    return cf;
}


}  // namespace

Store::Store(const std::string& dir)
{
    rocksdb::Options opts;
    opts.create_if_missing = true;
    opts.create_missing_column_families = true;
    opts.paranoid_checks = true;
    // One writer (the chain's), and the tx index's hash memtable takes no concurrent inserts.
    opts.allow_concurrent_memtable_write = false;
    opts.IncreaseParallelism(2);
    opts.OptimizeLevelStyleCompaction();
    rocksdb::BlockBasedTableOptions table;
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    opts.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    const std::vector<rocksdb::ColumnFamilyDescriptor> families{
        {rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions(opts)},
        {TX_INDEX_FAMILY, tx_index_options(table)}};
    rocksdb::DB* db = nullptr;
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    check(rocksdb::DB::Open(rocksdb::DBOptions(opts), dir, families, &handles, &db), "open data directory");
    m_db.reset(db);
    m_default.reset(handles[0]);
    m_tx_index.reset(handles[1]);
    move_legacy_tx_index();
}

Store::~Store() = default;

void Store::move_legacy_tx_index()
{
    // Data directories written before the tx index had its own column family keep it as
    // 'T' + hash in the default one: move it over once, in one synced batch.
    rocksdb::WriteBatch batch;
    std::unique_ptr<rocksdb::Iterator> it{m_db->NewIterator(rocksdb::ReadOptions{}, m_default.get())};
    std::size_t moved = 0;
    for (it->Seek("T"); it->Valid() && it->key().size() == 33 && it->key()[0] == 'T'; it->Next()) {
        auto key = it->key();
        check(batch.Put(m_tx_index.get(), rocksdb::Slice(key.data() + 1, 32), it->value()), "move tx index");
        check(batch.Delete(m_default.get(), key), "move tx index");
        ++moved;
    }
    check(it->status(), "read legacy tx index");
    if (moved == 0) return;
    rocksdb::WriteOptions wo;
    wo.sync = true;
    check(m_db->Write(wo, &batch), "move legacy tx index");
}

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

std::optional<std::string> Store::get_tx_record(const Hash32& hash) const
{
    std::string v;
    auto s = m_db->Get(rocksdb::ReadOptions{}, m_tx_index.get(),
                       rocksdb::Slice(reinterpret_cast<const char*>(hash.data()), 32), &v);
    if (s.IsNotFound()) return std::nullopt;
    check(s, "read tx index");
    return v;
}

std::optional<TxLocation> Store::tx_location(const Hash32& hash) const
{
    auto v = get_tx_record(hash);
    if (!v || v->size() < 12) return std::nullopt;
    return location_of(*v);
}

std::optional<std::pair<TxLocation, Receipt>> Store::committed_tx(const Hash32& hash) const
{
    auto v = get_tx_record(hash);
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
    // The default family's keys go into the batch in ascending order (B < H < J < M < s):
    // RocksDB's skip-list memtable remembers where the previous insert landed, so sorted
    // inserts walk forward instead of searching from the top for each key. The tx index has a
    // hash memtable of its own (tx_index_options), where order does not matter.
    const std::string hb = be64(c.height);
    std::vector<std::pair<const Hash32*, const std::string*>> rejected;
    for (const auto& [h, reason] : c.rejected) rejected.emplace_back(&h, &reason);
    std::sort(rejected.begin(), rejected.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });

    std::size_t bytes = 64 + c.encoded_block.size() + 50 * c.tx_hashes.size();
    for (const auto& r : c.encoded_receipts) bytes += r.size() + 8;
    if (c.changes)
        for (const auto& [k, v] : *c.changes) bytes += k.size() + (v ? v->size() : 0) + 8;
    if (!m_batch || m_batch_reserved < bytes) {
        m_batch = std::make_unique<rocksdb::WriteBatch>(bytes);
        m_batch_reserved = bytes;
    }
    rocksdb::WriteBatch& batch = *m_batch;
    batch.Clear();  // keeps the buffer's capacity

    batch.Put("B" + hb, rocksdb::Slice(reinterpret_cast<const char*>(c.encoded_block.data()),
                                       c.encoded_block.size()));
    batch.Put(hkey('H', c.hash), hb);
    // A rejection stays recorded even if the same tx is committed later: tx_get looks at 'T'
    // first, so no per-tx delete is needed here.
    for (const auto& [h, reason] : rejected) batch.Put(hkey('J', *h), *reason);
    if (genesis)
        batch.Put("Mgenesis", rocksdb::Slice(reinterpret_cast<const char*>(genesis->data()), 32));
    batch.Put("Mhead", hb);
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
    // The tx index: hash → be64(height) be32(index) receipt, index = position in the block,
    // so tx_get is one read.
    std::string val;
    for (std::uint32_t index = 0; index < c.tx_hashes.size(); ++index) {
        val.assign(hb);
        for (int i = 0; i < 4; ++i) val += static_cast<char>((index >> (24 - 8 * i)) & 0xff);
        if (index < c.encoded_receipts.size()) {
            const Bytes& rc = c.encoded_receipts[index];
            val.append(reinterpret_cast<const char*>(rc.data()), rc.size());
        }
        batch.Put(m_tx_index.get(), rocksdb::Slice(reinterpret_cast<const char*>(c.tx_hashes[index].data()), 32), val);
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
