// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// DAO transactions (SPEC §7, §9): delegate, undelegate, propose (text, param, spend, ballot),
// vote, execute, finalize. Each fills in nonce and fee, signs, sends, waits for the receipt
// (the proposal id and the counted power are in it) and prints what happened; --json prints
// the tx_get answer plus "hash" and, for propose, "proposalId".
#include "wallet/cli_dao.hpp"

#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/errors.hpp"
#include "wallet/tx_command.hpp"

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

namespace {

int delegate_to(CliContext& ctx, const po::variables_map& vm, const std::string& to)
{
    const TxSetup s = prepare_tx(ctx, vm);
    const json r = submit_tx(ctx, vm, s, "Delegate", {{"to", to}}, wait_requested(vm));
    const auto summary = [&](json& out) {
        const json e = event_attrs(out, "DelegateChanged");
        const std::string d = e.value("delegate", "");
        return s.sender.name + (d.empty() ? " no longer delegates" : " now delegates to " + d) +
               " (" + dao_cli::aif_text(e.value("amount", "0"), "amount") + ")\n";
    };
    return report_tx(ctx, r, summary_with_block(summary));
}

int delegate(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "dao delegate",
        "dao delegate --from NAME --to ADDRESS_OR_NAME",
        "Delegates the whole AIF balance of NAME to an address (yourself included) as voting\n"
        "power (SPEC §7). Power follows the balance automatically from the next block on and\n"
        "counts for proposals created after it. Delegating again moves it to the new address.",
        {"Options", 100},
        {}};
    spec.options.add_options()("to", po::value<std::string>()->required(),
                               "delegatee: address or key name (yourself to vote yourself)");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto to = ctx.resolve_address((*vm)["to"].as<std::string>(), "--to");
    return delegate_to(ctx, *vm, ledger::to_checksum(to));
}

int undelegate(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"dao undelegate",
                     "dao undelegate --from NAME",
                     "Withdraws NAME's delegation: its AIF stops counting as voting power.",
                     {"Options", 100},
                     {}};
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    return delegate_to(ctx, *vm, "0x0000000000000000000000000000000000000000");
}

/// The unit of governable parameter `key` from dao_getParams; throws usage for unknown keys.
std::string param_unit(CliContext& ctx, const std::string& key)
{
    const json params = ctx.rpc().call("dao_getParams");
    std::string known;
    for (const auto& g : params.value("governable", json::array())) {
        if (g.value("key", "") == key) return g.value("unit", "");
        known += (known.empty() ? "" : ", ") + g.value("key", "");
    }
    throw usage_error("--key: '" + key + "' is not a governable parameter (one of " + known + ")");
}

