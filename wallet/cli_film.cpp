// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Festival commands for creators and everyone (SPEC §9; docs/festival.md): film submit / get /
// list, award list, nft get / metadata / list / transfer, and the dev-chain helpers
// dev advance-time / dev mine. Jury and authority commands are in cli_film_jury.cpp.
#include "ledger/crypto.hpp"
#include "wallet/amount.hpp"
#include "wallet/cli_film_common.hpp"
#include "wallet/errors.hpp"
#include "wallet/node_api.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

namespace aif::wallet {

using nlohmann::json;
namespace fc = festival_cli;
using fc::str_of;

namespace {

std::string aif_text(const std::string& base_units)
{
    auto v = ledger::u128_from_string(base_units);
    return v ? format_amount(*v, AIF_DECIMALS) + " AIF" : base_units + " base units";
}

std::string usd_text(std::uint64_t cents)
{
    const std::uint64_t frac = cents % 100;
    std::string out = "$";
    out += std::to_string(cents / 100);
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
    return out;
}

ledger::Hash32 sha256_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error("--content-file: cannot read " + path);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return ledger::sha256(
        ledger::ByteView{reinterpret_cast<const std::uint8_t*>(data.data()), data.size()});
}

int film_submit(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "film submit",
        "film submit --from NAME --edition 2026 --title TEXT --category CATEGORY --format FORMAT\n"
        "       [--student] --ai writing=N,direction=N,generation=N,editing=N,sound=N,post=N\n"
        "       --tools TEXT (--content-hash 0x… | --content-file FILE) --uri URI [--creators A,B]",
        "Submits a film (SubmitFilm, SPEC §5). Categories: generative_cinema, "
        "interactive_narrative,\n"
        "procedural_emergent, digital_beings; formats: generative_feature, interactive_work,\n"
        "short_film. The overall AI participation (weighted mean of the six dimensions) must "
        "reach\n"
        "51 % and fall in the category's range. The fee (base fee of the format × the current\n"
        "window's multiplier, in AIF) goes to the treasury. Waits for the receipt and prints the\n"
        "film id, the fee tier and the amount (--json adds \"filmId\").",
        {"Options", 100},
        {}};
    spec.options.add_options()("edition", po::value<std::string>()->required(), "edition year")(
        "title", po::value<std::string>()->required(), "title (1–200 bytes)")(
        "category", po::value<std::string>()->required(), "competition category")(
        "format", po::value<std::string>()->required(), "format (sets the base fee)")(
        "student", po::bool_switch(), "student submission (student fee)")(
        "ai", po::value<std::string>()->required(),
        "AI participation per dimension, 0–100: writing=N,direction=N,generation=N,editing=N,"
        "sound=N,post=N")("tools", po::value<std::string>()->required(),
                          "AI tools and models used (1–1000 bytes)")(
        "content-hash", po::value<std::string>(), "sha-256 of the film file, 0x + 64 hex")(
        "content-file", po::value<std::string>(), "compute the sha-256 of this file instead")(
        "uri", po::value<std::string>()->required(), "where the film is (1–512 bytes)")(
        "creators", po::value<std::string>()->default_value(""),
        "comma-separated creator addresses or key names (default: the submitter)");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto ai = fc::parse_named_numbers(
        (*vm)["ai"].as<std::string>(), "--ai",
        {{"writing"}, {"direction"}, {"generation"}, {"editing"}, {"sound"}, {"post", "finishing"}},
        255);
    std::string hash;
    if (vm->count("content-hash") == vm->count("content-file"))
        throw usage_error("film submit: give exactly one of --content-hash and --content-file");
    if (vm->count("content-file"))
        hash = ledger::to_hex(sha256_file((*vm)["content-file"].as<std::string>()));
    else
        hash = (*vm)["content-hash"].as<std::string>();
    const TxFields fields = {
        {"edition", std::to_string(count_option(*vm, "edition", 0xffffffffULL))},
        {"title", (*vm)["title"].as<std::string>()},
        {"category", (*vm)["category"].as<std::string>()},
        {"format", (*vm)["format"].as<std::string>()},
        {"student", (*vm)["student"].as<bool>() ? "true" : "false"},
        {"creators", (*vm)["creators"].as<std::string>()},
        {"aiWriting", std::to_string(ai[0])},
        {"aiDirection", std::to_string(ai[1])},
        {"aiGeneration", std::to_string(ai[2])},
        {"aiEditing", std::to_string(ai[3])},
        {"aiSound", std::to_string(ai[4])},
        {"aiPost", std::to_string(ai[5])},
        {"tools", (*vm)["tools"].as<std::string>()},
        {"contentHash", hash},
        {"uri", (*vm)["uri"].as<std::string>()}};
    json r = fc::send(ctx, *vm, "SubmitFilm", fields, /*wait=*/true);
    if (r.value("status", "") != "committed") return report_tx(ctx, r);
    const std::string id = event_attr(r, "FilmSubmitted", "filmId");
    const std::string window = event_attr(r, "FilmSubmitted", "window");
    const std::string bps = event_attr(r, "FilmSubmitted", "multiplierBps");
    const std::string fee = event_attr(r, "FilmSubmitted", "fee");
    const std::string cents = event_attr(r, "FilmSubmitted", "feeUsdCents");
    json extra = {{"filmId", id.empty() ? json(nullptr) : json(std::stoull(id))},
                  {"window", window},
                  {"multiplierBps", bps.empty() ? json(nullptr) : json(std::stoul(bps))},
                  {"submissionFee", fee}};
    const std::string summary =
        "film " + id + " submitted (overall AI " + event_attr(r, "FilmSubmitted", "aiOverall") +
        " %): " + window + " window, fee " + aif_text(fee) + " (" +
        usd_text(cents.empty() ? 0 : std::stoull(cents)) + ", × " + bps + " bps) to the treasury";
    return report_tx(ctx, r, summary_with_hash(summary, extra));
}

