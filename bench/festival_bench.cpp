// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-bench-festival: one festival edition at the size of a real festival (issue 4; the seeds
// report 700+ submissions): 700 films over the three submission windows, 60 jurors (15 per
// faction, 12 core), at least 2 R1 reviews and 3 R2 scores per film, R3 votes in every jury
// award, finalisation of the 27 awards. Prints, per phase, the transactions, the time to sign
// and verify them (client/mempool side) and to apply them and commit each block's state root
// (what a validator does). Then finalisation again over the same pre-state with many more AIF
// holders, to show its cost does not depend on the number of token holders (it reads only the
// award tallies, never balances or voters). A benchmark, not a test: it prints figures.
//
// Usage: aif-bench-festival [--films N] [--jurors N] [--holders N] [--block-txs N]
//                           [--genesis FILE]

#include "ledger/counting_view.hpp"
#include "contracts/chain_config.hpp"
#include "contracts/executor.hpp"
#include "contracts/festival.hpp"
#include "contracts/festival_state.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"
#include "ledger/json/genesis_json.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace aif;
using namespace aif::ledger;
namespace fest = aif::contracts::festival;
using Clock = std::chrono::steady_clock;

namespace {

constexpr u128 AIF_UNIT = 1'000'000'000'000'000'000ULL;
// genesis/dev.json edition 2026.
constexpr std::uint64_t EARLY_BIRD = 1774992000, STANDARD = 1777584000, FINAL_CALL = 1782854400,
                        SUBMISSIONS_CLOSE = 1783718400;
const char* const CATEGORIES[] = {"generative_cinema", "interactive_narrative",
                                  "procedural_emergent", "digital_beings"};
const char* const FORMATS[] = {"short_film", "interactive_work", "generative_feature"};
const char* const FACTIONS[] = {"art", "technology", "ethics", "community"};

double ms_since(Clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

SecretKey key_of(const std::string& label)
{
    for (std::uint32_t i = 0;; ++i) {
        SecretKey k;
        k.bytes = keccak256(std::string_view{label + "/" + std::to_string(i)}).bytes;
        if (public_key_of(k)) return k;
    }
}

struct Actor
{
    SecretKey key;
    Address address;
    std::uint64_t nonce{0};
};

struct Bench
{
    Genesis genesis;
    State state;
    Hash32 domain;
    std::uint64_t height{1};
    std::uint64_t now{EARLY_BIRD + 60};
    std::size_t block_txs{2000};
    Actor authority;

    Actor make_actor(const std::string& label)
    {
        Actor a;
        a.key = key_of(label);
        a.address = address_of(*public_key_of(a.key));
        return a;
    }

    Tx sign(Actor& who, std::string_view type, std::vector<Value> body)
    {
        Tx tx;
        tx.type = find_tx_type(type);
        if (!tx.type) throw std::runtime_error("no tx type " + std::string{type});
        tx.fields = {std::uint64_t{who.nonce++}, genesis.params.min_fee};
        for (auto& v : body) tx.fields.push_back(std::move(v));
        tx.signature = *sign_digest(signing_digest(domain, tx), who.key);
        return tx;
    }

    struct Phase
    {
        std::string name;
        std::vector<Tx> txs;
        std::uint64_t time{0};
    };

    struct Figures
    {
        std::size_t txs{0};
        double verify_ms{0}, apply_ms{0}, commit_ms{0};
    };

    /// Verifies every tx, then applies them in blocks of `block_txs` at `time`, committing each
    /// block's writes and root. Any refusal is a bug in the bench: it aborts.
    Figures run(Phase& p)
    {
        Figures f;
        f.txs = p.txs.size();
        auto t0 = Clock::now();
        std::vector<VerifiedTx> verified;
        verified.reserve(p.txs.size());
        for (auto& tx : p.txs) {
            auto v = verify_tx(domain, std::move(tx));
            if (!v) throw std::runtime_error(p.name + ": verify: " + v.error().message());
            verified.push_back(std::move(*v));
        }
        f.verify_ms = ms_since(t0);
        for (std::size_t i = 0; i < verified.size(); i += block_txs) {
            StateOverlay o{state};
            const contracts::BlockContext ctx{height++, p.time, {}};
            auto ta = Clock::now();
            for (std::size_t j = i; j < std::min(verified.size(), i + block_txs); ++j) {
                auto r = contracts::apply_tx(o, ctx, verified[j]);
                if (!r)
                    throw std::runtime_error(p.name + ": tx " + std::to_string(j) + " " +
                                             std::string{verified[j].tx.type->name} + ": " +
                                             r.error().message());
            }
            f.apply_ms += ms_since(ta);
            auto tc = Clock::now();
            state.apply(o.changes());
            (void)state.root();
            f.commit_ms += ms_since(tc);
        }
        return f;
    }
};

void print_row(const std::string& name, const Bench::Figures& f, double sign_ms)
{
    const double per = f.txs ? (f.apply_ms + f.commit_ms) * 1000.0 / static_cast<double>(f.txs) : 0;
    std::printf("%-22s %7zu %12.1f %12.1f %10.1f %10.1f %10.1f\n", name.c_str(), f.txs, sign_ms,
                f.verify_ms, f.apply_ms, f.commit_ms, per);
    std::fflush(stdout);
}

std::uint64_t arg(int argc, char** argv, const std::string& flag, std::uint64_t dflt)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == flag) return std::strtoull(argv[i + 1], nullptr, 10);
    return dflt;
}

