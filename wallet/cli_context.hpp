// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"
#include "wallet/key_dir.hpp"
#include "wallet/password.hpp"
#include "wallet/rpc_client.hpp"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aif::wallet {

/// The flags every command accepts, anywhere on the command line (SPEC §1).
struct GlobalOptions
{
    std::string rpc_url{"http://127.0.0.1:8645"};
    std::filesystem::path keystore;
    std::optional<std::filesystem::path> password_file;
    bool json{false};
};

/// What a command needs: the global options, the node client, the keystore, the password
/// source and the output streams.
class CliContext
{
public:
    CliContext(GlobalOptions options, std::ostream& out, std::ostream& err);

    [[nodiscard]] const GlobalOptions& options() const noexcept { return m_options; }
    [[nodiscard]] bool json_output() const noexcept { return m_options.json; }
    /// The node client, created on first use (a bad --rpc URL is a usage error then).
    [[nodiscard]] RpcClient& rpc();
    [[nodiscard]] const KeyDir& keys() const noexcept { return m_keys; }
    [[nodiscard]] PasswordSource passwords() const
    {
        return PasswordSource{m_options.password_file};
    }
    [[nodiscard]] std::ostream& out() noexcept { return m_out; }
    [[nodiscard]] std::ostream& err() noexcept { return m_err; }

    /// A 0x address (any case; a mixed-case one must pass its EIP-55 checksum) or a key name
    /// from the keystore. Throws WalletError(usage) for a malformed address, WalletError(key)
    /// for an unknown name; `flag` names the option in the message.
    [[nodiscard]] ledger::Address resolve_address(std::string_view text,
                                                  const std::string& flag) const;

    /// Prints `j` (pretty JSON) with --json, else `text` (which should end in '\n').
    void print(const nlohmann::json& j, const std::string& text);
    /// "warning: …" on stderr.
    void warn(const std::string& message);

private:
    GlobalOptions m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    KeyDir m_keys;
    std::unique_ptr<RpcClient> m_rpc;
};

namespace po = boost::program_options;

/// One subcommand's parser: "usage" line, description, options and positional names.
struct CommandSpec
{
    std::string name;
    std::string usage;
    std::string summary;
    po::options_description options{"Options", 100};
    po::positional_options_description positional;
};

/// Parses `args` against `spec` (plus --help). Returns nullopt after printing help to stdout
/// when --help was given. Throws WalletError(usage) for bad options.
[[nodiscard]] std::optional<po::variables_map> parse_command(CliContext& ctx, CommandSpec& spec,
                                                             const std::vector<std::string>& args);

/// A decimal whole number for `flag` in [0, max]. Throws WalletError(usage).
[[nodiscard]] std::uint64_t parse_count(const std::string& text, const std::string& flag,
                                        std::uint64_t max);
/// parse_count of option `name`, which must be present: a whole number in [0, max].
/// Throws WalletError(usage) naming --NAME.
[[nodiscard]] std::uint64_t count_option(const po::variables_map& vm, const std::string& name,
                                         std::uint64_t max = ~std::uint64_t{0});

/// Renders a JSON object for humans: "key: value" lines; nested values as compact JSON.
[[nodiscard]] std::string render_text(const nlohmann::json& j);

/// The help text of the global options.
[[nodiscard]] std::string global_options_help();

/// The --timeout of `tx wait` and `--wait`: whole seconds, default 30.
[[nodiscard]] std::chrono::milliseconds wait_timeout(const po::variables_map& vm);
/// Prints a final tx_get answer plus "hash". When the status is "rejected" it also reports the
/// error ("error: …" on stderr; with --json an "error" object in the printed result) and
/// returns exit code 3; else 0.
[[nodiscard]] int print_final_status(CliContext& ctx, const std::string& hash,
                                     const nlohmann::json& result);

/// A command handler: gets the words after the command name; returns the exit code.
using CommandFn = std::function<int(CliContext&, const std::vector<std::string>&)>;

/// Command tables of each file (name → handler, one-line summary).
struct CommandEntry
{
    std::string name;
    std::string summary;
    CommandFn run;
};
[[nodiscard]] std::vector<CommandEntry> key_commands();
[[nodiscard]] std::vector<CommandEntry> query_commands();
[[nodiscard]] std::vector<CommandEntry> tx_commands();
/// film/jury/award/nft commands (cli_film.cpp), dao (cli_dao.cpp), market (cli_market.cpp).
[[nodiscard]] std::vector<CommandEntry> film_commands();
[[nodiscard]] std::vector<CommandEntry> dao_commands();
[[nodiscard]] std::vector<CommandEntry> market_commands();

}  // namespace aif::wallet
