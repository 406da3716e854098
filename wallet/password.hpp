// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "wallet/secret.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace aif::wallet {

/// Reads the first line of `file` (trailing "\n" / "\r\n" stripped) as a password.
/// Throws WalletError(usage) if the file cannot be read.
[[nodiscard]] SecretString read_password_file(const std::filesystem::path& file);

/// Asks for a password on /dev/tty with echo off (termios); the terminal is restored even on
/// SIGINT/SIGTERM. Throws WalletError(usage) when there is no terminal.
[[nodiscard]] SecretString prompt_password(std::string_view prompt);

/// Where passwords come from: `--password-file` when given, else an interactive prompt.
/// Passwords are never printed or logged.
class PasswordSource
{
public:
    explicit PasswordSource(std::optional<std::filesystem::path> file) : m_file(std::move(file)) {}

    /// The password of an existing key ("Password for key NAME: ").
    [[nodiscard]] SecretString existing(std::string_view key_name) const;
    /// A password for a new key file: from the file, or prompted twice and compared
    /// (WalletError(usage) if they differ).
    [[nodiscard]] SecretString fresh(std::string_view key_name) const;

private:
    std::optional<std::filesystem::path> m_file;
};

}  // namespace aif::wallet
