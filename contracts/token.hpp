// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "contracts/chain_config.hpp"
#include "ledger/block.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

/// The multi-asset ledger: AIF and FilmTokens share one balance table (SPEC §2, §8).
namespace aif::contracts::token {

/// Registered asset: decimals (18 for AIF, 0 for FilmTokens) and, for a FilmToken, its film.
struct AssetInfo
{
    std::uint8_t decimals{0};
    std::string film_id;
};

/// Balance of `asset` at `who` (zero when absent).
[[nodiscard]] ledger::u128 balance_of(const ledger::StateView& s, const ledger::Address& who,
                                      std::string_view asset);
/// Total supply of `asset` (zero when unknown).
[[nodiscard]] ledger::u128 supply_of(const ledger::StateView& s, std::string_view asset);
/// The asset's record, or nullopt when it is not registered.
[[nodiscard]] std::optional<AssetInfo> asset_info(const ledger::StateView& s,
                                                  std::string_view asset);
/// All non-zero balances of `who`, by asset name.
[[nodiscard]] std::map<std::string, ledger::u128> balances_of(const ledger::StateView& s,
                                                              const ledger::Address& who);

/// Registers a new asset. Errors: already_exists.
[[nodiscard]] ledger::Result<void> register_asset(ledger::StateOverlay& s, std::string_view asset,
                                                  const AssetInfo& info) noexcept;
/// Creates `amount` of `asset` at `to`, raising supply. Errors: amount_overflow, unknown_asset.
/// Every AIF balance change notifies the DAO (voting power follows tokens, SPEC §7).
[[nodiscard]] ledger::Result<void> mint(ledger::StateOverlay& s, const BlockContext& ctx,
                                        std::string_view asset, const ledger::Address& to,
                                        ledger::u128 amount) noexcept;
/// Moves `amount` from `from` to `to`. Errors: insufficient_balance, amount_overflow.
[[nodiscard]] ledger::Result<void> move(ledger::StateOverlay& s, const BlockContext& ctx,
                                        std::string_view asset, const ledger::Address& from,
                                        const ledger::Address& to, ledger::u128 amount) noexcept;

/// Applies a Transfer (SPEC §2) after the common nonce/fee step.
/// Errors: unknown_asset, invalid_amount, insufficient_balance, amount_overflow.
[[nodiscard]] ledger::Result<std::vector<ledger::Event>> apply_transfer(
    ledger::StateOverlay& s, const BlockContext& ctx, const ledger::VerifiedTx& tx) noexcept;

}  // namespace aif::contracts::token
