// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Shared plumbing of the festival commands (film, jury, festival, award, nft, dev; SPEC §9,
// docs/festival.md): the transaction path (nonce, fee, sign, send, --wait) and small parsers.

#include "wallet/cli_context.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aif::wallet::festival_cli {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// Adds --from, --fee, --nonce, --wait, --timeout (as `transfer` has them).
void add_tx_options(CommandSpec& spec);

/// Builds `type` from the node's definition with `fields` (text, as `send --field`), fills
/// nonce and fee, signs with --from, sends. With `wait` (or --wait) waits for the result.
/// Returns {"hash", "status": "pending"} or the tx_get answer plus "hash".
/// Throws WalletError as `transfer` does (usage, key, refused, unreachable).
[[nodiscard]] nlohmann::json send(CliContext& ctx, const po::variables_map& vm,
                                  const std::string& type, const Fields& fields, bool wait = false);

/// Prints a send() result: pending → "sent HASH"; committed → `summary` (text) or the JSON
/// with `extra` merged; rejected → the error (exit 3). Returns the exit code.
[[nodiscard]] int report(CliContext& ctx, const nlohmann::json& result, const std::string& summary,
                         const nlohmann::json& extra = nlohmann::json::object());

/// The value of attribute `key` of the first event `name` in a tx_get answer ("" if none).
[[nodiscard]] std::string event_attr(const nlohmann::json& tx, const std::string& name,
                                     const std::string& key);

/// A whole number option in [0, max] (usage error naming `flag`).
[[nodiscard]] std::uint64_t number(const po::variables_map& vm, const std::string& flag,
                                   std::uint64_t max = ~std::uint64_t{0});

/// Parses "a=1,b=2" into name → number, requiring exactly `names` (aliases map to a name).
/// Throws a usage error naming `flag` for unknown, repeated, missing or non-numeric entries.
[[nodiscard]] std::vector<std::uint64_t> parse_named_numbers(
    const std::string& text, const std::string& flag,
    const std::vector<std::vector<std::string>>& names, std::uint64_t max);

/// The jury and festival commands (cli_film_jury.cpp); film_commands() (cli_film.cpp) adds
/// them to its film, award, nft and dev commands.
[[nodiscard]] std::vector<CommandEntry> jury_festival_commands();

}  // namespace aif::wallet::festival_cli
