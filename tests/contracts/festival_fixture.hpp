// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// The festival test fixture: the dev genesis (edition 2026, authority = dev account 0) plus
// deterministic extra keys, a block clock, and one helper per festival transaction. Cases are
// written as pre-state, transaction, expectation (STYLE §6).

#include "contracts/executor.hpp"
#include "contracts/festival.hpp"
#include "contracts/festival_state.hpp"
#include "contracts/token.hpp"
#include "ledger/tx_types_festival.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace aif::test {

namespace fest = aif::contracts::festival;

inline constexpr ledger::u128 AIF_UNIT = 1'000'000'000'000'000'000ULL;
inline constexpr ledger::u128 MIN_FEE = 1'000'000'000'000'000ULL;

/// Dev genesis edition 2026 timeline (genesis/dev.json).
inline constexpr std::uint64_t EARLY_BIRD = 1774992000;
inline constexpr std::uint64_t STANDARD = 1777584000;
inline constexpr std::uint64_t FINAL_CALL = 1782854400;
inline constexpr std::uint64_t SUBMISSIONS_CLOSE = 1783718400;

/// Disclosure: writing, direction, generation, editing, sound, post.
using Ai = std::array<std::uint64_t, 6>;
inline constexpr Ai AI_60 = {60, 60, 60, 60, 60, 60};

struct FestivalFixture : LedgerFixture
{
    std::uint64_t now = EARLY_BIRD + 3600;
    std::uint64_t height = 1;
    std::uint32_t year = 2026;

