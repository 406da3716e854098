// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Jury and authority commands (SPEC §5, §9; docs/festival.md): jury register / conflict / r1 /
// r2-commit / r2-reveal / r3-vote / get / list, festival edition / open-round / open-reveal /
// close-round / finalize / settle-dao-award. R2 salts are kept in the keystore directory
// (r2-salts/, files 0600) between commit and reveal.
#include "ledger/crypto.hpp"
#include "wallet/cli_film_common.hpp"
#include "wallet/errors.hpp"

#include <cryptopp/osrng.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace aif::wallet::festival_cli {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::vector<std::vector<std::string>> AXIS_NAMES = {{"innovation", "technologicalInnovation"},
                                                          {"artistic", "artisticAchievement"},
                                                          {"commercial", "commercialValue"},
                                                          {"social", "socialImpact"}};
const std::array<const char*, 4> AXIS_FIELDS = {"technologicalInnovation", "artisticAchievement",
                                                "commercialValue", "socialImpact"};

std::string year_of(const po::variables_map& vm)
{
    return std::to_string(count_option(vm, "edition", 0xffffffffULL));
}

void add_edition(CommandSpec& spec)
{
    spec.options.add_options()("edition", po::value<std::string>()->required(), "edition year");
}

std::string utc(std::uint64_t t)
{
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%SZ", &tm);
    return buf;
}

// ---- R2 salts -------------------------------------------------------------------------------

/// SPEC §5 R2 commitment, as the chain computes it (contracts/festival_state.hpp): keccak256 of
/// be64(filmId) ‖ juror ‖ four u8 scores ‖ salt. Computed here so scores never leave the wallet
/// before the reveal.
ledger::Hash32 commitment_of(std::uint64_t film, const ledger::Address& juror,
                             const std::vector<std::uint64_t>& scores, const ledger::Hash32& salt)
{
    ledger::Bytes buf;
    ledger::put_be64(buf, film);
    buf.insert(buf.end(), juror.bytes.begin(), juror.bytes.end());
    for (auto s : scores) buf.push_back(static_cast<std::uint8_t>(s));
    buf.insert(buf.end(), salt.bytes.begin(), salt.bytes.end());
    return ledger::keccak256(ledger::ByteView{buf});
}

fs::path salt_file(const CliContext& ctx, std::uint64_t film, const ledger::Address& juror)
{
    std::string hex = ledger::to_hex(juror).substr(2);
    return ctx.keys().path() / "r2-salts" / ("film-" + std::to_string(film) + "-" + hex + ".json");
}

void write_private(const fs::path& p, const std::string& data)
{
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    ::chmod(p.parent_path().c_str(), 0700);
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) throw failure("cannot write " + p.string() + ": " + std::strerror(errno));
    const bool ok = ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || !synced) throw failure("cannot write " + p.string());
}

ledger::Hash32 parse_salt(const std::string& text)
{
    auto s = ledger::fixed_from_hex<32>(text);
    if (!s) throw usage_error("--salt: '" + text + "' is not 0x + 64 hex digits");
    return *s;
}

// ---- jury -----------------------------------------------------------------------------------

int jury_register(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "jury register",
        "jury register --from AUTHORITY --edition 2026 --juror ADDRESS_OR_NAME "
        "--faction FACTION [--core]",
        "Registers a juror (RegisterJuror; the festival authority only). Factions: art,\n"
        "technology, ethics, community. --core: member of the core committee (R3).",
        {"Options", 100},
        {}};
    add_edition(spec);
    spec.options.add_options()("juror", po::value<std::string>()->required(), "juror")(
        "faction", po::value<std::string>()->required(), "art|technology|ethics|community")(
        "core", po::bool_switch(), "core-committee member (votes in R3)");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto juror = ctx.resolve_address((*vm)["juror"].as<std::string>(), "--juror");
    const std::string faction = (*vm)["faction"].as<std::string>();
    json r = send(ctx, *vm, "RegisterJuror",
                  {{"edition", year_of(*vm)},
                   {"juror", ledger::to_checksum(juror)},
                   {"faction", faction},
                   {"core", (*vm)["core"].as<bool>() ? "true" : "false"}});
    return report_tx(ctx, r,
                     summary_with_hash("juror " + ledger::to_checksum(juror) + " registered (" +
                                       faction + ((*vm)["core"].as<bool>() ? ", core" : "") + ")"));
}

