// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/hd.hpp"

#include "wallet/errors.hpp"

#include <cryptopp/hmac.h>
#include <cryptopp/pwdbased.h>
#include <cryptopp/sha.h>
#include <secp256k1.h>

#include <cstring>
#include <unordered_map>

namespace aif::wallet {

namespace {

constexpr std::size_t WORDLIST_SIZE = 2048;
constexpr unsigned int BIP39_ROUNDS = 2048;

/// libsecp256k1 context held in RAII (STYLE §3 C APIs).
class Secp256k1
{
public:
    Secp256k1() : m_ctx(secp256k1_context_create(SECP256K1_CONTEXT_NONE))
    {
        if (!m_ctx) throw failure("cannot create a secp256k1 context");
    }
    ~Secp256k1() { secp256k1_context_destroy(m_ctx); }
    Secp256k1(const Secp256k1&) = delete;
    Secp256k1& operator=(const Secp256k1&) = delete;
    [[nodiscard]] const secp256k1_context* get() const noexcept { return m_ctx; }

private:
    secp256k1_context* m_ctx;
};

const secp256k1_context* ctx()
{
    static const Secp256k1 instance;
    return instance.get();
}

const std::unordered_map<std::string_view, std::uint32_t>& word_index()
{
    static const auto map = [] {
        std::unordered_map<std::string_view, std::uint32_t> m;
        const auto& words = bip39_english();
        for (std::uint32_t i = 0; i < words.size(); ++i) m.emplace(words[i], i);
        return m;
    }();
    return map;
}

std::array<std::uint8_t, 64> hmac_sha512(ledger::ByteView key, ledger::ByteView data)
{
    std::array<std::uint8_t, 64> out{};
    CryptoPP::HMAC<CryptoPP::SHA512> mac(key.data(), key.size());
    mac.CalculateDigest(out.data(), data.data(), data.size());
    return out;
}

ExtendedKey split_il_ir(std::array<std::uint8_t, 64>& i)
{
    ExtendedKey k;
    std::memcpy(k.key.data(), i.data(), 32);
    std::memcpy(k.chain_code.data(), i.data() + 32, 32);
    secure_wipe(i.data(), i.size());
    return k;
}

std::string join_words(const std::vector<std::string>& words)
{
    std::string s;
    for (const auto& w : words) {
        if (!s.empty()) s += ' ';
        s += w;
    }
    return s;
}

}  // namespace

const std::vector<std::string_view>& bip39_english()
{
    static const std::vector<std::string_view> words = [] {
        std::vector<std::string_view> w;
        std::string_view text = bip39_english_text();
        while (!text.empty()) {
            auto nl = text.find('\n');
            std::string_view word = text.substr(0, nl);
            if (!word.empty() && word.back() == '\r') word.remove_suffix(1);
            if (!word.empty()) w.push_back(word);
            if (nl == std::string_view::npos) break;
            text.remove_prefix(nl + 1);
        }
        if (w.size() != WORDLIST_SIZE) throw failure("internal: BIP-39 wordlist is not 2048 words");
        return w;
    }();
    return words;
}

std::vector<std::string> mnemonic_words(std::string_view mnemonic)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : mnemonic) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

void validate_mnemonic(std::string_view mnemonic)
{
    auto words = mnemonic_words(mnemonic);
    const std::size_t n = words.size();
    if (n != 12 && n != 15 && n != 18 && n != 21 && n != 24)
        throw usage_error("mnemonic: expected 12, 15, 18, 21 or 24 words, got " +
                          std::to_string(n));
    // Concatenated 11-bit indices: ENT bits of entropy then ENT/32 checksum bits (BIP-39).
    std::vector<bool> bits;
    bits.reserve(n * 11);
    for (std::size_t i = 0; i < n; ++i) {
        auto it = word_index().find(words[i]);
        if (it == word_index().end())
            throw usage_error("mnemonic: word " + std::to_string(i + 1) +
                              " is not in the BIP-39 English wordlist");
        for (int b = 10; b >= 0; --b) bits.push_back(((it->second >> b) & 1u) != 0);
    }
    const std::size_t ent = n * 11 * 32 / 33;
    const std::size_t cs = ent / 32;
    ledger::Bytes entropy(ent / 8, 0);
    for (std::size_t i = 0; i < ent; ++i)
        if (bits[i]) entropy[i / 8] |= static_cast<std::uint8_t>(0x80u >> (i % 8));
    ledger::Hash32 h = ledger::sha256(ledger::ByteView{entropy});
    secure_wipe(entropy.data(), entropy.size());
    for (std::size_t i = 0; i < cs; ++i) {
        bool expect = ((h.bytes[i / 8] >> (7 - i % 8)) & 1u) != 0;
        if (bits[ent + i] != expect)
            throw usage_error("mnemonic: checksum mismatch (a word is wrong or out of order)");
    }
}