std::string film_text(const json& f)
{
    std::ostringstream s;
    s << "film " << str_of(f, "filmId") << " · \"" << str_of(f, "title") << "\" · "
      << str_of(f, "status") << "\n";
    s << "  edition     " << str_of(f, "edition") << " · " << str_of(f, "category") << " · "
      << str_of(f, "format") << (f.value("student", false) ? " · student" : "") << "\n";
    s << "  submitter   " << str_of(f, "submitter") << "\n";
    s << "  creators    ";
    for (std::size_t i = 0; i < f["creators"].size(); ++i)
        s << (i ? ", " : "") << f["creators"][i].get<std::string>();
    const json& d = f["disclosure"];
    s << "\n  disclosure  writing " << str_of(d, "writing") << " · direction "
      << str_of(d, "direction") << " · generation " << str_of(d, "generation") << " · editing "
      << str_of(d, "editing") << " · sound " << str_of(d, "sound") << " · post "
      << str_of(d, "post") << " → overall " << str_of(d, "overall") << " %\n";
    s << "  tools       " << str_of(d, "tools") << "\n";
    s << "  content     " << str_of(f, "contentHash") << " · " << str_of(f, "uri") << "\n";
    const json& fee = f["feePaid"];
    s << "  fee paid    " << aif_text(str_of(fee, "amount")) << " ("
      << usd_text(fee.value("usdCents", std::uint64_t{0})) << ", " << str_of(fee, "window") << ", "
      << str_of(fee, "multiplierBps") << " bps)\n";
    s << "  R1          " << str_of(f["r1"], "reviews") << " review(s), "
      << str_of(f["r1"], "passes") << " pass → " << str_of(f["r1"], "result") << "\n";
    for (const auto& r : f["r1Reviews"])
        s << "                " << str_of(r, "juror") << " (" << str_of(r, "faction") << ") "
          << (r.value("pass", false) ? "pass" : "fail") << ", verified "
          << str_of(r, "verifiedAiPercent") << " %, ethics "
          << (r.value("ethicsOk", false) ? "ok" : "concern") << "\n";
    const json& r2 = f["r2"];
    s << "  R2          " << str_of(r2, "reveals") << "/" << str_of(r2, "commits")
      << " revealed · mean " << str_of(r2, "mean") << " · rank " << str_of(r2, "rank")
      << (r2.value("advanced", false) ? " · advanced to R3" : "") << "\n";
    s << "  R3 votes    ";
    bool any = false;
    for (auto it = f["r3Votes"].begin(); it != f["r3Votes"].end(); ++it) {
        s << (any ? ", " : "") << it.key() << " " << it.value().dump();
        any = true;
    }
    s << (any ? "" : "-") << "\n  awards      ";
    any = false;
    for (const auto& a : f["awards"]) {
        s << (any ? "; " : "") << str_of(a, "name") << " (tier " << str_of(a, "tier")
          << ") · trophy #" << str_of(a, "tokenId");
        any = true;
    }
    s << (any ? "" : "-") << "\n";
    return s.str();
}

