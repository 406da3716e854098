// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/dao_proposal.hpp"

#include "contracts/dao_keys.hpp"
#include "contracts/dao_params.hpp"
#include "contracts/dao_power.hpp"
#include "contracts/dao_tally.hpp"
#include "contracts/festival.hpp"
#include "contracts/token.hpp"
#include "ledger/codec.hpp"
#include "ledger/crypto.hpp"
#include "ledger/genesis.hpp"
#include "ledger/tx_types_dao.hpp"

#include <algorithm>

namespace aif::contracts::dao {

using namespace ledger;

namespace {

constexpr std::uint8_t RECORD_VERSION = 1;



Event created_event(const Proposal& p)
{
    return Event{"ProposalCreated",
                 {{"proposalId", std::to_string(p.id)},
                  {"kind", std::string{to_string(p.kind)}},
                  {"proposer", to_hex(p.proposer)},
                  {"snapshotHeight", std::to_string(p.snapshot_height)},
                  {"start", std::to_string(p.vote_start)},
                  {"end", std::to_string(p.vote_end)},
                  {"deposit", u128_to_string(p.deposit)}}};
}

/// SPEC §5/§7: the award must be in the edition's catalogue with kind "dao", and the ballot
/// offers exactly the edition's R2 shortlist as it stands now.
Result<std::vector<std::uint64_t>> ballot_shortlist(const StateView& s, std::uint32_t edition,
                                                    const std::string& award_id)
{
    auto raw = s.get(contracts::keys::edition(edition));
    if (!raw)
        return err(ErrorCode::not_found, "edition: no festival edition " + std::to_string(edition));
    AIF_TRY(ed, decode_edition(*raw));
    const AwardDef* award = nullptr;
    for (const auto& a : ed.awards)
        if (a.id == award_id) award = &a;
    if (!award)
        return err(ErrorCode::not_found, "awardId: edition " + std::to_string(edition) +
                                             " has no award '" + award_id + "'");
    if (award->kind != "dao")
        return err(ErrorCode::invalid_argument, "awardId: '" + award_id + "' is a " + award->kind +
                                                    " award; only kind \"dao\" awards have a "
                                                    "DAO ballot");
    std::vector<std::uint64_t> films = festival::r2_shortlist(s, edition);
    std::sort(films.begin(), films.end());
    films.erase(std::unique(films.begin(), films.end()), films.end());
    if (films.empty())
        return err(ErrorCode::wrong_phase, "edition: " + std::to_string(edition) +
                                               " has no R2 shortlist yet (R2 has not closed)");
    return films;
}

}  // namespace

std::string_view to_string(ProposalKind k) noexcept
{
    switch (k) {
        case ProposalKind::text:
            return "text";
        case ProposalKind::param:
            return "param";
        case ProposalKind::spend:
            return "spend";
        case ProposalKind::ballot:
            return "ballot";
    }
    return "unknown";
}

std::optional<ProposalKind> proposal_kind_from(std::string_view name) noexcept
{
    for (auto k :
         {ProposalKind::text, ProposalKind::param, ProposalKind::spend, ProposalKind::ballot})
        if (to_string(k) == name) return k;
    return std::nullopt;
}

std::string_view to_string(DepositState d) noexcept
{
    switch (d) {
        case DepositState::none:
            return "none";
        case DepositState::locked:
            return "locked";
        case DepositState::returned:
            return "returned";
        case DepositState::kept:
            return "kept";
    }
    return "unknown";
}

std::uint64_t Proposal::eta() const noexcept
{
    return checked_add_u64(vote_end, timelock).value_or(~std::uint64_t{0});
}

std::string encode_proposal(const Proposal& p)
{
    Writer w;
    w.u8(RECORD_VERSION);
    w.u64(p.id);
    w.u8(static_cast<std::uint8_t>(p.kind));
    w.fixed(p.proposer);
    w.str(p.title);
    w.str(p.description);
    w.u64(p.created_height);
    w.u64(p.created_time);
    w.u64(p.snapshot_height);
    w.u64(p.vote_start);
    w.u64(p.vote_end);
    w.u64(p.timelock);
    w.u32(p.quorum_bps);
    w.u32(p.pass_threshold_bps);
    w.u128v(p.delegated_at_snapshot);
    w.u128v(p.deposit);
    w.u8(static_cast<std::uint8_t>(p.deposit_state));
    w.u8(p.executed ? 1 : 0);
    w.u64(p.executed_height);
    w.str(p.param_key);
    w.u128v(p.param_value);
    w.fixed(p.recipient);
    w.u128v(p.amount);
    w.u32(p.edition);
    w.str(p.award_id);
    w.u32(p.choice_count);
    Bytes b = w.take();
    return std::string(b.begin(), b.end());
}

Result<Proposal> decode_proposal(std::string_view data) noexcept
{
    try {
        Reader r{bytes_of(data)};
        Proposal p;
        if (r.u8() != RECORD_VERSION) return err(ErrorCode::internal, "proposal record version");
        p.id = r.u64();
        const std::uint8_t kind = r.u8();
        if (kind > static_cast<std::uint8_t>(ProposalKind::ballot))
            return err(ErrorCode::internal, "proposal kind");
        p.kind = static_cast<ProposalKind>(kind);
        p.proposer = r.address();
        p.title = r.str(dao_tx::MAX_TITLE);
        p.description = r.str(dao_tx::MAX_DESCRIPTION);
        p.created_height = r.u64();
        p.created_time = r.u64();
        p.snapshot_height = r.u64();
        p.vote_start = r.u64();
        p.vote_end = r.u64();
        p.timelock = r.u64();
        p.quorum_bps = r.u32();
        p.pass_threshold_bps = r.u32();
        p.delegated_at_snapshot = r.u128v();
        p.deposit = r.u128v();
        const std::uint8_t dep = r.u8();
        if (dep > static_cast<std::uint8_t>(DepositState::kept))
            return err(ErrorCode::internal, "deposit state");
        p.deposit_state = static_cast<DepositState>(dep);
        p.executed = r.u8() != 0;
        p.executed_height = r.u64();
        p.param_key = r.str(dao_tx::MAX_PARAM_KEY);
        p.param_value = r.u128v();
        p.recipient = r.address();
        p.amount = r.u128v();
        p.edition = r.u32();
        p.award_id = r.str(dao_tx::MAX_AWARD_ID);
        p.choice_count = r.u32();
        if (!r.done()) return err(ErrorCode::internal, "proposal record encoding");
        return p;
    } catch (...) {
        return err(ErrorCode::internal, "decode_proposal");
    }
}

Result<Proposal> load_proposal(const StateView& s, std::uint64_t id) noexcept
{
    try {
        auto raw = s.get(keys::proposal(id));
        if (!raw) return err(ErrorCode::not_found, "proposalId: no proposal " + std::to_string(id));
        return decode_proposal(*raw);
    } catch (...) {
        return err(ErrorCode::internal, "load_proposal");
    }
}

void store_proposal(StateOverlay& s, const Proposal& p)
{
    s.put(keys::proposal(p.id), encode_proposal(p));
}

std::uint64_t last_proposal_id(const StateView& s)
{
    auto raw = s.get(keys::NEXT_PROPOSAL);
    const std::uint64_t next = raw ? decode_u64(*raw).value_or(1) : 1;
    return next == 0 ? 0 : next - 1;
}

std::vector<std::uint64_t> ballot_choices(const StateView& s, std::uint64_t id)
{
    std::vector<std::uint64_t> out;
    const std::string prefix = keys::choice_prefix(id);
    s.scan(prefix, [&](std::string_view k, std::string_view) {
        if (auto film = decode_u64(k.substr(prefix.size()))) out.push_back(*film);
        return true;
    });
    return out;
}

bool is_ballot_choice(const StateView& s, std::uint64_t id, std::uint64_t film)
{
    return s.get(keys::choice(id, film)).has_value();
}

std::optional<std::uint64_t> ballot_id(const StateView& s, std::uint32_t edition,
                                       std::string_view award_id)
{
    auto raw = s.get(keys::ballot(edition, award_id));
    if (!raw) return std::nullopt;
    return decode_u64(*raw);
}

const Address& escrow_address()
{
    static const Address a = [] {
        const Hash32 h = keccak256(std::string_view{"aifchain/dao/deposit-escrow"});
        Address out;
        for (std::size_t i = 0; i < 20; ++i) out.bytes[i] = h.bytes[12 + i];
        return out;
    }();
    return a;
}

Result<void> settle_deposit(StateOverlay& s, const BlockContext& ctx, Proposal& p,
                            bool quorum_reached, std::vector<Event>& events) noexcept
{
    try {
        if (p.deposit_state != DepositState::locked) return ok();
        // docs/dao.md "Deposit": returned when the proposal reached quorum (whatever the
        // verdict), kept by the treasury otherwise — spam that nobody votes on pays.
        AIF_TRY(cfg, read_chain_config(s));
        const Address& to = quorum_reached ? p.proposer : cfg.treasury;
        AIF_CHECK(token::move(s, ctx, AIF, escrow_address(), to, p.deposit));
        p.deposit_state = quorum_reached ? DepositState::returned : DepositState::kept;
        events.push_back(Event{quorum_reached ? "DepositReturned" : "DepositKept",
                               {{"proposalId", std::to_string(p.id)},
                                {"to", to_hex(to)},
                                {"amount", u128_to_string(p.deposit)}}});
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "settle_deposit");
    }
}

