// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Transaction commands: transfer and the generic `send TYPE` (SPEC §2, §9).
#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/cli_context.hpp"
#include "wallet/errors.hpp"
#include "wallet/node_api.hpp"
#include "wallet/tx_builder.hpp"

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

namespace {

/// Options every transaction command shares.
void add_tx_options(CommandSpec& spec)
{
    spec.options.add_options()("from", po::value<std::string>()->required(),
                               "name of the signing key")(
        "fee", po::value<std::string>(), "fee in AIF (whole units, e.g. 0.001; default: minFee)")(
        "nonce", po::value<std::string>(), "nonce override (default: the account's next nonce)")(
        "wait", po::bool_switch(), "wait until committed or rejected and print the result")(
        "timeout", po::value<std::string>(), "seconds --wait waits (default 30)");
}

/// What a transaction command has fetched before it builds its message.
struct TxSetup
{
    KeyEntry sender;
    ChainInfo info;
    TxTypes types;
    AccountState account;
    u128 fee{0};
    std::uint64_t nonce{0};
};

TxSetup prepare(CliContext& ctx, const po::variables_map& vm)
{
    const auto from = vm["from"].as<std::string>();
    KeyDir::validate_name(from);
    // The key must exist before we talk to the node or ask for a password.
    KeyEntry sender = ctx.keys().find(from);
    RpcClient& rpc = ctx.rpc();
    ChainInfo info = get_chain_info(rpc);
    TxTypes types = get_tx_types(rpc);
    AccountState account = get_account(rpc, sender.address);
    TxSetup s{std::move(sender), std::move(info), std::move(types), std::move(account), 0, 0};
    s.fee = vm.count("fee") ? parse_amount(vm["fee"].as<std::string>(), AIF_DECIMALS, "--fee")
                            : s.info.min_fee;
    if (s.fee < s.info.min_fee)
        throw refused_error("--fee " + format_amount(s.fee, AIF_DECIMALS) +
                                " AIF is below the chain's minimum fee " +
                                format_amount(s.info.min_fee, AIF_DECIMALS) + " AIF",
                            {{"reason", "fee_too_low"}});
    s.nonce = vm.count("nonce")
                  ? parse_count(vm["nonce"].as<std::string>(), "--nonce", ~std::uint64_t{0})
                  : s.account.nonce;
    return s;
}

AddressResolver resolver(CliContext& ctx)
{
    return [&ctx](std::string_view text, const std::string& flag) {
        return ctx.resolve_address(text, flag);
    };
}

/// Asks for the password, signs, sends, prints; waits with --wait.
int sign_and_send(CliContext& ctx, const po::variables_map& vm, const TxSetup& s,
                  const std::string& type, json message)
{
    SecretString password = ctx.passwords().existing(s.sender.name);
    SecretKeyHolder key = ctx.keys().unlock(s.sender.name, password.view());
    SignedTx tx = sign_tx(s.types, type, std::move(message), key.key());
    if (tx.from != s.sender.address)
        throw key_error("key " + s.sender.name + " decrypts to " + ledger::to_checksum(tx.from) +
                        ", not its listed address " + ledger::to_checksum(s.sender.address));
    std::string hash = send_tx(ctx.rpc(), tx);
    const std::string local = ledger::to_hex(tx.hash);
    if (hash != local) ctx.warn("node reported hash " + hash + " but the wallet computed " + local);
    if (!vm["wait"].as<bool>()) {
        ctx.print({{"hash", hash}, {"status", "pending"}}, "sent " + hash + "\n");
        return 0;
    }
    if (!ctx.json_output()) ctx.err() << "sent " << hash << ", waiting…\n";
    json r = wait_for_tx(ctx.rpc(), hash, wait_timeout(vm));
    return print_final_status(ctx, hash, r);
}

int transfer(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "transfer",
        "transfer --from NAME --to ADDRESS_OR_NAME --amount 12.5 [--asset AIF] "
        "[--memo TEXT] [--fee AIF] [--wait]",
        "Transfers AIF or a FilmToken. The amount is in whole units (AIF has 18\n"
        "decimals, FilmTokens none). Refused before sending when the balance does not\n"
        "cover it (for AIF: amount + fee; otherwise the amount, and the fee in AIF).",
        {"Options", 100},
        {}};
    spec.options.add_options()("to", po::value<std::string>()->required(),
                               "recipient address or key name")(
        "amount", po::value<std::string>()->required(), "amount in whole units, e.g. 12.5")(
        "asset", po::value<std::string>()->default_value(std::string{AIF}), "asset symbol")(
        "memo", po::value<std::string>()->default_value(""), "memo text");
    add_tx_options(spec);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto asset = (*vm)["asset"].as<std::string>();
    if (asset.empty()) throw usage_error("--asset: empty");
    const u128 amount =
        parse_amount((*vm)["amount"].as<std::string>(), asset_decimals(asset), "--amount");
    const ledger::Address to = ctx.resolve_address((*vm)["to"].as<std::string>(), "--to");
    TxSetup s = prepare(ctx, *vm);

