// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"
#include "wallet/secret.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aif::wallet {

/// One key of the keystore directory, read without decrypting.
struct KeyEntry
{
    std::string name;
    ledger::Address address;
    std::filesystem::path file;
};

/// The keystore directory: one keystore v3 file `NAME.json` per key, mode 0600, in a directory
/// created with mode 0700. Names match [A-Za-z0-9_.-]{1,64}.
class KeyDir
{
public:
    explicit KeyDir(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    /// `$HOME/.aifchain/keystore`.
    [[nodiscard]] static std::filesystem::path default_path();
    /// Throws WalletError(usage) unless `name` matches [A-Za-z0-9_.-]{1,64} and is not "." or "..".
    static void validate_name(std::string_view name);

    /// The directory.
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_dir; }
    /// Every `*.json` file with a readable address, sorted by name; a missing directory is
    /// empty. Files that are not keystores are skipped and reported in `skipped` if given.
    [[nodiscard]] std::vector<KeyEntry> list(std::vector<std::string>* skipped = nullptr) const;
    /// The key `name`, or nullopt when there is no such file. Throws WalletError(key) if the
    /// file exists but is unreadable or has no address.
    [[nodiscard]] std::optional<KeyEntry> try_find(std::string_view name) const;
    /// Like try_find; throws WalletError(key) "unknown key NAME" when absent.
    [[nodiscard]] KeyEntry find(std::string_view name) const;
    /// The parsed keystore JSON of `name`. Throws WalletError(key).
    [[nodiscard]] nlohmann::json load(std::string_view name) const;
    /// Decrypts key `name` with `password`. Throws WalletError(key) (unknown key, wrong password).
    [[nodiscard]] SecretKeyHolder unlock(std::string_view name, std::string_view password) const;
    /// Writes `keystore` as NAME.json (0600), creating the directory (0700) if needed.
    /// Refuses an existing name (WalletError(key)) and never overwrites a file.
    KeyEntry store(std::string_view name, const nlohmann::json& keystore) const;

private:
    [[nodiscard]] std::filesystem::path file_of(std::string_view name) const;
    void ensure_dir() const;

    std::filesystem::path m_dir;
};

}  // namespace aif::wallet