int jury_conflict(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "jury conflict",
        "jury conflict --from JUROR --film FILM_ID",
        "Declares a conflict of interest with a film (DeclareConflict): the juror will "
        "not\nreview, score or vote for it. Must come before any review of it.",
        {"Options", 100},
        {}};
    spec.options.add_options()("film", po::value<std::string>()->required(), "film id");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::string film = std::to_string(count_option(*vm, "film"));
    json r = send(ctx, *vm, "DeclareConflict", {{"filmId", film}});
    return report_tx(ctx, r, summary_with_hash("conflict with film " + film + " declared"));
}

int jury_r1(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "jury r1",
        "jury r1 --from JUROR --film FILM_ID --verdict pass|fail --verified-ai N "
        "--ethics ok|concern",
        "Records an R1 review (R1Review; technology and ethics jurors). A pass needs\n"
        "--ethics ok and a verified AI participation within the film's category range.",
        {"Options", 100},
        {}};
    spec.options.add_options()("film", po::value<std::string>()->required(), "film id")(
        "verdict", po::value<std::string>()->required(), "pass or fail")(
        "verified-ai", po::value<std::string>()->required(), "verified AI participation, 0–100")(
        "ethics", po::value<std::string>()->required(), "ok or concern");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::string verdict = (*vm)["verdict"].as<std::string>();
    const std::string ethics = (*vm)["ethics"].as<std::string>();
    if (verdict != "pass" && verdict != "fail") throw usage_error("--verdict: pass or fail");
    if (ethics != "ok" && ethics != "concern") throw usage_error("--ethics: ok or concern");
    const std::string film = std::to_string(count_option(*vm, "film"));
    json r = send(ctx, *vm, "R1Review",
                  {{"filmId", film},
                   {"pass", verdict == "pass" ? "true" : "false"},
                   {"verifiedAiPercent", std::to_string(count_option(*vm, "verified-ai", 255))},
                   {"ethicsOk", ethics == "ok" ? "true" : "false"}});
    return report_tx(ctx, r, summary_with_hash("R1 review of film " + film + ": " + verdict));
}

int jury_r2_commit(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "jury r2-commit",
        "jury r2-commit --from JUROR --film FILM_ID "
        "--scores innovation=N,artistic=N,commercial=N,social=N [--salt 0x…]",
        "Commits an R2 score (R2Commit): only keccak256(filmId ‖ juror ‖ scores ‖ salt) goes on\n"
        "chain. Scores are 0–10 on the four axes (technological innovation, artistic\n"
        "achievement, commercial value, social impact). The salt (random unless --salt) and the\n"
        "scores are kept in <keystore>/r2-salts/ (mode 0600) for `jury r2-reveal`.",
        {"Options", 100},
        {}};
    spec.options.add_options()("film", po::value<std::string>()->required(), "film id")(
        "scores", po::value<std::string>()->required(),
        "innovation=N,artistic=N,commercial=N,social=N")("salt", po::value<std::string>(),
                                                         "32-byte salt, 0x-hex (default: random)");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::uint64_t film = count_option(*vm, "film");
    const auto scores =
        parse_named_numbers((*vm)["scores"].as<std::string>(), "--scores", AXIS_NAMES, 255);
    const KeyEntry juror = ctx.keys().find((*vm)["from"].as<std::string>());
    ledger::Hash32 salt;
    if (vm->count("salt")) {
        salt = parse_salt((*vm)["salt"].as<std::string>());
    } else {
        CryptoPP::AutoSeededRandomPool rng;
        rng.GenerateBlock(salt.data(), salt.size());
    }
    const fs::path file = salt_file(ctx, film, juror.address);
    std::error_code ec;
    if (fs::exists(file, ec))
        throw refused_error("a commitment of film " + std::to_string(film) + " by " + juror.name +
                                " is already recorded in " + file.string() +
                                "; reveal it with `jury r2-reveal`, or remove the file",
                            {{"reason", "already_exists"}});
    const ledger::Hash32 c = commitment_of(film, juror.address, scores, salt);
    json record = {{"filmId", film},
                   {"juror", ledger::to_checksum(juror.address)},
                   {"salt", ledger::to_hex(salt)},
                   {"commitment", ledger::to_hex(c)}};
    for (std::size_t i = 0; i < 4; ++i) record[AXIS_FIELDS[i]] = scores[i];
    // Written before sending, kept only if the node took the commitment.
    const fs::path pending = file.string() + ".pending";
    write_private(pending, record.dump(2) + "\n");
    json r;
    try {
        r = send(ctx, *vm, "R2Commit",
                 {{"filmId", std::to_string(film)}, {"commitment", ledger::to_hex(c)}});
    } catch (...) {
        fs::remove(pending, ec);
        throw;
    }
    if (r.value("status", "") == "rejected")
        fs::remove(pending, ec);
    else
        fs::rename(pending, file);
    return report_tx(
        ctx, r,
        summary_with_hash("R2 score for film " + std::to_string(film) + " committed (" +
                              ledger::to_hex(c) + "); salt kept in " + file.string(),
                          {{"commitment", ledger::to_hex(c)}, {"saltFile", file.string()}}));
}

