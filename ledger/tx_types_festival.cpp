// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx_types_festival.hpp"

namespace aif::ledger {

void add_festival_types(std::vector<TxTypeDef>& out)
{
    using FT = FieldType;
    namespace f = festival_tx;
    // SPEC §5, §6; field lists and rules documented in docs/festival.md. Kinds in id order.
    out.push_back({f::SUBMIT_FILM, "SubmitFilm",
                   with_header({{"edition", FT::uint32, 0},
                                {"title", FT::string, f::MAX_TITLE},
                                {"category", FT::string, f::MAX_ID},
                                {"format", FT::string, f::MAX_ID},
                                {"student", FT::boolean, 0},
                                {"creators", FT::address_array, f::MAX_CREATORS},
                                {"aiWriting", FT::uint8, 0},
                                {"aiDirection", FT::uint8, 0},
                                {"aiGeneration", FT::uint8, 0},
                                {"aiEditing", FT::uint8, 0},
                                {"aiSound", FT::uint8, 0},
                                {"aiPost", FT::uint8, 0},
                                {"tools", FT::string, f::MAX_TOOLS},
                                {"contentHash", FT::bytes32, 0},
                                {"uri", FT::string, f::MAX_URI}})});
    out.push_back({f::REGISTER_JUROR, "RegisterJuror",
                   with_header({{"edition", FT::uint32, 0},
                                {"juror", FT::address, 0},
                                {"faction", FT::string, f::MAX_FACTION},
                                {"core", FT::boolean, 0}})});
    out.push_back(
        {f::DECLARE_CONFLICT, "DeclareConflict", with_header({{"filmId", FT::uint64, 0}})});
    out.push_back({f::OPEN_ROUND, "OpenRound",
                   with_header({{"edition", FT::uint32, 0}, {"round", FT::uint8, 0}})});
    out.push_back({f::OPEN_R2_REVEAL, "OpenR2Reveal", with_header({{"edition", FT::uint32, 0}})});
    out.push_back({f::CLOSE_ROUND, "CloseRound",
                   with_header({{"edition", FT::uint32, 0}, {"round", FT::uint8, 0}})});
    out.push_back({f::R1_REVIEW, "R1Review",
                   with_header({{"filmId", FT::uint64, 0},
                                {"pass", FT::boolean, 0},
                                {"verifiedAiPercent", FT::uint8, 0},
                                {"ethicsOk", FT::boolean, 0}})});
    out.push_back({f::R2_COMMIT, "R2Commit",
                   with_header({{"filmId", FT::uint64, 0}, {"commitment", FT::bytes32, 0}})});
    out.push_back({f::R2_REVEAL, "R2Reveal",
                   with_header({{"filmId", FT::uint64, 0},
                                {"technologicalInnovation", FT::uint8, 0},
                                {"artisticAchievement", FT::uint8, 0},
                                {"commercialValue", FT::uint8, 0},
                                {"socialImpact", FT::uint8, 0},
                                {"salt", FT::bytes32, 0}})});
    out.push_back({f::R3_VOTE, "R3Vote",
                   with_header({{"filmId", FT::uint64, 0}, {"awardId", FT::string, f::MAX_ID}})});
    out.push_back(
        {f::FINALIZE_EDITION, "FinalizeEdition", with_header({{"edition", FT::uint32, 0}})});
    out.push_back({f::SETTLE_DAO_AWARD, "SettleDaoAward",
                   with_header({{"edition", FT::uint32, 0}, {"awardId", FT::string, f::MAX_ID}})});
    out.push_back({f::TRANSFER_TROPHY, "TransferTrophy",
                   with_header({{"tokenId", FT::uint64, 0}, {"to", FT::address, 0}})});
}

}  // namespace aif::ledger
