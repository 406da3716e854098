// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/chain.hpp"

#include "contracts/executor.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace aif::node {

using namespace ledger;

BlockHeader genesis_header(const Genesis& genesis, const Hash32& state_root)
{
    BlockHeader h;
    h.height = 0;
    h.timestamp = genesis.genesis_time;
    h.state_root = state_root;
    return h;
}

Chain::Chain(const Genesis& genesis, const std::string& data_dir)
    : m_store(std::make_unique<Store>(data_dir)), m_chain_id(genesis.chain_id)
{
    m_domain_sep = ledger::domain_separator(Domain{genesis.chain_id});
    // The genesis hash is a function of the genesis file alone: compute it on a scratch state.
    State scratch;
    StateOverlay overlay{scratch};
    auto init = contracts::init_genesis(overlay, genesis);
    if (!init) throw std::runtime_error("genesis: " + init.error().message());
    scratch.apply(overlay.changes());
    const BlockHeader gh = genesis_header(genesis, scratch.root());
    m_genesis_hash = header_hash(gh);

    auto stored_genesis = m_store->genesis_hash();
    if (!stored_genesis) {
        init_from_genesis(genesis);
        return;
    }
    m_store->require_format(data_dir, "aif-node");
    if (*stored_genesis != m_genesis_hash)
        throw std::runtime_error("data directory belongs to another chain (genesis " +
                                 to_hex(*stored_genesis) + ", this genesis file is " +
                                 to_hex(m_genesis_hash) + ")");
    m_store->load_state(m_state);
    verify_head_on_open();
}

void Chain::init_from_genesis(const Genesis& genesis)
{
    StateOverlay overlay{m_state};
    auto init = contracts::init_genesis(overlay, genesis);
    if (!init) throw std::runtime_error("genesis: " + init.error().message());
    ChangeSet changes = overlay.changes();
    m_state.apply(changes);
    Block b;
    b.header = genesis_header(genesis, m_state.root());
    BlockCommit c;
    c.height = 0;
    c.hash = header_hash(b.header);
    c.encoded_block = encode_block(b);
    c.changes = &changes;
    m_store->commit(c, c.hash);
    m_head = Head{b.header, c.hash};
}

void Chain::verify_head_on_open()
{
    auto height = m_store->head_height();
    if (!height) throw std::runtime_error("data directory has a genesis but no head");
    auto raw = m_store->block_at(*height);
    if (!raw) throw std::runtime_error("head block " + std::to_string(*height) + " missing");
    auto block = decode_block(ByteView{*raw}, m_domain_sep);
    if (!block)
        throw std::runtime_error("head block " + std::to_string(*height) +
                                 " does not decode: " + block.error().message());
    if (*height > 0) {
        auto seal = check_block_seal(*block);
        if (!seal)
            throw std::runtime_error("head block " + std::to_string(*height) +
                                     " refused: " + seal.error().message());
        auto validators = contracts::read_validators(m_state);
        if (!validators || std::find(validators->begin(), validators->end(),
                                     block->header.proposer) == validators->end())
            throw std::runtime_error("head block proposer is not a validator");
    }
    // The state loaded from disk must be exactly the state the head committed to.
    if (m_state.root() != block->header.state_root)
        throw std::runtime_error("stored state root " + to_hex(m_state.root()) +
                                 " differs from head block's " +
                                 to_hex(block->header.state_root));
    m_head = Head{block->header, header_hash(block->header)};
}

Head Chain::head() const
{
    std::shared_lock lock{m_mu};
    return m_head;
}

std::optional<Block> Chain::block_at(std::uint64_t height) const
{
    auto raw = m_store->block_at(height);
    if (!raw) return std::nullopt;
    auto b = decode_block(ByteView{*raw}, m_domain_sep);
    if (!b) throw StoreError("stored block " + std::to_string(height) + " does not decode");
    return std::move(*b);
}

SealResult Chain::seal(std::vector<VerifiedTx> candidates, std::uint64_t timestamp,
                       const SecretKey& proposer_key)
{
    std::lock_guard wlock{m_write_mu};
    const Head parent = head();
    auto pub = public_key_of(proposer_key);
    if (!pub) throw std::runtime_error("invalid proposer key");
    contracts::BlockContext ctx{parent.header.height + 1,
                                std::max(timestamp, parent.header.timestamp), address_of(*pub)};
    // Only this thread mutates m_state (under m_write_mu), so reading it without the shared
    // lock is safe; readers run concurrently with building.
    StateOverlay overlay{m_state};
    SealResult out;
    out.block.txs.reserve(candidates.size());
    std::vector<Bytes> encoded_receipts;
    encoded_receipts.reserve(candidates.size());
    std::set<Address> failed_senders;
    for (auto& vt : candidates) {
        if (!failed_senders.empty() && failed_senders.count(vt.sender)) {
            out.deferred.push_back(std::move(vt));
            continue;
        }
        auto r = contracts::apply_tx(overlay, ctx, vt);
        if (!r) {
            out.rejected.emplace_back(vt.hash, r.error());
            failed_senders.insert(vt.sender);
            continue;
        }
        overlay.release_checkpoints();  // accepted: its writes are final for this block
        encoded_receipts.push_back(encode_receipt(Receipt{vt.hash, std::move(*r)}));
        out.block.txs.push_back(std::move(vt));
    }
    out.block.header.height = ctx.height;
    out.block.header.parent_hash = parent.hash;
    out.block.header.timestamp = ctx.timestamp;
    out.block.header.proposer = ctx.proposer;
    out.block.header.tx_root = tx_root_of(out.block.txs);
    out.block.header.receipts_root = receipts_root_of_encoded(encoded_receipts);
    commit_locked(out.block, std::move(encoded_receipts), overlay.changes(), out.rejected, proposer_key);
    out.hash = header_hash(out.block.header);
    return out;
}

