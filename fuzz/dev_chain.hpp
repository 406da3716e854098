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
#include "tests/support/fixtures.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace aif::fuzz {

// The repository root, its files, the dev genesis and the dev keys are the test fixtures'
// (tests/support/fixtures.hpp; the fuzz build defines AIF_TEST_SOURCE_DIR).
using test::address_of_key;
using test::dev_genesis;
using test::dev_key;
using test::read_text;
using test::source_dir;

inline ledger::SecretKey key_from_hex(std::string_view hex)
{
    auto k = ledger::fixed_from_hex<32>(hex);
    if (!k) throw std::runtime_error("bad key");
    ledger::SecretKey s;
    s.bytes = k->bytes;
    return s;
}

inline ledger::SecretKey validator_key()
{
    std::string line = read_text(source_dir() + "/genesis/dev-validator.key");
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return key_from_hex(line);
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
struct ScratchDir : test::TempDir
{
    [[nodiscard]] std::string path() const { return test::TempDir::path.string(); }
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
