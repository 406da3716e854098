// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "node/chain.hpp"
#include "node/mempool.hpp"
#include "node/producer.hpp"
#include "rpc/backend.hpp"

#include <cstdint>

namespace aif::node {

/// The node's side of rpc::Backend: admission into the mempool and queries over committed
/// state. Thread-safe.
class NodeBackend final : public rpc::Backend
{
public:
    NodeBackend(Chain& chain, Mempool& pool, Clock& clock, BlockProducer* producer, bool dev);

    rpc::json chain_get_info() override;
    rpc::json chain_get_block(const rpc::BlockQuery& q, bool full) override;
    rpc::json tx_get_types() override;
    rpc::json tx_send(const rpc::json& wire) override;
    std::vector<rpc::TxSendOutcome> tx_send_batch(
        const std::vector<const rpc::json*>& wires) override;
    rpc::json tx_get(const ledger::Hash32& hash) override;
    rpc::json account_get(const ledger::Address& address) override;
    rpc::json token_get_balance(const ledger::Address& address, const std::string& asset) override;
    rpc::json token_get_supply(const std::string& asset) override;
    rpc::json read_state(const rpc::StateReader& reader) override;
    bool dev_enabled() const override { return m_dev; }
    rpc::json dev_advance_time(std::uint64_t seconds) override;
    rpc::json dev_mine(std::uint64_t blocks) override;

    /// Admission as tx_send does it, for callers in-process (benchmarks). Returns the hash or
    /// the refusal.
    [[nodiscard]] ledger::Result<ledger::Hash32> admit(const rpc::json& wire);
    /// admit() for each of `wires`, in order: every signature is recovered first with no lock
    /// held, then the stateful checks run under one hold of the chain's read lock and the
    /// admissions under one hold of the pool's (a JSON-RPC batch of tx_send).
    [[nodiscard]] std::vector<ledger::Result<ledger::Hash32>> admit_batch(
        const std::vector<const rpc::json*>& wires);

private:
    /// Decodes the wire form, checks its chain id and recovers its sender (no lock).
    ledger::Result<ledger::VerifiedTx> verify_wire(const rpc::json& wire) const;
    /// The checks against the committed head (duplicate, nonce, fee, a dry run when the tx is
    /// its sender's next); returns the sender's account nonce. Under the chain's read lock.
    ledger::Result<std::uint64_t> check_against_head(const ledger::StateView& s, const Head& head,
                                                     const ledger::VerifiedTx& vt) const;
    rpc::json block_json(const ledger::Block& b, const ledger::Hash32& hash, bool full) const;

    Chain& m_chain;
    Mempool& m_pool;
    Clock& m_clock;
    BlockProducer* m_producer;
    bool m_dev;
};

/// JSON of a receipt's events: [{"name", "attrs": {k: v}}].
[[nodiscard]] rpc::json events_json(const std::vector<ledger::Event>& events);

}  // namespace aif::node
