// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace aif::wallet {

/// Process exit codes of aif-wallet (documented in docs/wallet.md; scripts rely on them).
enum class ExitCode : int {
    ok = 0,
    /// Anything not covered below (node answered with an error to a query, timeouts, I/O).
    failure = 1,
    /// Bad flag, missing or malformed value, no password source.
    usage = 2,
    /// Transaction refused: locally (e.g. balance) or by the node, or rejected when --wait.
    refused = 3,
    /// The node could not be reached (connection refused, DNS, timeout).
    unreachable = 4,
    /// Key or keystore problem: unknown key, wrong password, unreadable keystore file.
    key = 5,
};

/// Short stable name of an exit code ("usage", "refused", ...), used in --json errors.
[[nodiscard]] std::string_view exit_code_name(ExitCode code) noexcept;

/// Every error the wallet reports: a message for stderr, the exit code, and optional structured
/// details merged into the --json error object. Messages never contain secrets.
class WalletError : public std::runtime_error
{
public:
    WalletError(ExitCode code, const std::string& message,
                nlohmann::json details = nlohmann::json::object());

    /// The exit code the process ends with.
    [[nodiscard]] ExitCode code() const noexcept { return m_code; }
    /// Extra fields for the --json error object (may be an empty object).
    [[nodiscard]] const nlohmann::json& details() const noexcept { return m_details; }
    /// The --json error object: {"kind", "exitCode", "message", ...details}.
    [[nodiscard]] nlohmann::json to_json() const;

private:
    ExitCode m_code{ExitCode::failure};
    nlohmann::json m_details;
};

/// A JSON-RPC error object answered by the node (code, message, data). Exit code `failure`
/// unless the caller rethrows it as a refusal (tx_send).
class RpcError : public WalletError
{
public:
    RpcError(int rpc_code, std::string rpc_message, nlohmann::json data);

    [[nodiscard]] int rpc_code() const noexcept { return m_rpc_code; }
    [[nodiscard]] const std::string& rpc_message() const noexcept { return m_rpc_message; }
    [[nodiscard]] const nlohmann::json& data() const noexcept { return m_data; }
    /// data.reason when the node sent one (the ledger error code), else "".
    [[nodiscard]] std::string reason() const;

private:
    int m_rpc_code{0};
    std::string m_rpc_message;
    nlohmann::json m_data;
};

/// Shorthands for the common kinds.
[[nodiscard]] WalletError usage_error(const std::string& message);
[[nodiscard]] WalletError refused_error(const std::string& message,
                                        nlohmann::json details = nlohmann::json::object());
[[nodiscard]] WalletError key_error(const std::string& message);
[[nodiscard]] WalletError unreachable_error(const std::string& message);
[[nodiscard]] WalletError failure(const std::string& message);

}  // namespace aif::wallet
