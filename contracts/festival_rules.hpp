// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Internal to the festival module: the rule of each transaction kind and the checks they share.
// Each apply_* runs after the common nonce/fee step and may throw only on a bug (festival.cpp
// turns that into ErrorCode::internal); on any error the executor rolls the overlay back, so a
// refused transaction changes nothing.

#include "contracts/chain_config.hpp"
#include "contracts/festival_state.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aif::contracts::festival::detail {

using Events = std::vector<ledger::Event>;
using Apply = ledger::Result<Events>;

// ---- shared checks --------------------------------------------------------------------------

/// invalid_argument with "field: rule".
[[nodiscard]] ledger::Error bad(std::string_view field, const std::string& rule);
/// The edition. Errors: not_found ("edition: no festival edition Y").
[[nodiscard]] ledger::Result<ledger::Edition> require_edition(const ledger::StateView& s,
                                                              std::uint32_t year);
/// The sender must be the festival authority. Errors: unauthorized (names the action).
[[nodiscard]] ledger::Result<void> require_authority(const ledger::StateView& s,
                                                     const ledger::Address& sender,
                                                     std::string_view action);
/// The edition must be in `phase`. Errors: wrong_phase ("<what> … (phase: …)").
[[nodiscard]] ledger::Result<void> require_phase(const ledger::StateView& s, std::uint32_t year,
                                                 Phase phase, std::string_view what);
/// The film and its tally. Errors: not_found ("filmId: no film N").
[[nodiscard]] ledger::Result<Film> require_film(const ledger::StateView& s, std::uint64_t id);
[[nodiscard]] ledger::Result<FilmTally> require_tally(const ledger::StateView& s, std::uint64_t id);
/// The sender as a juror of `year`. Errors: unauthorized ("… is not a juror of edition Y").
[[nodiscard]] ledger::Result<Juror> require_juror(const ledger::StateView& s, std::uint32_t year,
                                                  const ledger::Address& who);
/// SPEC §5: a juror never judges a film they created or declared a conflict with.
/// Errors: conflict_of_interest.
[[nodiscard]] ledger::Result<void> require_no_conflict(const ledger::StateView& s, const Film& film,
                                                       const ledger::Address& juror);

void put_phase(ledger::StateOverlay& s, std::uint32_t year, Phase p);
void put_tally(ledger::StateOverlay& s, std::uint64_t film, const FilmTally& t);
void put_juror(ledger::StateOverlay& s, const Juror& j);
void put_stats(ledger::StateOverlay& s, std::uint32_t year, const EditionStats& st);
/// Increments a u64 counter key and returns the new value. Errors: limit_exceeded at 2^64−1.
[[nodiscard]] ledger::Result<std::uint64_t> bump(ledger::StateOverlay& s, const std::string& key);
/// checked u32 increment. Errors: limit_exceeded.
[[nodiscard]] ledger::Result<std::uint32_t> inc32(std::uint32_t v, std::string_view what);

/// Typed field access on a verified festival tx.
[[nodiscard]] std::uint64_t field_u64(const ledger::VerifiedTx& vt, std::size_t i);
[[nodiscard]] const std::string& field_str(const ledger::VerifiedTx& vt, std::size_t i);
[[nodiscard]] bool field_bool(const ledger::VerifiedTx& vt, std::size_t i);
[[nodiscard]] std::string year_str(std::uint32_t year);

// ---- registry (festival_registry.cpp) -------------------------------------------------------
[[nodiscard]] Apply apply_submit_film(ledger::StateOverlay& s, const BlockContext& ctx,
                                      const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_register_juror(ledger::StateOverlay& s, const BlockContext& ctx,
                                         const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_declare_conflict(ledger::StateOverlay& s, const BlockContext& ctx,
                                           const ledger::VerifiedTx& vt);

// ---- rounds (festival_rounds.cpp) -----------------------------------------------------------
[[nodiscard]] Apply apply_open_round(ledger::StateOverlay& s, const BlockContext& ctx,
                                     const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_open_r2_reveal(ledger::StateOverlay& s, const BlockContext& ctx,
                                         const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_close_round(ledger::StateOverlay& s, const BlockContext& ctx,
                                      const ledger::VerifiedTx& vt);

// ---- reviews and votes (festival_review.cpp) ------------------------------------------------
[[nodiscard]] Apply apply_r1_review(ledger::StateOverlay& s, const BlockContext& ctx,
                                    const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_r2_commit(ledger::StateOverlay& s, const BlockContext& ctx,
                                    const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_r2_reveal(ledger::StateOverlay& s, const BlockContext& ctx,
                                    const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_r3_vote(ledger::StateOverlay& s, const BlockContext& ctx,
                                  const ledger::VerifiedTx& vt);

// ---- awards (festival_award.cpp) ------------------------------------------------------------
[[nodiscard]] Apply apply_finalize_edition(ledger::StateOverlay& s, const BlockContext& ctx,
                                           const ledger::VerifiedTx& vt);
[[nodiscard]] Apply apply_settle_dao_award(ledger::StateOverlay& s, const BlockContext& ctx,
                                           const ledger::VerifiedTx& vt);

// ---- trophies (festival_nft.cpp) ------------------------------------------------------------
/// SPEC §6: mints the trophy of `award` (catalogue index `index`) for `film` to the film's
/// submitter, with immutable metadata, provenance entry 0 and the owner index. Returns the
/// token id and appends a TrophyMinted event.
[[nodiscard]] ledger::Result<std::uint64_t> mint_trophy(ledger::StateOverlay& s,
                                                        const BlockContext& ctx,
                                                        const ledger::AwardDef& award,
                                                        std::uint32_t edition, const Film& film,
                                                        const FilmTally& tally, Events& events);
[[nodiscard]] Apply apply_transfer_trophy(ledger::StateOverlay& s, const BlockContext& ctx,
                                          const ledger::VerifiedTx& vt);

}  // namespace aif::contracts::festival::detail
