// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "bench/workload.hpp"

#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <thread>

namespace aif::bench {

using namespace ledger;

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& f,
                  const std::function<void()>& on_thread_start)
{
    parallel_for_ranges(
        n, threads, 64,
        [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) f(i);
        },
        on_thread_start);
}

void parallel_for_ranges(std::size_t n, unsigned threads, std::size_t chunk,
                         const std::function<void(std::size_t, std::size_t)>& f,
                         const std::function<void()>& on_thread_start)
{
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (;;) {
            const std::size_t start = next.fetch_add(chunk);
            if (start >= n) return;
            f(start, std::min(n, start + chunk));
        }
    };
    std::vector<std::thread> pool;
    if (on_thread_start) {
        for (unsigned t = 0; t < threads; ++t)
            pool.emplace_back([&] {
                on_thread_start();
                work();
            });
    } else {
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
    }
    for (auto& t : pool) t.join();
}

SecretKey bench_key(std::uint64_t i)
{
    SecretKey k;
    k.bytes = keccak256(std::string_view{"aif-bench sender " + std::to_string(i)}).bytes;
    return k;
}

nlohmann::json bench_genesis_json(const std::string& dev_genesis_path,
                                  const std::vector<Address>& funded, std::uint32_t max_block_txs)
{
    std::ifstream in(dev_genesis_path);
    if (!in) throw std::runtime_error("cannot read " + dev_genesis_path);
    nlohmann::json g = nlohmann::json::parse(in);
    g["notice"] = "aif-bench throwaway chain; keys are derived from public strings";
    g["params"]["maxBlockTxs"] = max_block_txs;
    for (const auto& a : funded)
        g["allocations"].push_back(
            {{"address", to_checksum(a)}, {"amount", "1000000000000000000000000"}});
    return g;
}

namespace {

constexpr u128 FEE = 1'000'000'000'000'000ULL;  // 0.001 AIF
/// The FilmToken of the market workload: its supply, and what every sender but the issuer gets.
constexpr const char* MARKET_SYMBOL = "BENCH";
constexpr u128 SHARE_SUPPLY = u128{1} << 100;
constexpr u128 SHARE_GIFT = u128{1} << 64;

/// JSON-RPC batch bodies of tx_send calls for `txs`, `batch` calls each.
std::vector<std::string> rpc_batches_of(const std::vector<Tx>& txs, std::size_t batch)
{
    std::vector<std::string> out;
    for (std::size_t start = 0; start < txs.size(); start += batch) {
        nlohmann::json body = nlohmann::json::array();
        for (std::size_t i = start; i < std::min(txs.size(), start + batch); ++i)
            body.push_back({{"jsonrpc", "2.0"},
                            {"id", i},
                            {"method", "tx_send"},
                            {"params", json::tx_to_json(txs[i])}});
        out.push_back(body.dump());
    }
    return out;
}

/// The senders' keys and addresses.
Workload with_senders(std::uint64_t chain_id, std::size_t senders, unsigned threads)
{
    Workload w;
    w.chain_id = chain_id;
    w.keys.resize(senders);
    w.senders.resize(senders);
    parallel_for(senders, threads, [&](std::size_t i) {
        w.keys[i] = bench_key(i);
        w.senders[i] = address_of(*public_key_of(w.keys[i]));
    });
    w.final_nonces.assign(senders, 0);
    return w;
}

/// A setup tx of `type` signed by sender `s`; its nonce counts in the sender's final nonce
/// (where a sender has no timed tx, setup alone sets it). Safe on parallel threads as long as
/// each call signs for a different sender.
Tx sign_setup(Workload& w, const Hash32& dsep, std::size_t s, const char* type,
              std::vector<Value> fields)
{
    Tx tx;
    tx.type = find_tx_type(type);
    tx.fields = std::move(fields);
    tx.signature = *sign_digest(signing_digest(dsep, tx), w.keys[s]);
    w.final_nonces[s] = std::max(w.final_nonces[s], tx.nonce() + 1);
    return tx;
}

/// Fills the timed part: `n` txs, tx i from sender i % senders with the fields `fields_of(i)`
/// gives (its nonce first), signed on `threads` threads.
void sign_timed(Workload& w, const TxTypeDef* type, std::size_t n, std::size_t batch,
                unsigned threads, const std::function<std::vector<Value>(std::size_t)>& fields_of)
{
    const Hash32 dsep = domain_separator({w.chain_id});
    const std::size_t senders = w.senders.size();
    w.txs.resize(n);
    w.digests.resize(n);
    w.encoded.resize(n);
    parallel_for(n, threads, [&](std::size_t i) {
        Tx tx;
        tx.type = type;
        tx.fields = fields_of(i);
        w.digests[i] = signing_digest(dsep, tx);
        tx.signature = *sign_digest(w.digests[i], w.keys[i % senders]);
        w.encoded[i] = encode_tx(tx);
        w.txs[i] = std::move(tx);
    });
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t& next = w.final_nonces[i % senders];
        next = std::max(next, w.txs[i].nonce() + 1);
    }
    w.rpc_batches = rpc_batches_of(w.txs, batch);
}

}  // namespace