int propose(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "dao propose",
        "dao propose --from NAME --kind text|param|spend|ballot [--title TEXT] …",
        "Creates a proposal (SPEC §7) and prints its id. Without the power threshold at the\n"
        "snapshot a deposit is locked (returned on quorum, else kept by the treasury).\n"
        "  --kind text   --title TEXT [--description TEXT]\n"
        "  --kind param  --key KEY --value V   (AIF-valued keys in whole AIF; see dao params)\n"
        "  --kind spend  --to ADDRESS_OR_NAME --amount AIF   (paid from the treasury)\n"
        "  --kind ballot --edition 2026 --award AWARD_ID   (choices: the R2 shortlist)",
        {"Options", 100},
        {}};
    spec.options.add_options()("kind", po::value<std::string>()->required(),
                               "text, param, spend or ballot")(
        "title", po::value<std::string>(), "title (required for text; others get a default)")(
        "description", po::value<std::string>()->default_value(""), "longer text")(
        "key", po::value<std::string>(), "param: the parameter key, e.g. minFee")(
        "value", po::value<std::string>(), "param: the new value")(
        "to", po::value<std::string>(), "spend: recipient address or key name")(
        "amount", po::value<std::string>(), "spend: AIF, whole units (e.g. 12.5)")(
        "edition", po::value<std::string>(), "ballot: festival edition (year)")(
        "award", po::value<std::string>(), "ballot: the award id (a \"dao\" award)");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto kind = (*vm)["kind"].as<std::string>();
    auto need = [&](const char* flag) {
        if (!vm->count(flag))
            throw usage_error(std::string{"dao propose --kind "} + kind + " needs --" + flag);
        return (*vm)[flag].as<std::string>();
    };
    std::string title = vm->count("title") ? (*vm)["title"].as<std::string>() : "";
    TxFields fields;
    std::string type;
    if (kind == "text") {
        type = "ProposeText";
        title = need("title");
    } else if (kind == "param") {
        type = "ProposeParamChange";
        const std::string key = need("key");
        const std::string text = need("value");
        const bool aif = param_unit(ctx, key) == "AIF base units";
        const u128 v = aif ? parse_amount(text, AIF_DECIMALS, "--value")
                           : u128{parse_count(text, "--value", ~std::uint64_t{0})};
        if (title.empty()) title = "Set " + key + " to " + text + (aif ? " AIF" : "");
        fields = {{"key", key}, {"value", ledger::u128_to_string(v)}};
    } else if (kind == "spend") {
        type = "ProposeSpend";
        const auto to = ctx.resolve_address(need("to"), "--to");
        const u128 amount = parse_amount(need("amount"), AIF_DECIMALS, "--amount");
        if (title.empty())
            title =
                "Pay " + format_amount(amount, AIF_DECIMALS) + " AIF to " + ledger::to_checksum(to);
        fields = {{"recipient", ledger::to_checksum(to)},
                  {"amount", ledger::u128_to_string(amount)}};
    } else if (kind == "ballot") {
        type = "ProposeAwardBallot";
        const auto edition = parse_count(need("edition"), "--edition", 0xffffffffULL);
        const std::string award = need("award");
        if (title.empty()) title = "Award ballot: " + award + " " + std::to_string(edition);
        fields = {{"edition", std::to_string(edition)}, {"awardId", award}};
    } else {
        throw usage_error("--kind: '" + kind + "' must be text, param, spend or ballot");
    }
    fields.insert(fields.begin(),
                  {{"title", title}, {"description", (*vm)["description"].as<std::string>()}});
    const TxSetup s = prepare_tx(ctx, *vm);
    const json r = submit_tx(ctx, *vm, s, type, fields, wait_requested(*vm));
    const auto summary = [&](json& out) {
        const json e = event_attrs(out, "ProposalCreated");
        const std::string id = e.value("proposalId", "");
        if (!id.empty()) out["proposalId"] = std::stoull(id);
        const std::string deposit = e.value("deposit", "0");
        return "proposal " + id + " (" + kind + ") created; voting " + e.value("start", "") +
               " → " + e.value("end", "") + ", snapshot height " + e.value("snapshotHeight", "") +
               (deposit == "0" ? ", no deposit"
                               : ", deposit " + dao_cli::aif_text(deposit, "deposit") + " locked") +
               "\n";
    };
    return report_tx(ctx, r, summary_with_block(summary));
}

