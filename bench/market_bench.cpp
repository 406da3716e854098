// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-bench-market (issue 6, docs/market.md "Complexity"): orders placed and matched per second
// on one FilmToken book holding N resting orders, for several N up to 100,000 and beyond. The
// cost per order should grow with log N, not with N.
//
// What is timed: the state transition (contracts::apply_tx, the same code a block applies,
// fee and nonce step included) and, separately, committing each block's changes to the
// in-memory State and recomputing its root. Not timed: signature recovery (done once at
// admission, issue 7) and RocksDB. Transactions are therefore built as VerifiedTx with their
// sender set, unsigned.
//
// Usage: aif-bench-market [--sizes 1000,10000,100000] [--ops 20000] [--block 1000]
//                         [--genesis FILE]
#include "contracts/chain_config.hpp"
#include "contracts/executor.hpp"
#include "contracts/keys.hpp"
#include "contracts/market.hpp"
#include "contracts/market_queries.hpp"
#include "contracts/token.hpp"
#include "ledger/json/genesis_json.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace aif;
using namespace aif::ledger;
namespace market = aif::contracts::market;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint64_t T0 = 1775000000;
constexpr std::size_t TRADERS = 256;
const std::string SYM = "BENCH";
/// Asks rest at 1001..2000 (in price units), bids at 1..999: the book never crosses by itself.
constexpr u128 TICK = 1'000'000'000'000ULL;  // 10^-6 AIF per share per price unit

struct Options
{
    std::vector<std::size_t> sizes{1000, 10000, 100000};
    std::size_t ops = 20000;
    std::size_t block = 1000;
    std::string genesis = std::string{AIF_BENCH_SOURCE_DIR} + "/genesis/dev.json";
};

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--sizes") {
            o.sizes.clear();
            std::stringstream ss(next());
            for (std::string x; std::getline(ss, x, ',');) o.sizes.push_back(std::stoull(x));
        } else if (a == "--ops") {
            o.ops = std::stoull(next());
        } else if (a == "--block") {
            o.block = std::stoull(next());
        } else if (a == "--genesis") {
            o.genesis = next();
        } else if (a == "--help" || a == "-h") {
            std::puts(
                "aif-bench-market [--sizes 1000,10000,100000] [--ops N] [--block N] "
                "[--genesis FILE]");
            std::exit(0);
        } else {
            throw std::runtime_error("unknown flag " + a);
        }
    }
    return o;
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A ledger with one FilmToken and TRADERS funded accounts, fed in blocks.
class Bench
{
public:
    Bench(const Genesis& g, std::size_t block) : m_block(block), m_rng(6)
    {
        StateOverlay o{m_state};
        check(contracts::init_genesis(o, g), "genesis");
        contracts::BlockContext ctx{0, T0, {}};
        // maxOpenOrders per trader per book, raised so that 256 traders can hold any N.
        o.put(contracts::keys::MARKET_PARAMS, encode_market_params({30, 250, 100'000'000}));
        for (std::size_t i = 0; i < TRADERS; ++i) {
            Address a;
            a.bytes.fill(static_cast<std::uint8_t>(i));
            a.bytes[0] = 0xbe;
            m_traders.push_back(a);
            check(contracts::token::mint(o, ctx, AIF, a, u128{1} << 100), "fund");
        }
        check(market::issue_shares(o, ctx, m_traders[0], 1, SYM, u128{1} << 80), "issue");
        for (std::size_t i = 1; i < TRADERS; ++i)
            check(contracts::token::move(o, ctx, SYM, m_traders[0], m_traders[i], u128{1} << 70),
                  "shares");
        m_state.apply(o.changes());
        (void)m_state.root();
    }

    /// Timings of one batch of transactions, applied in blocks.
    struct Timing
    {
        double apply_s = 0, commit_s = 0;
        std::size_t txs = 0, fills = 0;
    };

    /// Applies `txs` in blocks of m_block: one overlay per block, each tx at its own checkpoint
    /// (what the node's producer does), then commit + root.
    Timing run(const std::vector<VerifiedTx>& txs)
    {
        Timing t;
        for (std::size_t at = 0; at < txs.size(); at += m_block) {
            const std::size_t end = std::min(txs.size(), at + m_block);
            ++m_height;
            contracts::BlockContext ctx{m_height, T0 + m_height, {}};
            StateOverlay o{m_state};
            const auto t0 = Clock::now();
            for (std::size_t i = at; i < end; ++i) {
                auto r = contracts::apply_tx(o, ctx, txs[i]);
                if (!r) throw std::runtime_error("tx refused: " + r.error().message());
                for (const auto& e : *r) t.fills += e.name == "Fill";
            }
            const auto t1 = Clock::now();
            m_state.apply(o.changes());
            (void)m_state.root();
            const auto t2 = Clock::now();
            t.apply_s += std::chrono::duration<double>(t1 - t0).count();
            t.commit_s += std::chrono::duration<double>(t2 - t1).count();
            t.txs += end - at;
        }
        return t;
    }

