// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/block.hpp"
#include "ledger/genesis.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"

#include <cstdint>
#include <vector>

namespace aif::contracts {

/// The chain-wide settings fixed at genesis and kept in state ("cfg/chain").
struct ChainConfig
{
    std::uint64_t chain_id{0};
    std::uint64_t genesis_time{0};
    ledger::Address authority;
    ledger::Address treasury;
};

/// Reads cfg/chain. Errors: internal when absent or corrupt (a bug, not an input error).
[[nodiscard]] ledger::Result<ChainConfig> read_chain_config(const ledger::StateView& s) noexcept;
/// Reads cfg/params.
[[nodiscard]] ledger::Result<ledger::Params> read_params(const ledger::StateView& s) noexcept;
/// Reads the validator set.
[[nodiscard]] ledger::Result<std::vector<ledger::Address>> read_validators(
    const ledger::StateView& s) noexcept;

/// What a transaction sees of its block: time only from the header (STYLE §4).
struct BlockContext
{
    std::uint64_t height{0};
    std::uint64_t timestamp{0};
    ledger::Address proposer;
};

/// Writes the genesis state: chain config, params, validators, the AIF asset, allocations and
/// editions. Errors: amount_overflow (cannot happen for a validated genesis).
[[nodiscard]] ledger::Result<void> init_genesis(ledger::StateOverlay& s,
                                                const ledger::Genesis& g) noexcept;

}  // namespace aif::contracts
