// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Shared by the market suites: a dev-genesis ledger with one FilmToken, signed market
// transactions, and apply-and-commit helpers (pre-state, transaction, expectation).

#include "contracts/executor.hpp"
#include "contracts/keys.hpp"
#include "contracts/market.hpp"
#include "contracts/market_queries.hpp"
#include "contracts/token.hpp"
#include "ledger/tx_types_market.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

namespace aif::test {

namespace mkt {
inline constexpr ledger::u128 AIF_UNIT = 1'000'000'000'000'000'000ULL;
inline constexpr ledger::u128 MIN_FEE = 1'000'000'000'000'000ULL;
}  // namespace mkt

/// Signs `tx` (type and fields already set) with `key` for `chain_id`.
inline ledger::Tx signed_tx(const ledger::SecretKey& key, std::uint64_t chain_id, ledger::Tx tx)
{
    auto digest = ledger::signing_digest(ledger::domain_separator({chain_id}), tx);
    tx.signature = *ledger::sign_digest(digest, key);
    return tx;
}

struct MarketFixture : LedgerFixture
{
    static constexpr std::uint64_t T0 = 1775000000;
    /// FILM's film id: far above the ids SubmitFilm hands out (1, 2, …), so tests that submit
    /// real films never collide with it.
    static constexpr std::uint64_t FAKE_FILM = 1'000'000;
    const std::string FILM = "FILM";
    ledger::Address alice = address_of_key(dev_key(0));  // issuer of FILM (film 1's submitter)
    ledger::Address bob = address_of_key(dev_key(1));
    ledger::Address carol = address_of_key(dev_key(2));
    contracts::BlockContext ctx{1, T0, {}};

    MarketFixture()
    {
        // FILM: 1000 shares of a film issued to alice (issue_shares is the issuance minus the
        // festival's submitter check, which market_issuance_tests cover), 300 passed to carol.
        ledger::StateOverlay o{state};
        auto r = contracts::market::issue_shares(o, ctx, alice, FAKE_FILM, FILM, 1000);
        if (!r) throw std::runtime_error(r.error().message());
        if (!contracts::token::move(o, ctx, FILM, alice, carol, 300))
            throw std::runtime_error("setup move");
        state.apply(o.changes());
    }

    ledger::SecretKey key_of(const ledger::Address& a) const
    {
        for (int i = 0; i < 3; ++i)
            if (address_of_key(dev_key(i)) == a) return dev_key(i);
        throw std::runtime_error("no key");
    }
    std::uint64_t nonce(const ledger::Address& a) const { return contracts::nonce_of(state, a); }
    ledger::Address treasury() const { return genesis.treasury; }
    ledger::u128 aif(const ledger::Address& a) const
    {
        return contracts::token::balance_of(state, a, ledger::AIF);
    }
    ledger::u128 shares(const ledger::Address& a) const
    {
        return contracts::token::balance_of(state, a, FILM);
    }
    ledger::u128 escrow_aif() const { return aif(contracts::market::escrow_address()); }
    ledger::u128 escrow_shares() const { return shares(contracts::market::escrow_address()); }

    ledger::Tx place_tx(const ledger::Address& who, std::string side, ledger::u128 price,
                        ledger::u128 qty, std::uint64_t expiry = 0, std::string tif = "gtc",
                        std::string asset = "")
    {
        ledger::Tx tx;
        tx.type = ledger::find_tx_type("PlaceOrder");
        tx.fields = {nonce(who), mkt::MIN_FEE, asset.empty() ? FILM : asset, std::move(side),
                     price,      qty,          std::uint64_t{expiry},        std::move(tif)};
        return signed_tx(key_of(who), chain_id(), std::move(tx));
    }
    ledger::Tx cancel_tx(const ledger::Address& who, std::uint64_t id)
    {
        ledger::Tx tx;
        tx.type = ledger::find_tx_type("CancelOrder");
        tx.fields = {nonce(who), mkt::MIN_FEE, std::uint64_t{id}};
        return signed_tx(key_of(who), chain_id(), std::move(tx));
    }
    ledger::Tx expire_tx(const ledger::Address& who, std::uint64_t max, std::string asset = "")
    {
        ledger::Tx tx;
        tx.type = ledger::find_tx_type("ExpireOrders");
        tx.fields = {nonce(who), mkt::MIN_FEE, asset.empty() ? FILM : asset, std::uint64_t{max}};
        return signed_tx(key_of(who), chain_id(), std::move(tx));
    }
    ledger::Tx issue_tx(const ledger::Address& who, std::uint64_t film, std::string symbol,
                        ledger::u128 supply)
    {
        ledger::Tx tx;
        tx.type = ledger::find_tx_type("IssueShares");
        tx.fields = {nonce(who), mkt::MIN_FEE, std::uint64_t{film}, std::move(symbol), supply};
        return signed_tx(key_of(who), chain_id(), std::move(tx));
    }