    // Refuse locally what the node would refuse: nothing is signed or sent.
    const u128 aif = s.account.balance(std::string{AIF});
    const auto fmt = [](u128 v, const std::string& a) {
        return format_amount(v, asset_decimals(a)) + " " + a;
    };
    const json why = {{"reason", "insufficient_balance"}};
    if (asset == AIF) {
        auto need = ledger::checked_add(amount, s.fee);
        if (!need || *need > aif)
            throw refused_error("insufficient balance: " + s.sender.name + " has " +
                                    fmt(aif, asset) + ", the transfer needs " + fmt(amount, asset) +
                                    " + fee " + fmt(s.fee, asset),
                                why);
    } else {
        const u128 have = s.account.balance(asset);
        if (amount > have)
            throw refused_error("insufficient balance: " + s.sender.name + " has " +
                                    fmt(have, asset) + ", the transfer needs " + fmt(amount, asset),
                                why);
        if (s.fee > aif)
            throw refused_error("insufficient AIF for the fee: " + s.sender.name + " has " +
                                    fmt(aif, std::string{AIF}) + ", the fee is " +
                                    fmt(s.fee, std::string{AIF}),
                                why);
    }

    const std::vector<std::pair<std::string, std::string>> fields = {
        {"to", ledger::to_checksum(to)},
        {"asset", asset},
        {"amount", ledger::u128_to_string(amount)},
        {"memo", (*vm)["memo"].as<std::string>()}};
    json message = build_message(s.types, "Transfer", fields, s.nonce, s.fee, resolver(ctx));
    return sign_and_send(ctx, *vm, s, "Transfer", std::move(message));
}

int send(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "send",
        "send TYPE --from NAME --field name=value … [--fee AIF] [--wait]",
        "Signs and sends any transaction type the node lists in tx_getTypes; nonce and fee are\n"
        "filled in. Field values by EIP-712 type: uintN = whole number in base units (digits\n"
        "only), bool = true|false, address = 0x address or key name, string as is, bytes/bytesN\n"
        "= 0x-hex, T[] = comma-separated or a JSON array, struct = JSON object.",
        {"Options", 100},
        {}};
    spec.options.add_options()("type", po::value<std::string>()->required(),
                               "transaction type, e.g. Transfer")(
        "field", po::value<std::vector<std::string>>()->composing(), "name=value (repeatable)");
    add_tx_options(spec);
    spec.positional.add("type", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto type = (*vm)["type"].as<std::string>();
    std::vector<std::pair<std::string, std::string>> fields;
    if (vm->count("field"))
        for (const auto& f : (*vm)["field"].as<std::vector<std::string>>())
            fields.push_back(split_field(f));
    TxSetup s = prepare(ctx, *vm);
    json message = build_message(s.types, type, fields, s.nonce, s.fee, resolver(ctx));
    return sign_and_send(ctx, *vm, s, type, std::move(message));
}

}  // namespace

std::vector<CommandEntry> tx_commands()
{
    return {{"transfer", "send AIF or a FilmToken", transfer},
            {"send", "sign and send any transaction type the node lists", send}};
}

}  // namespace aif::wallet
