// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Trophy NFTs (SPEC §6): minted only by finalisation, immutable metadata, transferable by
// their owner, every transfer kept as provenance.
#include "contracts/festival_keys.hpp"
#include "contracts/festival_rules.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_festival.hpp"

namespace aif::contracts::festival::detail {

using namespace ledger;

namespace {

void put_owner(StateOverlay& s, std::uint64_t token, const TrophyOwner& o)
{
    s.put(keys::trophy_owner(token), encode_owner(o));
}

}  // namespace

Result<std::uint64_t> mint_trophy(StateOverlay& s, const BlockContext& ctx, const AwardDef& award,
                                  std::uint32_t edition, const Film& film, const FilmTally& tally,
                                  Events& events)
{
    AIF_TRY(token, bump(s, keys::LAST_TOKEN));
    Trophy t;
    t.token_id = token;
    t.edition = edition;
    t.award_id = award.id;
    t.award_name = award.name;
    t.tier = award.tier;
    t.film_id = film.id;
    t.film_title = film.title;
    t.creators = film.creators;
    t.content_hash = film.content_hash;
    t.film_uri = film.uri;
    t.category = film.category;
    t.r2_total = tally.r2_total;
    t.r2_count = tally.r2_reveals;
    t.minted_height = ctx.height;
    t.minted_at = ctx.timestamp;
    // SPEC §6: metadata is written once here and never again.
    s.put(keys::trophy(token), encode_trophy(t));
    const ProvenanceEntry mint{Address{}, film.submitter, ctx.height, ctx.timestamp};
    s.put(keys::provenance(token, 0), encode_provenance(mint));
    put_owner(s, token, TrophyOwner{film.submitter, 1});
    s.put(keys::owned(film.submitter, token), "");
    events.push_back(Event{"TrophyMinted",
                           {{"tokenId", std::to_string(token)},
                            {"edition", year_str(edition)},
                            {"awardId", award.id},
                            {"filmId", std::to_string(film.id)},
                            {"owner", to_checksum(film.submitter)}}});
    return token;
}

Apply apply_transfer_trophy(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    namespace F = festival_tx::transfer_trophy;
    const std::uint64_t token = field_u64(vt, F::TOKEN_ID);
    const Address to = vt.tx.get<Address>(F::TO);
    auto owner = trophy_owner(s, token);
    if (!owner) return err(ErrorCode::not_found, "tokenId: no trophy " + std::to_string(token));
    // SPEC §6: only the owner transfers a trophy.
    if (owner->owner != vt.sender)
        return err(ErrorCode::unauthorized, "trophy " + std::to_string(token) + " is owned by " +
                                                to_checksum(owner->owner) + ", not " +
                                                to_checksum(vt.sender));
    if (to.is_zero()) return bad("to", "the zero address cannot own a trophy");
    if (to == owner->owner)
        return bad("to", "already the owner of trophy " + std::to_string(token));
    AIF_TRY(seq, inc32(owner->entries, "provenance"));
    // SPEC §6: the chain keeps each token's provenance; entry k is the k-th transfer.
    s.put(keys::provenance(token, owner->entries),
          encode_provenance({owner->owner, to, ctx.height, ctx.timestamp}));
    s.erase(keys::owned(owner->owner, token));
    s.put(keys::owned(to, token), "");
    put_owner(s, token, TrophyOwner{to, seq});
    return Events{Event{"TrophyTransferred",
                        {{"tokenId", std::to_string(token)},
                         {"from", to_checksum(vt.sender)},
                         {"to", to_checksum(to)}}}};
}

}  // namespace aif::contracts::festival::detail