Workload make_transfers(std::uint64_t chain_id, std::size_t n, std::size_t senders,
                        std::size_t batch, unsigned threads)
{
    Workload w = with_senders(chain_id, senders, threads);
    w.name = "transfers";
    sign_timed(w, find_tx_type("Transfer"), n, batch, threads, [&](std::size_t i) {
        // Recipients: the next sender, so state stays realistic (balances on both sides).
        return std::vector<Value>{std::uint64_t{i / senders},
                                  FEE,
                                  w.senders[(i % senders + 1) % senders],
                                  std::string{"AIF"},
                                  u128{1'000'000'000'000ULL},
                                  std::string{}};
    });
    return w;
}

Workload make_votes(std::uint64_t chain_id, std::size_t n, std::size_t senders, std::size_t batch,
                    unsigned threads)
{
    Workload w = with_senders(chain_id, senders, threads);
    w.name = "DAO votes";
    const Hash32 dsep = domain_separator({chain_id});
    // Setup: every sender delegates to itself (power is counted at the snapshot, the block
    // before the proposal), then sender 0 proposes (its power is over the threshold: no deposit).
    std::vector<Tx> delegations(senders);
    parallel_for(senders, threads, [&](std::size_t s) {
        delegations[s] = sign_setup(w, dsep, s, "Delegate", {std::uint64_t{0}, FEE, w.senders[s]});
    });
    w.setup.push_back(std::move(delegations));
    w.setup.push_back({sign_setup(w, dsep, 0, "ProposeText",
                                  {std::uint64_t{1}, FEE, std::string{"aif-bench ballot"},
                                   std::string{"votes measured by aif-bench"}})});
    // Timed: each sender votes again and again (a voter may change their vote until the end;
    // the tally counts the last), cycling for → against → abstain. The proposal is id 1.
    static const std::array<const char*, 3> CHOICES = {"for", "against", "abstain"};
    sign_timed(w, find_tx_type("Vote"), n, batch, threads, [&](std::size_t i) {
        const std::size_t s = i % senders;
        const std::uint64_t nonce = (s == 0 ? 2 : 1) + i / senders;
        return std::vector<Value>{nonce, FEE, std::uint64_t{1},
                                  std::string{CHOICES[(i / senders) % 3]}};
    });
    return w;
}

