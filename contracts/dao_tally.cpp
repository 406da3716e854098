// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/dao_tally.hpp"

#include "contracts/dao_keys.hpp"
#include "contracts/dao_power.hpp"
#include "ledger/codec.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_dao.hpp"

namespace aif::contracts::dao {

using namespace ledger;

namespace {


/// a × b as a 192-bit value (hi, lo) with b < 2^32: exact, so quorum and threshold tests
/// never overflow whatever the amounts (STYLE §4: cross-multiplied fractions, no floats).
struct Wide
{
    u128 hi{0};
    u128 lo{0};
    auto operator<=>(const Wide&) const = default;
};
Wide mul_wide(u128 a, std::uint32_t b)
{
    const u128 mask = (u128{1} << 64) - 1;
    const u128 x = (a >> 64) * b;   // < 2^96
    const u128 y = (a & mask) * b;  // < 2^96
    Wide w;
    w.lo = ((x & mask) << 64) + y;
    w.hi = (x >> 64) + (w.lo < y ? 1 : 0);
    return w;
}

u128 read_u128(const StateView& s, const std::string& key)
{
    auto raw = s.get(key);
    return raw ? decode_u128(*raw).value_or(0) : 0;
}

std::string tally_key(std::uint64_t id, const Choice& c)
{
    return keys::tally(id, static_cast<std::uint8_t>(c.tag), c.film);
}

Result<void> tally_shift(StateOverlay& s, std::uint64_t id, const Choice& c, u128 power,
                         bool subtract)
{
    const std::string key = tally_key(id, c);
    const u128 cur = read_u128(s, key);
    auto next = subtract ? checked_sub(cur, power) : checked_add(cur, power);
    if (!next) return err(subtract ? ErrorCode::internal : ErrorCode::amount_overflow, "tally");
    if (*next == 0)
        s.erase(key);
    else
        s.put(key, encode_u128(*next));
    return ok();
}

std::string encode_vote(const VoteRecord& v)
{
    Writer w;
    w.u8(static_cast<std::uint8_t>(v.choice.tag));
    w.u64(v.choice.film);
    w.u128v(v.power);
    w.u64(v.height);
    w.u64(v.time);
    w.u32(v.changes);
    Bytes b = w.take();
    return std::string(b.begin(), b.end());
}

}  // namespace

std::string to_string(const Choice& c)
{
    switch (c.tag) {
        case Choice::Tag::for_:
            return "for";
        case Choice::Tag::against:
            return "against";
        case Choice::Tag::abstain:
            return "abstain";
        case Choice::Tag::film:
            return std::to_string(c.film);
    }
    return "unknown";
}

std::optional<Choice> parse_choice(std::string_view text) noexcept
{
    if (text == "for") return Choice{Choice::Tag::for_, 0};
    if (text == "against") return Choice{Choice::Tag::against, 0};
    if (text == "abstain") return Choice{Choice::Tag::abstain, 0};
    if (text.empty() || text.size() > 20 || text[0] == '0') return std::nullopt;
    u128 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<u128>(c - '0');
    }
    if (v > ~std::uint64_t{0}) return std::nullopt;
    return Choice{Choice::Tag::film, static_cast<std::uint64_t>(v)};
}

std::optional<VoteRecord> vote_of(const StateView& s, std::uint64_t id, const Address& voter)
{
    auto raw = s.get(keys::vote(id, voter));
    if (!raw) return std::nullopt;
    Reader r{bytes_of(*raw)};
    VoteRecord v;
    const std::uint8_t tag = r.u8();
    if (tag > static_cast<std::uint8_t>(Choice::Tag::film)) return std::nullopt;
    v.choice.tag = static_cast<Choice::Tag>(tag);
    v.choice.film = r.u64();
    v.power = r.u128v();
    v.height = r.u64();
    v.time = r.u64();
    v.changes = r.u32();
    if (!r.done()) return std::nullopt;
    return v;
}

Tally read_tally(const StateView& s, const Proposal& p)
{
    Tally t;
    if (auto raw = s.get(keys::turnout(p.id)); raw && raw->size() == 24) {
        t.voters = decode_u64(std::string_view{*raw}.substr(0, 8)).value_or(0);
        t.turnout = decode_u128(std::string_view{*raw}.substr(8)).value_or(0);
    }
    t.abstain = read_u128(s, tally_key(p.id, Choice{Choice::Tag::abstain, 0}));
    if (p.kind != ProposalKind::ballot) {
        t.for_votes = read_u128(s, tally_key(p.id, Choice{Choice::Tag::for_, 0}));
        t.against = read_u128(s, tally_key(p.id, Choice{Choice::Tag::against, 0}));
        return t;
    }
    for (std::uint64_t film : ballot_choices(s, p.id))
        t.candidates.emplace_back(film, read_u128(s, tally_key(p.id, {Choice::Tag::film, film})));
    return t;
}

