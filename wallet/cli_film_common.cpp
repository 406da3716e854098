// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The festival commands' transaction path: the same steps as `transfer`/`send` (docs/wallet.md
// "Transacting"): key first, then chain_getInfo/tx_getTypes/account_get, fee and nonce, the
// message built from the node's type, sign, tx_send, optional wait.
#include "wallet/cli_film_common.hpp"

#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/errors.hpp"
#include "wallet/node_api.hpp"
#include "wallet/tx_builder.hpp"

#include <map>
#include <set>

namespace aif::wallet::festival_cli {

using ledger::u128;
using nlohmann::json;

void add_tx_options(CommandSpec& spec)
{
    spec.options.add_options()("from", po::value<std::string>()->required(),
                               "name of the signing key")(
        "fee", po::value<std::string>(), "fee in AIF (whole units; default: minFee)")(
        "nonce", po::value<std::string>(), "nonce override (default: the account's next nonce)")(
        "wait", po::bool_switch(), "wait until committed or rejected and print the result")(
        "timeout", po::value<std::string>(), "seconds --wait waits (default 30)");
}

json send(CliContext& ctx, const po::variables_map& vm, const std::string& type,
          const Fields& fields, bool wait)
{
    const auto from = vm["from"].as<std::string>();
    KeyDir::validate_name(from);
    // The key must exist before we talk to the node or ask for a password.
    const KeyEntry sender = ctx.keys().find(from);
    RpcClient& rpc = ctx.rpc();
    const ChainInfo info = get_chain_info(rpc);
    const TxTypes types = get_tx_types(rpc);
    if (!types.is_tx_type(type))
        throw failure("the node at " + rpc.url() + " has no " + type +
                      " transaction type (is it an aifchain node with the festival module?)");
    const AccountState account = get_account(rpc, sender.address);
    const u128 fee = vm.count("fee")
                         ? parse_amount(vm["fee"].as<std::string>(), AIF_DECIMALS, "--fee")
                         : info.min_fee;
    if (fee < info.min_fee)
        throw refused_error("--fee " + format_amount(fee, AIF_DECIMALS) +
                                " AIF is below the chain's minimum fee " +
                                format_amount(info.min_fee, AIF_DECIMALS) + " AIF",
                            {{"reason", "fee_too_low"}});
    const std::uint64_t nonce =
        vm.count("nonce") ? parse_count(vm["nonce"].as<std::string>(), "--nonce", ~std::uint64_t{0})
                          : account.nonce;
    const AddressResolver resolve = [&ctx](std::string_view text, const std::string& flag) {
        return ctx.resolve_address(text, flag);
    };
    json message = build_message(types, type, fields, nonce, fee, resolve);

    SecretString password = ctx.passwords().existing(sender.name);
    SecretKeyHolder key = ctx.keys().unlock(sender.name, password.view());
    SignedTx tx = sign_tx(types, type, std::move(message), key.key());
    if (tx.from != sender.address)
        throw key_error("key " + sender.name + " decrypts to " + ledger::to_checksum(tx.from) +
                        ", not its listed address " + ledger::to_checksum(sender.address));
    const std::string hash = send_tx(rpc, tx);
    const std::string local = ledger::to_hex(tx.hash);
    if (hash != local) ctx.warn("node reported hash " + hash + " but the wallet computed " + local);
    if (!wait && !vm["wait"].as<bool>()) return {{"hash", hash}, {"status", "pending"}};
    if (!ctx.json_output()) ctx.err() << "sent " << hash << ", waiting…\n";
    json r = wait_for_tx(rpc, hash, wait_timeout(vm));
    if (!r.is_object()) r = json::object();
    r["hash"] = hash;
    return r;
}

int report(CliContext& ctx, const json& result, const std::string& summary, const json& extra)
{
    const std::string status = result.value("status", "");
    const std::string hash = result.value("hash", "");
    if (status == "pending") {
        ctx.print(result, "sent " + hash + "\n");
        return 0;
    }
    if (status == "rejected") return print_final_status(ctx, hash, result);
    json j = result;
    for (auto it = extra.begin(); it != extra.end(); ++it) j[it.key()] = it.value();
    ctx.print(j, summary + " (tx " + hash + ")\n");
    return 0;
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

std::uint64_t number(const po::variables_map& vm, const std::string& flag, std::uint64_t max)
{
    return parse_count(vm[flag].as<std::string>(), "--" + flag, max);
}

std::vector<std::uint64_t> parse_named_numbers(const std::string& text, const std::string& flag,
                                               const std::vector<std::vector<std::string>>& names,
                                               std::uint64_t max)
{
    std::map<std::string, std::size_t> index;
    std::string expected;
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (const auto& n : names[i]) index[n] = i;
        if (i) expected += ',';
        expected += names[i].front();
        expected += "=N";
    }
    std::vector<std::optional<std::uint64_t>> got(names.size());
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto eq = item.find('=');
        if (eq == std::string::npos)
            throw usage_error(flag + ": '" + item + "' is not name=N (expected " + expected + ")");
        const std::string name = item.substr(0, eq);
        auto it = index.find(name);
        if (it == index.end())
            throw usage_error(flag + ": unknown name '" + name + "' (expected " + expected + ")");
        if (got[it->second]) throw usage_error(flag + ": '" + name + "' given twice");
        got[it->second] = parse_count(item.substr(eq + 1), flag + " " + name, max);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    std::vector<std::uint64_t> out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!got[i])
            throw usage_error(flag + ": missing " + names[i].front() + "=N (expected " + expected +
                              ")");
        out.push_back(*got[i]);
    }
    return out;
}

}  // namespace aif::wallet::festival_cli
