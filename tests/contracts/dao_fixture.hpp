// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Shared by the dao suites: a dev-genesis ledger (DAO parameters adjustable) that applies signed
// transactions block by block, with a block clock, so cases read as pre-state, transaction,
// expectation across heights (STYLE §6).

#include "contracts/dao.hpp"
#include "contracts/dao_params.hpp"
#include "contracts/dao_power.hpp"
#include "contracts/dao_proposal.hpp"
#include "contracts/dao_tally.hpp"
#include "contracts/executor.hpp"
#include "contracts/token.hpp"
#include "ledger/tx_types_dao.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace aif::test::dao {

inline constexpr ledger::u128 UNIT = 1'000'000'000'000'000'000ULL;
inline constexpr ledger::u128 FEE = 1'000'000'000'000'000ULL;

/// A throwaway key derived from `i` (never a dev-genesis account).
inline ledger::SecretKey extra_key(std::uint32_t i)
{
    ledger::SecretKey k;
    k.bytes = ledger::keccak256(std::string_view{"aif-dao-test-key-" + std::to_string(i)}).bytes;
    return k;
}

struct DaoFixture
{
    ledger::Genesis genesis;
    ledger::State state;
    std::uint64_t height{0};
    std::uint64_t time{0};

    explicit DaoFixture(const std::function<void(ledger::Genesis&)>& tweak = {})
        : genesis(dev_genesis())
    {
        if (tweak) tweak(genesis);
        ledger::StateOverlay o{state};
        auto r = contracts::init_genesis(o, genesis);
        if (!r) throw std::runtime_error(r.error().message());
        state.apply(o.changes());
        time = genesis.genesis_time + 1000;
    }

    std::uint64_t chain_id() const { return genesis.chain_id; }
    contracts::BlockContext next_ctx() const { return {height + 1, time, {}}; }

    /// A signed tx of `type`: nonce (the sender's next unless given) and fee, then `rest`.
    ledger::Tx tx(const ledger::SecretKey& key, std::string_view type,
                  std::vector<ledger::Value> rest, std::optional<std::uint64_t> nonce = {},
                  ledger::u128 fee = FEE) const
    {
        ledger::Tx t;
        t.type = ledger::find_tx_type(type);
        if (!t.type) throw std::runtime_error("no tx type " + std::string{type});
        t.fields = {nonce.value_or(contracts::nonce_of(state, address_of_key(key))), fee};
        for (auto& v : rest) t.fields.push_back(std::move(v));
        auto digest = ledger::signing_digest(ledger::domain_separator({chain_id()}), t);
        t.signature = *ledger::sign_digest(digest, key);
        return t;
    }

    /// Seals one block holding `txs` (each must apply) at the current time; returns the events
    /// of each.
    std::vector<std::vector<ledger::Event>> block(const std::vector<ledger::Tx>& txs)
    {
        const auto ctx = next_ctx();
        ledger::StateOverlay o{state};
        std::vector<std::vector<ledger::Event>> out;
        for (const auto& t : txs) {
            auto r = contracts::apply_tx(o, ctx, verified(t, chain_id()));
            if (!r)
                throw std::runtime_error(std::string{t.type->name} + ": " + r.error().message());
            out.push_back(*r);
        }
        state.apply(o.changes());
        ++height;
        return out;
    }
    std::vector<ledger::Event> run(const ledger::Tx& t) { return block({t}).at(0); }
    /// An empty block (moves the height on).
    void mine() { block({}); }

    /// Applies `t` in the next block's context; expects refusal with `code` and no write.
    void refused(const ledger::Tx& t, ledger::ErrorCode code)
    {
        ledger::StateOverlay o{state};
        auto r = contracts::apply_tx(o, next_ctx(), verified(t, chain_id()));
        BOOST_REQUIRE_MESSAGE(!r, std::string{t.type->name} + " should be refused with " +
                                      std::string{ledger::to_string(code)});
        BOOST_CHECK_EQUAL(ledger::to_string(r.error().code), ledger::to_string(code));
        BOOST_TEST_MESSAGE("refused: " << r.error().message());
        BOOST_CHECK(o.changes().empty());
    }

    // Typed transaction makers.
    ledger::Tx delegate(const ledger::SecretKey& k, const ledger::Address& to) const
    {
        return tx(k, "Delegate", {to});
    }
    ledger::Tx transfer(const ledger::SecretKey& k, const ledger::Address& to,
                        ledger::u128 amount) const
    {
        return tx(k, "Transfer", {to, std::string{"AIF"}, amount, std::string{}});
    }
    ledger::Tx propose_text(const ledger::SecretKey& k, std::string title = "t") const
    {
        return tx(k, "ProposeText", {std::move(title), std::string{"d"}});
    }
    ledger::Tx propose_param(const ledger::SecretKey& k, std::string key, ledger::u128 v) const
    {
        return tx(k, "ProposeParamChange", {std::string{"p"}, std::string{}, std::move(key), v});
    }
    ledger::Tx propose_spend(const ledger::SecretKey& k, const ledger::Address& to,
                             ledger::u128 amount) const
    {
        return tx(k, "ProposeSpend", {std::string{"s"}, std::string{}, to, amount});
    }
    ledger::Tx propose_ballot(const ledger::SecretKey& k, std::uint32_t edition,
                              std::string award) const
    {
        return tx(k, "ProposeAwardBallot",
                  {std::string{"b"}, std::string{}, std::uint64_t{edition}, std::move(award)});
    }
    ledger::Tx vote(const ledger::SecretKey& k, std::uint64_t id, std::string choice) const
    {
        return tx(k, "Vote", {id, std::move(choice)});
    }
    ledger::Tx execute(const ledger::SecretKey& k, std::uint64_t id) const
    {
        return tx(k, "ExecuteProposal", {id});
    }
    ledger::Tx finalize(const ledger::SecretKey& k, std::uint64_t id) const
    {
        return tx(k, "FinalizeProposal", {id});
    }

    // Queries.
    ledger::u128 aif(const ledger::Address& a) const
    {
        return contracts::token::balance_of(state, a, ledger::AIF);
    }
    ledger::u128 power(const ledger::Address& a) const
    {
        return contracts::dao::current_power(state, a);
    }
    contracts::dao::Proposal proposal(std::uint64_t id) const
    {
        auto p = contracts::dao::load_proposal(state, id);
        if (!p) throw std::runtime_error(p.error().message());
        return *p;
    }
    contracts::dao::Tally tally(std::uint64_t id) const
    {
        return contracts::dao::read_tally(state, proposal(id));
    }
    contracts::dao::ProposalStatus status(std::uint64_t id) const
    {
        const auto p = proposal(id);
        const auto o = contracts::dao::outcome_of(p, contracts::dao::read_tally(state, p), time);
        return contracts::dao::status_of(p, o, time);
    }
    ledger::Address treasury() const { return genesis.treasury; }
};

/// The value of attribute `name` of the first event called `event`.
inline std::string attr(const std::vector<ledger::Event>& events, std::string_view event,
                        std::string_view name)
{
    for (const auto& e : events)
        if (e.name == event)
            for (const auto& [k, v] : e.attrs)
                if (k == name) return v;
    throw std::runtime_error("no " + std::string{event} + "." + std::string{name});
}

}  // namespace aif::test::dao