int film_get(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"film get",
                     "film get FILM_ID",
                     "Shows a film's whole story: disclosure, fee, R1 reviews, R2 scores and mean, "
                     "R3 votes, awards (film_get).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("id", po::value<std::string>()->required(), "film id");
    spec.positional.add("id", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json f = ctx.rpc().call("film_get", {{"filmId", count_option(*vm, "id")}});
    ctx.print(f, film_text(f));
    return 0;
}

int film_list(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"film list",
                     "film list --edition 2026 [--status STATUS]",
                     "Lists an edition's films (film_list). Statuses: submitted, r1_passed, "
                     "r1_failed,\nfinalist, r2_eliminated, awarded.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("edition", po::value<std::string>()->required(), "edition year")(
        "status", po::value<std::string>(), "only films with this status");
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json params = {{"edition", count_option(*vm, "edition", 0xffffffffULL)}};
    if (vm->count("status")) params["status"] = (*vm)["status"].as<std::string>();
    json r = ctx.rpc().call("film_list", params);
    std::ostringstream s;
    for (const auto& f : r["films"])
        s << "  " << str_of(f, "filmId") << "\t" << str_of(f, "status") << "\tR2 "
          << str_of(f, "r2Mean") << "\t" << str_of(f, "category") << "\t" << str_of(f, "title")
          << "\n";
    if (r["films"].empty()) s << "no films\n";
    ctx.print(r, s.str());
    return 0;
}

int award_list(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"award list",
                     "award list --edition 2026",
                     "Lists the award catalogue with each winner and trophy (award_list).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("edition", po::value<std::string>()->required(), "edition year");
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r =
        ctx.rpc().call("award_list", {{"edition", count_option(*vm, "edition", 0xffffffffULL)}});
    std::ostringstream s;
    s << "edition " << str_of(r, "edition") << " (" << str_of(r, "phase") << ")\n";
    for (const auto& a : r["awards"]) {
        s << "  tier " << str_of(a, "tier") << "  " << str_of(a, "name") << " ["
          << str_of(a, "awardId") << "]: ";
        const std::string st = str_of(a, "status");
        if (st == "decided")
            s << "film " << str_of(a, "filmId") << ", trophy #" << str_of(a, "tokenId");
        else
            s << st;
        s << "\n";
    }
    ctx.print(r, s.str());
    return 0;
}

