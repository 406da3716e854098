// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/keystore.hpp"

#include "wallet/errors.hpp"

#include <cryptopp/aes.h>
#include <cryptopp/misc.h>
#include <cryptopp/modes.h>
#include <cryptopp/osrng.h>
#include <cryptopp/pwdbased.h>
#include <cryptopp/scrypt.h>
#include <cryptopp/sha.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace aif::wallet {

using ledger::Bytes;
using nlohmann::json;

namespace {

constexpr std::size_t DK_LEN = 32;
/// Upper bounds for files we open: beyond these a file is hostile or broken (scrypt n·r·128
/// bytes of memory; pbkdf2 c rounds of CPU).
constexpr std::uint64_t MAX_SCRYPT_MEMORY = std::uint64_t{2} << 30;
constexpr std::uint64_t MAX_PBKDF2_ROUNDS = 100'000'000;

/// dk is key material: wiped on destruction.
struct DerivedKey
{
    std::array<std::uint8_t, DK_LEN> bytes{};
    ~DerivedKey() { secure_wipe(bytes.data(), bytes.size()); }
};

/// Plain hex without 0x (the keystore convention), lower case.
std::string plain_hex(const std::uint8_t* data, std::size_t size)
{
    std::string h = ledger::to_hex(ledger::ByteView{data, size});
    return h.substr(2);
}

/// Parses keystore hex (0x optional).
std::optional<Bytes> parse_plain_hex(const json& v)
{
    if (!v.is_string()) return std::nullopt;
    std::string s = v.get<std::string>();
    if (s.rfind("0x", 0) != 0 && s.rfind("0X", 0) != 0)
        s = "0x" + s;
    else
        s[1] = 'x';
    return ledger::from_hex(s);
}

bool is_power_of_two(std::uint64_t n)
{
    return n > 1 && (n & (n - 1)) == 0;
}

void derive_scrypt(DerivedKey& dk, std::string_view password, const Bytes& salt, std::uint64_t n,
                   std::uint64_t r, std::uint64_t p)
{
    CryptoPP::Scrypt scrypt;
    scrypt.DeriveKey(dk.bytes.data(), dk.bytes.size(),
                     reinterpret_cast<const CryptoPP::byte*>(password.data()), password.size(),
                     salt.data(), salt.size(), n, r, p);
}

void derive_pbkdf2(DerivedKey& dk, std::string_view password, const Bytes& salt,
                   std::uint64_t rounds)
{
    CryptoPP::PKCS5_PBKDF2_HMAC<CryptoPP::SHA256> pbkdf2;
    pbkdf2.DeriveKey(dk.bytes.data(), dk.bytes.size(), 0,
                     reinterpret_cast<const CryptoPP::byte*>(password.data()), password.size(),
                     salt.data(), salt.size(), static_cast<unsigned int>(rounds));
}

/// aes-128-ctr is its own inverse: the same call encrypts and decrypts.
Bytes aes128_ctr(const DerivedKey& dk, const Bytes& iv, const std::uint8_t* in, std::size_t size)
{
    Bytes out(size);
    CryptoPP::CTR_Mode<CryptoPP::AES>::Encryption ctr;
    ctr.SetKeyWithIV(dk.bytes.data(), 16, iv.data(), iv.size());
    ctr.ProcessData(out.data(), in, size);
    return out;
}

ledger::Hash32 keystore_mac(const DerivedKey& dk, const Bytes& ciphertext)
{
    Bytes buf(dk.bytes.begin() + 16, dk.bytes.end());
    buf.insert(buf.end(), ciphertext.begin(), ciphertext.end());
    ledger::Hash32 mac = ledger::keccak256(ledger::ByteView{buf});
    secure_wipe(buf.data(), buf.size());
    return mac;
}

/// "crypto" in any letter case (geth writes "crypto", ethers "Crypto").
const json* find_crypto(const json& ks)
{
    if (!ks.is_object()) return nullptr;
    for (auto it = ks.begin(); it != ks.end(); ++it) {
        std::string k = it.key();
        for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (k == "crypto" && it->is_object()) return &*it;
    }
    return nullptr;
}

std::uint64_t get_uint(const json& obj, const char* key, const std::string& what)
{
    const bool ok = obj.contains(key) && obj[key].is_number_integer() &&
                    (obj[key].is_number_unsigned() || obj[key].get<std::int64_t>() >= 0);
    if (!ok) throw key_error(what + ": kdfparams." + key + " missing or not a whole number");
    return obj[key].get<std::uint64_t>();
}

}  // namespace

