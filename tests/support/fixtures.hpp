// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Layered test fixtures (STYLE §6, bitcoin setup_common.h): LedgerFixture (in-memory state
// from the dev genesis) and ChainFixture (a temporary RocksDB data directory).

#include "contracts/chain_config.hpp"
#include "ledger/crypto.hpp"
#include "ledger/genesis.hpp"
#include "ledger/json/genesis_json.hpp"
#include "ledger/state.hpp"
#include "ledger/tx.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

namespace aif::test {

/// The repository root (CTest sets AIF_SOURCE_DIR; falls back to the compile-time path).
inline std::string source_dir()
{
    if (const char* s = std::getenv("AIF_SOURCE_DIR")) return s;
    return AIF_TEST_SOURCE_DIR;
}

inline std::string read_text(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The bundled dev genesis, parsed.
inline ledger::Genesis dev_genesis()
{
    auto g = ledger::json::genesis_from_text(read_text(source_dir() + "/genesis/dev.json"));
    if (!g) throw std::runtime_error("dev genesis: " + g.error().message());
    return *g;
}

/// Secret keys of the test mnemonic's accounts 0..2 (public, Hardhat's defaults).
inline ledger::SecretKey dev_key(int i)
{
    static const char* KEYS[] = {
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
    };
    if (i < 0 || i > 2) throw std::out_of_range("dev_key: only accounts 0..2 are known here");
    ledger::SecretKey k;
    k.bytes = ledger::fixed_from_hex<32>(KEYS[i])->bytes;
    return k;
}

inline ledger::Address address_of_key(const ledger::SecretKey& k)
{
    return ledger::address_of(*ledger::public_key_of(k));
}

/// A fresh address nobody funded.
inline ledger::Address fresh_address(std::uint8_t tag)
{
    ledger::Address a;
    a.bytes.fill(tag);
    a.bytes[0] = 0xee;
    return a;
}

/// A signed Transfer.
inline ledger::Tx make_transfer(const ledger::SecretKey& key, std::uint64_t chain_id,
                                std::uint64_t nonce, const ledger::Address& to, ledger::u128 amount,
                                ledger::u128 fee = 1'000'000'000'000'000ULL,
                                std::string asset = "AIF", std::string memo = "")
{
    ledger::Tx tx;
    tx.type = ledger::find_tx_type("Transfer");
    tx.fields = {std::uint64_t{nonce}, fee, to, std::move(asset), amount, std::move(memo)};
    auto digest = ledger::signing_digest(ledger::domain_separator({chain_id}), tx);
    tx.signature = *ledger::sign_digest(digest, key);
    return tx;
}

inline ledger::VerifiedTx verified(const ledger::Tx& tx, std::uint64_t chain_id)
{
    auto v = ledger::verify_tx(ledger::domain_separator({chain_id}), tx);
    if (!v) throw std::runtime_error("verify: " + v.error().message());
    return *v;
}

/// In-memory state initialised from the dev genesis.
struct LedgerFixture
{
    LedgerFixture() : genesis(dev_genesis())
    {
        ledger::StateOverlay o{state};
        auto r = contracts::init_genesis(o, genesis);
        if (!r) throw std::runtime_error(r.error().message());
        state.apply(o.changes());
    }
    ledger::Genesis genesis;
    ledger::State state;
    std::uint64_t chain_id() const { return genesis.chain_id; }
};

/// A unique temporary directory removed on destruction.
struct TempDir
{
    TempDir()
    {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               ("aif-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string str(const std::string& sub = "") const { return (path / sub).string(); }
    std::filesystem::path path;
};

}  // namespace aif::test
