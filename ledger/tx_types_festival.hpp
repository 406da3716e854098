// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/tx.hpp"

#include <cstddef>
#include <cstdint>

/// Transaction kinds of the festival module (range starting at TX_KIND_FESTIVAL) and their field
/// indexes. The rules of each are in contracts/festival*.cpp and docs/festival.md.
namespace aif::ledger::festival_tx {

/// SPEC §5: a film submission with its AI-participation disclosure (SubmitFilm).
inline constexpr TxKind SUBMIT_FILM = static_cast<TxKind>(TX_KIND_FESTIVAL + 1);
/// SPEC §5: the authority registers a juror of an edition (RegisterJuror).
inline constexpr TxKind REGISTER_JUROR = static_cast<TxKind>(TX_KIND_FESTIVAL + 2);
/// A juror declares a conflict of interest with a film (DeclareConflict).
inline constexpr TxKind DECLARE_CONFLICT = static_cast<TxKind>(TX_KIND_FESTIVAL + 3);
/// The authority opens R1, R2 (commit stage) or R3 of an edition (OpenRound).
inline constexpr TxKind OPEN_ROUND = static_cast<TxKind>(TX_KIND_FESTIVAL + 4);
/// The authority ends the R2 commit stage and opens reveals (OpenR2Reveal).
inline constexpr TxKind OPEN_R2_REVEAL = static_cast<TxKind>(TX_KIND_FESTIVAL + 5);
/// The authority closes R1, R2 (after reveals) or R3 (CloseRound).
inline constexpr TxKind CLOSE_ROUND = static_cast<TxKind>(TX_KIND_FESTIVAL + 6);
/// SPEC §5 R1: a technology/ethics juror's pass/fail review (R1Review).
inline constexpr TxKind R1_REVIEW = static_cast<TxKind>(TX_KIND_FESTIVAL + 7);
/// SPEC §5 R2: a juror's score commitment (R2Commit).
inline constexpr TxKind R2_COMMIT = static_cast<TxKind>(TX_KIND_FESTIVAL + 8);
/// SPEC §5 R2: the reveal of a committed score (R2Reveal).
inline constexpr TxKind R2_REVEAL = static_cast<TxKind>(TX_KIND_FESTIVAL + 9);
/// SPEC §5 R3: a core-committee juror's vote for a finalist in one award (R3Vote).
inline constexpr TxKind R3_VOTE = static_cast<TxKind>(TX_KIND_FESTIVAL + 10);
/// SPEC §5: the authority decides every award and mints the trophies (FinalizeEdition).
inline constexpr TxKind FINALIZE_EDITION = static_cast<TxKind>(TX_KIND_FESTIVAL + 11);
/// Mints the DAO-voted award left pending at finalisation once its ballot is decided
/// (SettleDaoAward; anyone may send it).
inline constexpr TxKind SETTLE_DAO_AWARD = static_cast<TxKind>(TX_KIND_FESTIVAL + 12);
/// SPEC §6: the owner transfers a trophy NFT (TransferTrophy).
inline constexpr TxKind TRANSFER_TROPHY = static_cast<TxKind>(TX_KIND_FESTIVAL + 13);

/// Largest lengths accepted on the wire (bytes; elements for creators). The contract also
/// refuses empty text where a value is required.
inline constexpr std::uint32_t MAX_TITLE = 200;
inline constexpr std::uint32_t MAX_TOOLS = 1000;
inline constexpr std::uint32_t MAX_URI = 512;
inline constexpr std::uint32_t MAX_ID = 64;
inline constexpr std::uint32_t MAX_FACTION = 16;
inline constexpr std::uint32_t MAX_CREATORS = 16;

/// Field indexes (definition order, header included) of each type.
namespace submit_film {
inline constexpr std::size_t EDITION = 2, TITLE = 3, CATEGORY = 4, FORMAT = 5, STUDENT = 6,
                             CREATORS = 7, AI_WRITING = 8, AI_DIRECTION = 9, AI_GENERATION = 10,
                             AI_EDITING = 11, AI_SOUND = 12, AI_POST = 13, TOOLS = 14,
                             CONTENT_HASH = 15, URI = 16;
}
namespace register_juror {
inline constexpr std::size_t EDITION = 2, JUROR = 3, FACTION = 4, CORE = 5;
}
namespace declare_conflict {
inline constexpr std::size_t FILM_ID = 2;
}
namespace open_round {
inline constexpr std::size_t EDITION = 2, ROUND = 3;
}
namespace open_r2_reveal {
inline constexpr std::size_t EDITION = 2;
}
namespace close_round {
inline constexpr std::size_t EDITION = 2, ROUND = 3;
}
namespace r1_review {
inline constexpr std::size_t FILM_ID = 2, PASS = 3, VERIFIED_AI = 4, ETHICS_OK = 5;
}
namespace r2_commit {
inline constexpr std::size_t FILM_ID = 2, COMMITMENT = 3;
}
namespace r2_reveal {
inline constexpr std::size_t FILM_ID = 2, INNOVATION = 3, ARTISTRY = 4, COMMERCIAL = 5, IMPACT = 6,
                             SALT = 7;
}
namespace r3_vote {
inline constexpr std::size_t FILM_ID = 2, AWARD_ID = 3;
}
namespace finalize_edition {
inline constexpr std::size_t EDITION = 2;
}
namespace settle_dao_award {
inline constexpr std::size_t EDITION = 2, AWARD_ID = 3;
}
namespace transfer_trophy {
inline constexpr std::size_t TOKEN_ID = 2, TO = 3;
}

}  // namespace aif::ledger::festival_tx