ScryptParams default_scrypt_params()
{
    ScryptParams p;
    if (const char* env = std::getenv(SCRYPT_N_ENV); env && *env) {
        auto n = ledger::u128_from_string(env);
        if (!n || *n > (1u << 20) || !is_power_of_two(static_cast<std::uint64_t>(*n)))
            throw usage_error(std::string{SCRYPT_N_ENV} +
                              " must be a power of two between 2 and 1048576");
        p.n = static_cast<std::uint64_t>(*n);
    }
    return p;
}

std::string random_uuid_v4()
{
    CryptoPP::AutoSeededRandomPool rng;
    std::array<std::uint8_t, 16> b{};
    rng.GenerateBlock(b.data(), b.size());
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);  // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string h = plain_hex(b.data(), b.size());
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

SecretKeyHolder random_secret_key()
{
    CryptoPP::AutoSeededRandomPool rng;
    ledger::SecretKey k;
    // Almost every 32-byte string is a valid key; retry the ~2^-128 rest.
    for (;;) {
        rng.GenerateBlock(k.data(), k.size());
        if (ledger::public_key_of(k)) break;
    }
    SecretKeyHolder holder{k};
    secure_wipe(k.data(), k.size());
    return holder;
}

json encrypt_keystore(const ledger::SecretKey& secret, std::string_view password,
                      const ScryptParams& params)
{
    auto pub = ledger::public_key_of(secret);
    if (!pub) throw key_error("not a valid secp256k1 private key");
    if (!is_power_of_two(params.n) || params.r == 0 || params.p == 0)
        throw usage_error("scrypt parameters: n must be a power of two > 1, r and p positive");

    CryptoPP::AutoSeededRandomPool rng;
    Bytes salt(32), iv(16);
    rng.GenerateBlock(salt.data(), salt.size());
    rng.GenerateBlock(iv.data(), iv.size());

    DerivedKey dk;
    derive_scrypt(dk, password, salt, params.n, params.r, params.p);
    Bytes ciphertext = aes128_ctr(dk, iv, secret.data(), secret.size());
    ledger::Hash32 mac = keystore_mac(dk, ciphertext);
    ledger::Address addr = ledger::address_of(*pub);

    json kdfparams = {{"dklen", DK_LEN},
                      {"n", params.n},
                      {"p", params.p},
                      {"r", params.r},
                      {"salt", plain_hex(salt.data(), salt.size())}};
    json crypto = {{"cipher", "aes-128-ctr"},
                   {"cipherparams", {{"iv", plain_hex(iv.data(), iv.size())}}},
                   {"ciphertext", plain_hex(ciphertext.data(), ciphertext.size())},
                   {"kdf", "scrypt"},
                   {"kdfparams", kdfparams},
                   {"mac", plain_hex(mac.data(), mac.size())}};
    return json{{"address", plain_hex(addr.data(), addr.size())},
                {"crypto", crypto},
                {"id", random_uuid_v4()},
                {"version", 3}};
}