Outcome outcome_of(const Proposal& p, const Tally& t, std::uint64_t now)
{
    Outcome o;
    o.ended = now >= p.vote_end;
    // SPEC §7: quorum is a share of the delegated supply at the snapshot.
    o.quorum_reached =
        mul_wide(t.turnout, 10'000) >= mul_wide(p.delegated_at_snapshot, p.quorum_bps);
    if (p.kind == ProposalKind::ballot) {
        // SPEC §5/§7: most votes wins; ties → the lowest film id (candidates are ascending and
        // only a strictly larger count replaces the leader).
        u128 best = 0;
        for (const auto& [film, votes] : t.candidates)
            if (votes > best) {
                best = votes;
                o.leader = film;
            }
        o.threshold_met = o.leader.has_value();
    } else {
        // for + against ≤ delegated supply < 2^128; a failed add would be a bug.
        const u128 decided = checked_add(t.for_votes, t.against).value_or(~u128{0});
        o.threshold_met = t.for_votes > 0 &&
                          mul_wide(t.for_votes, 10'000) >= mul_wide(decided, p.pass_threshold_bps);
    }
    o.passed = o.ended && o.quorum_reached && o.threshold_met;
    return o;
}

std::string_view to_string(ProposalStatus s) noexcept
{
    switch (s) {
        case ProposalStatus::pending:
            return "pending";
        case ProposalStatus::active:
            return "active";
        case ProposalStatus::defeated:
            return "defeated";
        case ProposalStatus::succeeded:
            return "succeeded";
        case ProposalStatus::queued:
            return "queued";
        case ProposalStatus::executable:
            return "executable";
        case ProposalStatus::executed:
            return "executed";
    }
    return "unknown";
}

std::optional<ProposalStatus> proposal_status_from(std::string_view name) noexcept
{
    for (auto s : {ProposalStatus::pending, ProposalStatus::active, ProposalStatus::defeated,
                   ProposalStatus::succeeded, ProposalStatus::queued, ProposalStatus::executable,
                   ProposalStatus::executed})
        if (to_string(s) == name) return s;
    return std::nullopt;
}

ProposalStatus status_of(const Proposal& p, const Outcome& o, std::uint64_t now)
{
    if (now < p.vote_start) return ProposalStatus::pending;
    if (!o.ended) return ProposalStatus::active;
    if (!o.passed) return ProposalStatus::defeated;
    if (!p.executable_kind()) return ProposalStatus::succeeded;
    if (p.executed) return ProposalStatus::executed;
    return now < p.eta() ? ProposalStatus::queued : ProposalStatus::executable;
}

Result<std::vector<Event>> apply_vote(StateOverlay& s, const BlockContext& ctx,
                                      const VerifiedTx& vt) noexcept
{
    try {
        namespace f = dao_tx::vote_field;
        const std::uint64_t id = vt.tx.get<std::uint64_t>(f::PROPOSAL_ID);
        const std::string& text = vt.tx.get<std::string>(f::CHOICE);
        AIF_TRY(p, load_proposal(s, id));
        const std::string pid = "proposal " + std::to_string(id);
        // SPEC §7: votes count until the end; none before the voting delay has passed.
        if (ctx.timestamp < p.vote_start)
            return err(ErrorCode::wrong_phase, "proposalId: voting on " + pid + " opens at " +
                                                   std::to_string(p.vote_start));
        if (ctx.timestamp >= p.vote_end)
            return err(ErrorCode::wrong_phase,
                       "proposalId: voting on " + pid + " ended at " + std::to_string(p.vote_end));
        const auto choice = parse_choice(text);
        if (!choice)
            return err(ErrorCode::invalid_argument,
                       "choice: '" + text + "' must be for, against, abstain or a film id");
        if (p.kind == ProposalKind::ballot) {
            if (choice->tag == Choice::Tag::for_ || choice->tag == Choice::Tag::against)
                return err(ErrorCode::invalid_argument,
                           "choice: " + pid + " is an award ballot; vote a film id or abstain");
            if (choice->tag == Choice::Tag::film && !is_ballot_choice(s, id, choice->film))
                return err(ErrorCode::not_found,
                           "choice: film " + text + " is not on the ballot of " + pid);
        } else if (choice->tag == Choice::Tag::film) {
            return err(ErrorCode::invalid_argument, "choice: " + pid + " is a " +
                                                        std::string{to_string(p.kind)} +
                                                        " proposal; vote for, against or abstain");
        }
        // SPEC §7: power at the snapshot, so tokens bought or moved during the vote add nothing.
        const u128 power = power_at(s, vt.sender, p.snapshot_height);
        if (power == 0)
            return err(ErrorCode::unauthorized, "voter: no voting power at snapshot height " +
                                                    std::to_string(p.snapshot_height) + " of " +
                                                    pid +
                                                    " (delegate before a proposal is created)");
        const std::optional<VoteRecord> prev = vote_of(s, id, vt.sender);
        if (prev && prev->choice == *choice)
            return err(ErrorCode::already_exists,
                       "choice: already voted " + text + " on " + pid + "; a vote counts once");
        // SPEC §7: the last vote counts — move the voter's weight off the old choice.
        if (prev) AIF_CHECK(tally_shift(s, id, prev->choice, prev->power, /*subtract=*/true));
        AIF_CHECK(tally_shift(s, id, *choice, power, /*subtract=*/false));
        if (!prev) {
            auto raw = s.get(keys::turnout(id));
            std::uint64_t voters = 0;
            u128 total = 0;
            if (raw && raw->size() == 24) {
                voters = decode_u64(std::string_view{*raw}.substr(0, 8)).value_or(0);
                total = decode_u128(std::string_view{*raw}.substr(8)).value_or(0);
            }
            auto sum = checked_add(total, power);
            if (!sum) return err(ErrorCode::amount_overflow, "turnout");
            s.put(keys::turnout(id), encode_u64(voters + 1) + encode_u128(*sum));
        }
        VoteRecord rec{*choice, power, ctx.height, ctx.timestamp,
                       prev ? prev->changes + 1 : std::uint32_t{0}};
        s.put(keys::vote(id, vt.sender), encode_vote(rec));
        Event e{"VoteCast",
                {{"proposalId", std::to_string(id)},
                 {"voter", to_hex(vt.sender)},
                 {"choice", to_string(*choice)},
                 {"power", u128_to_string(power)},
                 {"previous", prev ? to_string(prev->choice) : std::string{}}}};
        return std::vector<Event>{std::move(e)};
    } catch (...) {
        return err(ErrorCode::internal, "apply_vote");
    }
}

}  // namespace aif::contracts::dao
