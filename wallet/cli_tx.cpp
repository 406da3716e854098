// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Transaction commands: transfer and the generic `send TYPE` (SPEC §2, §9).
#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/cli_context.hpp"
#include "wallet/errors.hpp"
#include "wallet/tx_builder.hpp"
#include "wallet/tx_command.hpp"

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

namespace {

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
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto asset = (*vm)["asset"].as<std::string>();
    if (asset.empty()) throw usage_error("--asset: empty");
    const u128 amount =
        parse_amount((*vm)["amount"].as<std::string>(), asset_decimals(asset), "--amount");
    const ledger::Address to = ctx.resolve_address((*vm)["to"].as<std::string>(), "--to");
    const TxSetup s = prepare_tx(ctx, *vm);

    // Refuse locally what the node would refuse: nothing is signed or sent.
    const u128 aif = s.account.balance(std::string{AIF});
    const auto fmt = [](u128 v, const std::string& a) {
        return format_amount(v, asset_decimals(a)) + " " + a;
    };
    if (asset == AIF) {
        auto need = ledger::checked_add(amount, s.fee);
        if (!need || *need > aif)
            throw insufficient_balance("insufficient balance: " + s.sender.name + " has " +
                                       fmt(aif, asset) + ", the transfer needs " +
                                       fmt(amount, asset) + " + fee " + fmt(s.fee, asset));
    } else {
        const u128 have = s.account.balance(asset);
        if (amount > have)
            throw insufficient_balance("insufficient balance: " + s.sender.name + " has " +
                                       fmt(have, asset) + ", the transfer needs " +
                                       fmt(amount, asset));
        if (s.fee > aif)
            throw insufficient_balance("insufficient AIF for the fee: " + s.sender.name + " has " +
                                       fmt(aif, std::string{AIF}) + ", the fee is " +
                                       fmt(s.fee, std::string{AIF}));
    }

    const TxFields fields = {{"to", ledger::to_checksum(to)},
                             {"asset", asset},
                             {"amount", ledger::u128_to_string(amount)},
                             {"memo", (*vm)["memo"].as<std::string>()}};
    return report_tx(ctx, submit_tx(ctx, *vm, s, "Transfer", fields, wait_requested(*vm)));
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
    add_tx_options(spec, TxWait::on_request);
    spec.positional.add("type", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto type = (*vm)["type"].as<std::string>();
    TxFields fields;
    if (vm->count("field"))
        for (const auto& f : (*vm)["field"].as<std::vector<std::string>>())
            fields.push_back(split_field(f));
    const TxSetup s = prepare_tx(ctx, *vm);
    return report_tx(ctx, submit_tx(ctx, *vm, s, type, fields, wait_requested(*vm)));
}

}  // namespace

std::vector<CommandEntry> tx_commands()
{
    return {{"transfer", "send AIF or a FilmToken", transfer},
            {"send", "sign and send any transaction type the node lists", send}};
}

}  // namespace aif::wallet
