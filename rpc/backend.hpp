// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/state.hpp"
#include "ledger/types.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace aif::rpc {

using json = nlohmann::json;

/// JSON-RPC error codes (SPEC §3). Application codes live in -32000…-32099 and are listed in
/// docs/rpc.md.
namespace code {
inline constexpr int PARSE_ERROR = -32700;
inline constexpr int INVALID_REQUEST = -32600;
inline constexpr int METHOD_NOT_FOUND = -32601;
inline constexpr int INVALID_PARAMS = -32602;
inline constexpr int INTERNAL_ERROR = -32603;
/// The transaction was refused; data.reason holds the ledger ErrorCode string.
inline constexpr int TX_REJECTED = -32000;
/// The block, transaction or object asked for does not exist.
inline constexpr int NOT_FOUND = -32001;
/// The mempool is full; retry later.
inline constexpr int MEMPOOL_FULL = -32002;
/// A dev_* method was called on a node started without --dev.
inline constexpr int DEV_DISABLED = -32003;
/// A request, batch or nesting limit was exceeded.
inline constexpr int LIMIT_EXCEEDED = -32004;
}  // namespace code

/// Thrown by Backend implementations and parameter parsers; the dispatcher turns it into a
/// JSON-RPC error object {code, message, data?}.
struct RpcError : std::runtime_error
{
    RpcError(int c, const std::string& msg, json d = nullptr)
        : std::runtime_error(msg), code(c), data(std::move(d))
    {}
    int code;
    json data;
};

/// One tx_send of a JSON-RPC batch: its result, or what tx_send would have thrown (the
/// dispatcher answers it as it answers a single call's exception).
using TxSendOutcome = std::variant<json, std::exception_ptr>;

/// Where a block is looked up: exactly one of height or hash.
struct BlockQuery
{
    std::optional<std::uint64_t> height;
    std::optional<ledger::Hash32> hash;
};

/// The head a state read sees.
struct HeadInfo
{
    std::uint64_t height{0};
    std::uint64_t timestamp{0};
    ledger::Hash32 hash;
};

/// A read-only query over committed state: module RPC tables (film_, dao_, market_, ...) call
/// the contracts' query functions inside it and build their JSON result.
using StateReader = std::function<json(const ledger::StateView&, const HeadInfo&)>;

/// What the RPC layer needs from a node (STYLE §1: rpc reaches the node only through this).
/// Every method is called from RPC worker threads concurrently and must be thread-safe.
/// Methods return the JSON result object of the method named in SPEC §3 and throw RpcError
/// (NOT_FOUND, TX_REJECTED, ...) for application errors.
class Backend
{
public:
    virtual ~Backend() = default;

    /// chain_getInfo result.
    virtual json chain_get_info() = 0;
    /// chain_getBlock result; throws NOT_FOUND.
    virtual json chain_get_block(const BlockQuery& q, bool full) = 0;
    /// tx_getTypes result.
    virtual json tx_get_types() = 0;
    /// tx_send: admits the wire-form transaction; returns {"hash": "0x…"}.
    /// Throws TX_REJECTED (data: {"reason": code, "field"?}) or MEMPOOL_FULL.
    virtual json tx_send(const json& wire) = 0;
    /// tx_send for each wire form of a JSON-RPC batch, in order; each outcome is what tx_send
    /// would have returned or thrown. This default sends them one by one; a node overrides it
    /// to recover every signature first and then take its locks once for the lot.
    virtual std::vector<TxSendOutcome> tx_send_batch(const std::vector<const json*>& wires)
    {
        std::vector<TxSendOutcome> out;
        out.reserve(wires.size());
        for (const json* wire : wires) {
            try {
                out.emplace_back(tx_send(*wire));
            } catch (...) {
                out.emplace_back(std::current_exception());
            }
        }
        return out;
    }
    /// tx_get result; throws NOT_FOUND.
    virtual json tx_get(const ledger::Hash32& hash) = 0;
    /// account_get result.
    virtual json account_get(const ledger::Address& address) = 0;
    /// token_getBalance result; throws TX_REJECTED-free NOT_FOUND for an unknown asset.
    virtual json token_get_balance(const ledger::Address& address, const std::string& asset) = 0;
    /// token_getSupply result; throws NOT_FOUND for an unknown asset.
    virtual json token_get_supply(const std::string& asset) = 0;

    /// Runs `reader` over the committed state and head under the node's read lock (a
    /// consistent snapshot; never sees a block that is not yet durable). Module queries go
    /// through here, so a new module needs no new Backend method.
    virtual json read_state(const StateReader& reader) = 0;

    /// True when the node runs with --dev; dev_* methods answer DEV_DISABLED otherwise.
    virtual bool dev_enabled() const = 0;
    /// dev_advanceTime: moves the chain clock forward; returns {"timestamp": new chain time}.
    virtual json dev_advance_time(std::uint64_t seconds) = 0;
    /// dev_mine: seals `blocks` blocks now (empty ones if no tx waits); returns {"height": h}.
    virtual json dev_mine(std::uint64_t blocks) = 0;
};

}  // namespace aif::rpc