int jury_r2_reveal(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"jury r2-reveal",
                     "jury r2-reveal --from JUROR --film FILM_ID [--scores … --salt 0x…]",
                     "Reveals a committed R2 score (R2Reveal) once the authority opened reveals.\n"
                     "Scores and salt come from <keystore>/r2-salts/ unless both are given.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("film", po::value<std::string>()->required(), "film id")(
        "scores", po::value<std::string>(), "innovation=N,artistic=N,commercial=N,social=N")(
        "salt", po::value<std::string>(), "the commitment's salt");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::uint64_t film = count_option(*vm, "film");
    const KeyEntry juror = ctx.keys().find((*vm)["from"].as<std::string>());
    std::vector<std::uint64_t> scores;
    std::string salt;
    if (vm->count("scores") != vm->count("salt"))
        throw usage_error("jury r2-reveal: give both --scores and --salt, or neither");
    if (vm->count("scores")) {
        scores =
            parse_named_numbers((*vm)["scores"].as<std::string>(), "--scores", AXIS_NAMES, 255);
        salt = ledger::to_hex(parse_salt((*vm)["salt"].as<std::string>()));
    } else {
        const fs::path file = salt_file(ctx, film, juror.address);
        std::ifstream in(file);
        if (!in)
            throw usage_error("no saved R2 commitment for film " + std::to_string(film) + " by " +
                              juror.name + " (" + file.string() + "); give --scores and --salt");
        std::stringstream ss;
        ss << in.rdbuf();
        json rec = json::parse(ss.str(), nullptr, false);
        if (rec.is_discarded() || !rec.is_object() || !rec.contains("salt"))
            throw failure(file.string() + " is not a saved R2 commitment");
        for (auto f : AXIS_FIELDS) scores.push_back(rec.at(f).get<std::uint64_t>());
        salt = rec["salt"].get<std::string>();
    }
    TxFields fields = {{"filmId", std::to_string(film)}};
    for (std::size_t i = 0; i < 4; ++i)
        fields.emplace_back(AXIS_FIELDS[i], std::to_string(scores[i]));
    fields.emplace_back("salt", salt);
    json r = send(ctx, *vm, "R2Reveal", fields);
    return report_tx(ctx, r,
                     summary_with_hash("R2 score for film " + std::to_string(film) + " revealed"));
}

int jury_r3_vote(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"jury r3-vote",
                     "jury r3-vote --from JUROR --award AWARD_ID --film FILM_ID",
                     "Votes for a finalist in one award (R3Vote; core-committee jurors, one vote "
                     "per award).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("award", po::value<std::string>()->required(), "award id")(
        "film", po::value<std::string>()->required(), "finalist film id");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::string film = std::to_string(count_option(*vm, "film"));
    const std::string award = (*vm)["award"].as<std::string>();
    json r = send(ctx, *vm, "R3Vote", {{"filmId", film}, {"awardId", award}});
    return report_tx(ctx, r, summary_with_hash("R3 vote: film " + film + " for " + award));
}

