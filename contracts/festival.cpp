// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The festival module's entry point (dispatch by kind), the checks its rules share and the
// cross-module seams. Rules: festival_registry.cpp, festival_rounds.cpp, festival_review.cpp,
// festival_award.cpp, festival_nft.cpp; docs/festival.md.
#include "contracts/festival.hpp"

#include "contracts/festival_keys.hpp"
#include "contracts/festival_rules.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_festival.hpp"

namespace aif::contracts::festival {

using namespace ledger;

namespace detail {

Error bad(std::string_view field, const std::string& rule)
{
    return err(ErrorCode::invalid_argument, std::string{field} + ": " + rule);
}

std::string year_str(std::uint32_t year)
{
    return std::to_string(year);
}

Result<Edition> require_edition(const StateView& s, std::uint32_t year)
{
    auto e = load_edition(s, year);
    if (!e) return err(ErrorCode::not_found, "edition: no festival edition " + year_str(year));
    return std::move(*e);
}

Result<void> require_authority(const StateView& s, const Address& sender, std::string_view action)
{
    AIF_TRY(cfg, read_chain_config(s));
    if (sender != cfg.authority)
        return err(ErrorCode::unauthorized,
                   std::string{action} + " is for the festival authority " +
                       to_checksum(cfg.authority) + ", not " + to_checksum(sender));
    return ok();
}

Result<void> require_phase(const StateView& s, std::uint32_t year, Phase phase,
                           std::string_view what)
{
    const Phase now = phase_of(s, year);
    if (now != phase)
        return err(ErrorCode::wrong_phase, std::string{what} + " (edition " + year_str(year) +
                                               " is in phase " + std::string{to_string(now)} +
                                               ", needs " + std::string{to_string(phase)} + ")");
    return ok();
}

Result<Film> require_film(const StateView& s, std::uint64_t id)
{
    auto f = load_film(s, id);
    if (!f) return err(ErrorCode::not_found, "filmId: no film " + std::to_string(id));
    return std::move(*f);
}

Result<FilmTally> require_tally(const StateView& s, std::uint64_t id)
{
    auto t = load_tally(s, id);
    if (!t) return err(ErrorCode::internal, "film " + std::to_string(id) + " has no tally");
    return *t;
}

Result<Juror> require_juror(const StateView& s, std::uint32_t year, const Address& who)
{
    auto j = load_juror(s, year, who);
    if (!j)
        return err(ErrorCode::unauthorized,
                   to_checksum(who) + " is not a juror of edition " + year_str(year));
    return *j;
}

Result<void> require_no_conflict(const StateView& s, const Film& film, const Address& juror)
{
    // SPEC §5: a juror never reviews a film they created (submitter or declared creator).
    if (film.is_creator(juror))
        return err(
            ErrorCode::conflict_of_interest,
            "juror " + to_checksum(juror) + " is a creator of film " + std::to_string(film.id));
    if (has_conflict(s, film.id, juror))
        return err(ErrorCode::conflict_of_interest, "juror " + to_checksum(juror) +
                                                        " declared a conflict with film " +
                                                        std::to_string(film.id));
    return ok();
}

void put_phase(StateOverlay& s, std::uint32_t year, Phase p)
{
    s.put(keys::phase(year), std::string(1, static_cast<char>(p)));
}

void put_tally(StateOverlay& s, std::uint64_t film, const FilmTally& t)
{
    s.put(keys::film_tally(film), encode_tally(t));
}

void put_juror(StateOverlay& s, const Juror& j)
{
    s.put(keys::juror(j.edition, j.address), encode_juror(j));
}

void put_stats(StateOverlay& s, std::uint32_t year, const EditionStats& st)
{
    std::string v = encode_u64(st.films) + keys::be32(st.jurors);
    s.put(keys::edition_stats(year), std::move(v));
}

Result<std::uint64_t> bump(StateOverlay& s, const std::string& key)
{
    std::uint64_t v = 0;
    if (auto raw = s.get(key)) v = decode_u64(*raw).value_or(0);
    auto next = checked_add_u64(v, 1);
    if (!next) return err(ErrorCode::limit_exceeded, key + " counter exhausted");
    s.put(key, encode_u64(*next));
    return *next;
}

Result<std::uint32_t> inc32(std::uint32_t v, std::string_view what)
{
    if (v == ~std::uint32_t{0}) return err(ErrorCode::limit_exceeded, std::string{what} + " count");
    return v + 1;
}

std::uint64_t field_u64(const VerifiedTx& vt, std::size_t i)
{
    return vt.tx.get<std::uint64_t>(i);
}
const std::string& field_str(const VerifiedTx& vt, std::size_t i)
{
    return vt.tx.get<std::string>(i);
}
bool field_bool(const VerifiedTx& vt, std::size_t i)
{
    return vt.tx.get<std::uint64_t>(i) != 0;
}

}  // namespace detail

Result<std::vector<Event>> apply_tx(StateOverlay& s, const BlockContext& ctx,
                                    const VerifiedTx& vt) noexcept
{
    namespace f = festival_tx;
    using namespace detail;
    try {
        const TxKind k = vt.tx.type->kind;
        if (k == f::SUBMIT_FILM) return apply_submit_film(s, ctx, vt);
        if (k == f::REGISTER_JUROR) return apply_register_juror(s, ctx, vt);
        if (k == f::DECLARE_CONFLICT) return apply_declare_conflict(s, ctx, vt);
        if (k == f::OPEN_ROUND) return apply_open_round(s, ctx, vt);
        if (k == f::OPEN_R2_REVEAL) return apply_open_r2_reveal(s, ctx, vt);
        if (k == f::CLOSE_ROUND) return apply_close_round(s, ctx, vt);
        if (k == f::R1_REVIEW) return apply_r1_review(s, ctx, vt);
        if (k == f::R2_COMMIT) return apply_r2_commit(s, ctx, vt);
        if (k == f::R2_REVEAL) return apply_r2_reveal(s, ctx, vt);
        if (k == f::R3_VOTE) return apply_r3_vote(s, ctx, vt);
        if (k == f::FINALIZE_EDITION) return apply_finalize_edition(s, ctx, vt);
        if (k == f::SETTLE_DAO_AWARD) return apply_settle_dao_award(s, ctx, vt);
        if (k == f::TRANSFER_TROPHY) return apply_transfer_trophy(s, ctx, vt);
        return err(ErrorCode::unknown_tx_type, std::string{vt.tx.type->name});
    } catch (...) {
        return err(ErrorCode::internal, "festival apply");
    }
}

std::optional<Address> film_submitter(const StateView& s, std::uint64_t film_id)
{
    try {
        auto f = load_film(s, film_id);
        if (!f) return std::nullopt;
        return f->submitter;
    } catch (...) {
        return std::nullopt;
    }
}

std::vector<std::uint64_t> r2_shortlist(const StateView& s, std::uint32_t edition)
{
    std::vector<std::uint64_t> out;
    try {
        // SPEC §5: the films that advanced from R2; the index exists only once R2 has closed.
        const std::string prefix = keys::shortlist(edition);
        s.scan(prefix, [&](std::string_view k, std::string_view) {
            if (auto id = decode_u64(k.substr(prefix.size()))) out.push_back(*id);
            return true;
        });
    } catch (...) {
        out.clear();
    }
    return out;
}

}  // namespace aif::contracts::festival
