// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"
#include "wallet/cli_context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

/// Shared by the DAO commands (SPEC §7, §9 `aif-wallet dao …`, docs/dao.md "Wallet"):
/// cli_dao.cpp holds the transactions, cli_dao_query.cpp the read-only commands.
namespace aif::wallet::dao_cli {

/// Base units the node sent (decimal string) shown as whole AIF: "12.5 AIF".
[[nodiscard]] std::string aif_text(const nlohmann::json& base_units, const std::string& what);
/// A proposal (dao_getProposal answer) for people: one "key: value" block.
[[nodiscard]] std::string proposal_text(const nlohmann::json& p);
/// True for a choice the node may accept: for, against, abstain or a decimal film id.
[[nodiscard]] bool plausible_choice(const std::string& choice);

/// dao show, list, power, vote-of, delegation, params (cli_dao_query.cpp).
[[nodiscard]] std::vector<CommandEntry> query_commands();

}  // namespace aif::wallet::dao_cli
