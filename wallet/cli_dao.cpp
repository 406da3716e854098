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
#include "wallet/node_api.hpp"
#include "wallet/tx_builder.hpp"

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

void add_tx_options(CommandSpec& spec)
{
    spec.options.add_options()("from", po::value<std::string>()->required(),
                               "name of the signing key")(
        "fee", po::value<std::string>(), "fee in AIF (whole units; default: minFee)")(
        "nonce", po::value<std::string>(), "nonce override (default: the account's next nonce)")(
        "no-wait", po::bool_switch(), "send and return without waiting for the receipt")(
        "wait", po::bool_switch(), "wait for the receipt (the default; accepted for symmetry)")(
        "timeout", po::value<std::string>(), "seconds to wait for the receipt (default 30)");
}

/// What every transaction fetches first (as `transfer` does, docs/wallet.md).
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
    KeyEntry sender = ctx.keys().find(from);  // before any network call or prompt
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

/// The attributes of the first event `name` in a tx_get answer, or an empty object.
json event_attrs(const json& r, const std::string& name)
{
    for (const auto& e : r.value("events", json::array()))
        if (e.value("name", "") == name) return e.value("attrs", json::object());
    return json::object();
}

/// What to print for a committed transaction: adds fields to `out` and returns the text.
using Summary = std::function<std::string(json& out)>;

/// Signs, sends, waits (unless --no-wait) and prints. Exit 3 when refused or rejected.
int sign_send_report(CliContext& ctx, const po::variables_map& vm, const TxSetup& s,
                     const std::string& type, const Fields& fields, const Summary& summary)
{
    auto resolve = [&ctx](std::string_view text, const std::string& flag) {
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
    if (vm["no-wait"].as<bool>()) {
        ctx.print({{"hash", hash}, {"status", "pending"}}, "sent " + hash + "\n");
        return 0;
    }
    if (!ctx.json_output()) ctx.err() << "sent " << hash << ", waiting…\n";
    json r = wait_for_tx(ctx.rpc(), hash, wait_timeout(vm));
    if (r.value("status", "") != "committed") return print_final_status(ctx, hash, r);
    json out = r;
    out["hash"] = hash;
    const std::string text = summary(out);
    ctx.print(out,
              text + "tx " + hash + " in block " + std::to_string(r.value("height", 0)) + "\n");
    return 0;
}

std::uint64_t proposal_id(const po::variables_map& vm)
{
    return parse_count(vm["proposal"].as<std::string>(), "--proposal", ~std::uint64_t{0});
}

int delegate_to(CliContext& ctx, const po::variables_map& vm, const std::string& to)
{
    TxSetup s = prepare(ctx, vm);
    return sign_send_report(ctx, vm, s, "Delegate", {{"to", to}}, [&](json& out) {
        const json e = event_attrs(out, "DelegateChanged");
        const std::string d = e.value("delegate", "");
        return s.sender.name + (d.empty() ? " no longer delegates" : " now delegates to " + d) +
               " (" + dao_cli::aif_text(e.value("amount", "0"), "amount") + ")\n";
    });
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
    add_tx_options(spec);
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
    add_tx_options(spec);
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
    add_tx_options(spec);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto kind = (*vm)["kind"].as<std::string>();
    auto need = [&](const char* flag) {
        if (!vm->count(flag))
            throw usage_error(std::string{"dao propose --kind "} + kind + " needs --" + flag);
        return (*vm)[flag].as<std::string>();
    };
    std::string title = vm->count("title") ? (*vm)["title"].as<std::string>() : "";
    Fields fields;
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
    TxSetup s = prepare(ctx, *vm);
    return sign_send_report(ctx, *vm, s, type, fields, [&](json& out) {
        const json e = event_attrs(out, "ProposalCreated");
        const std::string id = e.value("proposalId", "");
        if (!id.empty()) out["proposalId"] = std::stoull(id);
        const std::string deposit = e.value("deposit", "0");
        return "proposal " + id + " (" + kind + ") created; voting " + e.value("start", "") +
               " → " + e.value("end", "") + ", snapshot height " + e.value("snapshotHeight", "") +
               (deposit == "0" ? ", no deposit"
                               : ", deposit " + dao_cli::aif_text(deposit, "deposit") + " locked") +
               "\n";
    });
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
    add_tx_options(spec);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::uint64_t id = proposal_id(*vm);
    const auto choice = (*vm)["choice"].as<std::string>();
    if (!dao_cli::plausible_choice(choice))
        throw usage_error("--choice: '" + choice + "' must be for, against, abstain or a film id");
    TxSetup s = prepare(ctx, *vm);
    return sign_send_report(ctx, *vm, s, "Vote",
                            {{"proposalId", std::to_string(id)}, {"choice", choice}},
                            [&](json& out) {
                                const json e = event_attrs(out, "VoteCast");
                                const std::string prev = e.value("previous", "");
                                return s.sender.name + " voted " + e.value("choice", "") +
                                       " on proposal " + std::to_string(id) + " with " +
                                       dao_cli::aif_text(e.value("power", "0"), "power") +
                                       (prev.empty() ? "" : " (was " + prev + ")") + "\n";
                            });
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
    add_tx_options(spec);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::uint64_t id = proposal_id(*vm);
    TxSetup s = prepare(ctx, *vm);
    return sign_send_report(
        ctx, *vm, s, execute ? "ExecuteProposal" : "FinalizeProposal",
        {{"proposalId", std::to_string(id)}}, [&](json& out) {
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
        });
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