int jury_get(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"jury get",
                     "jury get ADDRESS_OR_NAME --edition 2026",
                     "Shows a juror of an edition (jury_get).",
                     {"Options", 100},
                     {}};
    add_edition(spec);
    spec.options.add_options()("juror", po::value<std::string>()->required(), "juror");
    spec.positional.add("juror", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto who = ctx.resolve_address((*vm)["juror"].as<std::string>(), "JUROR");
    json r = ctx.rpc().call("jury_get", {{"edition", count_option(*vm, "edition", 0xffffffffULL)},
                                         {"address", ledger::to_checksum(who)}});
    ctx.print(r, render_text(r));
    return 0;
}

int jury_list(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"jury list",
                     "jury list --edition 2026 [--faction FACTION]",
                     "Lists an edition's jurors (jury_list).",
                     {"Options", 100},
                     {}};
    add_edition(spec);
    spec.options.add_options()("faction", po::value<std::string>(), "only this faction");
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json params = {{"edition", count_option(*vm, "edition", 0xffffffffULL)}};
    if (vm->count("faction")) params["faction"] = (*vm)["faction"].as<std::string>();
    json r = ctx.rpc().call("jury_list", params);
    std::ostringstream s;
    for (const auto& j : r["jurors"])
        s << "  " << str_of(j, "address") << "  " << str_of(j, "faction")
          << (j.value("core", false) ? " (core)" : "") << "  R1 " << str_of(j, "r1Reviews")
          << " · R2 " << str_of(j, "r2Reveals") << "/" << str_of(j, "r2Commits") << " · R3 "
          << str_of(j, "r3Votes") << "\n";
    ctx.print(r, s.str().empty() ? "no jurors\n" : s.str());
    return 0;
}

// ---- festival (authority) -------------------------------------------------------------------

int festival_edition(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"festival edition",
                     "festival edition --edition 2026",
                     "Shows an edition: phase, windows and fees, categories, weights, counts "
                     "(festival_getEdition).",
                     {"Options", 100},
                     {}};
    add_edition(spec);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json e = ctx.rpc().call("festival_getEdition",
                            {{"edition", count_option(*vm, "edition", 0xffffffffULL)}});
    std::ostringstream s;
    s << "edition " << str_of(e, "edition") << " · phase " << str_of(e, "phase")
      << " · open window " << str_of(e, "openWindow") << "\n  windows\n";
    for (const auto& w : e["windows"])
        s << "    " << str_of(w, "name") << "  " << utc(w.value("start", std::uint64_t{0})) << " → "
          << utc(w.value("end", std::uint64_t{0})) << "  × " << str_of(w, "multiplierBps")
          << " bps\n";
    s << "  fees (USD cents: standard / student)\n";
    for (const auto& f : e["fees"])
        s << "    " << str_of(f, "format") << "  " << str_of(f, "usdCents") << " / "
          << str_of(f, "studentUsdCents") << "\n";
    s << "  categories (AI participation %)\n";
    for (const auto& c : e["categories"])
        s << "    " << str_of(c, "id") << "  " << str_of(c, "minAiPercent") << "–"
          << str_of(c, "maxAiPercent") << "\n";
    s << "  films " << str_of(e, "films") << " · jurors " << str_of(e, "jurors") << " · awards "
      << str_of(e, "awardCount") << " · shortlist " << e["shortlist"].dump() << "\n";
    ctx.print(e, s.str());
    return 0;
}

int round_command(CliContext& ctx, const std::vector<std::string>& args, bool open)
{
    const std::string name = open ? "festival open-round" : "festival close-round";
    CommandSpec spec{name,
                     name + " --from AUTHORITY --edition 2026 --round 1|2|3",
                     open ? "Opens R1 (after the submission deadline), R2 (commit stage) or R3 "
                            "(OpenRound; authority)."
                          : "Closes R1 (pass/fail), R2 (after reveals: ranking and shortlist) or "
                            "R3 (CloseRound; authority).",
                     {"Options", 100},
                     {}};
    add_edition(spec);
    spec.options.add_options()("round", po::value<std::string>()->required(), "1, 2 or 3");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const std::string round = std::to_string(count_option(*vm, "round", 255));
    json r = send(ctx, *vm, open ? "OpenRound" : "CloseRound",
                  {{"edition", year_of(*vm)}, {"round", round}});
    std::string summary = std::string{open ? "opened" : "closed"} + " R" + round;
    if (!open && round == "1")
        summary += ": " + event_attr(r, "RoundClosed", "passed") + " passed, " +
                   event_attr(r, "RoundClosed", "failed") + " failed";
    if (!open && round == "2")
        summary += ": shortlist " + event_attr(r, "RoundClosed", "shortlist");
    return report_tx(ctx, r, summary_with_hash(summary));
}