    /// Applies `tx` at block time `ctx.timestamp`; commits on success.
    ledger::Result<std::vector<ledger::Event>> apply(const ledger::Tx& tx)
    {
        ledger::StateOverlay o{state};
        auto r = contracts::apply_tx(o, ctx, verified(tx, chain_id()));
        if (r) state.apply(o.changes());
        return r;
    }
    /// Applies `tx`, which must succeed; returns its events.
    std::vector<ledger::Event> ok(const ledger::Tx& tx)
    {
        auto r = apply(tx);
        if (!r) BOOST_FAIL("tx refused: " + r.error().message());
        return std::move(*r);
    }
    /// Places an order that must succeed and returns its id (from OrderPlaced).
    std::uint64_t place(const ledger::Address& who, std::string side, ledger::u128 price,
                        ledger::u128 qty, std::uint64_t expiry = 0, std::string tif = "gtc",
                        std::string asset = "")
    {
        auto ev = ok(
            place_tx(who, std::move(side), price, qty, expiry, std::move(tif), std::move(asset)));
        return std::stoull(attr(ev, "OrderPlaced", "orderId"));
    }
    /// Asserts `tx` is refused with `code` and changes nothing at all (no write, not even the
    /// nonce or the fee).
    void refused(const ledger::Tx& tx, ledger::ErrorCode code, const std::string& detail_has = "")
    {
        ledger::StateOverlay o{state};
        const ledger::Hash32 root_before = state.root();
        auto r = contracts::apply_tx(o, ctx, verified(tx, chain_id()));
        BOOST_REQUIRE_MESSAGE(!r, "expected " << to_string(code) << ", tx succeeded");
        BOOST_CHECK_EQUAL(to_string(r.error().code), to_string(code));
        if (!detail_has.empty())
            BOOST_CHECK_MESSAGE(r.error().detail.find(detail_has) != std::string::npos,
                                "detail '" << r.error().detail << "' lacks '" << detail_has << "'");
        BOOST_CHECK(o.changes().empty());
        BOOST_CHECK(state.root() == root_before);
    }

    /// The value of attribute `key` of the first event named `name`.
    static std::string attr(const std::vector<ledger::Event>& ev, const std::string& name,
                            const std::string& key, std::size_t nth = 0)
    {
        for (const auto& e : ev) {
            if (e.name != name) continue;
            if (nth-- > 0) continue;
            for (const auto& [k, v] : e.attrs)
                if (k == key) return v;
        }
        BOOST_FAIL("no event " + name + "." + key);
        return {};
    }
    static std::size_t count(const std::vector<ledger::Event>& ev, const std::string& name)
    {
        std::size_t n = 0;
        for (const auto& e : ev) n += e.name == name;
        return n;
    }
    contracts::market::Order order(std::uint64_t id) const
    {
        auto o = contracts::market::load_order(state, id);
        if (!o) throw std::runtime_error("no order " + std::to_string(id));
        return *o;
    }
    /// Sets the market parameters (what a DAO parameter change would do).
    void set_params(std::uint32_t fee_bps, std::uint32_t royalty_bps, std::uint32_t max_open)
    {
        ledger::StateOverlay o{state};
        o.put(contracts::keys::MARKET_PARAMS,
              ledger::encode_market_params({fee_bps, royalty_bps, max_open}));
        state.apply(o.changes());
    }
};

}  // namespace aif::test
