// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// nft_ queries (SPEC §3, §6; docs/festival.md): trophies by token, owner and edition, with
// ERC-721 metadata JSON and provenance.
#include "contracts/festival_state.hpp"
#include "ledger/crypto.hpp"
#include "rpc/festival_json.hpp"
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

namespace aif::rpc::festival_json {

namespace {

namespace fest = contracts::festival;

std::string base64(std::string_view in)
{
    static constexpr char T[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const std::uint32_t n = (static_cast<std::uint8_t>(in[i]) << 16) |
                                (static_cast<std::uint8_t>(in[i + 1]) << 8) |
                                static_cast<std::uint8_t>(in[i + 2]);
        out += T[(n >> 18) & 63];
        out += T[(n >> 12) & 63];
        out += T[(n >> 6) & 63];
        out += T[n & 63];
    }
    if (i < in.size()) {
        std::uint32_t n = static_cast<std::uint8_t>(in[i]) << 16;
        if (i + 1 < in.size()) n |= static_cast<std::uint8_t>(in[i + 1]) << 8;
        out += T[(n >> 18) & 63];
        out += T[(n >> 12) & 63];
        out += i + 1 < in.size() ? T[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string xml_escape(std::string_view s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// A self-contained trophy image (SVG, as a data URI), so the metadata needs no server.
std::string trophy_image(const fest::Trophy& t)
{
    static constexpr const char* TIER_COLOURS[] = {"#d4af37", "#d4af37", "#c0c0c0",
                                                   "#cd7f32", "#8fb3c9", "#9a8fc9"};
    const char* colour = TIER_COLOURS[t.tier <= 5 ? t.tier : 5];
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\" "
        "viewBox=\"0 0 512 512\"><rect width=\"512\" height=\"512\" fill=\"#0b0b12\"/>"
        "<circle cx=\"256\" cy=\"190\" r=\"96\" fill=\"none\" stroke=\"";
    svg += colour;
    svg +=
        "\" stroke-width=\"10\"/><text x=\"256\" y=\"206\" font-family=\"serif\" "
        "font-size=\"44\" fill=\"";
    svg += colour;
    svg += "\" text-anchor=\"middle\">" + std::to_string(t.edition) +
           "</text><text x=\"256\" y=\"340\" font-family=\"sans-serif\" font-size=\"24\" "
           "fill=\"#ffffff\" text-anchor=\"middle\">" +
           xml_escape(t.award_name) +
           "</text><text x=\"256\" y=\"380\" font-family=\"sans-serif\" font-size=\"18\" "
           "fill=\"#bbbbbb\" text-anchor=\"middle\">" +
           xml_escape(t.film_title) +
           "</text><text x=\"256\" y=\"440\" font-family=\"sans-serif\" font-size=\"14\" "
           "fill=\"#888888\" text-anchor=\"middle\">Tier " +
           std::to_string(t.tier) + " · trophy #" + std::to_string(t.token_id) + "</text></svg>";
    return "data:image/svg+xml;base64," + base64(svg);
}

json provenance_json(const ledger::StateView& s, std::uint64_t token)
{
    json out = json::array();
    for (const auto& p : fest::provenance_of(s, token))
        out.push_back(
            {{"from", p.from.is_zero() ? json(nullptr) : json(ledger::to_checksum(p.from))},
             {"to", ledger::to_checksum(p.to)},
             {"height", p.height},
             {"timestamp", p.timestamp},
             {"kind", p.from.is_zero() ? "mint" : "transfer"}});
    return out;
}

}  // namespace

json trophy_metadata(const fest::Trophy& t)
{
    std::string creators;
    for (const auto& c : t.creators) {
        if (!creators.empty()) creators += ", ";
        creators += ledger::to_checksum(c);
    }
    const json mean = r2_mean(t.r2_total, t.r2_count);
    json attributes = json::array({
        {{"trait_type", "Edition"}, {"value", t.edition}},
        {{"trait_type", "Award"}, {"value", t.award_name}},
        {{"trait_type", "Award ID"}, {"value", t.award_id}},
        {{"trait_type", "Tier"}, {"value", t.tier}},
        {{"trait_type", "Film ID"}, {"value", t.film_id}},
        {{"trait_type", "Film Title"}, {"value", t.film_title}},
        {{"trait_type", "Category"}, {"value", t.category}},
        {{"trait_type", "Creators"}, {"value", creators}},
        {{"trait_type", "Content Hash"}, {"value", ledger::to_hex(t.content_hash)}},
        {{"trait_type", "R2 Mean Score"}, {"value", mean.is_null() ? json("n/a") : mean}},
        {{"trait_type", "Minted At Height"}, {"value", t.minted_height}},
    });
    return {
        {"name", t.award_name + " " + std::to_string(t.edition) + " — " + t.film_title},
        {"description", t.award_name + " (tier " + std::to_string(t.tier) +
                            " of the five-tier award pyramid) of the " + std::to_string(t.edition) +
                            " AI-native film festival edition, awarded to film #" +
                            std::to_string(t.film_id) + " \"" + t.film_title +
                            "\". Minted on aifchain at finalisation; metadata immutable."},
        {"image", trophy_image(t)},
        {"external_url", t.film_uri},
        {"attributes", attributes}};
}

void add_nft_methods(MethodTable& table, Backend& backend)
{
    add_method(table, "nft_get", [&backend](const json& params) {
        check_known_params(params, {"tokenId"});
        const std::uint64_t id = require_uint64(params, "tokenId");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            auto t = fest::load_trophy(s, id);
            auto o = fest::trophy_owner(s, id);
            if (!t || !o) not_found("token " + std::to_string(id));
            return json{{"tokenId", id},
                        {"owner", ledger::to_checksum(o->owner)},
                        {"edition", t->edition},
                        {"awardId", t->award_id},
                        {"filmId", t->film_id},
                        {"mintedHeight", t->minted_height},
                        {"mintedAt", t->minted_at},
                        {"metadata", trophy_metadata(*t)},
                        {"provenance", provenance_json(s, id)}};
        });
    });

    add_method(table, "nft_getMetadata", [&backend](const json& params) {
        check_known_params(params, {"tokenId"});
        const std::uint64_t id = require_uint64(params, "tokenId");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            auto t = fest::load_trophy(s, id);
            if (!t) not_found("token " + std::to_string(id));
            return trophy_metadata(*t);
        });
    });

    add_method(table, "nft_listByOwner", [&backend](const json& params) {
        check_known_params(params, {"owner"});
        const ledger::Address owner = require_address(params, "owner");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            return json{{"owner", ledger::to_checksum(owner)},
                        {"tokenIds", fest::trophies_of(s, owner)}};
        });
    });

    add_method(table, "nft_listByEdition", [&backend](const json& params) {
        check_known_params(params, {"edition"});
        const std::uint32_t year = require_year(params, "edition");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            (void)edition_or_throw(s, year);
            return json{{"edition", year}, {"tokenIds", fest::trophies_of_edition(s, year)}};
        });
    });
}

}  // namespace aif::rpc::festival_json