    /// A PlaceOrder from trader `who` (nonces tracked here, since txs are built ahead of a run).
    VerifiedTx place(std::size_t who, bool buy, u128 price, u128 qty, const char* tif = "gtc")
    {
        Tx tx;
        tx.type = find_tx_type("PlaceOrder");
        tx.fields = {next_nonce(who),
                     u128{1'000'000'000'000'000ULL},
                     SYM,
                     std::string{buy ? "buy" : "sell"},
                     price,
                     qty,
                     std::uint64_t{0},
                     std::string{tif}};
        return VerifiedTx{std::move(tx), m_traders[who], {}, {}};
    }
    VerifiedTx cancel(std::size_t who, std::uint64_t id)
    {
        Tx tx;
        tx.type = find_tx_type("CancelOrder");
        tx.fields = {next_nonce(who), u128{1'000'000'000'000'000ULL}, std::uint64_t{id}};
        return VerifiedTx{std::move(tx), m_traders[who], {}, {}};
    }

    /// A resting order inside the non-crossing bands.
    VerifiedTx resting(std::size_t who)
    {
        const bool buy = m_rng() % 2 == 0;
        const u128 units = buy ? 1 + m_rng() % 999 : 1001 + m_rng() % 1000;
        return place(who, buy, units * TICK, 1 + m_rng() % 100);
    }

    /// The best resting order of one side (price, quantity, id, owner).
    market::Order best(market::Side side)
    {
        auto head = market::book_index(SYM, side).first(m_state);
        if (!head) throw std::runtime_error("empty side");
        auto e = market::parse_book_suffix(side, *head);
        return *market::load_order(m_state, e->second);
    }

    std::size_t open_orders() const
    {
        std::size_t n = 0;
        for (auto side : {market::Side::buy, market::Side::sell})
            m_state.scan(market::book_index(SYM, side).prefix,
                         [&](std::string_view, std::string_view) { return ++n, true; });
        return n;
    }

    std::size_t trader_count() const { return m_traders.size(); }
    /// Trader i's address is 0xbe followed by nineteen bytes of i.
    static std::size_t index_of(const Address& a) { return a.bytes[1]; }
    std::size_t state_entries() const { return m_state.size(); }
    std::mt19937_64& rng() { return m_rng; }
    const State& state() const { return m_state; }
    std::uint64_t next_id() const
    {
        auto raw = m_state.get(market::mkeys::NEXT_ORDER);
        return raw ? *decode_u64(*raw) : 1;
    }

private:
    static void check(const Result<void>& r, const char* what)
    {
        if (!r) throw std::runtime_error(std::string{what} + ": " + r.error().message());
    }
    template <typename T>
    static void check(const Result<T>& r, const char* what)
    {
        if (!r) throw std::runtime_error(std::string{what} + ": " + r.error().message());
    }
    std::uint64_t next_nonce(std::size_t who)
    {
        if (m_nonces.size() < m_traders.size()) m_nonces.resize(m_traders.size(), 0);
        return m_nonces[who]++;
    }

    State m_state;
    std::size_t m_block;
    std::mt19937_64 m_rng;
    std::vector<Address> m_traders;
    std::vector<std::uint64_t> m_nonces;
    std::uint64_t m_height = 0;
};

double per_s(std::size_t n, double s)
{
    return s > 0 ? static_cast<double>(n) / s : 0;
}

void report(const char* what, const Bench::Timing& t)
{
    const double us = t.apply_s * 1e6 / static_cast<double>(t.txs);
    std::printf("  %-34s %8zu txs  %9.0f tx/s apply (%6.2f us/tx)  %9.0f tx/s with commit\n", what,
                t.txs, per_s(t.txs, t.apply_s), us, per_s(t.txs, t.apply_s + t.commit_s));
}

}  // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress shows up while large books build
    try {
        const Options opt = parse(argc, argv);
        auto g = ledger::json::genesis_from_text(read_file(opt.genesis));
        if (!g) throw std::runtime_error("genesis: " + g.error().message());
        std::printf(
            "aif-bench-market: one FilmToken book, %zu traders, blocks of %zu txs, %zu "
            "timed orders per phase\n",
            TRADERS, opt.block, opt.ops);
        std::printf(
            "(apply = contracts::apply_tx; commit = State::apply + root; no signatures, "
            "no RocksDB)\n\n");
        std::vector<std::pair<std::size_t, double>> match_cost;
        for (std::size_t n : opt.sizes) {
            Bench b(*g, opt.block);
            // 1. Fill the book to n resting orders (not crossing).
            std::vector<VerifiedTx> fill;
            for (std::size_t i = 0; i < n; ++i) fill.push_back(b.resting(i % b.trader_count()));
            auto tf = b.run(fill);
            std::printf("book of %zu resting orders (%zu state entries)\n", b.open_orders(),
                        b.state_entries());
            report("place, rests (building the book)", tf);

            // 2. More resting orders on the full book.
            std::vector<VerifiedTx> more;
            for (std::size_t i = 0; i < opt.ops; ++i)
                more.push_back(b.resting(i % b.trader_count()));
            auto tp = b.run(more);
            report("place, rests (full book)", tp);

            // 3. Takers that each fill one maker completely, each followed by a maker that puts
            //    the book back to its size; only the takers are counted.
            Bench::Timing tm{};
            for (std::size_t done = 0; done < opt.ops;) {
                std::vector<VerifiedTx> takers, makers;
                const std::size_t batch = std::min(opt.block, opt.ops - done);
                // Takers in this batch meet the next `batch` best orders of alternating sides;
                // each crosses exactly one maker (its full quantity at the maker's price).
                std::vector<market::Order> asks, bids;
                for (auto side : {market::Side::sell, market::Side::buy}) {
                    auto& v = side == market::Side::sell ? asks : bids;
                    market::book_index(SYM, side).scan(b.state(), [&](std::string_view s) {
                        auto e = market::parse_book_suffix(side, s);
                        v.push_back(*market::load_order(b.state(), e->second));
                        return v.size() < batch;
                    });
                }
                std::size_t ai = 0, bi = 0;
                for (std::size_t k = 0; k < batch; ++k) {
                    const bool buy = (k % 2 == 0 && ai < asks.size()) || bi >= bids.size();
                    const market::Order& m = buy ? asks[ai++] : bids[bi++];
                    std::size_t who = b.rng()() % b.trader_count();
                    if (who == Bench::index_of(m.owner)) who = (who + 1) % b.trader_count();
                    takers.push_back(b.place(who, buy, m.price, m.remaining, "ioc"));
                }
                // Built after the takers: nonces are assigned in the order the txs will run.
                for (std::size_t k = 0; k < batch; ++k)
                    makers.push_back(b.resting(b.rng()() % b.trader_count()));
                auto t = b.run(takers);
                tm.apply_s += t.apply_s;
                tm.commit_s += t.commit_s;
                tm.txs += t.txs;
                tm.fills += t.fills;
                (void)b.run(makers);
                done += batch;
            }
            report("match one maker each (ioc taker)", tm);
            std::printf("  %-34s %8zu fills %9.0f fills/s\n", "", tm.fills,
                        per_s(tm.fills, tm.apply_s));
            match_cost.emplace_back(n, tm.apply_s * 1e6 / static_cast<double>(tm.txs));

            // 4. A taker sweeping 10 makers: per-fill cost.
            std::vector<VerifiedTx> sweeps;
            Bench::Timing ts{};
            for (std::size_t k = 0; k < std::min<std::size_t>(opt.ops / 10, 1000); ++k) {
                std::vector<market::Order> asks;
                market::book_index(SYM, market::Side::sell)
                    .scan(b.state(), [&](std::string_view s) {
                        auto e = market::parse_book_suffix(market::Side::sell, s);
                        asks.push_back(*market::load_order(b.state(), e->second));
                        return asks.size() < 10;
                    });
                u128 qty = 0;
                for (const auto& a : asks) qty += a.remaining;
                std::size_t who = 0;
                for (;; ++who) {
                    bool mine = false;
                    for (const auto& a : asks) mine = mine || Bench::index_of(a.owner) == who;
                    if (!mine) break;
                }
                std::vector<VerifiedTx> one{b.place(who, true, asks.back().price, qty, "ioc")};
                auto t = b.run(one);
                ts.apply_s += t.apply_s;
                ts.commit_s += t.commit_s;
                ts.txs += t.txs;
                ts.fills += t.fills;
                std::vector<VerifiedTx> refill;
                for (int i = 0; i < 10; ++i)
                    refill.push_back(b.resting(b.rng()() % b.trader_count()));
                (void)b.run(refill);
            }
            std::printf("  %-34s %8zu fills %9.0f fills/s (%6.2f us/fill)\n",
                        "sweep 10 makers per taker", ts.fills, per_s(ts.fills, ts.apply_s),
                        ts.apply_s * 1e6 / static_cast<double>(ts.fills ? ts.fills : 1));

            // 5. Cancels of random resting orders.
            std::vector<VerifiedTx> cancels;
            std::set<std::uint64_t> picked;
            const std::uint64_t last = b.next_id();
            for (std::size_t k = 0; k < opt.ops * 4 && cancels.size() < opt.ops; ++k) {
                auto o = market::load_order(b.state(), 1 + b.rng()() % (last - 1));
                if (!o || o->status != market::OrderStatus::open) continue;
                if (!picked.insert(o->id).second) continue;
                cancels.push_back(b.cancel(Bench::index_of(o->owner), o->id));
            }
            report("cancel a random resting order", b.run(cancels));
            std::printf("\n");
        }
        if (match_cost.size() >= 2) {
            std::printf("match cost vs book size (us per taker; log2 N for comparison):\n");
            for (const auto& [n, us] : match_cost)
                std::printf("  N = %8zu  %6.2f us  log2 N = %5.2f  us / log2 N = %5.3f\n", n, us,
                            std::log2(static_cast<double>(n)),
                            us / std::log2(static_cast<double>(n)));
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aif-bench-market: %s\n", e.what());
        return 1;
    }
}