int vote(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "dao vote",
        "dao vote --from NAME --proposal ID --choice for|against|abstain|FILM_ID",
        "Votes on a proposal with NAME's voting power at the proposal's snapshot (SPEC §7).\n"
        "Voting again with another choice replaces the vote until the end; the tally counts\n"
        "the last one. On an award ballot the choice is a film id of the shortlist (or abstain).",
        {"Options", 100},
        {}};
    spec.options.add_options()("proposal", po::value<std::string>()->required(), "proposal id")(
        "choice", po::value<std::string>()->required(), "for, against, abstain or a film id");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::uint64_t id = count_option(*vm, "proposal");
    const auto choice = (*vm)["choice"].as<std::string>();
    if (!dao_cli::plausible_choice(choice))
        throw usage_error("--choice: '" + choice + "' must be for, against, abstain or a film id");
    const TxSetup s = prepare_tx(ctx, *vm);
    const json r =
        submit_tx(ctx, *vm, s, "Vote", {{"proposalId", std::to_string(id)}, {"choice", choice}},
                  wait_requested(*vm));
    const auto summary = [&](json& out) {
        const json e = event_attrs(out, "VoteCast");
        const std::string prev = e.value("previous", "");
        return s.sender.name + " voted " + e.value("choice", "") + " on proposal " +
               std::to_string(id) + " with " + dao_cli::aif_text(e.value("power", "0"), "power") +
               (prev.empty() ? "" : " (was " + prev + ")") + "\n";
    };
    return report_tx(ctx, r, summary_with_block(summary));
}

int execute_or_finalize(CliContext& ctx, const std::vector<std::string>& args, bool execute)
{
    CommandSpec spec{
        execute ? "dao execute" : "dao finalize",
        execute ? "dao execute --from NAME --proposal ID"
                : "dao finalize --from NAME --proposal ID",
        execute ? "Executes a passed parameter change or treasury spend once its timelock is\n"
                  "over (anyone may, once). Also settles the proposal's deposit."
                : "Settles the deposit of a proposal whose vote has ended: back to the proposer\n"
                  "when quorum was reached, else to the treasury (anyone may, once).",
        {"Options", 100},
        {}};
    spec.options.add_options()("proposal", po::value<std::string>()->required(), "proposal id");
    add_tx_options(spec, TxWait::by_default);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::uint64_t id = count_option(*vm, "proposal");
    const TxSetup s = prepare_tx(ctx, *vm);
    const json r = submit_tx(ctx, *vm, s, execute ? "ExecuteProposal" : "FinalizeProposal",
                             {{"proposalId", std::to_string(id)}}, wait_requested(*vm));
    const auto summary =
        [&](json& out) {
            std::string text;
            if (const json p = event_attrs(out, "ParamChanged"); !p.empty())
                text += p.value("key", "") + " changed from " + p.value("previous", "") + " to " +
                        p.value("value", "") + "\n";
            if (const json p = event_attrs(out, "TreasurySpend"); !p.empty())
                text += "treasury paid " + dao_cli::aif_text(p.value("amount", "0"), "amount") +
                        " to " + p.value("to", "") + "\n";
            if (const json p = event_attrs(out, "DepositReturned"); !p.empty())
                text += "deposit " + dao_cli::aif_text(p.value("amount", "0"), "amount") +
                        " returned to " + p.value("to", "") + "\n";
            if (const json p = event_attrs(out, "DepositKept"); !p.empty())
                text += "deposit " + dao_cli::aif_text(p.value("amount", "0"), "amount") +
                        " kept by the treasury\n";
            return text.empty() ? "proposal " + std::to_string(id) + " done\n" : text;
        };
    return report_tx(ctx, r, summary_with_block(summary));
}

}  // namespace

std::vector<CommandEntry> dao_commands()
{
    std::vector<CommandEntry> out = {
        {"dao delegate", "delegate your AIF voting power (to yourself or another)", delegate},
        {"dao undelegate", "withdraw your delegation", undelegate},
        {"dao propose", "create a text, param, spend or award-ballot proposal", propose},
        {"dao vote", "vote for/against/abstain or for a film; again to change", vote},
        {"dao execute", "execute a passed param change or spend after its timelock",
         [](CliContext& c, const std::vector<std::string>& a) {
             return execute_or_finalize(c, a, true);
         }},
        {"dao finalize", "settle an ended proposal's deposit",
         [](CliContext& c, const std::vector<std::string>& a) {
             return execute_or_finalize(c, a, false);
         }}};
    for (auto& c : dao_cli::query_commands()) out.push_back(std::move(c));
    return out;
}

}  // namespace aif::wallet