    FestivalFixture()
    {
        // Keys 1..40: deterministic secrets 0x0101…, 0x0202…; each funded with 100,000 AIF.
        ledger::StateOverlay o{state};
        for (int i = 1; i <= 40; ++i) {
            auto r = contracts::token::mint(o, {0, now, {}}, ledger::AIF, addr(key(i)),
                                            100'000 * AIF_UNIT);
            BOOST_REQUIRE(r);
        }
        state.apply(o.changes());
    }

    static ledger::SecretKey key(int i)
    {
        ledger::SecretKey k;
        k.bytes.fill(static_cast<std::uint8_t>(i));
        return k;
    }
    static ledger::SecretKey authority() { return dev_key(0); }
    static ledger::Address addr(const ledger::SecretKey& k) { return address_of_key(k); }

    ledger::Tx make(const ledger::SecretKey& k, std::string_view type,
                    std::vector<ledger::Value> body, ledger::u128 fee = MIN_FEE)
    {
        ledger::Tx tx;
        tx.type = ledger::find_tx_type(type);
        BOOST_REQUIRE_MESSAGE(tx.type, "unknown type " << type);
        tx.fields = {std::uint64_t{contracts::nonce_of(state, addr(k))}, fee};
        for (auto& v : body) tx.fields.push_back(std::move(v));
        BOOST_REQUIRE_EQUAL(tx.fields.size(), tx.type->fields.size());
        auto digest = ledger::signing_digest(ledger::domain_separator({chain_id()}), tx);
        tx.signature = *ledger::sign_digest(digest, k);
        return tx;
    }

    /// Applies the tx in its own block; commits the writes on success.
    ledger::Result<std::vector<ledger::Event>> send(const ledger::SecretKey& k,
                                                    std::string_view type,
                                                    std::vector<ledger::Value> body)
    {
        auto tx = make(k, type, std::move(body));
        ledger::StateOverlay o{state};
        auto r = contracts::apply_tx(o, {height++, now, {}}, verified(tx, chain_id()));
        if (r) state.apply(o.changes());
        return r;
    }

    /// Applies and requires success; returns the events.
    std::vector<ledger::Event> ok(const ledger::SecretKey& k, std::string_view type,
                                  std::vector<ledger::Value> body)
    {
        auto r = send(k, type, std::move(body));
        BOOST_REQUIRE_MESSAGE(r, type << " refused: " << (r ? "" : r.error().message()));
        return *r;
    }

    /// Requires a refusal with `code` whose detail contains `needle`, and no write at all: not
    /// the nonce, not the fee, not the state root.
    void refused(const ledger::SecretKey& k, std::string_view type, std::vector<ledger::Value> body,
                 ledger::ErrorCode code, const std::string& needle = "")
    {
        const auto root_before = state.root();
        auto tx = make(k, type, std::move(body));
        ledger::StateOverlay o{state};
        auto r = contracts::apply_tx(o, {height, now, {}}, verified(tx, chain_id()));
        BOOST_REQUIRE_MESSAGE(!r,
                              type << " should have been refused with " << ledger::to_string(code));
        BOOST_CHECK_EQUAL(ledger::to_string(r.error().code), ledger::to_string(code));
        BOOST_CHECK_MESSAGE(r.error().detail.find(needle) != std::string::npos,
                            "detail '" << r.error().detail << "' lacks '" << needle << "'");
        BOOST_CHECK(o.changes().empty());
        BOOST_CHECK(state.root() == root_before);
    }

    static std::string attr(const std::vector<ledger::Event>& events, const std::string& name,
                            const std::string& key)
    {
        for (const auto& e : events)
            if (e.name == name)
                for (const auto& [k, v] : e.attrs)
                    if (k == key) return v;
        return "";
    }

    static ledger::Hash32 hash_of(int tag)
    {
        ledger::Hash32 h;
        h.bytes.fill(static_cast<std::uint8_t>(tag));
        h.bytes[0] = 0xc0;
        return h;
    }

    std::vector<ledger::Value> film_body(const std::string& title, const std::string& category,
                                         const std::string& format, bool student, Ai ai,
                                         int hash_tag, std::vector<ledger::Address> creators = {},
                                         std::uint32_t edition = 2026)
    {
        std::vector<ledger::Value> b{
            std::uint64_t{edition}, title, category, format, std::uint64_t{student ? 1u : 0u},
            std::move(creators)};
        for (auto v : ai) b.emplace_back(std::uint64_t{v});
        b.emplace_back(std::string{"Sora, Kling, custom diffusion"});
        b.emplace_back(hash_of(hash_tag));
        b.emplace_back(std::string{"ipfs://film-" + std::to_string(hash_tag)});
        return b;
    }

    std::uint64_t submit(const ledger::SecretKey& k, int hash_tag,
                         const std::string& category = "procedural_emergent", Ai ai = AI_60,
                         std::vector<ledger::Address> creators = {})
    {
        auto ev = ok(k, "SubmitFilm",
                     film_body("Film " + std::to_string(hash_tag), category, "short_film", false,
                               ai, hash_tag, std::move(creators)));
        return std::stoull(attr(ev, "FilmSubmitted", "filmId"));
    }

    void juror(const ledger::SecretKey& k, const std::string& faction, bool core)
    {
        ok(authority(), "RegisterJuror",
           {std::uint64_t{year}, addr(k), faction, std::uint64_t{core ? 1u : 0u}});
    }
    void open(std::uint64_t round) { ok(authority(), "OpenRound", {std::uint64_t{year}, round}); }
    void close(std::uint64_t round) { ok(authority(), "CloseRound", {std::uint64_t{year}, round}); }
    void open_reveal() { ok(authority(), "OpenR2Reveal", {std::uint64_t{year}}); }
    void finalize() { ok(authority(), "FinalizeEdition", {std::uint64_t{year}}); }

    static std::vector<ledger::Value> r1_body(std::uint64_t film, bool pass,
                                              std::uint64_t verified = 60, bool ethics = true)
    {
        return {film, std::uint64_t{pass ? 1u : 0u}, verified, std::uint64_t{ethics ? 1u : 0u}};
    }
    void r1(const ledger::SecretKey& k, std::uint64_t film, bool pass)
    {
        ok(k, "R1Review", r1_body(film, pass));
    }

    static ledger::Hash32 salt_of(int tag)
    {
        ledger::Hash32 h;
        h.bytes.fill(static_cast<std::uint8_t>(tag));
        h.bytes[31] = 0x5a;
        return h;
    }
    ledger::Hash32 commitment(const ledger::SecretKey& k, std::uint64_t film,
                              std::array<std::uint8_t, 4> scores, int salt_tag = 7)
    {
        return fest::r2_commitment(film, addr(k), scores, salt_of(salt_tag));
    }
    void commit(const ledger::SecretKey& k, std::uint64_t film, std::array<std::uint8_t, 4> scores,
                int salt_tag = 7)
    {
        ok(k, "R2Commit", {film, commitment(k, film, scores, salt_tag)});
    }
    static std::vector<ledger::Value> reveal_body(std::uint64_t film,
                                                  std::array<std::uint8_t, 4> scores,
                                                  int salt_tag = 7)
    {
        return {film,
                std::uint64_t{scores[0]},
                std::uint64_t{scores[1]},
                std::uint64_t{scores[2]},
                std::uint64_t{scores[3]},
                salt_of(salt_tag)};
    }
    void reveal(const ledger::SecretKey& k, std::uint64_t film, std::array<std::uint8_t, 4> scores,
                int salt_tag = 7)
    {
        ok(k, "R2Reveal", reveal_body(film, scores, salt_tag));
    }
    void vote(const ledger::SecretKey& k, std::uint64_t film, const std::string& award)
    {
        ok(k, "R3Vote", {film, award});
    }

    fest::FilmTally tally(std::uint64_t film)
    {
        auto t = fest::load_tally(state, film);
        BOOST_REQUIRE(t);
        return *t;
    }
    fest::Phase phase() { return fest::phase_of(state, year); }
};

}  // namespace aif::test
