// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/dao.hpp"

#include "contracts/dao_execution.hpp"
#include "contracts/dao_power.hpp"
#include "contracts/dao_proposal.hpp"
#include "contracts/dao_tally.hpp"
#include "ledger/tx_types_dao.hpp"

namespace aif::contracts::dao {

using namespace ledger;

Result<std::vector<Event>> apply_tx(StateOverlay& s, const BlockContext& ctx,
                                    const VerifiedTx& vt) noexcept
{
    try {
        namespace d = dao_tx;
        const TxKind k = vt.tx.type->kind;
        if (k == d::DELEGATE) return apply_delegate(s, ctx, vt);
        if (k == d::PROPOSE_TEXT || k == d::PROPOSE_PARAM_CHANGE || k == d::PROPOSE_SPEND ||
            k == d::PROPOSE_AWARD_BALLOT)
            return apply_propose(s, ctx, vt);
        if (k == d::VOTE) return apply_vote(s, ctx, vt);
        if (k == d::EXECUTE_PROPOSAL) return apply_execute(s, ctx, vt);
        if (k == d::FINALIZE_PROPOSAL) return apply_finalize(s, ctx, vt);
        return err(ErrorCode::unknown_tx_type, std::string{vt.tx.type->name});
    } catch (...) {
        return err(ErrorCode::internal, "dao::apply_tx");
    }
}

std::optional<std::uint64_t> award_ballot_result(const StateView& s, std::uint32_t edition,
                                                 std::string_view award_id, std::uint64_t now)
{
    // SPEC §5/§7: the DAO-voted award goes to the winner of an ended, quorate ballot; most
    // votes, ties to the lowest film id (outcome_of). Undecided → nullopt.
    auto id = ballot_id(s, edition, award_id);
    if (!id) return std::nullopt;
    auto p = load_proposal(s, *id);
    if (!p) return std::nullopt;
    const Outcome o = outcome_of(*p, read_tally(s, *p), now);
    if (!o.passed) return std::nullopt;
    return o.leader;
}

}  // namespace aif::contracts::dao