Result<void> Chain::import_block(const Block& block)
{
    std::lock_guard wlock{m_write_mu};
    const Head parent = head();
    const BlockHeader& h = block.header;
    if (h.height != parent.header.height + 1)
        return err(ErrorCode::invalid_argument, "block height " + std::to_string(h.height) +
                                                    " does not follow " +
                                                    std::to_string(parent.header.height));
    if (h.parent_hash != parent.hash) return err(ErrorCode::invalid_argument, "parent hash mismatch");
    if (h.timestamp < parent.header.timestamp)
        return err(ErrorCode::invalid_argument, "timestamp before parent's");
    AIF_CHECK(check_block_seal(block));
    auto validators = contracts::read_validators(m_state);
    if (!validators) return validators.error();
    if (std::find(validators->begin(), validators->end(), h.proposer) == validators->end())
        return err(ErrorCode::unauthorized, "proposer is not a validator");
    contracts::BlockContext ctx{h.height, h.timestamp, h.proposer};
    StateOverlay overlay{m_state};
    std::vector<Bytes> receipts;
    receipts.reserve(block.txs.size());
    for (const auto& vt : block.txs) {
        auto r = contracts::apply_tx(overlay, ctx, vt);
        if (!r)
            return err(r.error().code, "tx " + to_hex(vt.hash) + ": " + r.error().detail);
        overlay.release_checkpoints();
        receipts.push_back(encode_receipt(Receipt{vt.hash, std::move(*r)}));
    }
    if (receipts_root_of_encoded(receipts) != h.receipts_root)
        return err(ErrorCode::invalid_argument, "receipts root mismatch");
    State::PendingRoot pending = m_state.prepare_root(overlay.changes());
    if (pending.root != h.state_root)
        return err(ErrorCode::invalid_argument, "state root mismatch: block says " +
                                                    to_hex(h.state_root) + ", computed " +
                                                    to_hex(pending.root));
    BlockCommit c;
    c.height = h.height;
    c.hash = header_hash(h);
    c.encoded_block = encode_block(block);
    c.encoded_receipts = std::move(receipts);
    c.changes = &overlay.changes();
    for (const auto& vt : block.txs) c.tx_hashes.push_back(vt.hash);
    publish(c, overlay.changes(), std::move(pending), h);
    return ok();
}

void Chain::commit_locked(Block& block, std::vector<Bytes> encoded_receipts,
                          const ChangeSet& changes,
                          const std::vector<std::pair<Hash32, Error>>& rejected,
                          const std::optional<SecretKey>& sign_with)
{
    // The new root is computed read-only, the block written and synced with no lock held, and
    // only then is the in-memory state switched under a short exclusive lock: readers keep
    // serving from the previous block meanwhile and never see state a crash could lose.
    State::PendingRoot pending = m_state.prepare_root(changes);
    block.header.state_root = pending.root;
    const Hash32 hash = header_hash(block.header);
    if (sign_with) {
        auto sig = sign_digest(hash, *sign_with);
        if (!sig) throw std::runtime_error("cannot sign block");
        block.proposer_sig = *sig;
    }
    BlockCommit c;
    c.height = block.header.height;
    c.hash = hash;
    c.encoded_block = encode_block(block);
    c.encoded_receipts = std::move(encoded_receipts);
    c.changes = &changes;
    c.tx_hashes.reserve(block.txs.size());
    for (const auto& vt : block.txs) c.tx_hashes.push_back(vt.hash);
    for (const auto& [h, e] : rejected) c.rejected.emplace_back(h, e.message());
    publish(c, changes, std::move(pending), block.header);
}

void Chain::publish(const BlockCommit& c, const ChangeSet& changes, State::PendingRoot pending,
                    const BlockHeader& header)
{
    m_store->commit(c);  // throws StoreError: nothing in memory has changed; the caller stops
    std::unique_lock lock{m_mu};
    m_state.apply(changes, std::move(pending));
    m_head = Head{header, c.hash};
}

}  // namespace aif::node
