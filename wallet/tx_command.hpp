// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// The one transaction path of every command that signs (docs/wallet.md "Transacting"):
// transfer and send (cli_tx.cpp), the festival commands (cli_film*.cpp), dao (cli_dao.cpp) and
// market (cli_market.cpp). A command adds its options, parses, calls prepare_tx, runs its own
// local checks, then submit_tx and report_tx.

#include "ledger/types.hpp"
#include "wallet/cli_context.hpp"
#include "wallet/errors.hpp"
#include "wallet/key_dir.hpp"
#include "wallet/node_api.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aif::wallet {

/// Field name → text, as `send --field name=value` takes them (see build_message).
using TxFields = std::vector<std::pair<std::string, std::string>>;

/// Whether a command waits for the receipt unless told otherwise.
enum class TxWait {
    /// Returns after tx_send; `--wait` waits (transfer, send, the festival commands).
    on_request,
    /// Waits; `--no-wait` returns after tx_send, `--wait` is accepted (dao, market).
    by_default,
};

/// Adds --from, --fee, --nonce, --wait and --timeout; with TxWait::by_default also --no-wait.
void add_tx_options(CommandSpec& spec, TxWait wait);

/// True when the command should wait for the receipt, by the options add_tx_options declared:
/// without --no-wait that is --wait; with it, the absence of --no-wait.
[[nodiscard]] bool wait_requested(const po::variables_map& vm);

/// What a transaction command has fetched before it builds its message.
struct TxSetup
{
    KeyEntry sender;
    ChainInfo info;
    TxTypes types;
    AccountState account;
    /// --fee, else the chain's minFee; never below minFee.
    ledger::u128 fee{0};
    /// --nonce, else the account's pendingNonce (or nonce).
    std::uint64_t nonce{0};
};

/// A transaction type a command cannot do without, and the node module that defines it.
struct RequiredTxType
{
    std::string type;
    std::string module;
};

/// Steps 1–3 of docs/wallet.md "Transacting": finds the --from key (before any network call or
/// password prompt), fetches chain_getInfo and tx_getTypes, checks `required` when given, fetches
/// account_get, then settles fee and nonce.
/// Throws WalletError: key (unknown --from), usage (bad --fee/--nonce), failure (the node lacks
/// `required`), refused with reason fee_too_low (--fee below minFee), or as RpcClient::call.
[[nodiscard]] TxSetup prepare_tx(CliContext& ctx, const po::variables_map& vm,
                                 const std::optional<RequiredTxType>& required = std::nullopt);

/// Steps 4–6: builds `type` from the node's definition with `fields` and the setup's nonce and
/// fee, asks for the password, signs, checks the signer is the sender, sends (warning when the
/// node's hash differs from the wallet's) and, with `wait`, waits for the receipt (--timeout).
/// Returns {"hash", "status": "pending"} without `wait`, else the tx_get answer plus "hash".
/// Throws WalletError: usage (fields), key (password, key), refused (tx_send), failure (timeout).
[[nodiscard]] nlohmann::json submit_tx(CliContext& ctx, const po::variables_map& vm,
                                       const TxSetup& setup, const std::string& type,
                                       const TxFields& fields, bool wait);

/// Formats a committed transaction for people; may add fields to `out` (the tx_get answer plus
/// "hash"), which is what --json prints.
using TxSummary = std::function<std::string(nlohmann::json& out)>;

/// Prints a submit_tx result and returns the exit code: pending → "sent HASH" (0); rejected →
/// print_final_status (the error, exit 3); committed → `summary`'s text or, with --json, `out`
/// (0). Without `summary` a committed answer is shown as "key: value" lines.
[[nodiscard]] int report_tx(CliContext& ctx, const nlohmann::json& result,
                            const TxSummary& summary = {});

/// "TEXT (tx HASH)" with `extra` merged into the JSON (the festival commands' style).
[[nodiscard]] TxSummary summary_with_hash(std::string text,
                                          nlohmann::json extra = nlohmann::json::object());

/// `text`'s lines, then "tx HASH in block HEIGHT" (the dao and market commands' style).
[[nodiscard]] TxSummary summary_with_block(TxSummary text);

/// The attributes of the first event `name` in a tx_get answer, or an empty object.
[[nodiscard]] nlohmann::json event_attrs(const nlohmann::json& tx, const std::string& name);

/// The string attribute `key` of the first event `name` that has it in a tx_get answer, or "".
[[nodiscard]] std::string event_attr(const nlohmann::json& tx, const std::string& name,
                                     const std::string& key);

/// A local refusal with reason insufficient_balance (exit 3); nothing has been signed or sent.
[[nodiscard]] WalletError insufficient_balance(const std::string& message);

}  // namespace aif::wallet