int nft_get(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"nft get",
                     "nft get TOKEN_ID",
                     "Shows a trophy: owner, ERC-721 metadata and provenance (nft_get).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("id", po::value<std::string>()->required(), "token id");
    spec.positional.add("id", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json t = ctx.rpc().call("nft_get", {{"tokenId", count_option(*vm, "id")}});
    std::ostringstream s;
    s << "trophy #" << str_of(t, "tokenId") << ": " << str_of(t["metadata"], "name") << "\n"
      << "  owner       " << str_of(t, "owner") << "\n"
      << "  award       " << str_of(t, "awardId") << " (edition " << str_of(t, "edition") << ")\n"
      << "  film        " << str_of(t, "filmId") << "\n"
      << "  minted at   height " << str_of(t, "mintedHeight") << "\n  provenance\n";
    for (const auto& p : t["provenance"])
        s << "    " << str_of(p, "kind") << " " << str_of(p, "from") << " → " << str_of(p, "to")
          << " at height " << str_of(p, "height") << "\n";
    ctx.print(t, s.str());
    return 0;
}

int nft_metadata(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"nft metadata",
                     "nft metadata TOKEN_ID",
                     "Prints a trophy's ERC-721 metadata JSON (nft_getMetadata).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("id", po::value<std::string>()->required(), "token id");
    spec.positional.add("id", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json m = ctx.rpc().call("nft_getMetadata", {{"tokenId", count_option(*vm, "id")}});
    ctx.print(m, m.dump(2) + "\n");  // the metadata is JSON in either mode
    return 0;
}

int nft_list(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"nft list",
                     "nft list ADDRESS_OR_NAME | nft list --edition 2026",
                     "Lists the trophies an owner holds (nft_listByOwner) or an edition minted "
                     "(nft_listByEdition).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("owner", po::value<std::string>(), "owner address or key name")(
        "edition", po::value<std::string>(), "edition year");
    spec.positional.add("owner", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    if (vm->count("owner") == vm->count("edition"))
        throw usage_error("nft list: give an owner or --edition (one of them)");
    json r;
    if (vm->count("owner"))
        r = ctx.rpc().call("nft_listByOwner",
                           {{"owner", ledger::to_checksum(ctx.resolve_address(
                                          (*vm)["owner"].as<std::string>(), "OWNER"))}});
    else
        r = ctx.rpc().call("nft_listByEdition",
                           {{"edition", count_option(*vm, "edition", 0xffffffffULL)}});
    std::string text;
    for (const auto& id : r["tokenIds"]) text += id.dump() + "\n";
    ctx.print(r, text.empty() ? "no trophies\n" : text);
    return 0;
}

int nft_transfer(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"nft transfer",
                     "nft transfer --from NAME --token TOKEN_ID --to ADDRESS_OR_NAME [--wait]",
                     "Transfers a trophy you own (TransferTrophy); the chain records it in the "
                     "token's provenance.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("token", po::value<std::string>()->required(), "token id")(
        "to", po::value<std::string>()->required(), "new owner");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::string token = std::to_string(count_option(*vm, "token"));
    const ledger::Address to = ctx.resolve_address((*vm)["to"].as<std::string>(), "--to");
    json r =
        fc::send(ctx, *vm, "TransferTrophy", {{"tokenId", token}, {"to", ledger::to_checksum(to)}});
    return report_tx(
        ctx, r,
        summary_with_hash("trophy #" + token + " transferred to " + ledger::to_checksum(to)));
}

int dev_advance_time(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "dev advance-time",
        "dev advance-time SECONDS | dev advance-time --until UNIX_TIME",
        "Moves a dev node's clock forward (dev_advanceTime; the node needs --dev). The\n"
        "next block carries the new time. --until moves it to at least UNIX_TIME.",
        {"Options", 100},
        {}};
    spec.options.add_options()("seconds", po::value<std::string>(), "seconds to add")(
        "until", po::value<std::string>(), "target chain time (Unix seconds)");
    spec.positional.add("seconds", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    if (vm->count("seconds") == vm->count("until"))
        throw usage_error("dev advance-time: give SECONDS or --until (one of them)");
    std::uint64_t seconds = 0;
    if (vm->count("seconds")) {
        seconds = count_option(*vm, "seconds");
    } else {
        const std::uint64_t target = count_option(*vm, "until");
        const json now = ctx.rpc().call("dev_advanceTime", {{"seconds", 0}});
        const auto t = static_cast<std::uint64_t>(node_uint(now.at("timestamp"), "timestamp"));
        seconds = target > t ? target - t : 0;
    }
    json r = ctx.rpc().call("dev_advanceTime", {{"seconds", seconds}});
    ctx.print(r, "chain time " + str_of(r, "timestamp") + "\n");
    return 0;
}

int dev_mine(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"dev mine",
                     "dev mine [BLOCKS]",
                     "Seals blocks now on a dev node (dev_mine; default 1, at most 1000).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("blocks", po::value<std::string>()->default_value("1"), "blocks");
    spec.positional.add("blocks", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = ctx.rpc().call("dev_mine", {{"blocks", count_option(*vm, "blocks", 1000)}});
    ctx.print(r, "height " + str_of(r, "height") + "\n");
    return 0;
}

}  // namespace

std::vector<CommandEntry> film_commands()
{
    std::vector<CommandEntry> all = {
        {"film submit", "submit a film with its AI disclosure (pays the fee)", film_submit},
        {"film get", "a film's whole story", film_get},
        {"film list", "an edition's films", film_list},
        {"award list", "the award catalogue with winners and trophies", award_list},
        {"nft get", "a trophy: owner, metadata, provenance", nft_get},
        {"nft metadata", "a trophy's ERC-721 metadata JSON", nft_metadata},
        {"nft list", "trophies of an owner or an edition", nft_list},
        {"nft transfer", "transfer a trophy you own", nft_transfer},
        {"dev advance-time", "move a dev node's clock forward", dev_advance_time},
        {"dev mine", "seal blocks now on a dev node", dev_mine},
    };
    for (auto& c : festival_cli::jury_festival_commands()) all.push_back(std::move(c));
    return all;
}

}  // namespace aif::wallet