SecretKeyHolder decrypt_keystore(const json& ks, std::string_view password, std::string_view name)
{
    const std::string what = "keystore of key " + std::string{name};
    if (!ks.is_object()) throw key_error(what + ": not a JSON object");
    if (ks.contains("version") && !(ks["version"].is_number_integer() && ks["version"] == 3))
        throw key_error(what + ": only keystore version 3 is supported");
    const json* crypto = find_crypto(ks);
    if (!crypto) throw key_error(what + ": no \"crypto\" object");
    const json& c = *crypto;

    if (!c.contains("cipher") || c["cipher"] != "aes-128-ctr")
        throw key_error(what + ": unsupported cipher (only aes-128-ctr)");
    auto iv = c.contains("cipherparams") && c["cipherparams"].is_object() &&
                      c["cipherparams"].contains("iv")
                  ? parse_plain_hex(c["cipherparams"]["iv"])
                  : std::nullopt;
    if (!iv || iv->size() != 16)
        throw key_error(what + ": cipherparams.iv must be 16 bytes of hex");
    auto ciphertext = c.contains("ciphertext") ? parse_plain_hex(c["ciphertext"]) : std::nullopt;
    // geth decrypts keys shorter than 32 bytes as left-padded (its testdata has 30 and 31).
    if (!ciphertext || ciphertext->empty() || ciphertext->size() > 32)
        throw key_error(what + ": ciphertext must be 1 to 32 bytes of hex");
    auto mac = c.contains("mac") ? parse_plain_hex(c["mac"]) : std::nullopt;
    if (!mac || mac->size() != 32) throw key_error(what + ": mac must be 32 bytes of hex");
    if (!c.contains("kdfparams") || !c["kdfparams"].is_object())
        throw key_error(what + ": kdfparams missing");
    const json& kp = c["kdfparams"];
    auto salt = kp.contains("salt") ? parse_plain_hex(kp["salt"]) : std::nullopt;
    if (!salt) throw key_error(what + ": kdfparams.salt must be hex");
    if (get_uint(kp, "dklen", what) != DK_LEN)
        throw key_error(what + ": kdfparams.dklen must be 32");

    DerivedKey dk;
    const std::string kdf =
        c.contains("kdf") && c["kdf"].is_string() ? c["kdf"].get<std::string>() : std::string{};
    if (kdf == "scrypt") {
        std::uint64_t n = get_uint(kp, "n", what);
        std::uint64_t r = get_uint(kp, "r", what);
        std::uint64_t p = get_uint(kp, "p", what);
        if (!is_power_of_two(n) || r == 0 || p == 0 || p > 16 || r > 1024 ||
            n > MAX_SCRYPT_MEMORY / (128 * r))
            throw key_error(what + ": scrypt parameters out of range (n=" + std::to_string(n) +
                            ", r=" + std::to_string(r) + ", p=" + std::to_string(p) + ")");
        derive_scrypt(dk, password, *salt, n, r, p);
    } else if (kdf == "pbkdf2") {
        if (!kp.contains("prf") || kp["prf"] != "hmac-sha256")
            throw key_error(what + ": pbkdf2 prf must be hmac-sha256");
        std::uint64_t rounds = get_uint(kp, "c", what);
        if (rounds == 0 || rounds > MAX_PBKDF2_ROUNDS)
            throw key_error(what + ": pbkdf2 round count out of range");
        derive_pbkdf2(dk, password, *salt, rounds);
    } else {
        throw key_error(what + ": unsupported kdf '" + kdf + "' (scrypt or pbkdf2)");
    }

    ledger::Hash32 expect = keystore_mac(dk, *ciphertext);
    if (!CryptoPP::VerifyBufsEqual(expect.data(), mac->data(), 32))
        throw key_error("wrong password for key " + std::string{name});

    Bytes plain = aes128_ctr(dk, *iv, ciphertext->data(), ciphertext->size());
    ledger::SecretKey secret;
    std::memcpy(secret.data() + (secret.size() - plain.size()), plain.data(), plain.size());
    secure_wipe(plain.data(), plain.size());
    SecretKeyHolder holder{secret};
    secure_wipe(secret.data(), secret.size());

    auto pub = ledger::public_key_of(holder.key());
    if (!pub) throw key_error(what + ": decrypted key is not a valid secp256k1 key");
    if (auto stated = keystore_address(ks); stated && *stated != ledger::address_of(*pub))
        throw key_error(what + ": the address field does not match the decrypted key");
    return holder;
}

std::optional<ledger::Address> keystore_address(const json& ks)
{
    if (!ks.is_object() || !ks.contains("address") || !ks["address"].is_string())
        return std::nullopt;
    std::string a = ks["address"].get<std::string>();
    if (a.rfind("0x", 0) != 0 && a.rfind("0X", 0) != 0) a = "0x" + a;
    return ledger::parse_address(a);
}

}  // namespace aif::wallet
