// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// DAO queries (SPEC §3, §7, §9): show, list, power, vote-of, delegation, params. With --json
// each prints the node's answer unchanged; without, amounts in whole AIF.
#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/cli_dao.hpp"
#include "wallet/errors.hpp"
#include "wallet/node_api.hpp"

#include <sstream>

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

namespace dao_cli {

std::string aif_text(const json& base_units, const std::string& what)
{
    return format_amount(node_uint(base_units, what), AIF_DECIMALS) + " AIF";
}

bool plausible_choice(const std::string& choice)
{
    if (choice == "for" || choice == "against" || choice == "abstain") return true;
    if (choice.empty() || choice.size() > 20 || choice[0] == '0') return false;
    for (char c : choice)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string proposal_text(const json& p)
{
    std::ostringstream s;
    const std::string kind = p.value("kind", "");
    s << "proposal " << p.value("proposalId", 0) << " (" << kind << "): " << p.value("title", "")
      << "\n";
    s << "status:    " << p.value("status", "") << (p.value("passed", false) ? " (passed)" : "")
      << "\n";
    s << "proposer:  " << p.value("proposer", "") << "\n";
    s << "snapshot:  height " << p.value("snapshotHeight", 0) << "\n";
    s << "voting:    " << p.value("start", 0) << " → " << p.value("end", 0) << " (block time)\n";
    if (!p.value("eta", json()).is_null()) s << "eta:       " << p.value("eta", 0) << "\n";
    const json& t = p.at("tally");
    s << "tally:     ";
    if (kind == "ballot") {
        for (const auto& c : t.value("candidates", json::array()))
            s << "film " << c.value("filmId", 0) << " " << aif_text(c.at("votes"), "votes")
              << " · ";
    } else {
        s << "for " << aif_text(t.at("for"), "for") << " · against "
          << aif_text(t.at("against"), "against") << " · ";
    }
    s << "abstain " << aif_text(t.at("abstain"), "abstain") << " (" << p.value("voters", 0)
      << " voters)\n";
    s << "quorum:    " << (p.value("quorumReached", false) ? "reached" : "not reached")
      << " (turnout " << aif_text(p.at("turnout"), "turnout") << ", needs "
      << aif_text(p.at("quorumVotes"), "quorumVotes") << " = " << p.value("quorumBps", 0)
      << " bps of " << aif_text(p.at("delegatedAtSnapshot"), "delegatedAtSnapshot") << ")\n";
    if (p.contains("param")) {
        const json& x = p["param"];
        s << "param:     " << x.value("key", "") << " := " << x.value("value", "") << " (now "
          << (x["current"].is_string() ? x["current"].get<std::string>() : "?") << ")\n";
    }
    if (p.contains("spend"))
        s << "spend:     " << aif_text(p["spend"].at("amount"), "amount") << " to "
          << p["spend"].value("recipient", "") << "\n";
    if (p.contains("ballot")) {
        const json& b = p["ballot"];
        s << "ballot:    " << b.value("awardId", "") << " of edition " << b.value("edition", 0)
          << ", leader " << (b["leader"].is_null() ? "none" : b["leader"].dump()) << ", winner "
          << (b["winner"].is_null() ? "undecided" : b["winner"].dump()) << "\n";
    }
    const json& d = p.at("deposit");
    s << "deposit:   " << d.value("state", "") << " (" << aif_text(d.at("amount"), "deposit")
      << ")\n";
    if (p.value("executed", false))
        s << "executed:  at height " << p.value("executedHeight", 0) << "\n";
    return s.str();
}

namespace {

int show(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"dao show",
                     "dao show ID",
                     "Shows a proposal with its live tally and status (dao_getProposal).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("id", po::value<std::string>()->required(), "proposal id");
    spec.positional.add("id", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto id = parse_count((*vm)["id"].as<std::string>(), "ID", ~std::uint64_t{0});
    json r = ctx.rpc().call("dao_getProposal", {{"proposalId", id}});
    std::string text = proposal_text(r);
    if (!r.value("description", "").empty()) text += "\n" + r.value("description", "") + "\n";
    ctx.print(r, text);
    return 0;
}

int list(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "dao list",
        "dao list [--status S] [--kind K] [--proposer ADDRESS_OR_NAME] [--limit N]",
        "Lists proposals, oldest first (dao_listProposals). Status: pending, active,\n"
        "defeated, succeeded, queued, executable, executed; kind: text, param, spend,\n"
        "ballot.",
        {"Options", 100},
        {}};
    spec.options.add_options()("status", po::value<std::string>(), "only this status")(
        "kind", po::value<std::string>(), "only this kind")("proposer", po::value<std::string>(),
                                                            "only this proposer")(
        "from-id", po::value<std::string>(), "start at this id")(
        "limit", po::value<std::string>(), "at most N (1..1000, default 100)");
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json params = json::object();
    if (vm->count("status")) params["status"] = (*vm)["status"].as<std::string>();
    if (vm->count("kind")) params["kind"] = (*vm)["kind"].as<std::string>();
    if (vm->count("proposer"))
        params["proposer"] = ledger::to_checksum(
            ctx.resolve_address((*vm)["proposer"].as<std::string>(), "--proposer"));
    if (vm->count("from-id")) params["fromId"] = count_option(*vm, "from-id");
    if (vm->count("limit")) params["limit"] = count_option(*vm, "limit", 1000);
    json r = ctx.rpc().call("dao_listProposals", params);
    std::ostringstream s;
    for (const auto& p : r.value("proposals", json::array()))
        s << p.value("proposalId", 0) << "  " << p.value("kind", "") << "  "
          << p.value("status", "") << "  ends " << p.value("end", 0) << "  " << p.value("title", "")
          << "\n";
    if (r.value("proposals", json::array()).empty()) s << "no proposals\n";
    if (!r.value("next", json()).is_null())
        s << "more: dao list --from-id " << r["next"].dump() << "\n";
    ctx.print(r, s.str());
    return 0;
}

int power(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"dao power",
                     "dao power ADDRESS_OR_NAME [--height H] [--history]",
                     "Voting power at the end of block H (default: the head), or with --history\n"
                     "the address's checkpoints (dao_getVotingPower, dao_getPowerHistory).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("address", po::value<std::string>()->required(),
                               "address or key name")("height", po::value<std::string>(),
                                                      "block height")("history", po::bool_switch(),
                                                                      "list every checkpoint");
    spec.positional.add("address", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto address = ledger::to_checksum(
        ctx.resolve_address((*vm)["address"].as<std::string>(), "ADDRESS_OR_NAME"));
    if ((*vm)["history"].as<bool>()) {
        json r = ctx.rpc().call("dao_getPowerHistory", {{"address", address}});
        std::ostringstream s;
        s << address << ": " << aif_text(r.at("power"), "power") << " now, delegates to "
          << (r["delegate"].is_null() ? "nobody" : r["delegate"].get<std::string>()) << "\n";
        for (const auto& c : r.value("checkpoints", json::array()))
            s << "  height " << c.value("height", 0) << ": " << aif_text(c.at("power"), "power")
              << "\n";
        ctx.print(r, s.str());
        return 0;
    }
    json params = {{"address", address}};
    if (vm->count("height")) params["height"] = count_option(*vm, "height");
    json r = ctx.rpc().call("dao_getVotingPower", params);
    ctx.print(r, address + ": " + aif_text(r.at("power"), "power") + " at height " +
                     std::to_string(r.value("height", 0)) + "\n");
    return 0;
}

int vote_of(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"dao vote-of",
                     "dao vote-of ID ADDRESS_OR_NAME",
                     "Shows a voter's current vote on a proposal (dao_getVote).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("id", po::value<std::string>()->required(), "proposal id")(
        "voter", po::value<std::string>()->required(), "address or key name");
    spec.positional.add("id", 1).add("voter", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto id = parse_count((*vm)["id"].as<std::string>(), "ID", ~std::uint64_t{0});
    const auto voter = ledger::to_checksum(
        ctx.resolve_address((*vm)["voter"].as<std::string>(), "ADDRESS_OR_NAME"));
    json r = ctx.rpc().call("dao_getVote", {{"proposalId", id}, {"voter", voter}});
    ctx.print(r, r.value("voted", false)
                     ? voter + " voted " + r.value("choice", "") + " with " +
                           aif_text(r.at("power"), "power") + " (changed " +
                           std::to_string(r.value("changes", 0)) + " times)\n"
                     : voter + " has not voted on proposal " + std::to_string(id) + "\n");
    return 0;
}

int delegation(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"dao delegation",
                     "dao delegation ADDRESS_OR_NAME",
                     "Shows whom an address delegates to and its own voting power.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("address", po::value<std::string>()->required(),
                               "address or key name");
    spec.positional.add("address", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto address = ledger::to_checksum(
        ctx.resolve_address((*vm)["address"].as<std::string>(), "ADDRESS_OR_NAME"));
    json r = ctx.rpc().call("dao_getDelegate", {{"address", address}});
    ctx.print(r, address + " delegates to " +
                     (r["delegate"].is_null() ? "nobody" : r["delegate"].get<std::string>()) +
                     "; balance " + aif_text(r.at("balance"), "balance") + ", voting power " +
                     aif_text(r.at("power"), "power") + "\n");
    return 0;
}

int params(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"dao params",
                     "dao params",
                     "Shows the DAO parameters and every governable key with its range.",
                     {"Options", 100},
                     {}};
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = ctx.rpc().call("dao_getParams");
    std::ostringstream s;
    s << "deposit " << aif_text(r.at("proposalDeposit"), "proposalDeposit") << ", threshold "
      << aif_text(r.at("proposalThreshold"), "proposalThreshold") << ", delay "
      << r.value("votingDelay", 0) << " s, period " << r.value("votingPeriod", 0) << " s, quorum "
      << r.value("quorumBps", 0) << " bps, pass " << r.value("passThresholdBps", 0)
      << " bps, timelock " << r.value("timelock", 0) << " s\nescrow " << r.value("escrow", "")
      << ", delegated " << aif_text(r.at("totalDelegated"), "totalDelegated")
      << "\ngovernable keys (dao propose --kind param --key K --value V):\n";
    for (const auto& g : r.value("governable", json::array())) {
        const bool aif = g.value("unit", "") == "AIF base units";
        auto shown = [&](const char* k) { return aif ? aif_text(g.at(k), k) : g.value(k, ""); };
        s << "  " << g.value("key", "") << " = " << shown("value") << "  [" << shown("min")
          << " .. " << shown("max") << "]" << (aif ? "" : " " + g.value("unit", "")) << "\n";
    }
    ctx.print(r, s.str());
    return 0;
}

}  // namespace

std::vector<CommandEntry> query_commands()
{
    return {{"dao show", "a proposal with its live tally", show},
            {"dao list", "list proposals (filters: status, kind, proposer)", list},
            {"dao power", "voting power at a height, or its history", power},
            {"dao vote-of", "a voter's current vote on a proposal", vote_of},
            {"dao delegation", "whom an address delegates to", delegation},
            {"dao params", "DAO parameters and the governable keys", params}};
}

}  // namespace dao_cli

}  // namespace aif::wallet
