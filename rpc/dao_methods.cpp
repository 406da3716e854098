// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// dao_ queries (SPEC §3, §7; docs/dao.md). Each runs inside Backend::read_state and reads the
// committed head through the dao contract's query functions. A proposal's status and tally are
// evaluated at the head block's time.
#include "contracts/dao_params.hpp"
#include "contracts/dao_power.hpp"
#include "contracts/dao_proposal.hpp"
#include "contracts/dao_tally.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

namespace aif::rpc {

namespace {

namespace dao = contracts::dao;
using ledger::u128;
using ledger::u128_to_string;

constexpr std::uint64_t DEFAULT_LIST_LIMIT = 100;
constexpr std::uint64_t MAX_LIST_LIMIT = 1000;
constexpr std::uint64_t MAX_HISTORY = 1000;
/// Most proposal ids one dao_listProposals call looks at (filters may skip many); the answer's
/// "next" continues from there.
constexpr std::uint64_t MAX_LIST_SCAN = 10'000;

json address_or_null(const std::optional<ledger::Address>& a)
{
    return a ? json(ledger::to_checksum(*a)) : json(nullptr);
}

json id_or_null(const std::optional<std::uint64_t>& v)
{
    return v ? json(*v) : json(nullptr);
}

/// Smallest turnout that reaches quorum: ceil(delegated × bps / 10000), without overflow.
u128 quorum_votes(u128 delegated, std::uint32_t bps)
{
    const u128 whole = delegated / 10'000 * bps;
    const u128 rest = delegated % 10'000 * bps;
    return whole + rest / 10'000 + (rest % 10'000 != 0 ? 1 : 0);
}

json tally_json(const dao::Proposal& p, const dao::Tally& t)
{
    if (p.kind != dao::ProposalKind::ballot)
        return {{"for", u128_to_string(t.for_votes)},
                {"against", u128_to_string(t.against)},
                {"abstain", u128_to_string(t.abstain)}};
    json candidates = json::array();
    for (const auto& [film, votes] : t.candidates)
        candidates.push_back({{"filmId", film}, {"votes", u128_to_string(votes)}});
    return {{"candidates", candidates}, {"abstain", u128_to_string(t.abstain)}};
}

json proposal_json(const ledger::StateView& s, const dao::Proposal& p, std::uint64_t now, bool full)
{
    const dao::Tally t = dao::read_tally(s, p);
    const dao::Outcome o = dao::outcome_of(p, t, now);
    json j = {
        {"proposalId", p.id},
        {"kind", dao::to_string(p.kind)},
        {"status", dao::to_string(dao::status_of(p, o, now))},
        {"proposer", ledger::to_checksum(p.proposer)},
        {"title", p.title},
        {"createdHeight", p.created_height},
        {"createdAt", p.created_time},
        {"snapshotHeight", p.snapshot_height},
        {"start", p.vote_start},
        {"end", p.vote_end},
        {"eta", p.executable_kind() ? json(p.eta()) : json(nullptr)},
        {"tally", tally_json(p, t)},
        {"voters", t.voters},
        {"turnout", u128_to_string(t.turnout)},
        {"quorumBps", p.quorum_bps},
        {"passThresholdBps", p.pass_threshold_bps},
        {"delegatedAtSnapshot", u128_to_string(p.delegated_at_snapshot)},
        {"quorumVotes", u128_to_string(quorum_votes(p.delegated_at_snapshot, p.quorum_bps))},
        {"quorumReached", o.quorum_reached},
        {"thresholdMet", o.threshold_met},
        {"passed", o.passed},
        {"executed", p.executed},
        {"executedHeight", p.executed ? json(p.executed_height) : json(nullptr)},
        {"deposit",
         {{"amount", u128_to_string(p.deposit)}, {"state", dao::to_string(p.deposit_state)}}}};
    if (full) j["description"] = p.description;
    switch (p.kind) {
        case dao::ProposalKind::text:
            break;
        case dao::ProposalKind::param: {
            auto current = dao::read_param(s, p.param_key);
            j["param"] = {{"key", p.param_key},
                          {"value", u128_to_string(p.param_value)},
                          {"current", current ? json(u128_to_string(*current)) : json(nullptr)}};
            break;
        }
        case dao::ProposalKind::spend:
            j["spend"] = {{"recipient", ledger::to_checksum(p.recipient)},
                          {"amount", u128_to_string(p.amount)}};
            break;
        case dao::ProposalKind::ballot: {
            json choices = json::array();
            for (const auto& c : t.candidates) choices.push_back(c.first);
            j["ballot"] = {{"edition", p.edition},
                           {"awardId", p.award_id},
                           {"choices", choices},
                           {"leader", id_or_null(o.leader)},
                           {"winner", o.passed ? id_or_null(o.leader) : json(nullptr)}};
            break;
        }
    }
    return j;
}

dao::Proposal require_proposal(const ledger::StateView& s, std::uint64_t id)
{
    auto p = dao::load_proposal(s, id);
    if (!p) {
        if (p.error().code == ledger::ErrorCode::not_found)
            throw RpcError(code::NOT_FOUND, "proposal " + std::to_string(id) + " not found",
                           json{{"proposalId", id}});
        throw RpcError(code::INTERNAL_ERROR, p.error().message());
    }
    return *p;
}

std::uint64_t require_height(const json& params, const HeadInfo& head)
{
    const auto h = optional_uint64(params, "height");
    if (!h) return head.height;
    if (*h > head.height)
        throw invalid_params("'height' " + std::to_string(*h) + " is above the head (" +
                                 std::to_string(head.height) + ")",
                             "height");
    return *h;
}

}  // namespace

