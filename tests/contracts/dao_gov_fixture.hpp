// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Governance cases: three funded dev accounts that delegate to themselves, and helpers to
// create a proposal and walk the clock through its vote and timelock.

#include "tests/contracts/dao_fixture.hpp"

namespace aif::test::dao {

struct GovFixture : DaoFixture
{
    ledger::SecretKey ka = dev_key(0), kb = dev_key(1), kc = dev_key(2);
    ledger::Address alice = address_of_key(ka);
    ledger::Address bob = address_of_key(kb);
    ledger::Address carol = address_of_key(kc);
    /// An account funded with 500 AIF, not delegated, below the proposal threshold.
    ledger::SecretKey kd = extra_key(1);
    ledger::Address dave = address_of_key(kd);

    explicit GovFixture(const std::function<void(ledger::Genesis&)>& tweak = {}) : DaoFixture(tweak)
    {
        block({delegate(ka, alice), delegate(kb, bob), delegate(kc, carol),
               tx(ka, "Transfer", {dave, std::string{"AIF"}, 500 * UNIT, std::string{}}, 1)});
    }

    /// Runs `t` (a Propose*) and returns the new proposal's id (from its event).
    std::uint64_t propose(const ledger::Tx& t)
    {
        return std::stoull(attr(run(t), "ProposalCreated", "proposalId"));
    }
    /// Moves the clock to proposal `id`'s end (votes closed from then on).
    void to_end(std::uint64_t id) { time = proposal(id).vote_end; }
    /// Moves the clock to proposal `id`'s eta (executable from then on).
    void to_eta(std::uint64_t id) { time = proposal(id).eta(); }
    /// Sends `amount` AIF from alice to the treasury (so spends can be paid).
    void fund_treasury(ledger::u128 amount) { run(transfer(ka, treasury(), amount)); }
};

}  // namespace aif::test::dao
