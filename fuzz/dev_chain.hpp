// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The dev chain for fuzz targets and the corpus generator: the bundled dev genesis, its public
// keys, signed transactions of any type, and a real node::Chain in a scratch directory with a
// few committed blocks.
#pragma once

#include "contracts/executor.hpp"
#include "ledger/crypto.hpp"
#include "ledger/genesis.hpp"
#include "ledger/json/genesis_json.hpp"
#include "ledger/tx.hpp"
#include "node/chain.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace aif::fuzz {

/// The repository root: $AIF_SOURCE_DIR, else the path compiled in.
inline std::string source_dir()
{
    if (const char* s = std::getenv("AIF_SOURCE_DIR")) return s;
    return AIF_FUZZ_SOURCE_DIR;
}

inline std::string read_text(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline ledger::Genesis dev_genesis()
{
    auto g = ledger::json::genesis_from_text(read_text(source_dir() + "/genesis/dev.json"));
    if (!g) throw std::runtime_error("dev genesis: " + g.error().message());
    return *g;
}

inline ledger::SecretKey key_from_hex(std::string_view hex)
{
    auto k = ledger::fixed_from_hex<32>(hex);
    if (!k) throw std::runtime_error("bad key");
    ledger::SecretKey s;
    s.bytes = k->bytes;
    return s;
}

/// Accounts 0..2 of the public test mnemonic (funded by the dev genesis; 0 is the authority).
inline ledger::SecretKey dev_key(int i)
{
    static const char* KEYS[] = {
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
    };
    return key_from_hex(KEYS[i % 3]);
}

inline ledger::SecretKey validator_key()
{
    std::string line = read_text(source_dir() + "/genesis/dev-validator.key");
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return key_from_hex(line);
}

inline ledger::Address address_of_key(const ledger::SecretKey& k)
{
    return ledger::address_of(*ledger::public_key_of(k));
}

/// Signs `tx` (type and fields set) under chain `chain_id`.
inline ledger::VerifiedTx sign(ledger::Tx tx, const ledger::SecretKey& key, std::uint64_t chain_id)
{
    const auto dsep = ledger::domain_separator(ledger::Domain{chain_id});
    tx.signature = *ledger::sign_digest(ledger::signing_digest(dsep, tx), key);
    auto vt = ledger::verify_tx(dsep, std::move(tx));
    if (!vt) throw std::runtime_error("cannot verify own signature");
    return *vt;
}

/// A Transfer of `amount` AIF base units with the minimum dev fee.
inline ledger::Tx transfer(std::uint64_t nonce, const ledger::Address& to, ledger::u128 amount,
                           std::string memo = "")
{
    ledger::Tx tx;
    tx.type = ledger::find_tx_type("Transfer");
    tx.fields = {nonce,  ledger::u128{1'000'000'000'000'000ULL},
                 to,     std::string("AIF"),
                 amount, std::move(memo)};
    return tx;
}

/// A transaction of type `def` with plausible small values: nonce, the minimum dev fee, then
/// 1 for integers, the authority's address, short strings, a fixed hash.
inline ledger::Tx sample_tx(const ledger::TxTypeDef& def, std::uint64_t nonce)
{
    ledger::Tx tx;
    tx.type = &def;
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        const auto& f = def.fields[i];
        using FT = ledger::FieldType;
        if (i == 0) {
            tx.fields.emplace_back(nonce);
            continue;
        }
        if (i == 1) {
            tx.fields.emplace_back(ledger::u128{1'000'000'000'000'000ULL});
            continue;
        }
        switch (f.type) {
            case FT::uint8:
            case FT::uint16:
            case FT::uint32:
            case FT::uint64:
            case FT::boolean:
                tx.fields.emplace_back(std::uint64_t{1});
                break;
            case FT::uint256:
                tx.fields.emplace_back(ledger::u128{1});
                break;
            case FT::address:
                tx.fields.emplace_back(address_of_key(dev_key(1)));
                break;
            case FT::string:
                tx.fields.emplace_back(std::string(f.name.substr(0, f.max_len)));
                break;
            case FT::bytes32: {
                ledger::Hash32 h;
                h.bytes.fill(0x42);
                tx.fields.emplace_back(h);
                break;
            }
            case FT::bytes:
                tx.fields.emplace_back(ledger::Bytes{1, 2, 3});
                break;
            case FT::address_array:
                tx.fields.emplace_back(std::vector<ledger::Address>{address_of_key(dev_key(2))});
                break;
        }
    }
    return tx;
}

/// A scratch directory, removed on destruction.
class ScratchDir
{
public:
    ScratchDir()
    {
        std::string templ = (std::filesystem::temp_directory_path() / "aif-fuzz-XXXXXX").string();
        if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp");
        m_path = templ;
    }
    ~ScratchDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] std::string path() const { return m_path; }

private:
    std::string m_path;
};

/// Seals `blocks` blocks of a few transfers each from dev accounts 0..2 on `chain`.
inline void seal_transfers(node::Chain& chain, int blocks)
{
    const auto chain_id = chain.chain_id();
    const auto vkey = validator_key();
    for (int b = 0; b < blocks; ++b) {
        std::vector<ledger::VerifiedTx> txs;
        const auto height = chain.head().header.height;
        for (int k = 0; k < 3; ++k) {
            const auto nonce = chain.read([&](const ledger::StateView& s, const node::Head&) {
                return contracts::nonce_of(s, address_of_key(dev_key(k)));
            });
            txs.push_back(sign(transfer(nonce, address_of_key(dev_key((k + 1) % 3)),
                                        ledger::u128{1000 + static_cast<unsigned>(b)},
                                        "block " + std::to_string(height + 1)),
                               dev_key(k), chain_id));
        }
        (void)chain.seal(std::move(txs), chain.head().header.timestamp + 5, vkey);
    }
}

}  // namespace aif::fuzz
