// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/crypto.hpp"
#include "tests/wallet/test_util.hpp"
#include "wallet/errors.hpp"
#include "wallet/key_dir.hpp"
#include "wallet/keystore.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <set>
#include <sys/stat.h>

using namespace aif::wallet;
using namespace aif::wallet::test;
using aif::ledger::SecretKey;
using aif::ledger::to_hex;
using nlohmann::json;

namespace {

const SecretKey& known_key()
{
    static const SecretKey k =
        fixed<32>("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    return k;
}
constexpr const char* KNOWN_ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
constexpr const char* VECTOR_PASSWORD = "aifchain-test-password";

ScryptParams small()
{
    return ScryptParams{1024, 8, 1};
}

/// The exit code and message of decrypting, or ok/"" when it succeeds.
std::pair<ExitCode, std::string> try_decrypt(const json& ks, const std::string& pw)
{
    try {
        (void)decrypt_keystore(ks, pw, "k");
    } catch (const WalletError& e) {
        return {e.code(), e.what()};
    }
    return {ExitCode::ok, ""};
}

int mode_of(const std::filesystem::path& p)
{
    struct stat st
    {};
    ::stat(p.c_str(), &st);
    return static_cast<int>(st.st_mode & 0777);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(keystore_tests)

BOOST_AUTO_TEST_CASE(round_trip_and_file_shape)
{
    json ks = encrypt_keystore(known_key(), "correct horse", small());
    BOOST_CHECK_EQUAL(ks["version"], 3);
    BOOST_CHECK_EQUAL(ks["address"], "2c7536e3605d9c16a7a3d7b1898e529396a65c23");
    const json& c = ks["crypto"];
    BOOST_CHECK_EQUAL(c["cipher"], "aes-128-ctr");
    BOOST_CHECK_EQUAL(c["kdf"], "scrypt");
    BOOST_CHECK_EQUAL(c["kdfparams"]["n"], 1024);
    BOOST_CHECK_EQUAL(c["kdfparams"]["r"], 8);
    BOOST_CHECK_EQUAL(c["kdfparams"]["p"], 1);
    BOOST_CHECK_EQUAL(c["kdfparams"]["dklen"], 32);
    BOOST_CHECK_EQUAL(c["kdfparams"]["salt"].get<std::string>().size(), 64u);
    BOOST_CHECK_EQUAL(c["cipherparams"]["iv"].get<std::string>().size(), 32u);
    BOOST_CHECK_EQUAL(c["ciphertext"].get<std::string>().size(), 64u);
    BOOST_CHECK_EQUAL(c["mac"].get<std::string>().size(), 64u);
    const std::string id = ks["id"];
    BOOST_CHECK_EQUAL(id.size(), 36u);
    BOOST_CHECK_EQUAL(id[14], '4');  // uuid v4

    SecretKeyHolder back = decrypt_keystore(ks, "correct horse", "k");
    BOOST_CHECK(back.key() == known_key());
    // Fresh salt and iv every time.
    json again = encrypt_keystore(known_key(), "correct horse", small());
    BOOST_CHECK_NE(again["crypto"]["kdfparams"]["salt"], c["kdfparams"]["salt"]);
    BOOST_CHECK_NE(again["crypto"]["cipherparams"]["iv"], c["cipherparams"]["iv"]);
}

BOOST_AUTO_TEST_CASE(wrong_password_is_a_clear_key_error)
{
    json ks = encrypt_keystore(known_key(), "right", small());
    auto [code, msg] = try_decrypt(ks, "wrong");
    BOOST_CHECK(code == ExitCode::key);
    BOOST_CHECK_EQUAL(msg, "wrong password for key k");
    BOOST_CHECK(msg.find("wrong") != std::string::npos && msg.find("right") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(tampered_or_hostile_files_are_refused)
{
    json ks = encrypt_keystore(known_key(), "pw", small());
    json t = ks;
    t["crypto"]["ciphertext"] = std::string(64, '0');
    BOOST_CHECK(try_decrypt(t, "pw").second == "wrong password for key k");  // MAC covers it
    t = ks;
    t["crypto"]["cipher"] = "aes-128-cbc";
    BOOST_CHECK(try_decrypt(t, "pw").second.find("unsupported cipher") != std::string::npos);
    t = ks;
    t["crypto"]["kdf"] = "argon2";
    BOOST_CHECK(try_decrypt(t, "pw").second.find("unsupported kdf") != std::string::npos);
    t = ks;
    t["crypto"]["kdfparams"]["n"] = 1u << 30;  // 128 GiB of scrypt memory
    BOOST_CHECK(try_decrypt(t, "pw").second.find("out of range") != std::string::npos);
    t = ks;
    t["crypto"]["kdfparams"]["n"] = 1000;  // not a power of two
    BOOST_CHECK(try_decrypt(t, "pw").first == ExitCode::key);
    t = ks;
    t["address"] = "0000000000000000000000000000000000000001";
    BOOST_CHECK(try_decrypt(t, "pw").second.find("does not match") != std::string::npos);
    t = ks;
    t.erase("crypto");
    BOOST_CHECK(try_decrypt(t, "pw").first == ExitCode::key);
    BOOST_CHECK(try_decrypt(json::array(), "pw").first == ExitCode::key);
}

BOOST_AUTO_TEST_CASE(decrypts_ethers_v6_scrypt_vector)
{
    // Made by ethers v6 (generate_keystores.js); note its capitalised "Crypto" key.
    json ks = read_json(vector_path("ethers_scrypt_n1024.json"));
    BOOST_REQUIRE(ks.contains("Crypto"));
    SecretKeyHolder k = decrypt_keystore(ks, VECTOR_PASSWORD, "ethers");
    BOOST_CHECK(k.key() == known_key());
    BOOST_CHECK_EQUAL(aif::ledger::to_checksum(*keystore_address(ks)), KNOWN_ADDRESS);
    BOOST_CHECK(try_decrypt(ks, "not it").second == "wrong password for key k");
}

BOOST_AUTO_TEST_CASE(decrypts_pbkdf2_vector)
{
    json ks = read_json(vector_path("node_pbkdf2_c4096.json"));
    SecretKeyHolder k = decrypt_keystore(ks, VECTOR_PASSWORD, "pbkdf2");
    BOOST_CHECK(k.key() == known_key());
}

BOOST_AUTO_TEST_CASE(decrypts_geth_web3_secret_storage_vectors)
{
    // Includes the default-cost scrypt n=262144 and a 31-byte key that geth left-pads.
    json v = read_json(vector_path("web3_secret_storage.json"))["vectors"];
    for (auto it = v.begin(); it != v.end(); ++it) {
        BOOST_TEST_CONTEXT(it.key())
        {
            SecretKeyHolder k =
                decrypt_keystore((*it)["json"], (*it)["password"].get<std::string>(), it.key());
            std::string priv = (*it)["priv"];
            priv.insert(0, 64 - priv.size(), '0');
            BOOST_CHECK_EQUAL(to_hex(k.key()), "0x" + priv);
        }
    }
}

BOOST_AUTO_TEST_CASE(scrypt_n_knob)
{
    BOOST_CHECK_EQUAL(default_scrypt_params().n, 1024u);  // set by the suite's global fixture
    ::setenv(SCRYPT_N_ENV, "1000", 1);
    BOOST_CHECK_THROW((void)default_scrypt_params(), WalletError);
    ::unsetenv(SCRYPT_N_ENV);
    BOOST_CHECK_EQUAL(default_scrypt_params().n, 262144u);
    BOOST_CHECK_EQUAL(default_scrypt_params().r, 8u);
    BOOST_CHECK_EQUAL(default_scrypt_params().p, 1u);
    ::setenv(SCRYPT_N_ENV, "1024", 1);
}

BOOST_AUTO_TEST_CASE(key_dir_modes_names_and_no_overwrite)
{
    TempDir tmp;
    KeyDir dir(tmp / "nested" / "keystore");
    BOOST_CHECK(dir.list().empty());  // a missing directory is empty, not an error
    json ks = encrypt_keystore(known_key(), "pw", small());
    KeyEntry e = dir.store("alice", ks);
    BOOST_CHECK_EQUAL(e.file, tmp / "nested" / "keystore" / "alice.json");
    BOOST_CHECK_EQUAL(mode_of(e.file), 0600);
    BOOST_CHECK_EQUAL(mode_of(dir.path()), 0700);
    BOOST_CHECK_EQUAL(mode_of(tmp / "nested"), 0700);
    BOOST_CHECK_EQUAL(aif::ledger::to_checksum(e.address), KNOWN_ADDRESS);

    // Never overwrite.
    try {
        (void)dir.store("alice", encrypt_keystore(known_key(), "other", small()));
        BOOST_FAIL("overwrote a key");
    } catch (const WalletError& err) {
        BOOST_CHECK(err.code() == ExitCode::key);
        BOOST_CHECK(std::string{err.what()}.find("already exists") != std::string::npos);
    }
    BOOST_CHECK(dir.unlock("alice", "pw").key() == known_key());

    const std::vector<std::string> bad_names = {"",    ".", "..",   "a/b",
                                                "a b", "ü", "../x", std::string(65, 'a')};
    for (const auto& bad : bad_names) BOOST_CHECK_THROW(KeyDir::validate_name(bad), WalletError);
    BOOST_CHECK_NO_THROW(KeyDir::validate_name("dev-0_A.b"));

    // Non-keystore files are skipped by list and reported.
    write_file(dir.path() / "junk.json", "not json");
    std::vector<std::string> skipped;
    auto all = dir.list(&skipped);
    BOOST_REQUIRE_EQUAL(all.size(), 1u);
    BOOST_CHECK_EQUAL(all[0].name, "alice");
    BOOST_REQUIRE_EQUAL(skipped.size(), 1u);
    BOOST_CHECK_EQUAL(skipped[0], "junk.json");

    try {
        (void)dir.find("bob");
        BOOST_FAIL("found a missing key");
    } catch (const WalletError& err) {
        BOOST_CHECK(err.code() == ExitCode::key);
        BOOST_CHECK(std::string{err.what()}.rfind("unknown key bob", 0) == 0);
    }
}

BOOST_AUTO_TEST_CASE(random_keys_and_ids_differ)
{
    std::set<std::string> keys, ids;
    for (int i = 0; i < 8; ++i) {
        keys.insert(to_hex(random_secret_key().key()));
        ids.insert(random_uuid_v4());
    }
    BOOST_CHECK_EQUAL(keys.size(), 8u);
    BOOST_CHECK_EQUAL(ids.size(), 8u);
}

BOOST_AUTO_TEST_SUITE_END()
