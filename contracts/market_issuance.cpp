// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// FilmToken issuance (SPEC §8): the film's submitter, once per film, a unique symbol and a
// fixed supply of whole shares minted to them.
#include "contracts/festival.hpp"
#include "contracts/market.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"

namespace aif::contracts::market {

using namespace ledger;

namespace {

/// SPEC §8 symbol rule (docs/market.md): 2–12 characters of A–Z and 0–9, the first a letter.
/// Upper case only, so symbols never differ by case alone; never "AIF".
std::optional<std::string> symbol_problem(std::string_view symbol)
{
    if (symbol.size() < 2 || symbol.size() > 12) return "must be 2 to 12 characters";
    if (symbol[0] < 'A' || symbol[0] > 'Z') return "must start with a letter A-Z";
    for (char c : symbol)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return "may contain only A-Z and 0-9";
    return std::nullopt;
}

}  // namespace

Result<std::vector<Event>> apply_issue(StateOverlay& s, const BlockContext& ctx,
                                       const Address& sender, std::uint64_t film_id,
                                       std::string_view symbol, u128 supply) noexcept
{
    try {
        const std::string film = std::to_string(film_id);
        // SPEC §8: only the film's submitter may issue its shares.
        auto submitter = festival::film_submitter(s, film_id);
        if (!submitter) return err(ErrorCode::not_found, "filmId: no film " + film);
        if (*submitter != sender)
            return err(ErrorCode::unauthorized, "filmId: only film " + film + "'s submitter " +
                                                    to_checksum(*submitter) +
                                                    " may issue its shares");
        return issue_shares(s, ctx, sender, film_id, symbol, supply);
    } catch (...) {
        return err(ErrorCode::internal, "apply_issue");
    }
}

Result<std::vector<Event>> issue_shares(StateOverlay& s, const BlockContext& ctx,
                                        const Address& issuer, std::uint64_t film_id,
                                        std::string_view symbol, u128 supply) noexcept
{
    try {
        const std::string film = std::to_string(film_id);
        const std::string sym{symbol};
        // SPEC §8: "once" — one FilmToken per film, whatever its symbol.
        if (auto issued = symbol_of_film(s, film_id))
            return err(ErrorCode::already_exists,
                       "filmId: film " + film + " already issued its shares as " + *issued);
        if (auto why = symbol_problem(symbol))
            return err(ErrorCode::invalid_argument, "symbol: '" + sym + "' " + *why);
        if (symbol == AIF || token::asset_info(s, symbol))
            return err(ErrorCode::already_exists, "symbol: " + sym + " is already an asset");
        if (supply == 0) return err(ErrorCode::invalid_amount, "supply: must be positive");

        AIF_CHECK(token::register_asset(s, symbol, token::AssetInfo{0, film}));
        AIF_CHECK(token::mint(s, ctx, symbol, issuer, supply));
        AssetRecord rec{sym, film_id, issuer, supply, ctx.height, ctx.timestamp};
        s.put(mkeys::asset(symbol), encode_asset(rec));
        s.put(mkeys::film(film_id), sym);
        return std::vector<Event>{Event{"SharesIssued",
                                        {{"filmId", film},
                                         {"asset", sym},
                                         {"issuer", to_hex(issuer)},
                                         {"supply", u128_to_string(supply)}}}};
    } catch (...) {
        return err(ErrorCode::internal, "issue_shares");
    }
}

}  // namespace aif::contracts::market
