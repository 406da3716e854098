// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"
#include "rpc/backend.hpp"

#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace aif::rpc::test {

/// One recorded Backend call: the method and its arguments as JSON.
struct Call
{
    std::string method;
    json args;
};

/// A Backend that records calls and returns canned JSON. The unit under test is the
/// dispatcher/server, so only the RPC layer's own behaviour is asserted against it.
/// Special inputs trigger errors: asset "boom" → std::runtime_error, asset "typo" →
/// nlohmann type_error, asset "nope" → RpcError(NOT_FOUND) with data; a tx_send wire with a
/// "reject" member → RpcError(TX_REJECTED), one with "typo" → nlohmann type_error.
class FakeBackend : public Backend
{
public:
    bool dev = false;
    /// Returned by tx_send after recording; tests can replace it.
    json tx_send_result = {{"hash", "0x" + std::string(64, 'a')}};
    /// When set, tx_send throws this instead.
    std::optional<RpcError> tx_send_error;

    json chain_get_info() override
    {
        record("chain_get_info", nullptr);
        return {{"chainId", 31337}, {"height", 7}};
    }
    json chain_get_block(const BlockQuery& q, bool full) override
    {
        json args = {{"full", full}};
        if (q.height) args["height"] = *q.height;
        if (q.hash) args["hash"] = ledger::to_hex(*q.hash);
        record("chain_get_block", args);
        return {{"height", q.height.value_or(0)}, {"full", full}};
    }
    json tx_get_types() override
    {
        record("tx_get_types", nullptr);
        return {{"primaryTypes", json::array({"Transfer"})}};
    }
    json tx_send(const json& wire) override
    {
        record("tx_send", wire);
        if (tx_send_error) throw *tx_send_error;
        if (wire.contains("reject"))
            throw RpcError(code::TX_REJECTED, "refused", {{"reason", "test"}});
        if (wire.contains("typo")) return json(42).get<std::string>();  // throws type_error
        return tx_send_result;
    }
    /// Records the batch (args: its size), then sends each as the default does.
    std::vector<TxSendOutcome> tx_send_batch(const std::vector<const json*>& wires) override
    {
        record("tx_send_batch", wires.size());
        return Backend::tx_send_batch(wires);
    }
    json tx_get(const ledger::Hash32& hash) override
    {
        record("tx_get", ledger::to_hex(hash));
        return {{"status", "pending"}};
    }
    json account_get(const ledger::Address& address) override
    {
        record("account_get", ledger::to_hex(address.view()));
        return {{"nonce", "0"}, {"balances", json::object()}};
    }
    json token_get_balance(const ledger::Address& address, const std::string& asset) override
    {
        record("token_get_balance", {ledger::to_hex(address.view()), asset});
        return {{"amount", "5"}, {"asset", asset}};
    }
    json token_get_supply(const std::string& asset) override
    {
        record("token_get_supply", asset);
        if (asset == "boom") throw std::runtime_error("secret internal detail");
        if (asset == "typo") return json(42).get<std::string>();  // throws type_error
        if (asset == "nope") {
            throw RpcError(code::NOT_FOUND, "unknown asset", {{"asset", asset}});
        }
        return {{"supply", "1000"}, {"asset", asset}};
    }
    json read_state(const StateReader& reader) override
    {
        ledger::State empty;
        return reader(empty, HeadInfo{});
    }
    bool dev_enabled() const override { return dev; }
    json dev_advance_time(std::uint64_t seconds) override
    {
        record("dev_advance_time", seconds);
        return {{"timestamp", seconds}};
    }
    json dev_mine(std::uint64_t blocks) override
    {
        record("dev_mine", blocks);
        return {{"height", blocks}};
    }

    /// Every call so far, in order.
    std::vector<Call> calls() const
    {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }

private:
    void record(std::string method, json args)
    {
        std::lock_guard lock(m_mutex);
        m_calls.push_back({std::move(method), std::move(args)});
    }

    mutable std::mutex m_mutex;
    std::vector<Call> m_calls;
};

}  // namespace aif::rpc::test
