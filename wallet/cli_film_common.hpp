// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Shared by the festival commands (film, jury, festival, award, nft, dev; SPEC §9,
// docs/festival.md). The transaction path itself is wallet/tx_command.hpp.

#include "wallet/cli_context.hpp"
#include "wallet/tx_command.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace aif::wallet::festival_cli {

/// prepare_tx (refusing a node without the festival's `type`) and submit_tx of `type` with
/// `fields`. Waits with `wait` or --wait. Returns submit_tx's result for report_tx.
/// Throws WalletError as `transfer` does (usage, key, refused, unreachable).
[[nodiscard]] nlohmann::json send(CliContext& ctx, const po::variables_map& vm,
                                  const std::string& type, const TxFields& fields,
                                  bool wait = false);

/// `key` of `j` for people: "-" when absent or null, a string as is, anything else as JSON.
[[nodiscard]] std::string str_of(const nlohmann::json& j, const char* key);

/// Parses "a=1,b=2" into name → number, requiring exactly `names` (aliases map to a name).
/// Throws a usage error naming `flag` for unknown, repeated, missing or non-numeric entries.
[[nodiscard]] std::vector<std::uint64_t> parse_named_numbers(
    const std::string& text, const std::string& flag,
    const std::vector<std::vector<std::string>>& names, std::uint64_t max);

/// The jury and festival commands (cli_film_jury.cpp); film_commands() (cli_film.cpp) adds
/// them to its film, award, nft and dev commands.
[[nodiscard]] std::vector<CommandEntry> jury_festival_commands();

}  // namespace aif::wallet::festival_cli
