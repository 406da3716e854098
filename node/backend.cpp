// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/backend.hpp"

#include "contracts/chain_config.hpp"
#include "contracts/executor.hpp"
#include "contracts/token.hpp"
#include "ledger/json/wire.hpp"

namespace aif::node {

using namespace ledger;
using rpc::json;
using rpc::RpcError;

NodeBackend::NodeBackend(Chain& chain, Mempool& pool, Clock& clock, BlockProducer* producer,
                         bool dev)
    : m_chain(chain), m_pool(pool), m_clock(clock), m_producer(producer), m_dev(dev)
{}

json events_json(const std::vector<Event>& events)
{
    json out = json::array();
    for (const auto& e : events) {
        json attrs = json::object();
        for (const auto& [k, v] : e.attrs) {
            // Contracts record addresses as lower-case hex; show them EIP-55 checksummed.
            auto a = v.size() == 42 ? parse_address(v) : std::nullopt;
            attrs[k] = a ? to_checksum(*a) : v;
        }
        out.push_back({{"name", e.name}, {"attrs", attrs}});
    }
    return out;
}

json NodeBackend::chain_get_info()
{
    return m_chain.read([&](const StateView& s, const Head& head) {
        auto params = contracts::read_params(s);
        return json{{"chainId", m_chain.chain_id()},
                    {"height", head.header.height},
                    {"headHash", to_hex(head.hash)},
                    {"stateRoot", to_hex(head.header.state_root)},
                    {"genesisHash", to_hex(m_chain.genesis_hash())},
                    {"timestamp", head.header.timestamp},
                    {"minFee", params ? u128_to_string(params->min_fee) : "0"},
                    {"pendingTxs", m_pool.size() + m_pool.in_flight()}};
    });
}

json NodeBackend::block_json(const Block& b, const Hash32& hash, bool full) const
{
    const BlockHeader& h = b.header;
    json txs = json::array();
    for (const auto& vt : b.txs) {
        if (full) {
            json t = ledger::json::tx_to_json(vt.tx);
            t["hash"] = to_hex(vt.hash);
            t["from"] = to_checksum(vt.sender);
            txs.push_back(std::move(t));
        } else {
            txs.push_back(to_hex(vt.hash));
        }
    }
    return json{{"height", h.height},
                {"hash", to_hex(hash)},
                {"parentHash", to_hex(h.parent_hash)},
                {"timestamp", h.timestamp},
                {"proposer", to_checksum(h.proposer)},
                {"txRoot", to_hex(h.tx_root)},
                {"stateRoot", to_hex(h.state_root)},
                {"receiptsRoot", to_hex(h.receipts_root)},
                {"proposerSignature", to_hex(b.proposer_sig)},
                {"commitSignatures", json::array()},
                {"txCount", b.txs.size()},
                {"transactions", std::move(txs)}};
}

json NodeBackend::chain_get_block(const rpc::BlockQuery& q, bool full)
{
    std::optional<std::uint64_t> height = q.height;
    if (q.hash) height = m_chain.store().height_of(*q.hash);
    if (!height) throw RpcError(rpc::code::NOT_FOUND, "block not found");
    auto b = m_chain.block_at(*height);
    if (!b) throw RpcError(rpc::code::NOT_FOUND, "block not found");
    return block_json(*b, header_hash(b->header), full);
}

json NodeBackend::tx_get_types()
{
    return ledger::json::types_to_json(m_chain.chain_id());
}

Result<VerifiedTx> NodeBackend::verify_wire(const json& wire) const
{
    AIF_TRY(w, ledger::json::decode_wire(wire));
    if (w.domain_chain_id && *w.domain_chain_id != m_chain.chain_id())
        return err(ErrorCode::wrong_chain_id,
                   "domain.chainId " + std::to_string(*w.domain_chain_id) + " but this chain is " +
                       std::to_string(m_chain.chain_id()));
    AIF_TRY(vt, verify_tx(m_chain.domain_separator(), std::move(w.tx)));
    if (w.from && *w.from != vt.sender)
        return err(ErrorCode::wrong_signer, "signature recovers to " + to_checksum(vt.sender) +
                                                ", not from " + to_checksum(*w.from) +
                                                " (wrong chainId or key?)");
    return vt;
}

Result<std::uint64_t> NodeBackend::check_against_head(const StateView& s, const Head& head,
                                                      const VerifiedTx& vt) const
{
    const std::uint64_t n = contracts::nonce_of(s, vt.sender);
    // A committed tx always has a nonce below the account's, so the store is only asked
    // then (the pool answers for txs being committed: they stay in flight until the head
    // moves past them).
    if (m_pool.contains(vt.hash) || (vt.tx.nonce() < n && m_chain.store().tx_location(vt.hash)))
        return err(ErrorCode::duplicate_tx, "transaction " + to_hex(vt.hash) + " already known");
    if (vt.tx.nonce() == n) {
        StateOverlay scratch{s};
        contracts::BlockContext ctx{head.header.height + 1, m_clock.now(), {}};
        auto r = contracts::apply_tx(scratch, ctx, vt);
        if (!r) return r.error();
    } else if (vt.tx.nonce() > n) {
        // Later nonces: check what holds regardless of the txs before them (SPEC §4: the
        // pool refuses a sender who cannot pay the fee).
        auto params = contracts::read_params(s);
        if (params && vt.tx.fee() < params->min_fee)
            return err(ErrorCode::fee_too_low, "fee " + u128_to_string(vt.tx.fee()) +
                                                   " below min_fee " +
                                                   u128_to_string(params->min_fee));
        const u128 bal = contracts::token::balance_of(s, vt.sender, AIF);
        if (bal < vt.tx.fee())
            return err(ErrorCode::insufficient_fee_balance, "fee " + u128_to_string(vt.tx.fee()) +
                                                                " exceeds AIF balance " +
                                                                u128_to_string(bal));
    }
    return n;
}

std::vector<Result<Hash32>> NodeBackend::admit_batch(const std::vector<const json*>& wires)
{
    const AdmissionScope admitting{m_producer};
    std::vector<Result<Hash32>> out(wires.size(),
                                    Result<Hash32>(err(ErrorCode::internal, "not admitted")));
    // 1. Decode and recover every signature: no lock held, the bulk of the work.
    std::vector<VerifiedTx> verified;
    std::vector<std::size_t> slot;  // verified[k] answers wires[slot[k]]
    verified.reserve(wires.size());
    slot.reserve(wires.size());
    for (std::size_t i = 0; i < wires.size(); ++i) {
        auto vt = verify_wire(*wires[i]);
        if (!vt) {
            out[i] = vt.error();
            continue;
        }
        verified.push_back(std::move(*vt));
        slot.push_back(i);
    }
    // 2. Stateful checks against the committed head, all under one hold of the chain's read
    // lock, so that the duplicate check and the nonce read see the same block (a tx being
    // committed is either in the pool's in-flight set or in the store, never neither). When a
    // tx is its sender's next, it is dry-run fully so refusals (e.g. a transfer beyond the
    // balance) come back now.
    std::vector<VerifiedTx> passing;
    std::vector<std::uint64_t> nonces;
    std::vector<std::size_t> passing_slot;
    passing.reserve(verified.size());
    nonces.reserve(verified.size());
    passing_slot.reserve(verified.size());
    m_chain.read([&](const StateView& s, const Head& head) {
        for (std::size_t k = 0; k < verified.size(); ++k) {
            auto n = check_against_head(s, head, verified[k]);
            if (!n) {
                out[slot[k]] = n.error();
                continue;
            }
            nonces.push_back(*n);
            passing.push_back(std::move(verified[k]));
            passing_slot.push_back(slot[k]);
        }
        return 0;
    });
    // 3. Into the pool under one hold of its lock, in request order (it takes the txs it admits).
    std::vector<Hash32> hashes;
    hashes.reserve(passing.size());
    for (const auto& vt : passing) hashes.push_back(vt.hash);
    const auto added = m_pool.add_batch(passing, nonces);
    bool any = false;
    for (std::size_t k = 0; k < passing.size(); ++k) {
        if (added[k]) {
            out[passing_slot[k]] = hashes[k];
            any = true;
        } else {
            out[passing_slot[k]] = added[k].error();
        }
    }
    if (any && m_producer) m_producer->notify();
    return out;
}

Result<Hash32> NodeBackend::admit(const json& wire)
{
    return std::move(admit_batch({&wire}).front());
}

namespace {

/// tx_send's answer to an admission: {"hash"} or the RpcError it throws.
rpc::TxSendOutcome send_outcome(const Result<Hash32>& r)
{
    if (r) return rpc::TxSendOutcome{json{{"hash", to_hex(*r)}}};
    const Error& e = r.error();
    const int code =
        e.code == ErrorCode::mempool_full ? rpc::code::MEMPOOL_FULL : rpc::code::TX_REJECTED;
    return std::make_exception_ptr(RpcError(
        code, e.message(), json{{"reason", std::string{to_string(e.code)}}, {"detail", e.detail}}));
}

}  // namespace

json NodeBackend::tx_send(const json& wire)
{
    auto outcome = send_outcome(admit(wire));
    if (auto* e = std::get_if<std::exception_ptr>(&outcome)) std::rethrow_exception(*e);
    return std::get<json>(std::move(outcome));
}

std::vector<rpc::TxSendOutcome> NodeBackend::tx_send_batch(const std::vector<const json*>& wires)
{
    const auto admitted = admit_batch(wires);
    std::vector<rpc::TxSendOutcome> out;
    out.reserve(admitted.size());
    for (const auto& r : admitted) out.push_back(send_outcome(r));
    return out;
}

json NodeBackend::tx_get(const Hash32& hash)
{
    auto from_store = [&]() -> std::optional<json> {
        auto committed = m_chain.store().committed_tx(hash);
        // A block is on disk a moment before the head moves to it; until then the tx is still
        // in the pool's in-flight set and shows as pending (not as an older rejection of it).
        if (committed && committed->first.height > m_chain.head().header.height)
            return std::nullopt;
        if (committed) {
            const auto& [loc, receipt] = *committed;
            return json{{"hash", to_hex(hash)}, {"status", "committed"},
                        {"height", loc.height}, {"index", loc.index},
                        {"error", nullptr},     {"events", events_json(receipt.events)}};
        }
        if (auto reason = m_chain.store().rejection(hash))
            return json{{"hash", to_hex(hash)}, {"status", "rejected"}, {"height", nullptr},
                        {"index", nullptr},     {"error", *reason},     {"events", json::array()}};
        return std::nullopt;
    };
    if (auto r = from_store()) return *r;
    if (m_pool.contains(hash))
        return json{{"hash", to_hex(hash)}, {"status", "pending"}, {"height", nullptr},
                    {"index", nullptr},     {"error", nullptr},    {"events", json::array()}};
    // The block may have been committed (and the pool settled) between the two looks.
    if (auto r = from_store()) return *r;
    throw RpcError(rpc::code::NOT_FOUND, "transaction not found");
}

json NodeBackend::account_get(const Address& address)
{
    return m_chain.read([&](const StateView& s, const Head&) {
        const std::uint64_t nonce = contracts::nonce_of(s, address);
        json balances = json::object();
        for (const auto& [asset, amount] : contracts::token::balances_of(s, address))
            balances[asset] = u128_to_string(amount);
        return json{{"address", to_checksum(address)},
                    {"nonce", nonce},
                    {"pendingNonce", m_pool.pending_nonce(address, nonce)},
                    {"balances", balances}};
    });
}

json NodeBackend::token_get_balance(const Address& address, const std::string& asset)
{
    return m_chain.read([&](const StateView& s, const Head&) {
        if (!contracts::token::asset_info(s, asset))
            throw RpcError(rpc::code::NOT_FOUND, "unknown asset " + asset);
        return json{{"address", to_checksum(address)},
                    {"asset", asset},
                    {"amount", u128_to_string(contracts::token::balance_of(s, address, asset))}};
    });
}

json NodeBackend::token_get_supply(const std::string& asset)
{
    return m_chain.read([&](const StateView& s, const Head&) {
        auto info = contracts::token::asset_info(s, asset);
        if (!info) throw RpcError(rpc::code::NOT_FOUND, "unknown asset " + asset);
        return json{{"asset", asset},
                    {"supply", u128_to_string(contracts::token::supply_of(s, asset))},
                    {"decimals", info->decimals}};
    });
}

json NodeBackend::read_state(const rpc::StateReader& reader)
{
    return m_chain.read([&](const StateView& s, const Head& head) {
        return reader(s, rpc::HeadInfo{head.header.height, head.header.timestamp, head.hash});
    });
}

json NodeBackend::dev_advance_time(std::uint64_t seconds)
{
    if (!m_dev) throw RpcError(rpc::code::DEV_DISABLED, "dev methods need --dev");
    try {
        return json{{"timestamp", m_clock.advance(seconds)}};
    } catch (const std::invalid_argument& e) {
        throw RpcError(rpc::code::INVALID_PARAMS, std::string{"invalid params: "} + e.what(),
                       json{{"field", "seconds"}});
    }
}

json NodeBackend::dev_mine(std::uint64_t blocks)
{
    if (!m_dev) throw RpcError(rpc::code::DEV_DISABLED, "dev methods need --dev");
    if (!m_producer) throw RpcError(rpc::code::DEV_DISABLED, "this node has no validator key");
    return json{{"height", m_producer->mine_now(blocks)}};
}

}  // namespace aif::node