Workload make_market(std::uint64_t chain_id, std::size_t n, std::size_t senders, std::size_t batch,
                     unsigned threads)
{
    if (senders < 2)
        throw std::invalid_argument(
            "the market workload needs at least 2 senders (a buyer and a seller)");
    Workload w = with_senders(chain_id, senders, threads);
    w.name = "market orders";
    w.needs_dev_clock = true;
    const Hash32 dsep = domain_separator({chain_id});
    std::uint64_t issuer_nonce = 0;  // sender 0 signs every setup tx
    const auto by_issuer = [&](const char* type, std::vector<Value> fields) {
        fields.insert(fields.begin(), {Value{issuer_nonce++}, Value{FEE}});
        return sign_setup(w, dsep, 0, type, std::move(fields));
    };
    // Film 1 of the dev edition 2026 (the dev clock starts in its early-bird window).
    const std::string content = "aif-bench market film";
    std::vector<Value> film{std::uint64_t{2026},
                            std::string{"aif-bench film"},
                            std::string{"generative_cinema"},
                            std::string{"short_film"},
                            std::uint64_t{0},
                            std::vector<Address>{w.senders[0]}};
    for (int d = 0; d < 6; ++d) film.emplace_back(std::uint64_t{60});
    film.emplace_back(std::string{"aif-bench"});
    film.emplace_back(
        sha256(ByteView{reinterpret_cast<const std::uint8_t*>(content.data()), content.size()}));
    film.emplace_back(std::string{"ipfs://aif-bench"});
    w.setup.push_back({by_issuer("SubmitFilm", std::move(film))});
    w.setup.push_back(
        {by_issuer("IssueShares", {std::uint64_t{1}, std::string{MARKET_SYMBOL}, SHARE_SUPPLY})});
    // Shares for every other sender, in blocks the node's per-sender pool limit admits.
    constexpr std::size_t PER_BLOCK = 500;
    std::vector<Tx> gifts;
    for (std::size_t s = 1; s < senders; ++s) {
        gifts.push_back(by_issuer(
            "Transfer", {w.senders[s], std::string{MARKET_SYMBOL}, SHARE_GIFT, std::string{}}));
        if (gifts.size() == PER_BLOCK) {
            w.setup.push_back(std::move(gifts));
            gifts.clear();
        }
    }
    if (!gifts.empty()) w.setup.push_back(std::move(gifts));
    // Timed: even senders sell and odd senders buy, one share per order at one price (10^-6
    // AIF), good till cancelled. No sender ever takes both sides: the market refuses an order
    // whose first match would be the sender's own, and a refused tx would strand its sender's
    // later ones.
    sign_timed(w, find_tx_type("PlaceOrder"), n, batch, threads, [&](std::size_t i) {
        const std::size_t s = i % senders;
        const std::uint64_t nonce = (s == 0 ? issuer_nonce : 0) + i / senders;
        return std::vector<Value>{nonce,
                                  FEE,
                                  std::string{MARKET_SYMBOL},
                                  std::string{s % 2 == 0 ? "sell" : "buy"},
                                  u128{1'000'000'000'000ULL},
                                  u128{1},
                                  std::uint64_t{0},
                                  std::string{"gtc"}};
    });
    // Sells are never fewer than buys (round-robin from sender 0, a seller), all at one price,
    // so every buy fills whatever order the blocks apply them in: a buy left resting at the end
    // would mean no sell rests, i.e. fewer sells than buys. A sell's share leaves its seller at
    // once (escrow or fill), so every sender's final share balance is known. (With an odd
    // number of senders the sellers are one more, and the extra sells rest.)
    std::vector<u128> shares(senders, SHARE_GIFT);
    shares[0] = SHARE_SUPPLY - SHARE_GIFT * (senders - 1);
    for (std::size_t i = 0; i < n; ++i) {
        if (i % senders % 2 == 0)
            --shares[i % senders];
        else
            ++shares[i % senders];
    }
    for (std::size_t s = 0; s < senders; ++s)
        w.final_balances.push_back({s, MARKET_SYMBOL, shares[s]});
    return w;
}

std::vector<std::string> setup_rpc_batches(const std::vector<Tx>& block, std::size_t batch)
{
    return rpc_batches_of(block, batch);
}

}  // namespace aif::bench
