// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Read-only commands: chain info, block, balance, account, tx get, tx wait (SPEC §3, §9).
#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/cli_context.hpp"
#include "wallet/errors.hpp"
#include "wallet/node_api.hpp"
#include "wallet/tx_builder.hpp"

namespace aif::wallet {

using nlohmann::json;

namespace {

/// Default and largest --timeout of `tx wait` / `--wait`, seconds.
constexpr std::uint64_t DEFAULT_WAIT_S = 30;
constexpr std::uint64_t MAX_WAIT_S = 24 * 3600;

bool is_hash(const std::string& s)
{
    return s.size() == 66 && ledger::fixed_from_hex<32>(s).has_value();
}

std::string require_hash(const std::string& s, const std::string& what)
{
    if (!is_hash(s)) throw usage_error(what + ": '" + s + "' is not a 0x hash of 64 hex digits");
    return s;
}

int chain_info(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"chain info",
                     "chain info",
                     "Shows chain id, height, head hash, state root and minimum fee.",
                     {"Options", 100},
                     {}};
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    ChainInfo info = get_chain_info(ctx.rpc());
    json shown = info.raw;
    if (shown.is_object())
        shown["minFee"] = format_amount(info.min_fee, AIF_DECIMALS) + " AIF (" +
                          ledger::u128_to_string(info.min_fee) + " base units)";
    ctx.print(info.raw, render_text(shown));
    return 0;
}

int block(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"block",
                     "block [HEIGHT|HASH] [--full]",
                     "Shows a block by height or hash (default: the head).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("id", po::value<std::string>(), "height or 0x block hash")(
        "full", po::bool_switch(), "include whole transactions, not only their hashes");
    spec.positional.add("id", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json params = {{"full", (*vm)["full"].as<bool>()}};
    if (vm->count("id")) {
        const auto id = (*vm)["id"].as<std::string>();
        if (id.rfind("0x", 0) == 0)
            params["hash"] = require_hash(id, "block");
        else
            params["height"] = parse_count(id, "block HEIGHT", ~std::uint64_t{0});
    } else {
        params["height"] = get_chain_info(ctx.rpc()).height;
    }
    json r = ctx.rpc().call("chain_getBlock", params);
    ctx.print(r, render_text(r));
    return 0;
}

int balance(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"balance",
                     "balance ADDRESS_OR_NAME [--asset AIF]",
                     "Shows the balance of an address or key in whole units.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("who", po::value<std::string>()->required(), "address or key name")(
        "asset", po::value<std::string>()->default_value(std::string{AIF}), "asset symbol");
    spec.positional.add("who", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto asset = (*vm)["asset"].as<std::string>();
    ledger::Address addr = ctx.resolve_address((*vm)["who"].as<std::string>(), "balance");
    ledger::u128 amount = get_balance(ctx.rpc(), addr, asset);
    const std::string whole = format_amount(amount, asset_decimals(asset));
    ctx.print({{"address", ledger::to_checksum(addr)},
               {"asset", asset},
               {"amount", whole},
               {"baseUnits", ledger::u128_to_string(amount)}},
              whole + " " + asset + "\n");
    return 0;
}

int account(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"account",
                     "account ADDRESS_OR_NAME",
                     "Shows an account's nonce and every balance.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("who", po::value<std::string>()->required(), "address or key name");
    spec.positional.add("who", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    ledger::Address addr = ctx.resolve_address((*vm)["who"].as<std::string>(), "account");
    AccountState a = get_account(ctx.rpc(), addr);
    json j = {{"address", ledger::to_checksum(addr)}, {"nonce", a.raw.value("nonce", json())}};
    if (a.raw.contains("pendingNonce")) j["pendingNonce"] = a.raw["pendingNonce"];
    json balances = json::object();
    std::string text =
        "address " + ledger::to_checksum(addr) + "\nnonce   " +
        (j["nonce"].is_string() ? j["nonce"].get<std::string>() : j["nonce"].dump()) + "\n";
    if (!a.balances.empty()) text += "balances\n";
    for (const auto& [asset, amount] : a.balances) {
        const std::string whole = format_amount(amount, asset_decimals(asset));
        balances[asset] = {{"amount", whole}, {"baseUnits", ledger::u128_to_string(amount)}};
        text += "  " + whole + " " + asset + "\n";
    }
    j["balances"] = balances;
    ctx.print(j, text);
    return 0;
}

int tx_get(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"tx get",
                     "tx get HASH",
                     "Shows a transaction's status (pending, committed, rejected), height and "
                     "events.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("hash", po::value<std::string>()->required(), "transaction hash");
    spec.positional.add("hash", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto hash = require_hash((*vm)["hash"].as<std::string>(), "tx get");
    json r = ctx.rpc().call("tx_get", {{"hash", hash}});
    ctx.print(r, render_text(r));
    return 0;
}

}  // namespace

std::chrono::milliseconds wait_timeout(const po::variables_map& vm)
{
    std::uint64_t s = vm.count("timeout")
                          ? parse_count(vm["timeout"].as<std::string>(), "--timeout", MAX_WAIT_S)
                          : DEFAULT_WAIT_S;
    return std::chrono::seconds{s};
}

int print_final_status(CliContext& ctx, const std::string& hash, const json& result)
{
    json j = result.is_object() ? result : json::object();
    j["hash"] = hash;
    const bool rejected = j.value("status", "") == "rejected";
    if (!rejected) {
        ctx.print(j, render_text(j));
        return 0;
    }
    WalletError e = rejected_error(result);
    ctx.err() << "error: " << e.what() << "\n";
    if (ctx.json_output()) {
        j["error"] = e.to_json();
        ctx.out() << j.dump(2) << "\n";
    } else {
        ctx.out() << render_text(j);
    }
    return static_cast<int>(e.code());
}

namespace {

int tx_wait(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"tx wait",
                     "tx wait HASH [--timeout S]",
                     "Waits until a transaction is committed or rejected and shows the result.\n"
                     "Exit code 3 when it was rejected.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("hash", po::value<std::string>()->required(), "transaction hash")(
        "timeout", po::value<std::string>(), "seconds to wait (default 30)");
    spec.positional.add("hash", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto hash = require_hash((*vm)["hash"].as<std::string>(), "tx wait");
    json r = wait_for_tx(ctx.rpc(), hash, wait_timeout(*vm));
    return print_final_status(ctx, hash, r);
}

}  // namespace

std::vector<CommandEntry> query_commands()
{
    return {{"chain info", "chain id, height, head, minimum fee", chain_info},
            {"block", "a block by height or hash", block},
            {"balance", "balance of an address or key", balance},
            {"account", "nonce and balances of an address or key", account},
            {"tx get", "status of a transaction", tx_get},
            {"tx wait", "wait for a transaction's result", tx_wait}};
}

}  // namespace aif::wallet
