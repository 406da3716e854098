// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "ledger/block.hpp"
#include "ledger/genesis.hpp"
#include "ledger/state.hpp"
#include "node/store.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

namespace aif::node {

/// The committed head as readers see it.
struct Head
{
    ledger::BlockHeader header;
    ledger::Hash32 hash;
};

/// Outcome of sealing a block.
struct SealResult
{
    ledger::Block block;
    ledger::Hash32 hash;
    /// Transactions refused during building, with their error; never in the block.
    std::vector<std::pair<ledger::Hash32, ledger::Error>> rejected;
    /// Transactions not tried this block (a sender's later nonces after one of its txs failed).
    std::vector<ledger::VerifiedTx> deferred;
};

/// The chain: committed state in memory over its RocksDB store, the head, and the two ways a
/// block comes to be committed — sealed here by a producer or imported from elsewhere. Both
/// apply through the same path (contracts::apply_tx) and commit one synced batch.
///
/// Thread safety: readers call read(); sealing and importing are serialised by an internal
/// writer mutex and publish under an exclusive lock only once the batch is on disk, so a
/// reader never sees state that a crash could lose.
class Chain
{
public:
    /// Opens `data_dir`; initialises it from `genesis` when empty, otherwise checks it belongs
    /// to that genesis and that the head's seal and state root verify. Throws StoreError or
    /// std::runtime_error with a plain message on a mismatch.
    Chain(const ledger::Genesis& genesis, const std::string& data_dir);

    /// Runs `f(const ledger::State&, const Head&)` under a shared lock.
    template <typename F>
    auto read(F&& f) const
    {
        std::shared_lock lock{m_mu};
        return f(static_cast<const ledger::StateView&>(m_state), m_head);
    }

    /// Builds, signs and commits a block at `timestamp` from `candidates` (in order).
    /// A candidate that fails is left out and reported; later txs of the same sender are
    /// deferred. Throws StoreError (nothing committed in memory is visible then; the caller
    /// must stop the node).
    SealResult seal(std::vector<ledger::VerifiedTx> candidates, std::uint64_t timestamp,
                    const ledger::SecretKey& proposer_key);

    /// Verifies and commits a block produced elsewhere: height and parent link, timestamp not
    /// below the parent's, proposer in the validator set, proposer signature, tx root, every
    /// tx applying successfully, receipts root and state root equal to the header's.
    /// Errors leave the chain unchanged.
    [[nodiscard]] ledger::Result<void> import_block(const ledger::Block& block);

    /// The genesis hash (hash of the block-0 header).
    [[nodiscard]] const ledger::Hash32& genesis_hash() const { return m_genesis_hash; }
    [[nodiscard]] const ledger::Hash32& domain_separator() const { return m_domain_sep; }
    [[nodiscard]] std::uint64_t chain_id() const { return m_chain_id; }
    [[nodiscard]] Head head() const;
    [[nodiscard]] const Store& store() const { return *m_store; }
    /// Decodes the stored block at `height` (signatures re-verified).
    [[nodiscard]] std::optional<ledger::Block> block_at(std::uint64_t height) const;

private:
    struct Applied
    {
        std::vector<ledger::VerifiedTx> included;
        std::vector<ledger::Receipt> receipts;
        std::vector<std::pair<ledger::Hash32, ledger::Error>> rejected;
        std::vector<ledger::VerifiedTx> deferred;
    };
    /// Seals a built block: state root (read-only), signature, then publish(). Caller holds
    /// m_write_mu.
    void commit_locked(ledger::Block& block, std::vector<ledger::Bytes> encoded_receipts,
                       const ledger::ChangeSet& changes,
                       const std::vector<std::pair<ledger::Hash32, ledger::Error>>& rejected,
                       const std::optional<ledger::SecretKey>& sign_with);
    /// Writes `c` (synced), then switches the in-memory state and head under the exclusive
    /// lock. Caller holds m_write_mu.
    void publish(const BlockCommit& c, const ledger::ChangeSet& changes,
                 ledger::State::PendingRoot pending, const ledger::BlockHeader& header);
    void init_from_genesis(const ledger::Genesis& genesis);
    void verify_head_on_open();

    mutable std::shared_mutex m_mu;
    std::mutex m_write_mu;
    std::unique_ptr<Store> m_store;
    ledger::State m_state;
    Head m_head;
    ledger::Hash32 m_genesis_hash;
    ledger::Hash32 m_domain_sep;
    std::uint64_t m_chain_id{0};
};

/// The block-0 header of `genesis` given its state root.
[[nodiscard]] ledger::BlockHeader genesis_header(const ledger::Genesis& genesis,
                                                 const ledger::Hash32& state_root);

}  // namespace aif::node
