// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/tx.hpp"

/// Transaction kinds of the dao module (range starting at TX_KIND_DAO) and their field
/// indexes (docs/dao.md). Every type begins with `uint64 nonce, uint256 fee` (SPEC §2), so the
/// module's own fields start at index 2.
namespace aif::ledger::dao_tx {

/// Stable kind ids (binary encoding; never renumbered, new kinds appended).
inline constexpr TxKind DELEGATE = static_cast<TxKind>(TX_KIND_DAO + 0);
inline constexpr TxKind PROPOSE_TEXT = static_cast<TxKind>(TX_KIND_DAO + 1);
inline constexpr TxKind PROPOSE_PARAM_CHANGE = static_cast<TxKind>(TX_KIND_DAO + 2);
inline constexpr TxKind PROPOSE_SPEND = static_cast<TxKind>(TX_KIND_DAO + 3);
inline constexpr TxKind PROPOSE_AWARD_BALLOT = static_cast<TxKind>(TX_KIND_DAO + 4);
inline constexpr TxKind VOTE = static_cast<TxKind>(TX_KIND_DAO + 5);
inline constexpr TxKind EXECUTE_PROPOSAL = static_cast<TxKind>(TX_KIND_DAO + 6);
inline constexpr TxKind FINALIZE_PROPOSAL = static_cast<TxKind>(TX_KIND_DAO + 7);

/// Longest proposal title and description, in bytes.
inline constexpr std::uint32_t MAX_TITLE = 200;
inline constexpr std::uint32_t MAX_DESCRIPTION = 4096;
/// Longest parameter key, award id and vote choice, in bytes.
inline constexpr std::uint32_t MAX_PARAM_KEY = 64;
inline constexpr std::uint32_t MAX_AWARD_ID = 64;
inline constexpr std::uint32_t MAX_CHOICE = 20;

/// Delegate(uint64 nonce,uint256 fee,address to): `to` = the zero address undelegates.
namespace delegate_field {
inline constexpr std::size_t TO = 2;
}
/// ProposeText(uint64 nonce,uint256 fee,string title,string description).
namespace propose_text_field {
inline constexpr std::size_t TITLE = 2, DESCRIPTION = 3;
}
/// ProposeParamChange(uint64 nonce,uint256 fee,string title,string description,string key,
/// uint256 value).
namespace propose_param_field {
inline constexpr std::size_t TITLE = 2, DESCRIPTION = 3, KEY = 4, VALUE = 5;
}
/// ProposeSpend(uint64 nonce,uint256 fee,string title,string description,address recipient,
/// uint256 amount).
namespace propose_spend_field {
inline constexpr std::size_t TITLE = 2, DESCRIPTION = 3, RECIPIENT = 4, AMOUNT = 5;
}
/// ProposeAwardBallot(uint64 nonce,uint256 fee,string title,string description,uint32 edition,
/// string awardId).
namespace propose_ballot_field {
inline constexpr std::size_t TITLE = 2, DESCRIPTION = 3, EDITION = 4, AWARD_ID = 5;
}
/// Vote(uint64 nonce,uint256 fee,uint64 proposalId,string choice): "for", "against",
/// "abstain", or a film id in decimal on an award ballot.
namespace vote_field {
inline constexpr std::size_t PROPOSAL_ID = 2, CHOICE = 3;
}
/// ExecuteProposal(uint64 nonce,uint256 fee,uint64 proposalId) and
/// FinalizeProposal(uint64 nonce,uint256 fee,uint64 proposalId).
namespace proposal_ref_field {
inline constexpr std::size_t PROPOSAL_ID = 2;
}

}  // namespace aif::ledger::dao_tx
