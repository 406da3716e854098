// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/block.hpp"
#include "ledger/state.hpp"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace aif::node {

/// A storage failure (RocksDB status not ok). Never a verdict on a transaction: the caller
/// commits nothing and stops (STYLE §3, bitcoin MODE_ERROR).
struct StoreError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/// Where a committed transaction sits.
struct TxLocation
{
    std::uint64_t height{0};
    std::uint32_t index{0};
};

/// Everything one block changes, written as one synced RocksDB WriteBatch (SPEC §4): after a
/// crash the node reopens at the last committed block, never between.
struct BlockCommit
{
    std::uint64_t height{0};
    ledger::Hash32 hash;
    ledger::Bytes encoded_block;
    /// encode_receipt of each included tx, in block order (encoded once, also hashed for the
    /// receipts root); stored with the tx's index entry.
    std::vector<ledger::Bytes> encoded_receipts;
    std::vector<ledger::Hash32> tx_hashes;
    const ledger::ChangeSet* changes{nullptr};
    /// Transactions refused while building this block (non-consensus, for tx_get).
    std::vector<std::pair<ledger::Hash32, std::string>> rejected;
};

/// The node's RocksDB store. Key layout (big-endian fixed width, docs/architecture.md):
///   's' + state key → state value        'B' + be64(height) → encoded block
///   'H' + block hash → be64(height)      'J' + tx hash → rejection reason
///   'T' + tx hash → be64(height) be32(index) receipt   (one read answers tx_get)
///   'M' "head" → be64(height)            'M' "genesis" → genesis hash
///   'M' "format" → be64(FORMAT)
class Store
{
public:
    /// Opens (creating if needed) the database at `dir`. Throws StoreError.
    explicit Store(const std::string& dir);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// Height of the last committed block, or nullopt for an empty store.
    [[nodiscard]] std::optional<std::uint64_t> head_height() const;
    /// The genesis hash recorded at initialisation.
    [[nodiscard]] std::optional<ledger::Hash32> genesis_hash() const;
    /// Version of the block and receipt encodings and of the roots they commit to
    /// (docs/protocol.md). 2: tx and receipts trees with four children per node, coded receipt
    /// attribute names. 3: the state tree with four children per node too.
    static constexpr std::uint64_t FORMAT = 3;
    /// The format recorded at initialisation; 1 for a directory from before it was recorded.
    [[nodiscard]] std::uint64_t format() const;
    /// Throws StoreError unless format() is FORMAT, naming both formats and the way out, as
    /// `reader` (the program, e.g. "aif-node") tells its user. `dir` is the data directory.
    void require_format(const std::string& dir, const std::string& reader) const;
    /// Streams every state entry into `state` (restart without replaying blocks).
    void load_state(ledger::State& state) const;
    /// Encoded block at `height`.
    [[nodiscard]] std::optional<ledger::Bytes> block_at(std::uint64_t height) const;
    /// Height of the block with `hash`.
    [[nodiscard]] std::optional<std::uint64_t> height_of(const ledger::Hash32& hash) const;
    /// Location of a committed tx.
    [[nodiscard]] std::optional<TxLocation> tx_location(const ledger::Hash32& hash) const;
    /// Location and receipt of a committed tx. Throws StoreError on a corrupt record.
    [[nodiscard]] std::optional<std::pair<TxLocation, ledger::Receipt>> committed_tx(
        const ledger::Hash32& hash) const;
    /// Rejection reason of a refused tx.
    [[nodiscard]] std::optional<std::string> rejection(const ledger::Hash32& hash) const;

    /// Writes the block, its receipts, its state changes and the new head in one synced batch.
    /// `genesis` also records the genesis hash and FORMAT. Throws StoreError. Not thread-safe: one
    /// writer (the chain's writer lock) calls it.
    void commit(const BlockCommit& c, const std::optional<ledger::Hash32>& genesis = std::nullopt);

private:
    [[nodiscard]] std::optional<std::string> get_raw(const std::string& key) const;

    std::unique_ptr<rocksdb::DB> m_db;
    /// The block batch, cleared and reused by each commit: its buffer (megabytes for a full
    /// block) keeps its pages instead of being mapped and faulted in again per block (issue 7).
    std::unique_ptr<rocksdb::WriteBatch> m_batch;
    std::size_t m_batch_reserved{0};
};

}  // namespace aif::node
