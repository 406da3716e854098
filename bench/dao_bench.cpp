// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-bench-dao: votes on one award ballot (SPEC §7 "tallying costs O(1) per vote, whatever the
// number of holders"). For each voter count it builds a dev-genesis ledger in memory, funds and
// delegates that many holders, runs the festival to its R2 shortlist with its own transactions,
// proposes the ballot, then applies one vote per holder — and again a changed vote per holder —
// through the real executor in blocks, and prints votes per second and the cost per vote.
// Signatures are made and checked before the clock starts (a block's txs arrive verified,
// issue 7), so the figures are the state transition alone, plus the state-root commit.
#include "ledger/counting_view.hpp"
#include "contracts/chain_config.hpp"
#include "contracts/dao_power.hpp"
#include "contracts/dao_proposal.hpp"
#include "contracts/dao_tally.hpp"
#include "contracts/executor.hpp"
#include "contracts/festival.hpp"
#include "contracts/festival_state.hpp"
#include "ledger/crypto.hpp"
#include "ledger/json/genesis_json.hpp"
#include "ledger/state.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace aif;
using namespace aif::ledger;
namespace dao = aif::contracts::dao;
namespace fest = aif::contracts::festival;

namespace {

constexpr u128 UNIT = 1'000'000'000'000'000'000ULL;
constexpr std::uint64_t SUBMISSIONS_CLOSE = 1783718400;  // genesis/dev.json final call end
constexpr std::size_t BLOCK_TXS = 100;

SecretKey key_of(std::string_view tag, std::uint64_t i)
{
    SecretKey k;
    k.bytes = keccak256(std::string_view{std::string{tag} + std::to_string(i)}).bytes;
    return k;
}

Address addr(const SecretKey& k)
{
    return address_of(*public_key_of(k));
}

std::string read_text(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// An in-memory chain on the dev genesis with extra allocations; applies signed txs in blocks.
struct Ledger
{
    Genesis genesis;
    State state;
    std::uint64_t height{0};
    std::uint64_t time{0};
    Hash32 domain;

    Ledger(Genesis g) : genesis(std::move(g)), domain(domain_separator({genesis.chain_id}))
    {
        StateOverlay o{state};
        auto r = contracts::init_genesis(o, genesis);
        if (!r) throw std::runtime_error(r.error().message());
        state.apply(o.changes());
        (void)state.root();
        time = genesis.genesis_time + 3600;
    }

    VerifiedTx sign(const SecretKey& k, std::string_view type, std::vector<Value> body,
                    std::uint64_t nonce)
    {
        Tx tx;
        tx.type = find_tx_type(type);
        tx.fields = {nonce, genesis.params.min_fee};
        for (auto& v : body) tx.fields.push_back(std::move(v));
        tx.signature = *sign_digest(signing_digest(domain, tx), k);
        auto v = verify_tx(domain, std::move(tx));
        if (!v) throw std::runtime_error("verify: " + v.error().message());
        return std::move(*v);
    }

    /// Applies `txs` in one block; every one must succeed. Returns the events of the last.
    std::vector<Event> block(const std::vector<VerifiedTx>& txs)
    {
        StateOverlay o{state};
        std::vector<Event> last;
        const contracts::BlockContext ctx{++height, time, {}};
        for (const auto& t : txs) {
            auto r = contracts::apply_tx(o, ctx, t);
            if (!r)
                throw std::runtime_error(std::string{t.tx.type->name} + ": " + r.error().message());
            last = std::move(*r);
        }
        state.apply(o.changes());
        (void)state.root();
        return last;
    }
    std::vector<Event> run(const SecretKey& k, std::string_view type, std::vector<Value> body)
    {
        return block({sign(k, type, std::move(body), contracts::nonce_of(state, addr(k)))});
    }
};

std::string attr(const std::vector<Event>& ev, std::string_view name, std::string_view key)
{
    for (const auto& e : ev)
        if (e.name == name)
            for (const auto& [k, v] : e.attrs)
                if (k == key) return v;
    throw std::runtime_error("no event attr " + std::string{name} + "." + std::string{key});
}

/// Runs edition 2026 to its R2 shortlist with the festival's own transactions (5 films,
/// 3 jurors); returns the shortlist.
std::vector<std::uint64_t> run_festival(Ledger& l)
{
    const SecretKey authority =
        *fixed_from_hex<32>("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    std::vector<SecretKey> jurors = {key_of("juror", 0), key_of("juror", 1), key_of("juror", 2)};
    const char* factions[] = {"technology", "ethics", "art"};
    const SecretKey submitter = key_of("submitter", 0);
    std::vector<std::uint64_t> films;
    for (std::uint64_t i = 0; i < 5; ++i) {
        Hash32 h = keccak256(std::string_view{"bench-film-" + std::to_string(i)});
        std::vector<Value> b{std::uint64_t{2026},
                             std::string{"Film " + std::to_string(i)},
                             std::string{"procedural_emergent"},
                             std::string{"short_film"},
                             std::uint64_t{0},
                             std::vector<Address>{}};
        for (int d = 0; d < 6; ++d) b.emplace_back(std::uint64_t{60});
        b.emplace_back(std::string{"diffusion"});
        b.emplace_back(h);
        b.emplace_back(std::string{"ipfs://bench"});
        films.push_back(
            std::stoull(attr(l.run(submitter, "SubmitFilm", b), "FilmSubmitted", "filmId")));
    }
    for (int j = 0; j < 3; ++j)
        l.run(authority, "RegisterJuror",
              {std::uint64_t{2026}, addr(jurors[j]), std::string{factions[j]}, std::uint64_t{1}});
    l.time = SUBMISSIONS_CLOSE + 1;
    l.run(authority, "OpenRound", {std::uint64_t{2026}, std::uint64_t{1}});
    for (auto f : films)
        for (int j = 0; j < 2; ++j)
            l.run(jurors[j], "R1Review",
                  {f, std::uint64_t{1}, std::uint64_t{60}, std::uint64_t{1}});
    l.run(authority, "CloseRound", {std::uint64_t{2026}, std::uint64_t{1}});
    l.run(authority, "OpenRound", {std::uint64_t{2026}, std::uint64_t{2}});
    Hash32 salt;
    salt.bytes.fill(7);
    auto score = [](std::uint64_t f) { return static_cast<std::uint8_t>(10 - f); };
    for (auto f : films)
        for (const auto& j : jurors) {
            const std::uint8_t s = score(f);
            l.run(j, "R2Commit", {f, fest::r2_commitment(f, addr(j), {s, s, s, s}, salt)});
        }
    l.run(authority, "OpenR2Reveal", {std::uint64_t{2026}});
    for (auto f : films)
        for (const auto& j : jurors) {
            const std::uint64_t s = score(f);
            l.run(j, "R2Reveal", {f, s, s, s, s, salt});
        }
    l.run(authority, "CloseRound", {std::uint64_t{2026}, std::uint64_t{2}});
    return fest::r2_shortlist(l.state, 2026);
}

struct Figures
{
    std::size_t voters{0};
    double apply_us{0};   // per vote, state transition only
    double total_us{0};   // per vote, including the block commit and state root
    double reads{0};      // committed-state reads per vote
    double change_us{0};  // per changed vote, state transition only
};

/// CPU time of this thread, in seconds: the machine may be shared, so preemption must not count.
double cpu_now()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// A ledger with `holders` funded, self-delegated AIF holders and edition 2026 at its R2
/// shortlist. The edition's tier-3+ jury awards are turned into "dao" awards so that each
/// measurement gets a fresh award ballot on the same ledger.
class Bench
{
public:
    Bench(std::size_t holders, const Genesis& base) : m_ledger(setup(holders, base))
    {
        std::vector<VerifiedTx> batch;
        for (const auto& k : m_holders) {
            batch.push_back(m_ledger.sign(k, "Delegate", {addr(k)}, 0));
            if (batch.size() == BLOCK_TXS) m_ledger.block(std::exchange(batch, {}));
        }
        if (!batch.empty()) m_ledger.block(std::exchange(batch, {}));
        m_shortlist = run_festival(m_ledger);
        if (m_shortlist.size() < 2) throw std::runtime_error("festival gave no shortlist");
    }

    /// A new award ballot; the first `voters` holders vote, then each changes its vote.
    Figures run(std::size_t voters)
    {
        if (voters > m_holders.size()) throw std::runtime_error("more voters than holders");
        if (m_next_award >= m_awards.size()) throw std::runtime_error("out of dao awards");
        Ledger& l = m_ledger;
        const std::uint64_t id =
            std::stoull(attr(l.run(m_holders.front(), "ProposeAwardBallot",
                                   {std::string{"DAO-voted award"}, std::string{},
                                    std::uint64_t{2026}, m_awards[m_next_award++]}),
                             "ProposalCreated", "proposalId"));
        Figures f;
        f.voters = voters;
        double apply_s = 0, total_s = 0, change_s = 0, change_total = 0;
        std::uint64_t reads = 0, change_reads = 0;
        apply_all(sign_votes(id, voters, 0), apply_s, total_s, reads);
        apply_all(sign_votes(id, voters, 1), change_s, change_total, change_reads);
        const double n = static_cast<double>(voters);
        f.apply_us = apply_s * 1e6 / n;
        f.total_us = total_s * 1e6 / n;
        f.reads = static_cast<double>(reads) / n;
        f.change_us = change_s * 1e6 / n;
        // The tally holds every voter exactly once, on its last choice.
        const auto t = dao::read_tally(l.state, *dao::load_proposal(l.state, id));
        if (t.voters != voters)
            throw std::runtime_error("tally voters " + std::to_string(t.voters));
        return f;
    }

private:
    Ledger setup(std::size_t holders, Genesis g)
    {
        for (std::size_t i = 0; i < holders; ++i) {
            m_holders.push_back(key_of("holder", i));
            g.allocations.push_back({addr(m_holders.back()), 1000 * UNIT});
        }
        g.allocations.push_back({addr(key_of("submitter", 0)), 100'000 * UNIT});
        for (int j = 0; j < 3; ++j)
            g.allocations.push_back({addr(key_of("juror", j)), 1000 * UNIT});
        for (auto& a : g.editions.at(0).awards)
            if (a.kind == "dao" || a.tier >= 3) {
                a.kind = "dao";
                m_awards.push_back(a.id);
            }
        return Ledger{std::move(g)};
    }

    /// Pre-signed, pre-verified votes of the first `n` holders, spread over the shortlist.
    std::vector<VerifiedTx> sign_votes(std::uint64_t id, std::size_t n, std::size_t round)
    {
        std::vector<VerifiedTx> out;
        out.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t film = m_shortlist[(i + round) % m_shortlist.size()];
            out.push_back(m_ledger.sign(m_holders[i], "Vote", {id, std::to_string(film)},
                                        contracts::nonce_of(m_ledger.state, addr(m_holders[i]))));
        }
        return out;
    }

    /// Applies `txs` in blocks of BLOCK_TXS; adds the apply-only and apply+commit seconds and
    /// the committed-state reads.
    void apply_all(const std::vector<VerifiedTx>& txs, double& apply_s, double& total_s,
                   std::uint64_t& reads)
    {
        Ledger& l = m_ledger;
        for (std::size_t b = 0; b < txs.size(); b += BLOCK_TXS) {
            const double t_block = cpu_now();
            CountingView counting{l.state};
            StateOverlay o{counting};
            const contracts::BlockContext ctx{++l.height, l.time, {}};
            const double t0 = cpu_now();
            for (std::size_t i = b; i < std::min(txs.size(), b + BLOCK_TXS); ++i) {
                auto r = contracts::apply_tx(o, ctx, txs[i]);
                if (!r) throw std::runtime_error("vote: " + r.error().message());
            }
            apply_s += cpu_now() - t0;
            reads += counting.reads();
            l.state.apply(o.changes());
            (void)l.state.root();
            total_s += cpu_now() - t_block;
        }
    }

    std::vector<SecretKey> m_holders;
    std::vector<std::string> m_awards;
    std::size_t m_next_award{0};
    Ledger m_ledger;
    std::vector<std::uint64_t> m_shortlist;
};

void print_row(const Figures& f)
{
    std::printf("%8zu %12.0f %10.2f %16.2f %17.2f %11.1f\n", f.voters, 1e6 / f.apply_us, f.apply_us,
                f.total_us, f.change_us, f.reads);
    std::fflush(stdout);
}

void print_header()
{
    std::printf("%8s %12s %10s %16s %17s %11s\n", "voters", "votes/s", "us/vote", "us/vote+commit",
                "us/changed vote", "reads/vote");
}

}  // namespace

int main(int argc, char** argv)
{
    try {
        std::vector<std::size_t> counts = {100, 1000, 10000};
        std::size_t reps = 3;
        if (argc > 1) reps = std::stoul(argv[1]);
        const char* src = std::getenv("AIF_SOURCE_DIR");
        const std::string dir = src ? src : AIF_BENCH_SOURCE_DIR;
        auto g = json::genesis_from_text(read_text(dir + "/genesis/dev.json"));
        if (!g) throw std::runtime_error("genesis: " + g.error().message());
        const std::size_t holders = counts.back();

        std::printf(
            "aif-bench-dao: award ballots through contracts::apply_tx, %zu txs per block;\n"
            "signatures made and checked before the clock starts; times are this thread's CPU\n"
            "time. Each voter votes once, then changes its vote.\n\n",
            BLOCK_TXS);
        std::printf(
            "A. one ledger of %zu delegated holders; a fresh award ballot per row, voted by\n"
            "   the first N holders (best of %zu runs, sizes interleaved)\n",
            holders, reps);
        print_header();
        Bench bench{holders, *g};
        std::vector<Figures> best(counts.size());
        for (std::size_t r = 0; r < reps; ++r)
            for (std::size_t i = 0; i < counts.size(); ++i) {
                const Figures f = bench.run(counts[i]);
                if (r == 0 || f.apply_us < best[i].apply_us) best[i] = f;
            }
        for (const auto& f : best) print_row(f);
        std::printf("   cost per vote, %zu vs %zu voters: x%.2f\n\n", best.back().voters,
                    best.front().voters, best.back().apply_us / best.front().apply_us);

        std::printf(
            "B. a fresh ledger per row with exactly N holders, all of whom vote (the state\n"
            "   grows with N: reads per vote stay constant, the in-memory map's lookups\n"
            "   get deeper)\n");
        print_header();
        for (auto n : counts) print_row(Bench{n, *g}.run(n));
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aif-bench-dao: %s\n", e.what());
        return 1;
    }
}