Result<std::vector<Event>> apply_propose(StateOverlay& s, const BlockContext& ctx,
                                         const VerifiedTx& vt) noexcept
{
    try {
        const Tx& tx = vt.tx;
        Proposal p;
        std::vector<std::uint64_t> films;
        // Every Propose* type starts with title, description (tx_types_dao.hpp).
        p.title = tx.get<std::string>(dao_tx::propose_text_field::TITLE);
        p.description = tx.get<std::string>(dao_tx::propose_text_field::DESCRIPTION);
        if (p.title.empty()) return err(ErrorCode::invalid_argument, "title: must not be empty");
        switch (static_cast<std::uint16_t>(tx.type->kind) - TX_KIND_DAO) {
            case 1:
                p.kind = ProposalKind::text;
                break;
            case 2: {
                namespace f = dao_tx::propose_param_field;
                p.kind = ProposalKind::param;
                p.param_key = tx.get<std::string>(f::KEY);
                p.param_value = tx.get<u128>(f::VALUE);
                // SPEC §7: typed keys from the whitelist, values validated at creation (and again
                // at execution).
                AIF_CHECK(validate_param(p.param_key, p.param_value));
                break;
            }
            case 3: {
                namespace f = dao_tx::propose_spend_field;
                p.kind = ProposalKind::spend;
                p.recipient = tx.get<Address>(f::RECIPIENT);
                p.amount = tx.get<u128>(f::AMOUNT);
                if (p.recipient.is_zero())
                    return err(ErrorCode::invalid_argument,
                               "recipient: must not be the zero address");
                if (p.amount == 0)
                    return err(ErrorCode::invalid_amount, "amount: must be positive");
                break;
            }
            case 4: {
                namespace f = dao_tx::propose_ballot_field;
                p.kind = ProposalKind::ballot;
                p.edition = static_cast<std::uint32_t>(tx.get<std::uint64_t>(f::EDITION));
                p.award_id = tx.get<std::string>(f::AWARD_ID);
                AIF_TRY(shortlist, ballot_shortlist(s, p.edition, p.award_id));
                films = std::move(shortlist);
                // One live ballot per award: a new one only after the last was defeated.
                if (auto prev = ballot_id(s, p.edition, p.award_id)) {
                    AIF_TRY(old, load_proposal(s, *prev));
                    const Outcome o = outcome_of(old, read_tally(s, old), ctx.timestamp);
                    if (!o.ended || o.passed)
                        return err(ErrorCode::already_exists,
                                   "awardId: proposal " + std::to_string(*prev) +
                                       " is already the " + "ballot for " + p.award_id +
                                       " of edition " + std::to_string(p.edition));
                }
                p.choice_count = static_cast<std::uint32_t>(films.size());
                break;
            }
            default:
                return err(ErrorCode::unknown_tx_type, std::string{tx.type->name});
        }

        AIF_TRY(params, read_dao_params(s));
        p.id = last_proposal_id(s) + 1;
        p.proposer = vt.sender;
        p.created_height = ctx.height;
        p.created_time = ctx.timestamp;
        // SPEC §7: the snapshot is the block before creation, so power gained in this block
        // or later counts for nothing.
        p.snapshot_height = ctx.height == 0 ? 0 : ctx.height - 1;
        auto start = checked_add_u64(ctx.timestamp, params.voting_delay);
        auto end = start ? checked_add_u64(*start, params.voting_period) : std::nullopt;
        if (!end) return err(ErrorCode::invalid_argument, "dao.votingPeriod: end time overflows");
        p.vote_start = *start;
        p.vote_end = *end;
        p.timelock = params.timelock;
        p.quorum_bps = params.quorum_bps;
        p.pass_threshold_bps = params.pass_threshold_bps;
        p.delegated_at_snapshot = total_delegated_at(s, p.snapshot_height);

        // SPEC §7: creating a proposal needs the power threshold at the snapshot, or else the
        // deposit, locked in escrow until settled (settle_deposit).
        if (power_at(s, vt.sender, p.snapshot_height) < params.proposal_threshold &&
            params.proposal_deposit > 0) {
            AIF_CHECK(
                token::move(s, ctx, AIF, vt.sender, escrow_address(), params.proposal_deposit));
            p.deposit = params.proposal_deposit;
            p.deposit_state = DepositState::locked;
        }

        s.put(keys::NEXT_PROPOSAL, encode_u64(p.id + 1));
        store_proposal(s, p);
        if (p.kind == ProposalKind::ballot) {
            for (std::uint64_t film : films)
                s.put(keys::choice(p.id, film), std::string(1, '\x01'));
            s.put(keys::ballot(p.edition, p.award_id), encode_u64(p.id));
        }
        return std::vector<Event>{created_event(p)};
    } catch (...) {
        return err(ErrorCode::internal, "apply_propose");
    }
}

}  // namespace aif::contracts::dao