void add_dao_methods(MethodTable& table, Backend& backend)
{
    // SPEC §3 (contract): kind, status, snapshotHeight, end, tally.
    add_method(table, "dao_getProposal", [&backend](const json& params) {
        check_known_params(params, {"proposalId"});
        const std::uint64_t id = require_uint64(params, "proposalId");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) {
            return proposal_json(s, require_proposal(s, id), head.timestamp, /*full=*/true);
        });
    });

    add_method(table, "dao_listProposals", [&backend](const json& params) {
        check_known_params(params, {"status", "kind", "proposer", "fromId", "limit"});
        std::optional<dao::ProposalStatus> status;
        if (auto v = optional_string(params, "status")) {
            status = dao::proposal_status_from(*v);
            if (!status)
                throw invalid_params(
                    "'status' must be one of pending, active, defeated, "
                    "succeeded, queued, executable, executed",
                    "status");
        }
        std::optional<dao::ProposalKind> kind;
        if (auto v = optional_string(params, "kind")) {
            kind = dao::proposal_kind_from(*v);
            if (!kind)
                throw invalid_params("'kind' must be one of text, param, spend, ballot", "kind");
        }
        const auto proposer = optional_address(params, "proposer");
        const std::uint64_t from = optional_uint64(params, "fromId").value_or(1);
        const std::uint64_t limit = optional_uint64(params, "limit").value_or(DEFAULT_LIST_LIMIT);
        if (limit == 0 || limit > MAX_LIST_LIMIT)
            throw invalid_params("'limit' must be 1.." + std::to_string(MAX_LIST_LIMIT), "limit");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) {
            json out = json::array();
            const std::uint64_t last = dao::last_proposal_id(s);
            std::optional<std::uint64_t> next;
            const std::uint64_t first = std::max<std::uint64_t>(from, 1);
            for (std::uint64_t id = first; id <= last; ++id) {
                if (out.size() == limit || id - first == MAX_LIST_SCAN) {
                    next = id;
                    break;
                }
                const dao::Proposal p = require_proposal(s, id);
                if (kind && p.kind != *kind) continue;
                if (proposer && p.proposer != *proposer) continue;
                json j = proposal_json(s, p, head.timestamp, /*full=*/false);
                if (status && j["status"] != dao::to_string(*status)) continue;
                out.push_back(std::move(j));
            }
            return json{{"proposals", out}, {"next", id_or_null(next)}};
        });
    });

    add_method(table, "dao_getVote", [&backend](const json& params) {
        check_known_params(params, {"proposalId", "voter"});
        const std::uint64_t id = require_uint64(params, "proposalId");
        const auto voter = require_address(params, "voter");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            (void)require_proposal(s, id);
            json j = {{"proposalId", id}, {"voter", ledger::to_checksum(voter)}};
            const auto v = dao::vote_of(s, id, voter);
            j["voted"] = v.has_value();
            j["choice"] = v ? json(dao::to_string(v->choice)) : json(nullptr);
            j["power"] = v ? json(u128_to_string(v->power)) : json(nullptr);
            j["height"] = v ? json(v->height) : json(nullptr);
            j["time"] = v ? json(v->time) : json(nullptr);
            j["changes"] = v ? json(v->changes) : json(nullptr);
            return j;
        });
    });

    // SPEC §3 (contract): power at the end of `height` (default: the head).
    add_method(table, "dao_getVotingPower", [&backend](const json& params) {
        check_known_params(params, {"address", "height"});
        const auto address = require_address(params, "address");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) {
            const std::uint64_t h = require_height(params, head);
            return json{{"address", ledger::to_checksum(address)},
                        {"height", h},
                        {"power", u128_to_string(dao::power_at(s, address, h))}};
        });
    });

    add_method(table, "dao_getPowerHistory", [&backend](const json& params) {
        check_known_params(params, {"address", "limit"});
        const auto address = require_address(params, "address");
        const std::uint64_t limit = optional_uint64(params, "limit").value_or(MAX_HISTORY);
        if (limit == 0 || limit > MAX_HISTORY)
            throw invalid_params("'limit' must be 1.." + std::to_string(MAX_HISTORY), "limit");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            json cps = json::array();
            for (const auto& c : dao::power_history(s, address, limit))
                cps.push_back({{"height", c.height}, {"power", u128_to_string(c.power)}});
            return json{{"address", ledger::to_checksum(address)},
                        {"delegate", address_or_null(dao::delegate_of(s, address))},
                        {"power", u128_to_string(dao::current_power(s, address))},
                        {"count", dao::checkpoint_count(s, address)},
                        {"checkpoints", cps}};
        });
    });

    add_method(table, "dao_getDelegate", [&backend](const json& params) {
        check_known_params(params, {"address"});
        const auto address = require_address(params, "address");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            return json{
                {"address", ledger::to_checksum(address)},
                {"delegate", address_or_null(dao::delegate_of(s, address))},
                {"balance", u128_to_string(contracts::token::balance_of(s, address, ledger::AIF))},
                {"power", u128_to_string(dao::current_power(s, address))}};
        });
    });

    add_method(table, "dao_getParams", [&backend](const json& params) {
        check_known_params(params, {});
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            auto d = dao::read_dao_params(s);
            if (!d) throw RpcError(code::INTERNAL_ERROR, d.error().message());
            auto cfg = contracts::read_chain_config(s);
            if (!cfg) throw RpcError(code::INTERNAL_ERROR, cfg.error().message());
            json governable = json::array();
            for (const auto& spec : dao::governable_params()) {
                auto v = dao::read_param(s, spec.key);
                governable.push_back({{"key", spec.key},
                                      {"min", u128_to_string(spec.min)},
                                      {"max", u128_to_string(spec.max)},
                                      {"unit", spec.unit},
                                      {"value", v ? json(u128_to_string(*v)) : json(nullptr)}});
            }
            return json{{"proposalDeposit", u128_to_string(d->proposal_deposit)},
                        {"proposalThreshold", u128_to_string(d->proposal_threshold)},
                        {"votingDelay", d->voting_delay},
                        {"votingPeriod", d->voting_period},
                        {"quorumBps", d->quorum_bps},
                        {"passThresholdBps", d->pass_threshold_bps},
                        {"timelock", d->timelock},
                        {"escrow", ledger::to_checksum(dao::escrow_address())},
                        {"treasury", ledger::to_checksum(cfg->treasury)},
                        {"totalDelegated", u128_to_string(dao::current_total_delegated(s))},
                        {"governable", governable}};
        });
    });
}

}  // namespace aif::rpc
