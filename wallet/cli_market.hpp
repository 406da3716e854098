// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"
#include "wallet/cli_context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

/// Shared by the market commands (SPEC §9 `aif-wallet market …`, docs/wallet.md "Market"):
/// cli_market.cpp holds the transactions, cli_market_query.cpp the read-only commands.
namespace aif::wallet::market_cli {

/// A price in AIF base units per share, shown in whole AIF ("2.5").
[[nodiscard]] std::string aif_text(ledger::u128 base_units);
/// Adds "priceAif" (whole AIF) next to each "price" of an object or array of objects.
void add_aif_prices(nlohmann::json& j);

/// market book, trades, orders, order, asset (cli_market_query.cpp).
[[nodiscard]] std::vector<CommandEntry> query_commands();

}  // namespace aif::wallet::market_cli
