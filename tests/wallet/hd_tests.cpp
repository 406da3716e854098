// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/crypto.hpp"
#include "tests/wallet/test_util.hpp"
#include "wallet/errors.hpp"
#include "wallet/hd.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace aif::wallet;
using namespace aif::wallet::test;
using aif::ledger::to_checksum;
using aif::ledger::to_hex;

namespace {

std::string address_at(const std::string& mnemonic, std::uint32_t index,
                       const std::string& passphrase = "")
{
    SecretKeyHolder k = derive_from_mnemonic(mnemonic, passphrase, ethereum_path(index));
    return to_checksum(aif::ledger::address_of(*aif::ledger::public_key_of(k.key())));
}

std::string mnemonic_error(const std::string& m)
{
    try {
        validate_mnemonic(m);
    } catch (const WalletError& e) {
        BOOST_CHECK(e.code() == ExitCode::usage);
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hd_tests)

BOOST_AUTO_TEST_CASE(wordlist_is_the_bip39_english_list)
{
    const auto& words = bip39_english();
    BOOST_REQUIRE_EQUAL(words.size(), 2048u);
    BOOST_CHECK_EQUAL(words.front(), "abandon");
    BOOST_CHECK_EQUAL(words[1], "ability");
    BOOST_CHECK_EQUAL(words.back(), "zoo");
    BOOST_CHECK(std::is_sorted(words.begin(), words.end()));
    // sha256 of bitcoin/bips bip-0039/english.txt.
    BOOST_CHECK_EQUAL(to_hex(aif::ledger::sha256(aif::ledger::ByteView{
                          reinterpret_cast<const std::uint8_t*>(bip39_english_text().data()),
                          bip39_english_text().size()})),
                      "0x2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
}

BOOST_AUTO_TEST_CASE(test_mnemonic_accounts_match_every_ethereum_tool)
{
    // The addresses hardhat, anvil, ethers and MetaMask derive (SPEC §4 dev genesis).
    BOOST_CHECK_EQUAL(address_at(TEST_MNEMONIC, 0), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    BOOST_CHECK_EQUAL(address_at(TEST_MNEMONIC, 1), "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    BOOST_CHECK_EQUAL(address_at(TEST_MNEMONIC, 9), "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    SecretKeyHolder k0 = derive_from_mnemonic(TEST_MNEMONIC, "", "m/44'/60'/0'/0/0");
    BOOST_CHECK_EQUAL(to_hex(k0.key()),
                      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
}

BOOST_AUTO_TEST_CASE(other_mnemonics_and_passphrase_match_ethers)
{
    // Values from ethers v6 HDNodeWallet (generate_keystores.js).
    BOOST_CHECK_EQUAL(address_at(TEST_MNEMONIC, 0, "TREZOR"),
                      "0x9313778B3753108128B9c476EBDd42FbD566F4Ed");
    const std::string abandon =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
        "abandon about";
    BOOST_CHECK_EQUAL(address_at(abandon, 0), "0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
    BOOST_CHECK_EQUAL(address_at("legal winner thank year wave sausage worth useful legal "
                                 "winner thank yellow",
                                 3),
                      "0x2F07c220dC62CE9531bC44B695A6D93578806d8d");
    // BIP-39 reference seed of "abandon … about" with an empty passphrase.
    auto seed = mnemonic_to_seed(abandon, "");
    BOOST_CHECK_EQUAL(to_hex(aif::ledger::ByteView{seed.data(), seed.size()}),
                      "0x5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc19a5ac40b"
                      "389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4");
}

BOOST_AUTO_TEST_CASE(whitespace_and_case_are_normalised)
{
    BOOST_CHECK_EQUAL(
        address_at("  Test test\ttest test test test test test test test test JUNK\n", 0),
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
}

BOOST_AUTO_TEST_CASE(bad_mnemonics_are_refused)
{
    BOOST_CHECK(mnemonic_error(TEST_MNEMONIC).empty());
    BOOST_CHECK(mnemonic_error("test test test").find("12, 15, 18, 21 or 24") != std::string::npos);
    BOOST_CHECK(mnemonic_error("test test test test test test test test test test test test")
                    .find("checksum") != std::string::npos);
    BOOST_CHECK(mnemonic_error("test test test test test test test test test test tset junk")
                    .find("word 11") != std::string::npos);
    BOOST_CHECK_THROW((void)mnemonic_to_seed(TEST_MNEMONIC, "pässword"), WalletError);
}

BOOST_AUTO_TEST_CASE(bip32_vector_1)
{
    // BIP-32 test vector 1: seed 000102…0f, chain m/0'/1/2'/2/1000000000.
    std::vector<std::uint8_t> seed(16);
    for (std::uint8_t i = 0; i < 16; ++i) seed[i] = i;
    ExtendedKey m = bip32_master({seed.data(), seed.size()});
    BOOST_CHECK_EQUAL(to_hex(m.key),
                      "0xe8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35");
    BOOST_CHECK_EQUAL(to_hex(m.chain_code),
                      "0x873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508");
    ExtendedKey k = m;
    for (auto i : parse_derivation_path("m/0'/1/2'/2/1000000000")) k = bip32_child(k, i);
    BOOST_CHECK_EQUAL(to_hex(k.key),
                      "0x471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8");
    BOOST_CHECK_EQUAL(to_hex(k.chain_code),
                      "0xc783e67b921d2beb8f6b389cc646d7263b4145701dadd2161548a8b078e65e9e");
}

BOOST_AUTO_TEST_CASE(derivation_paths)
{
    auto p = parse_derivation_path("m/44'/60'/0'/0/7");
    BOOST_REQUIRE_EQUAL(p.size(), 5u);
    BOOST_CHECK_EQUAL(p[0], 44u | HARDENED);
    BOOST_CHECK_EQUAL(p[4], 7u);
    BOOST_CHECK(parse_derivation_path("m/1h/2H") ==
                (std::vector<std::uint32_t>{1u | HARDENED, 2u | HARDENED}));
    BOOST_CHECK(parse_derivation_path("m").empty());
    for (const char* bad : {"", "44/60", "m/", "m//1", "m/x", "m/2147483648", "m/1''"})
        BOOST_CHECK_THROW((void)parse_derivation_path(bad), WalletError);
    BOOST_CHECK_EQUAL(ethereum_path(3), "m/44'/60'/0'/0/3");
}

BOOST_AUTO_TEST_SUITE_END()