int open_round(CliContext& ctx, const std::vector<std::string>& a)
{
    return round_command(ctx, a, true);
}
int close_round(CliContext& ctx, const std::vector<std::string>& a)
{
    return round_command(ctx, a, false);
}

int open_reveal(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "festival open-reveal",
        "festival open-reveal --from AUTHORITY --edition 2026",
        "Ends the R2 commit stage and opens reveals (OpenR2Reveal; authority). Refused "
        "while\nan R1 film has fewer than 3 commitments.",
        {"Options", 100},
        {}};
    add_edition(spec);
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = send(ctx, *vm, "OpenR2Reveal", {{"edition", year_of(*vm)}});
    return report_tx(ctx, r, summary_with_hash("R2 reveals open"));
}

int finalize(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"festival finalize",
                     "festival finalize --from AUTHORITY --edition 2026",
                     "Finalises the edition (FinalizeEdition; authority): decides every award and "
                     "mints\none trophy NFT per decided award to the film's submitter.",
                     {"Options", 100},
                     {}};
    add_edition(spec);
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = send(ctx, *vm, "FinalizeEdition", {{"edition", year_of(*vm)}});
    std::string summary = "edition finalised: " + event_attr(r, "EditionFinalized", "decided") +
                          " decided, " + event_attr(r, "EditionFinalized", "pending") +
                          " pending, " + event_attr(r, "EditionFinalized", "vacant") + " vacant";
    return report_tx(ctx, r, summary_with_hash(summary));
}

int settle_dao_award(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "festival settle-dao-award",
        "festival settle-dao-award --from NAME --edition 2026 --award AWARD_ID",
        "Decides a DAO-voted award left pending at finalisation, from its decided DAO\n"
        "ballot, and mints its trophy (SettleDaoAward; anyone may send it).",
        {"Options", 100},
        {}};
    add_edition(spec);
    spec.options.add_options()("award", po::value<std::string>()->required(), "award id");
    add_tx_options(spec, TxWait::on_request);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    json r = send(ctx, *vm, "SettleDaoAward",
                  {{"edition", year_of(*vm)}, {"awardId", (*vm)["award"].as<std::string>()}});
    return report_tx(
        ctx, r,
        summary_with_hash("DAO award settled: film " + event_attr(r, "AwardDecided", "filmId") +
                          ", trophy #" + event_attr(r, "AwardDecided", "tokenId")));
}

}  // namespace

std::vector<CommandEntry> jury_festival_commands()
{
    return {
        {"jury register", "register a juror (authority)", jury_register},
        {"jury conflict", "declare a conflict of interest with a film", jury_conflict},
        {"jury r1", "record an R1 pass/fail review", jury_r1},
        {"jury r2-commit", "commit an R2 score (salt kept locally)", jury_r2_commit},
        {"jury r2-reveal", "reveal a committed R2 score", jury_r2_reveal},
        {"jury r3-vote", "vote for a finalist in an award (core)", jury_r3_vote},
        {"jury get", "a juror of an edition", jury_get},
        {"jury list", "an edition's jurors", jury_list},
        {"festival edition", "an edition's parameters and phase", festival_edition},
        {"festival open-round", "open R1, R2 or R3 (authority)", open_round},
        {"festival open-reveal", "end R2 commits, open reveals (authority)", open_reveal},
        {"festival close-round", "close R1, R2 or R3 (authority)", close_round},
        {"festival finalize", "decide awards and mint trophies (authority)", finalize},
        {"festival settle-dao-award", "mint a pending DAO award once its ballot is decided",
         settle_dao_award},
    };
}

}  // namespace aif::wallet::festival_cli