std::string arg_str(int argc, char** argv, const std::string& flag, std::string dflt)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == flag) return argv[i + 1];
    return dflt;
}

}  // namespace

int main(int argc, char** argv)
{
    try {
        for (int i = 1; i < argc; ++i)
            if (std::string{argv[i]} == "--help") {
                std::puts(
                    "aif-bench-festival [--films 700] [--jurors 60] [--holders 100000] "
                    "[--block-txs 2000] [--genesis genesis/dev.json]");
                return 0;
            }
        const std::uint64_t n_films = arg(argc, argv, "--films", 700);
        const std::uint64_t n_jurors = std::max<std::uint64_t>(arg(argc, argv, "--jurors", 60), 8);
        const std::uint64_t n_holders = arg(argc, argv, "--holders", 100'000);
        const std::string genesis_file = arg_str(
            argc, argv, "--genesis", std::string{AIF_BENCH_SOURCE_DIR} + "/genesis/dev.json");

        Bench b;
        b.block_txs = arg(argc, argv, "--block-txs", 2000);
        std::ifstream in(genesis_file);
        std::stringstream text;
        text << in.rdbuf();
        auto g = json::genesis_from_text(text.str());
        if (!g) throw std::runtime_error("genesis: " + g.error().message());
        b.genesis = *g;
        b.domain = domain_separator({b.genesis.chain_id});
        {
            StateOverlay o{b.state};
            auto r = contracts::init_genesis(o, b.genesis);
            if (!r) throw std::runtime_error(r.error().message());
            b.state.apply(o.changes());
        }
        b.authority.key.bytes =
            fixed_from_hex<32>("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")
                ->bytes;  // dev account 0, the authority of genesis/dev.json (public key!)
        b.authority.address = address_of(*public_key_of(b.authority.key));

        // Pre-state (not timed): funded submitters and jurors.
        std::vector<Actor> submitters, jurors;
        for (std::uint64_t i = 0; i < n_films; ++i)
            submitters.push_back(b.make_actor("submitter " + std::to_string(i)));
        for (std::uint64_t i = 0; i < n_jurors; ++i)
            jurors.push_back(b.make_actor("juror " + std::to_string(i)));
        {
            StateOverlay o{b.state};
            for (auto* group : {&submitters, &jurors})
                for (auto& a : *group)
                    if (!contracts::token::mint(o, {0, b.now, {}}, AIF, a.address,
                                                100'000 * AIF_UNIT))
                        throw std::runtime_error("funding");
            b.state.apply(o.changes());
            (void)b.state.root();
        }
        auto ed = *fest::load_edition(b.state, 2026);
        // Faction i % 4; the first three of each faction are core (12 of 60).
        auto faction_of = [](std::uint64_t j) { return j % 4; };
        auto core = [&](std::uint64_t j) { return j / 4 < 3; };
        std::vector<std::uint64_t> r1_jurors, core_jurors;
        for (std::uint64_t j = 0; j < n_jurors; ++j) {
            if (faction_of(j) == 1 || faction_of(j) == 2) r1_jurors.push_back(j);
            if (core(j)) core_jurors.push_back(j);
        }

        std::printf(
            "aif-bench-festival: %llu films, %llu jurors (%zu core), %zu awards, blocks of "
            "up to %zu txs\n\n",
            static_cast<unsigned long long>(n_films), static_cast<unsigned long long>(n_jurors),
            core_jurors.size(), ed.awards.size(), b.block_txs);
        std::printf("%-22s %7s %12s %12s %10s %10s %10s\n", "phase", "txs", "sign ms", "verify ms",
                    "apply ms", "commit ms", "µs/tx");
        double total_ms = 0;
        auto phase = [&](const std::string& name, std::uint64_t time, auto&& build) {
            Bench::Phase p{name, {}, time};
            auto ts = Clock::now();
            build(p.txs);
            const double sign_ms = ms_since(ts);
            auto f = b.run(p);
            total_ms += f.apply_ms + f.commit_ms;
            print_row(name, f, sign_ms);
            return f;
        };
        auto one = [&](std::string_view type, std::vector<Value> body) {
            return [&b, type, body](std::vector<Tx>& out) {
                out.push_back(b.sign(b.authority, type, body));
            };
        };

        phase("register jurors", b.now, [&](std::vector<Tx>& out) {
            for (std::uint64_t j = 0; j < n_jurors; ++j)
                out.push_back(b.sign(
                    b.authority, "RegisterJuror",
                    {std::uint64_t{2026}, jurors[j].address, std::string{FACTIONS[faction_of(j)]},
                     std::uint64_t{core(j) ? 1u : 0u}}));
        });
        // Submissions over the three windows (fee × 0.75, 1.0, 1.5).
        const std::uint64_t starts[] = {EARLY_BIRD + 60, STANDARD + 60, FINAL_CALL + 60};
        for (int w = 0; w < 3; ++w) {
            const std::uint64_t lo = n_films * static_cast<std::uint64_t>(w) / 3;
            const std::uint64_t hi = n_films * static_cast<std::uint64_t>(w + 1) / 3;
            phase(std::string{"submit ("} + ed.windows[static_cast<std::size_t>(w)].name + ")",
                  starts[w], [&](std::vector<Tx>& out) {
                      for (std::uint64_t i = lo; i < hi; ++i) {
                          const std::uint64_t a = 55 + i % 15;  // 55..69 %: fits every category
                          std::vector<Value> body{std::uint64_t{2026},
                                                  "Film " + std::to_string(i),
                                                  std::string{CATEGORIES[i % 4]},
                                                  std::string{FORMATS[i % 3]},
                                                  std::uint64_t{i % 7 == 0 ? 1u : 0u},
                                                  std::vector<Address>{submitters[i].address}};
                          for (int d = 0; d < 6; ++d) body.emplace_back(std::uint64_t{a});
                          body.emplace_back(std::string{"diffusion video, voice synthesis"});
                          const std::string content = "film " + std::to_string(i);
                          body.emplace_back(
                              sha256(ByteView{reinterpret_cast<const std::uint8_t*>(content.data()),
                                              content.size()}));
                          body.emplace_back("ipfs://bench/" + std::to_string(i));
                          out.push_back(b.sign(submitters[i], "SubmitFilm", std::move(body)));
                      }
                  });
        }
        const std::uint64_t review_time = SUBMISSIONS_CLOSE + 60;
        phase("R1 open", review_time, one("OpenRound", {std::uint64_t{2026}, std::uint64_t{1}}));
        // SPEC §5 R1: two technology/ethics reviews per film; about 60 % pass.
        phase("R1 reviews", review_time, [&](std::vector<Tx>& out) {
            for (std::uint64_t i = 0; i < n_films; ++i) {
                const bool pass = i % 5 < 3;
                for (std::uint64_t k = 0; k < 2; ++k) {
                    auto& j = jurors[r1_jurors[(i + k) % r1_jurors.size()]];
                    const std::uint64_t ai = 55 + i % 15;
                    out.push_back(b.sign(
                        j, "R1Review",
                        {i + 1, std::uint64_t{pass ? 1u : 0u}, ai, std::uint64_t{pass ? 1u : 0u}}));
                }
            }
        });
        phase("R1 close", review_time, one("CloseRound", {std::uint64_t{2026}, std::uint64_t{1}}));
        phase("R2 open", review_time, one("OpenRound", {std::uint64_t{2026}, std::uint64_t{2}}));
        // SPEC §5 R2: three jurors of any faction per R1 film (film i: jurors i, i+1, i+2).
        std::vector<std::uint64_t> r2_films;
        for (std::uint64_t i = 0; i < n_films; ++i)
            if (i % 5 < 3) r2_films.push_back(i + 1);
        auto score = [](std::uint64_t film, std::uint64_t k) {
            std::array<std::uint8_t, 4> s{};
            for (std::uint64_t a = 0; a < 4; ++a)
                s[a] = static_cast<std::uint8_t>((film * 7 + k * 3 + a * 5) % 11);
            return s;
        };
        auto salt_of = [](std::uint64_t film, std::uint64_t k) {
            return keccak256(
                std::string_view{"salt " + std::to_string(film) + "/" + std::to_string(k)});
        };
        phase("R2 commits", review_time, [&](std::vector<Tx>& out) {
            for (auto film : r2_films)
                for (std::uint64_t k = 0; k < 3; ++k) {
                    auto& j = jurors[(film + k) % n_jurors];
                    out.push_back(b.sign(j, "R2Commit",
                                         {film, fest::r2_commitment(film, j.address, score(film, k),
                                                                    salt_of(film, k))}));
                }
        });
        phase("R2 reveals open", review_time, one("OpenR2Reveal", {std::uint64_t{2026}}));
        phase("R2 reveals", review_time, [&](std::vector<Tx>& out) {
            for (auto film : r2_films)
                for (std::uint64_t k = 0; k < 3; ++k) {
                    auto& j = jurors[(film + k) % n_jurors];
                    auto s = score(film, k);
                    out.push_back(
                        b.sign(j, "R2Reveal",
                               {film, std::uint64_t{s[0]}, std::uint64_t{s[1]}, std::uint64_t{s[2]},
                                std::uint64_t{s[3]}, salt_of(film, k)}));
                }
        });
        phase("R2 close (rank)", review_time,
              one("CloseRound", {std::uint64_t{2026}, std::uint64_t{2}}));
        const auto finalists = fest::r2_shortlist(b.state, 2026);
        phase("R3 open", review_time, one("OpenRound", {std::uint64_t{2026}, std::uint64_t{3}}));
        phase("R3 votes", review_time, [&](std::vector<Tx>& out) {
            for (std::size_t a = 0; a < ed.awards.size(); ++a) {
                if (ed.awards[a].kind != "jury") continue;
                for (std::size_t c = 0; c < core_jurors.size(); ++c) {
                    const auto film = finalists[(a * 3 + c % 4) % finalists.size()];
                    out.push_back(b.sign(jurors[core_jurors[c]], "R3Vote",
                                         {std::uint64_t{film}, std::string{ed.awards[a].id}}));
                }
            }
        });
        phase("R3 close", review_time, one("CloseRound", {std::uint64_t{2026}, std::uint64_t{3}}));

        // Finalisation, measured twice over the same pre-state: as is, and with n_holders more
        // AIF holders (each a balance entry, as DAO voters would be).
        // Best of 5 dry runs (the first touch after a large write is cache-cold).
        auto finalise_dry = [&](const char* label) {
            Actor auth = b.authority;
            Tx tx = b.sign(auth, "FinalizeEdition", {std::uint64_t{2026}});
            auto v = verify_tx(b.domain, std::move(tx));
            double best = 1e300;
            std::uint64_t reads = 0;
            std::size_t writes = 0;
            for (int rep = 0; rep < 5; ++rep) {
                CountingView counting{b.state};
                StateOverlay o{counting};
                auto t0 = Clock::now();
                auto r = contracts::apply_tx(o, {b.height, review_time, {}}, *v);
                best = std::min(best, ms_since(t0));
                if (!r) throw std::runtime_error(std::string{"finalise: "} + r.error().message());
                reads = counting.reads();
                writes = o.changes().size();
            }
            std::printf("  finalisation %-28s %8.2f ms, %6llu state reads, %zu writes\n", label,
                        best, static_cast<unsigned long long>(reads), writes);
            return reads;
        };
        std::printf("\nfinalisation cost against the number of token holders (dry runs):\n");
        const std::uint64_t holders_before =
            submitters.size() + jurors.size() + b.genesis.allocations.size();
        const auto reads_before =
            finalise_dry(("with " + std::to_string(holders_before) + " holders").c_str());
        {
            StateOverlay o{b.state};
            for (std::uint64_t i = 0; i < n_holders; ++i) {
                Address a;
                const Hash32 h = keccak256(std::string_view{"holder " + std::to_string(i)});
                std::copy(h.bytes.begin(), h.bytes.begin() + 20, a.bytes.begin());
                if (!contracts::token::mint(o, {0, review_time, {}}, AIF, a, AIF_UNIT))
                    throw std::runtime_error("holders");
            }
            b.state.apply(o.changes());
            (void)b.state.root();
        }
        const auto reads_after = finalise_dry(
            ("with " + std::to_string(holders_before + n_holders) + " holders").c_str());
        std::printf("  → %s\n\n", reads_before == reads_after
                                      ? "same reads: independent of the number of token holders"
                                      : "READS DIFFER: finalisation depends on token holders");
        std::printf("%-22s %7s %12s %12s %10s %10s %10s\n", "phase", "txs", "sign ms", "verify ms",
                    "apply ms", "commit ms", "µs/tx");
        auto fin =
            phase("finalise (mint)", review_time, one("FinalizeEdition", {std::uint64_t{2026}}));
        (void)fin;
        std::size_t trophies = fest::trophies_of_edition(b.state, 2026).size();
        std::printf(
            "\n%zu films, %zu R2 films, %zu finalists, %zu trophies minted; apply + commit "
            "total %.1f ms\n",
            static_cast<std::size_t>(n_films), r2_films.size(), finalists.size(), trophies,
            total_ms);
        return reads_before == reads_after ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aif-bench-festival: %s\n", e.what());
        return 1;
    }
}
