// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "contracts/dao_proposal.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// Votes and tallies (SPEC §7): each vote costs O(1) state reads and writes whatever the number
/// of holders — the voter's power at the snapshot (a binary search over that voter's own
/// checkpoints), its previous vote, and the one or two tally entries it changes.
namespace aif::contracts::dao {

/// A vote's choice. Tag order is the tally key order.
struct Choice
{
    enum class Tag : std::uint8_t { for_ = 0, against = 1, abstain = 2, film = 3 };
    Tag tag{Tag::abstain};
    /// The film voted for (tag film only).
    std::uint64_t film{0};

    auto operator<=>(const Choice&) const = default;
    bool operator==(const Choice&) const = default;
};
/// "for", "against", "abstain" or the film id in decimal.
[[nodiscard]] std::string to_string(const Choice& c);
/// Parses what to_string prints (a film id: decimal, no sign or leading zero, ≥ 1).
[[nodiscard]] std::optional<Choice> parse_choice(std::string_view text) noexcept;

/// A voter's current (last) vote on a proposal.
struct VoteRecord
{
    Choice choice;
    /// Power at the proposal's snapshot; what the vote weighs.
    ledger::u128 power{0};
    std::uint64_t height{0};
    std::uint64_t time{0};
    /// How many times the voter changed the vote.
    std::uint32_t changes{0};
};
/// `voter`'s vote on proposal `id`, if any.
[[nodiscard]] std::optional<VoteRecord> vote_of(const ledger::StateView& s, std::uint64_t id,
                                                const ledger::Address& voter);

/// The running tally of a proposal.
struct Tally
{
    ledger::u128 for_votes{0};
    ledger::u128 against{0};
    ledger::u128 abstain{0};
    /// Ballot only: every choice with its votes, ascending film id (zero when none).
    std::vector<std::pair<std::uint64_t, ledger::u128>> candidates;
    std::uint64_t voters{0};
    /// Sum of the power of every voter (all choices, abstain included): the quorum numerator.
    ledger::u128 turnout{0};
};
/// Reads the tally of `p` (O(1) for yes/no kinds, O(choices) for a ballot).
[[nodiscard]] Tally read_tally(const ledger::StateView& s, const Proposal& p);

/// The verdict as of block time `now` (live while voting; final once ended).
struct Outcome
{
    /// now ≥ vote_end: votes are closed and the verdict is final.
    bool ended{false};
    /// turnout × 10000 ≥ quorum_bps × delegated supply at the snapshot.
    bool quorum_reached{false};
    /// Yes/no kinds: for > 0 and for × 10000 ≥ pass_threshold_bps × (for + against).
    /// Ballot: the leading film (below).
    bool threshold_met{false};
    /// ended ∧ quorum_reached ∧ threshold_met.
    bool passed{false};
    /// Ballot: the film with most votes, ties to the lowest film id; nullopt with no votes.
    std::optional<std::uint64_t> leader;
};
[[nodiscard]] Outcome outcome_of(const Proposal& p, const Tally& t, std::uint64_t now);

/// Lifecycle of a proposal at `now`. Names are API (dao_getProposal.status, filters).
enum class ProposalStatus : std::uint8_t {
    pending,     // before vote_start (voting delay)
    active,      // voting open
    defeated,    // ended without quorum, or below the pass threshold / no ballot votes
    succeeded,   // text or ballot: ended and passed
    queued,      // param or spend: passed, timelock running
    executable,  // param or spend: passed, timelock over, not yet executed
    executed,    // param or spend: executed
};
[[nodiscard]] std::string_view to_string(ProposalStatus s) noexcept;
[[nodiscard]] std::optional<ProposalStatus> proposal_status_from(std::string_view name) noexcept;
[[nodiscard]] ProposalStatus status_of(const Proposal& p, const Outcome& o, std::uint64_t now);

/// Applies Vote (SPEC §7). The last vote counts: a changed vote moves the voter's snapshot
/// power from the old choice to the new one.
/// Errors: not_found (proposal; a film not on the ballot), wrong_phase (before vote_start or
/// at/after vote_end), invalid_argument (choice malformed or of the wrong kind for the
/// proposal), unauthorized (no power at the snapshot), already_exists (same choice again),
/// amount_overflow.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_vote(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

}  // namespace aif::contracts::dao