std::array<std::uint8_t, 64> mnemonic_to_seed(std::string_view mnemonic,
                                              std::string_view passphrase)
{
    validate_mnemonic(mnemonic);
    for (char c : passphrase)
        if (static_cast<unsigned char>(c) >= 0x80)
            throw usage_error("mnemonic passphrase: only ASCII is supported (no NFKD here)");
    SecretString phrase{join_words(mnemonic_words(mnemonic))};
    SecretString salt{"mnemonic" + std::string{passphrase}};
    std::array<std::uint8_t, 64> seed{};
    CryptoPP::PKCS5_PBKDF2_HMAC<CryptoPP::SHA512> pbkdf2;
    pbkdf2.DeriveKey(
        seed.data(), seed.size(), 0, reinterpret_cast<const CryptoPP::byte*>(phrase.view().data()),
        phrase.view().size(), reinterpret_cast<const CryptoPP::byte*>(salt.view().data()),
        salt.view().size(), BIP39_ROUNDS);
    return seed;
}

ExtendedKey bip32_master(ledger::ByteView seed)
{
    static constexpr std::string_view KEY = "Bitcoin seed";
    auto i = hmac_sha512({reinterpret_cast<const std::uint8_t*>(KEY.data()), KEY.size()}, seed);
    ExtendedKey k = split_il_ir(i);
    if (!secp256k1_ec_seckey_verify(ctx(), k.key.data()))
        throw key_error("BIP-32: invalid master key for this seed");
    return k;
}

ExtendedKey bip32_child(const ExtendedKey& parent, std::uint32_t index)
{
    std::array<std::uint8_t, 37> data{};
    if (index & HARDENED) {
        data[0] = 0;
        std::memcpy(data.data() + 1, parent.key.data(), 32);
    } else {
        secp256k1_pubkey pub;
        if (!secp256k1_ec_pubkey_create(ctx(), &pub, parent.key.data()))
            throw key_error("BIP-32: invalid parent key");
        std::size_t len = 33;
        if (!secp256k1_ec_pubkey_serialize(ctx(), data.data(), &len, &pub,
                                           SECP256K1_EC_COMPRESSED) ||
            len != 33)
            throw failure("BIP-32: cannot serialise public key");
    }
    for (int b = 0; b < 4; ++b)
        data[33 + static_cast<std::size_t>(b)] = static_cast<std::uint8_t>(index >> (24 - 8 * b));
    auto i = hmac_sha512(parent.chain_code.view(), {data.data(), data.size()});
    secure_wipe(data.data(), data.size());
    ExtendedKey child = split_il_ir(i);
    // child = IL + k_par (mod n); fails when IL ≥ n or the sum is 0 (BIP-32: skip this index).
    ledger::SecretKey tweak = child.key;
    child.key = parent.key;
    int ok = secp256k1_ec_seckey_tweak_add(ctx(), child.key.data(), tweak.data());
    secure_wipe(tweak.data(), tweak.size());
    if (!ok) throw key_error("BIP-32: index " + std::to_string(index) + " gives no valid key");
    return child;
}

std::vector<std::uint32_t> parse_derivation_path(std::string_view path)
{
    const WalletError bad =
        usage_error("derivation path '" + std::string{path} + "' must look like m/44'/60'/0'/0/0");
    if (path.size() < 1 || path[0] != 'm') throw bad;
    path.remove_prefix(1);
    std::vector<std::uint32_t> out;
    while (!path.empty()) {
        if (path[0] != '/') throw bad;
        path.remove_prefix(1);
        std::size_t end = path.find('/');
        std::string_view part = path.substr(0, end);
        path = end == std::string_view::npos ? std::string_view{} : path.substr(end);
        bool hardened = false;
        if (!part.empty() && (part.back() == '\'' || part.back() == 'h' || part.back() == 'H')) {
            hardened = true;
            part.remove_suffix(1);
        }
        if (part.empty() || part.size() > 10) throw bad;
        std::uint64_t v = 0;
        for (char c : part) {
            if (c < '0' || c > '9') throw bad;
            v = v * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (v >= HARDENED) throw bad;
        out.push_back(static_cast<std::uint32_t>(v) | (hardened ? HARDENED : 0u));
    }
    return out;
}

std::string ethereum_path(std::uint32_t index)
{
    return "m/44'/60'/0'/0/" + std::to_string(index);
}

SecretKeyHolder derive_from_mnemonic(std::string_view mnemonic, std::string_view passphrase,
                                     std::string_view path)
{
    auto indices = parse_derivation_path(path);
    auto seed = mnemonic_to_seed(mnemonic, passphrase);
    ExtendedKey k = bip32_master({seed.data(), seed.size()});
    secure_wipe(seed.data(), seed.size());
    for (std::uint32_t i : indices) {
        ExtendedKey next = bip32_child(k, i);
        secure_wipe(k.key.data(), k.key.size());
        k = next;
        secure_wipe(next.key.data(), next.key.size());
    }
    SecretKeyHolder holder{k.key};
    secure_wipe(k.key.data(), k.key.size());
    return holder;
}

}  // namespace aif::wallet
