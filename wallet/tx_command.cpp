// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The transaction path every signing command shares (docs/wallet.md "Transacting"): key first,
// then chain_getInfo/tx_getTypes/account_get, fee and nonce, the message built from the node's
// type, sign, tx_send, optional wait, report.
#include "wallet/tx_command.hpp"

#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/tx_builder.hpp"

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

void add_tx_options(CommandSpec& spec, TxWait wait)
{
    spec.options.add_options()("from", po::value<std::string>()->required(),
                               "name of the signing key")(
        "fee", po::value<std::string>(), "fee in AIF (whole units, e.g. 0.001; default: minFee)")(
        "nonce", po::value<std::string>(), "nonce override (default: the account's next nonce)");
    switch (wait) {
        case TxWait::on_request:
            spec.options.add_options()("wait", po::bool_switch(),
                                       "wait until committed or rejected and print the result")(
                "timeout", po::value<std::string>(), "seconds --wait waits (default 30)");
            return;
        case TxWait::by_default:
            spec.options.add_options()("no-wait", po::bool_switch(),
                                       "send and return without waiting for the receipt")(
                "wait", po::bool_switch(),
                "wait for the receipt (the default; accepted for symmetry)")(
                "timeout", po::value<std::string>(),
                "seconds to wait for the receipt (default 30)");
            return;
    }
}

bool wait_requested(const po::variables_map& vm)
{
    // A bool_switch is always in the map once declared, so "no-wait" marks TxWait::by_default.
    if (vm.count("no-wait")) return !vm["no-wait"].as<bool>();
    return vm.count("wait") && vm["wait"].as<bool>();
}

TxSetup prepare_tx(CliContext& ctx, const po::variables_map& vm,
                   const std::optional<RequiredTxType>& required)
{
    const auto from = vm["from"].as<std::string>();
    KeyDir::validate_name(from);
    // The key must exist before we talk to the node or ask for a password.
    KeyEntry sender = ctx.keys().find(from);
    RpcClient& rpc = ctx.rpc();
    ChainInfo info = get_chain_info(rpc);
    TxTypes types = get_tx_types(rpc);
    if (required && !types.is_tx_type(required->type))
        throw failure("the node at " + rpc.url() + " has no " + required->type +
                      " transaction type (is it an aifchain node with the " + required->module +
                      " module?)");
    AccountState account = get_account(rpc, sender.address);
    TxSetup s{std::move(sender), std::move(info), std::move(types), std::move(account), 0, 0};
    s.fee = vm.count("fee") ? parse_amount(vm["fee"].as<std::string>(), AIF_DECIMALS, "--fee")
                            : s.info.min_fee;
    if (s.fee < s.info.min_fee)
        throw refused_error("--fee " + format_amount(s.fee, AIF_DECIMALS) +
                                " AIF is below the chain's minimum fee " +
                                format_amount(s.info.min_fee, AIF_DECIMALS) + " AIF",
                            {{"reason", "fee_too_low"}});
    s.nonce = vm.count("nonce") ? count_option(vm, "nonce") : s.account.nonce;
    return s;
}

json submit_tx(CliContext& ctx, const po::variables_map& vm, const TxSetup& s,
               const std::string& type, const TxFields& fields, bool wait)
{
    const AddressResolver resolve = [&ctx](std::string_view text, const std::string& flag) {
        return ctx.resolve_address(text, flag);
    };
    json message = build_message(s.types, type, fields, s.nonce, s.fee, resolve);
    SecretString password = ctx.passwords().existing(s.sender.name);
    SecretKeyHolder key = ctx.keys().unlock(s.sender.name, password.view());
    SignedTx tx = sign_tx(s.types, type, std::move(message), key.key());
    if (tx.from != s.sender.address)
        throw key_error("key " + s.sender.name + " decrypts to " + ledger::to_checksum(tx.from) +
                        ", not its listed address " + ledger::to_checksum(s.sender.address));
    const std::string hash = send_tx(ctx.rpc(), tx);
    const std::string local = ledger::to_hex(tx.hash);
    if (hash != local) ctx.warn("node reported hash " + hash + " but the wallet computed " + local);
    if (!wait) return {{"hash", hash}, {"status", "pending"}};
    if (!ctx.json_output()) ctx.err() << "sent " << hash << ", waiting…\n";
    json r = wait_for_tx(ctx.rpc(), hash, wait_timeout(vm));
    if (!r.is_object()) r = json::object();
    r["hash"] = hash;
    return r;
}

int report_tx(CliContext& ctx, const json& result, const TxSummary& summary)
{
    const std::string status = result.value("status", "");
    const std::string hash = result.value("hash", "");
    if (status == "pending") {
        ctx.print(result, "sent " + hash + "\n");
        return 0;
    }
    if (status != "committed" || !summary) return print_final_status(ctx, hash, result);
    json out = result;
    const std::string text = summary(out);
    ctx.print(out, text);
    return 0;
}

TxSummary summary_with_hash(std::string text, json extra)
{
    return [text = std::move(text), extra = std::move(extra)](json& out) {
        for (auto it = extra.begin(); it != extra.end(); ++it) out[it.key()] = it.value();
        return text + " (tx " + out.value("hash", "") + ")\n";
    };
}

TxSummary summary_with_block(TxSummary text)
{
    return [text = std::move(text)](json& out) {
        const std::string lines = text(out);
        return lines + "tx " + out.value("hash", "") + " in block " +
               std::to_string(out.value("height", 0)) + "\n";
    };
}

json event_attrs(const json& tx, const std::string& name)
{
    for (const auto& e : tx.value("events", json::array()))
        if (e.value("name", "") == name) return e.value("attrs", json::object());
    return json::object();
}

std::string event_attr(const json& tx, const std::string& name, const std::string& key)
{
    if (!tx.contains("events") || !tx["events"].is_array()) return "";
    for (const auto& e : tx["events"]) {
        if (e.value("name", "") != name || !e.contains("attrs")) continue;
        const auto& a = e["attrs"];
        if (a.is_object() && a.contains(key) && a[key].is_string())
            return a[key].get<std::string>();
    }
    return "";
}

WalletError insufficient_balance(const std::string& message)
{
    return refused_error(message, {{"reason", "insufficient_balance"}});
}

}  // namespace aif::wallet
