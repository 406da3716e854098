// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/dao_execution.hpp"

#include "contracts/dao_params.hpp"
#include "contracts/dao_proposal.hpp"
#include "contracts/dao_tally.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_dao.hpp"

namespace aif::contracts::dao {

using namespace ledger;

Result<std::vector<Event>> apply_execute(StateOverlay& s, const BlockContext& ctx,
                                         const VerifiedTx& vt) noexcept
{
    try {
        const std::uint64_t id = vt.tx.get<std::uint64_t>(dao_tx::proposal_ref_field::PROPOSAL_ID);
        AIF_TRY(p, load_proposal(s, id));
        const std::string pid = "proposal " + std::to_string(id);
        if (!p.executable_kind())
            return err(ErrorCode::invalid_argument,
                       "proposalId: " + pid + " is a " + std::string{to_string(p.kind)} +
                           " proposal; only param and spend proposals execute");
        // SPEC §7: once — the executed flag is set in the same transaction that pays.
        if (p.executed)
            return err(ErrorCode::wrong_phase, "proposalId: " + pid +
                                                   " was already executed at height " +
                                                   std::to_string(p.executed_height));
        const Outcome o = outcome_of(p, read_tally(s, p), ctx.timestamp);
        if (!o.ended)
            return err(ErrorCode::wrong_phase,
                       "proposalId: voting on " + pid + " ends at " + std::to_string(p.vote_end));
        if (!o.passed)
            return err(ErrorCode::wrong_phase,
                       "proposalId: " + pid + " was defeated (" +
                           (o.quorum_reached ? "pass threshold not met" : "quorum not reached") +
                           ")");
        // SPEC §7: passed changes and spends wait for the timelock.
        if (ctx.timestamp < p.eta())
            return err(ErrorCode::wrong_phase,
                       "proposalId: " + pid + " is timelocked until " + std::to_string(p.eta()));
        std::vector<Event> events;
        if (p.kind == ProposalKind::param) {
            AIF_TRY(old, read_param(s, p.param_key));
            AIF_CHECK(write_param(s, p.param_key, p.param_value));
            events.push_back(Event{"ParamChanged",
                                   {{"proposalId", std::to_string(id)},
                                    {"key", p.param_key},
                                    {"previous", u128_to_string(old)},
                                    {"value", u128_to_string(p.param_value)}}});
        } else {
            AIF_TRY(cfg, read_chain_config(s));
            AIF_CHECK(token::move(s, ctx, AIF, cfg.treasury, p.recipient, p.amount));
            events.push_back(Event{"TreasurySpend",
                                   {{"proposalId", std::to_string(id)},
                                    {"from", to_hex(cfg.treasury)},
                                    {"to", to_hex(p.recipient)},
                                    {"amount", u128_to_string(p.amount)}}});
        }
        p.executed = true;
        p.executed_height = ctx.height;
        AIF_CHECK(settle_deposit(s, ctx, p, o.quorum_reached, events));
        store_proposal(s, p);
        events.push_back(Event{"ProposalExecuted",
                               {{"proposalId", std::to_string(id)},
                                {"kind", std::string{to_string(p.kind)}},
                                {"executor", to_hex(vt.sender)}}});
        return events;
    } catch (...) {
        return err(ErrorCode::internal, "apply_execute");
    }
}

Result<std::vector<Event>> apply_finalize(StateOverlay& s, const BlockContext& ctx,
                                          const VerifiedTx& vt) noexcept
{
    try {
        const std::uint64_t id = vt.tx.get<std::uint64_t>(dao_tx::proposal_ref_field::PROPOSAL_ID);
        AIF_TRY(p, load_proposal(s, id));
        const std::string pid = "proposal " + std::to_string(id);
        if (p.deposit_state == DepositState::none)
            return err(ErrorCode::invalid_argument,
                       "proposalId: " + pid +
                           " has no deposit to settle (the proposer had the "
                           "power threshold)");
        if (p.deposit_state != DepositState::locked)
            return err(ErrorCode::wrong_phase, "proposalId: the deposit of " + pid +
                                                   " was already " +
                                                   std::string{to_string(p.deposit_state)});
        const Outcome o = outcome_of(p, read_tally(s, p), ctx.timestamp);
        if (!o.ended)
            return err(ErrorCode::wrong_phase,
                       "proposalId: voting on " + pid + " ends at " + std::to_string(p.vote_end));
        std::vector<Event> events;
        AIF_CHECK(settle_deposit(s, ctx, p, o.quorum_reached, events));
        store_proposal(s, p);
        return events;
    } catch (...) {
        return err(ErrorCode::internal, "apply_finalize");
    }
}

}  // namespace aif::contracts::dao
