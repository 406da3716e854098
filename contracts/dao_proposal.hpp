// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Proposals (SPEC §7): text, parameter change, treasury spend and the award ballot; how they
/// are created, stored and what their deposit does.
namespace aif::contracts::dao {

/// What a proposal decides. The names are API (dao_getProposal.kind, `--kind`).
enum class ProposalKind : std::uint8_t { text = 0, param = 1, spend = 2, ballot = 3 };
[[nodiscard]] std::string_view to_string(ProposalKind k) noexcept;
/// "text", "param", "spend" or "ballot"; nullopt otherwise.
[[nodiscard]] std::optional<ProposalKind> proposal_kind_from(std::string_view name) noexcept;

/// Where a proposal's deposit is (docs/dao.md "Deposit").
enum class DepositState : std::uint8_t {
    none = 0,      // the proposer had the power threshold and paid nothing
    locked = 1,    // held by the escrow address
    returned = 2,  // paid back to the proposer (the proposal reached quorum)
    kept = 3,      // paid to the treasury (no quorum)
};
[[nodiscard]] std::string_view to_string(DepositState d) noexcept;

/// A proposal as stored at "dao/p/" be64(id). Voting rules are copied from the DAO parameters
/// at creation, so a later parameter change never alters a running vote.
struct Proposal
{
    std::uint64_t id{0};
    ProposalKind kind{ProposalKind::text};
    ledger::Address proposer;
    std::string title;
    std::string description;
    std::uint64_t created_height{0};
    std::uint64_t created_time{0};
    /// SPEC §7: the block before creation; power is counted as of its end.
    std::uint64_t snapshot_height{0};
    /// Votes are accepted while vote_start ≤ block time < vote_end.
    std::uint64_t vote_start{0};
    std::uint64_t vote_end{0};
    std::uint64_t timelock{0};
    std::uint32_t quorum_bps{0};
    std::uint32_t pass_threshold_bps{0};
    /// Total delegated AIF at the snapshot: the quorum base.
    ledger::u128 delegated_at_snapshot{0};
    ledger::u128 deposit{0};
    DepositState deposit_state{DepositState::none};
    bool executed{false};
    std::uint64_t executed_height{0};
    // kind param
    std::string param_key;
    ledger::u128 param_value{0};
    // kind spend
    ledger::Address recipient;
    ledger::u128 amount{0};
    // kind ballot
    std::uint32_t edition{0};
    std::string award_id;
    std::uint32_t choice_count{0};

    /// First block time at which a passed param/spend proposal may execute (saturating).
    [[nodiscard]] std::uint64_t eta() const noexcept;
    /// True for the kinds that do something when executed (param, spend).
    [[nodiscard]] bool executable_kind() const noexcept
    {
        return kind == ProposalKind::param || kind == ProposalKind::spend;
    }
};

[[nodiscard]] std::string encode_proposal(const Proposal& p);
/// Errors: internal (corrupt record).
[[nodiscard]] ledger::Result<Proposal> decode_proposal(std::string_view data) noexcept;

/// The proposal `id`. Errors: not_found, internal (corrupt record).
[[nodiscard]] ledger::Result<Proposal> load_proposal(const ledger::StateView& s,
                                                     std::uint64_t id) noexcept;
/// Writes `p` back.
void store_proposal(ledger::StateOverlay& s, const Proposal& p);
/// Highest proposal id so far (0 when none; ids start at 1).
[[nodiscard]] std::uint64_t last_proposal_id(const ledger::StateView& s);
/// The films an award ballot offers, ascending.
[[nodiscard]] std::vector<std::uint64_t> ballot_choices(const ledger::StateView& s,
                                                        std::uint64_t id);
/// True when film `film` is one of ballot `id`'s choices (one state read).
[[nodiscard]] bool is_ballot_choice(const ledger::StateView& s, std::uint64_t id,
                                    std::uint64_t film);
/// The id of the award ballot of (`edition`, `award_id`), if one was created.
[[nodiscard]] std::optional<std::uint64_t> ballot_id(const ledger::StateView& s,
                                                     std::uint32_t edition,
                                                     std::string_view award_id);

/// The escrow account that holds deposits: the last 20 bytes of
/// keccak256("aifchain/dao/deposit-escrow") (docs/dao.md). No key exists for it.
[[nodiscard]] const ledger::Address& escrow_address();

/// Applies ProposeText, ProposeParamChange, ProposeSpend or ProposeAwardBallot (SPEC §7).
/// Errors: invalid_argument (empty title; unknown parameter key or value out of range; zero
/// recipient; award not of kind "dao"), invalid_amount (zero spend), not_found (edition or
/// award), wrong_phase (no R2 shortlist yet), already_exists (an undefeated ballot for the
/// award exists), insufficient_balance (deposit), amount_overflow.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_propose(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

/// Settles a locked deposit after voting ended: returned to the proposer when the proposal
/// reached quorum, else paid to the treasury. Appends DepositReturned/DepositKept to `events`.
/// No-op unless the deposit is locked. Errors: insufficient_balance (escrow; a bug).
[[nodiscard]] ledger::Result<void> settle_deposit(ledger::StateOverlay& s, const BlockContext& ctx,
                                                  Proposal& p, bool quorum_reached,
                                                  std::vector<ledger::Event>& events) noexcept;

}  // namespace aif::contracts::dao
