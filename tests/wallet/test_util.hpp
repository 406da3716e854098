// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/types.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace aif::wallet::test {

/// The public test mnemonic of the dev genesis (SPEC §4).
inline constexpr const char* TEST_MNEMONIC =
    "test test test test test test test test test test test junk";

/// A file under tests/wallet/vectors.
inline std::filesystem::path vector_path(const std::string& name)
{
    return std::filesystem::path(AIF_TEST_SOURCE_DIR) / "tests" / "wallet" / "vectors" / name;
}

inline nlohmann::json read_json(const std::filesystem::path& p)
{
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}

inline void write_file(const std::filesystem::path& p, const std::string& text)
{
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

/// A fresh temporary directory, removed on destruction.
class TempDir
{
public:
    TempDir()
    {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("aif-wallet-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const
    {
        return m_path / name;
    }

private:
    std::filesystem::path m_path;
};

template <std::size_t N>
inline ledger::FixedBytes<N> fixed(const std::string& hex)
{
    return *ledger::fixed_from_hex<N>(hex.rfind("0x", 0) == 0 ? hex : "0x" + hex);
}

}  // namespace aif::wallet::test
