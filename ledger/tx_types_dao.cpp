// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx_types_dao.hpp"

namespace aif::ledger {

void add_dao_types(std::vector<TxTypeDef>& out)
{
    using FT = FieldType;
    namespace d = dao_tx;
    // SPEC §7; field lists documented in docs/dao.md. Kinds in id order.
    out.push_back({d::DELEGATE, "Delegate", with_header({{"to", FT::address, 0}})});
    out.push_back({d::PROPOSE_TEXT, "ProposeText",
                   with_header({{"title", FT::string, d::MAX_TITLE},
                                {"description", FT::string, d::MAX_DESCRIPTION}})});
    out.push_back({d::PROPOSE_PARAM_CHANGE, "ProposeParamChange",
                   with_header({{"title", FT::string, d::MAX_TITLE},
                                {"description", FT::string, d::MAX_DESCRIPTION},
                                {"key", FT::string, d::MAX_PARAM_KEY},
                                {"value", FT::uint256, 0}})});
    out.push_back({d::PROPOSE_SPEND, "ProposeSpend",
                   with_header({{"title", FT::string, d::MAX_TITLE},
                                {"description", FT::string, d::MAX_DESCRIPTION},
                                {"recipient", FT::address, 0},
                                {"amount", FT::uint256, 0}})});
    out.push_back({d::PROPOSE_AWARD_BALLOT, "ProposeAwardBallot",
                   with_header({{"title", FT::string, d::MAX_TITLE},
                                {"description", FT::string, d::MAX_DESCRIPTION},
                                {"edition", FT::uint32, 0},
                                {"awardId", FT::string, d::MAX_AWARD_ID}})});
    out.push_back(
        {d::VOTE, "Vote",
         with_header({{"proposalId", FT::uint64, 0}, {"choice", FT::string, d::MAX_CHOICE}})});
    out.push_back(
        {d::EXECUTE_PROPOSAL, "ExecuteProposal", with_header({{"proposalId", FT::uint64, 0}})});
    out.push_back(
        {d::FINALIZE_PROPOSAL, "FinalizeProposal", with_header({{"proposalId", FT::uint64, 0}})});
}

}  // namespace aif::ledger
