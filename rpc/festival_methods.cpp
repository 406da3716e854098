// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// festival_, film_, jury_, award_ queries (SPEC §3, §5; docs/festival.md). Each runs inside
// Backend::read_state over the committed head and shapes the festival contract's records.
// nft_ queries are in festival_nft_methods.cpp.
#include "contracts/festival.hpp"
#include "contracts/festival_state.hpp"
#include "ledger/crypto.hpp"
#include "rpc/festival_json.hpp"
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

namespace aif::rpc {

namespace festival_json {

namespace fest = contracts::festival;
using ledger::u128_to_string;

void not_found(const std::string& what)
{
    throw RpcError(code::NOT_FOUND, what + " not found");
}

ledger::Edition edition_or_throw(const ledger::StateView& s, std::uint32_t year)
{
    auto e = fest::load_edition(s, year);
    if (!e) not_found("edition " + std::to_string(year));
    return std::move(*e);
}

std::uint32_t require_year(const json& params, std::string_view name)
{
    const std::uint64_t v = require_uint64(params, name);
    if (v > 0xffffffffULL)
        throw invalid_params("'" + std::string{name} + "' is out of range", name);
    return static_cast<std::uint32_t>(v);
}

json r2_mean(std::uint64_t total, std::uint32_t count)
{
    if (count == 0) return nullptr;
    return fest::format_hundredths(total, std::uint64_t{count} * 4);
}

namespace {

json addresses(const std::vector<ledger::Address>& v)
{
    json a = json::array();
    for (const auto& x : v) a.push_back(ledger::to_checksum(x));
    return a;
}

std::string faction_of(const ledger::StateView& s, std::uint32_t year, const ledger::Address& a)
{
    auto j = fest::load_juror(s, year, a);
    return j ? std::string{fest::to_string(j->faction)} : "";
}

json disclosure_json(const fest::Film& f, const ledger::Edition& ed)
{
    json d = json::object();
    for (std::size_t i = 0; i < fest::DIMENSIONS.size(); ++i)
        d[std::string{fest::DIMENSIONS[i]}] = f.ai[i];
    d["overall"] = fest::format_hundredths(f.ai_overall_bps, 100);
    d["overallBps"] = f.ai_overall_bps;
    json w = json::object();
    for (std::size_t i = 0; i < fest::DIMENSIONS.size() && i < ed.dimension_weights.size(); ++i)
        w[std::string{fest::DIMENSIONS[i]}] = ed.dimension_weights[i];
    d["weights"] = w;
    d["tools"] = f.tools;
    return d;
}

}  // namespace

json film_summary(const fest::Film& f, const fest::FilmTally& t)
{
    return {{"filmId", f.id},
            {"title", f.title},
            {"status", fest::to_string(t.status)},
            {"category", f.category},
            {"format", f.format},
            {"student", f.student},
            {"submitter", ledger::to_checksum(f.submitter)},
            {"r2Mean", r2_mean(t.r2_total, t.r2_reveals)},
            {"r2Rank", t.r2_rank == 0 ? json(nullptr) : json(t.r2_rank)}};
}

json film_json(const ledger::StateView& s, const fest::Film& f)
{
    const ledger::Edition ed = edition_or_throw(s, f.edition);
    const fest::FilmTally t = fest::load_tally(s, f.id).value_or(fest::FilmTally{});
    json j = film_summary(f, t);
    j["edition"] = f.edition;
    j["creators"] = addresses(f.creators);
    j["disclosure"] = disclosure_json(f, ed);
    j["contentHash"] = ledger::to_hex(f.content_hash);
    j["uri"] = f.uri;
    j["submittedAt"] = f.submitted_at;
    j["submittedHeight"] = f.height;
    j["feePaid"] = {{"asset", "AIF"},
                    {"amount", u128_to_string(f.fee_paid)},
                    {"window", f.window},
                    {"multiplierBps", f.multiplier_bps},
                    {"usdCents", f.fee_usd_cents}};

    json r1 = json::array();
    for (const auto& r : fest::r1_reviews_of(s, f.id))
        r1.push_back({{"juror", ledger::to_checksum(r.juror)},
                      {"faction", faction_of(s, f.edition, r.juror)},
                      {"pass", r.pass},
                      {"verifiedAiPercent", r.verified_ai},
                      {"ethicsOk", r.ethics_ok},
                      {"height", r.height}});
    j["r1Reviews"] = r1;
    json r1_result = nullptr;
    if (t.status != fest::FilmStatus::submitted)
        r1_result = t.status == fest::FilmStatus::r1_failed ? "failed" : "passed";
    j["r1"] = {{"reviews", t.r1_reviews}, {"passes", t.r1_passes}, {"result", r1_result}};

    json scores = json::array();
    for (const auto& e : fest::r2_entries_of(s, f.id)) {
        json x = {{"juror", ledger::to_checksum(e.juror)},
                  {"faction", faction_of(s, f.edition, e.juror)},
                  {"commitment", ledger::to_hex(e.commitment)},
                  {"revealed", e.revealed}};
        if (e.revealed) {
            for (std::size_t i = 0; i < fest::AXES.size(); ++i)
                x[std::string{fest::AXES[i]}] = e.scores[i];
        }
        scores.push_back(std::move(x));
    }
    json axis = json::object();
    for (std::size_t i = 0; i < fest::AXES.size(); ++i)
        axis[std::string{fest::AXES[i]}] =
            t.r2_reveals ? json(fest::format_hundredths(t.r2_axis[i], t.r2_reveals))
                         : json(nullptr);
    j["r2"] = {{"commits", t.r2_commits},
               {"reveals", t.r2_reveals},
               {"mean", r2_mean(t.r2_total, t.r2_reveals)},
               {"axisMeans", axis},
               {"rank", t.r2_rank == 0 ? json(nullptr) : json(t.r2_rank)},
               {"advanced",
                t.status == fest::FilmStatus::finalist || t.status == fest::FilmStatus::awarded},
               {"scores", scores}};

    json votes = json::object();
    std::uint64_t total = 0;
    for (const auto& [idx, n] : fest::r3_votes_of(s, ed, f.id)) {
        votes[ed.awards[idx].id] = n;
        total += n;
    }
    j["r3Votes"] = votes;
    j["r3VoteCount"] = total;

    json awards = json::array();
    json top = nullptr;
    for (const auto& a : fest::awards_of(s, ed)) {
        if (a.result.status != fest::AwardStatus::decided || a.result.film_id != f.id) continue;
        json x = {{"awardId", a.def.id},
                  {"name", a.def.name},
                  {"tier", a.def.tier},
                  {"tokenId", a.result.token_id}};
        if (top.is_null() || a.def.tier < top["tier"].get<std::uint32_t>()) top = x;
        awards.push_back(std::move(x));
    }
    j["awards"] = awards;
    j["award"] = top;
    return j;
}

}  // namespace festival_json

namespace {

namespace fest = contracts::festival;
using namespace festival_json;

json award_entry_json(const fest::AwardEntry& a)
{
    const bool decided = a.result.status == fest::AwardStatus::decided;
    return {{"awardId", a.def.id},
            {"name", a.def.name},
            {"tier", a.def.tier},
            {"kind", a.def.kind},
            {"status", fest::to_string(a.result.status)},
            {"filmId", decided ? json(a.result.film_id) : json(nullptr)},
            {"tokenId", decided ? json(a.result.token_id) : json(nullptr)},
            {"votes", a.result.votes}};
}

json juror_json(const fest::Juror& j)
{
    return {{"address", ledger::to_checksum(j.address)},
            {"edition", j.edition},
            {"faction", fest::to_string(j.faction)},
            {"core", j.core},
            {"registeredHeight", j.registered_height},
            {"r1Reviews", j.r1_reviews},
            {"r2Commits", j.r2_commits},
            {"r2Reveals", j.r2_reveals},
            {"r3Votes", j.r3_votes},
            {"conflicts", j.conflicts}};
}

json edition_json(const ledger::StateView& s, const ledger::Edition& ed, std::uint64_t now)
{
    json windows = json::array();
    for (const auto& w : ed.windows)
        windows.push_back({{"name", w.name},
                           {"start", w.start},
                           {"end", w.end},
                           {"multiplierBps", w.multiplier_bps}});
    json fees = json::array();
    for (const auto& f : ed.fees)
        fees.push_back({{"format", f.format},
                        {"usdCents", f.usd_cents},
                        {"studentUsdCents", f.student_usd_cents}});
    json cats = json::array();
    for (const auto& c : ed.categories)
        cats.push_back({{"id", c.id},
                        {"name", c.name},
                        {"minAiPercent", c.min_ai_percent},
                        {"maxAiPercent", c.max_ai_percent}});
    json weights = json::object();
    for (std::size_t i = 0; i < fest::DIMENSIONS.size() && i < ed.dimension_weights.size(); ++i)
        weights[std::string{fest::DIMENSIONS[i]}] = ed.dimension_weights[i];
    const auto stats = fest::edition_stats(s, ed.year);
    const auto phase = fest::phase_of(s, ed.year);
    const auto w = fest::window_at(ed, now);
    return {{"edition", ed.year},
            {"phase", fest::to_string(phase)},
            {"openWindow",
             (w && phase == fest::Phase::submission) ? json(ed.windows[*w].name) : json(nullptr)},
            {"windows", windows},
            {"fees", fees},
            {"aifPerUsdCent", u128_to_string(ed.aif_per_usd_cent)},
            {"categories", cats},
            {"dimensionWeights", weights},
            {"r2AdvancePercent", ed.r2_advance_percent},
            {"awardCount", ed.awards.size()},
            {"films", stats.films},
            {"jurors", stats.jurors},
            {"shortlist", fest::r2_shortlist(s, ed.year)}};
}

}  // namespace

void add_festival_methods(MethodTable& table, Backend& backend)
{
    add_method(table, "festival_getEdition", [&backend](const json& params) {
        check_known_params(params, {"edition"});
        const std::uint32_t year = require_year(params, "edition");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo& head) {
            return edition_json(s, edition_or_throw(s, year), head.timestamp);
        });
    });

    add_method(table, "film_get", [&backend](const json& params) {
        check_known_params(params, {"filmId"});
        const std::uint64_t id = require_uint64(params, "filmId");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            auto f = fest::load_film(s, id);
            if (!f) not_found("film " + std::to_string(id));
            return film_json(s, *f);
        });
    });

    add_method(table, "film_getByHash", [&backend](const json& params) {
        check_known_params(params, {"contentHash"});
        const ledger::Hash32 h = require_hash32(params, "contentHash");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            auto id = fest::film_by_hash(s, h);
            auto f = id ? fest::load_film(s, *id) : std::nullopt;
            if (!f) not_found("film with content hash " + ledger::to_hex(h));
            return film_json(s, *f);
        });
    });

    add_method(table, "film_list", [&backend](const json& params) {
        check_known_params(params, {"edition", "status"});
        const std::uint32_t year = require_year(params, "edition");
        std::optional<fest::FilmStatus> status;
        if (auto st = optional_string(params, "status")) {
            status = fest::film_status_from(*st);
            if (!status)
                throw invalid_params(
                    "'status' must be one of submitted, r1_passed, r1_failed, "
                    "finalist, r2_eliminated, awarded",
                    "status");
        }
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            (void)edition_or_throw(s, year);
            json films = json::array();
            for (std::uint64_t id : fest::films_of_edition(s, year)) {
                auto f = fest::load_film(s, id);
                auto t = fest::load_tally(s, id);
                if (!f || !t) continue;
                if (status && t->status != *status) continue;
                films.push_back(film_summary(*f, *t));
            }
            return json{{"edition", year}, {"films", films}};
        });
    });

    add_method(table, "award_list", [&backend](const json& params) {
        check_known_params(params, {"edition"});
        const std::uint32_t year = require_year(params, "edition");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            const ledger::Edition ed = edition_or_throw(s, year);
            json awards = json::array();
            for (const auto& a : fest::awards_of(s, ed)) awards.push_back(award_entry_json(a));
            return json{{"edition", year},
                        {"phase", fest::to_string(fest::phase_of(s, year))},
                        {"awards", awards}};
        });
    });

    add_method(table, "jury_get", [&backend](const json& params) {
        check_known_params(params, {"edition", "address"});
        const std::uint32_t year = require_year(params, "edition");
        const ledger::Address who = require_address(params, "address");
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            (void)edition_or_throw(s, year);
            auto j = fest::load_juror(s, year, who);
            if (!j)
                not_found("juror " + ledger::to_checksum(who) + " of edition " +
                          std::to_string(year));
            return juror_json(*j);
        });
    });

    add_method(table, "jury_list", [&backend](const json& params) {
        check_known_params(params, {"edition", "faction"});
        const std::uint32_t year = require_year(params, "edition");
        std::optional<fest::Faction> faction;
        if (auto f = optional_string(params, "faction")) {
            faction = fest::faction_from(*f);
            if (!faction)
                throw invalid_params("'faction' must be one of art, technology, ethics, community",
                                     "faction");
        }
        return backend.read_state([&](const ledger::StateView& s, const HeadInfo&) {
            (void)edition_or_throw(s, year);
            json jurors = json::array();
            for (const auto& j : fest::jurors_of_edition(s, year))
                if (!faction || j.faction == *faction) jurors.push_back(juror_json(j));
            return json{{"edition", year}, {"jurors", jurors}};
        });
    });

    // A helper for clients that do not hash themselves: the SPEC §5 R2 commitment of a score.
    add_method(table, "jury_r2Commitment", [](const json& params) {
        check_known_params(params,
                           {"filmId", "juror", "technologicalInnovation", "artisticAchievement",
                            "commercialValue", "socialImpact", "salt"});
        const std::uint64_t film = require_uint64(params, "filmId");
        const ledger::Address juror = require_address(params, "juror");
        std::array<std::uint8_t, 4> scores{};
        for (std::size_t i = 0; i < fest::AXES.size(); ++i) {
            const std::uint64_t v = require_uint64(params, fest::AXES[i]);
            if (v > fest::MAX_AXIS_SCORE)
                throw invalid_params("'" + std::string{fest::AXES[i]} + "' must be 0..10",
                                     fest::AXES[i]);
            scores[i] = static_cast<std::uint8_t>(v);
        }
        const ledger::Hash32 salt = require_hash32(params, "salt");
        return json{{"commitment", ledger::to_hex(fest::r2_commitment(film, juror, scores, salt))}};
    });

    festival_json::add_nft_methods(table, backend);
}

}  // namespace aif::rpc
