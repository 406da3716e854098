// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Fuzz target: EIP-712 hashing of every transaction type. The input picks a type from the type
// table (ledger::tx_types()) and a value for each of its fields, within the field's range and
// length (valid UTF-8 strings), and a signing key. Invariants:
//   - hashStruct, the domain separator and the signing digest equal an independent
//     implementation of EIP-712 written here from the standard (encodeType, encodeData);
//   - a signature made over the digest verifies (verify_tx) to the key's address, and the tx
//     hash is keccak256(sender || digest); its high-s twin is refused as high_s_signature;
//   - the binary encoding round-trips (encode_tx → decode_tx) and so does the JSON wire form
//     (tx_to_json → text → decode_wire), to the same digest;
//   - a value out of its field's range (a small uint too large) is refused by decode_wire
//     with invalid_field naming the field.
#include "fuzz/fuzz_common.hpp"
#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"
#include "ledger/tx.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <string>

using namespace aif;
using aif::ledger::json::json;
using ledger::FieldType;
using ledger::Hash32;

namespace {

// ---- an independent EIP-712 implementation (only keccak256 is shared) -----------------------

std::string type_name(FieldType t)
{
    switch (t) {
        case FieldType::uint8:
            return "uint8";
        case FieldType::uint16:
            return "uint16";
        case FieldType::uint32:
            return "uint32";
        case FieldType::uint64:
            return "uint64";
        case FieldType::uint256:
            return "uint256";
        case FieldType::boolean:
            return "bool";
        case FieldType::address:
            return "address";
        case FieldType::string:
            return "string";
        case FieldType::bytes32:
            return "bytes32";
        case FieldType::bytes:
            return "bytes";
        case FieldType::address_array:
            return "address[]";
    }
    return "?";
}

Hash32 kk(const std::string& s)
{
    return ledger::keccak256(std::string_view{s});
}

/// A big-endian 32-byte word of an unsigned integer up to 128 bits.
std::string word(ledger::u128 v)
{
    std::string w(32, '\0');
    for (int i = 31; i >= 16; --i) {
        w[static_cast<std::size_t>(i)] = static_cast<char>(static_cast<std::uint8_t>(v));
        v >>= 8;
    }
    return w;
}

std::string word_of_address(const ledger::Address& a)
{
    return std::string(12, '\0') + std::string(reinterpret_cast<const char*>(a.data()), 20);
}

std::string raw(const Hash32& h)
{
    return std::string(reinterpret_cast<const char*>(h.data()), 32);
}

/// EIP-712 encodeData of one field value (the standard's rules for atomic and dynamic types).
std::string encode_data(FieldType t, const ledger::Value& v)
{
    switch (t) {
        case FieldType::uint8:
        case FieldType::uint16:
        case FieldType::uint32:
        case FieldType::uint64:
        case FieldType::boolean:
            return word(std::get<std::uint64_t>(v));
        case FieldType::uint256:
            return word(std::get<ledger::u128>(v));
        case FieldType::address:
            return word_of_address(std::get<ledger::Address>(v));
        case FieldType::string:
            return raw(kk(std::get<std::string>(v)));
        case FieldType::bytes32:
            return raw(std::get<Hash32>(v));
        case FieldType::bytes: {
            const auto& b = std::get<ledger::Bytes>(v);
            return raw(kk(std::string(b.begin(), b.end())));
        }
        case FieldType::address_array: {
            std::string cat;
            for (const auto& a : std::get<std::vector<ledger::Address>>(v))
                cat += word_of_address(a);
            return raw(kk(cat));
        }
    }
    return {};
}

Hash32 reference_hash_struct(const ledger::TxTypeDef& def, const std::vector<ledger::Value>& vals)
{
    std::string type = std::string(def.name) + "(";
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        if (i) type += ",";
        type += type_name(def.fields[i].type) + " " + std::string(def.fields[i].name);
    }
    type += ")";
    std::string enc = raw(kk(type));
    for (std::size_t i = 0; i < def.fields.size(); ++i)
        enc += encode_data(def.fields[i].type, vals[i]);
    return kk(enc);
}

Hash32 reference_digest(std::uint64_t chain_id, const Hash32& hash_struct)
{
    const std::string domain = raw(kk("EIP712Domain(string name,string version,uint256 chainId)")) +
                               raw(kk("AIF Chain")) + raw(kk("1")) + word(chain_id);
    return kk(std::string("\x19\x01", 2) + raw(kk(domain)) + raw(hash_struct));
}

// ---- values from fuzzer bytes -----------------------------------------------------------------

/// A valid UTF-8 string of at most `max` bytes: ASCII bytes as they come, other bytes mapped to
/// two-byte sequences (U+0080…U+00FF) or, when the high bit pattern says so, to a 3- or 4-byte
/// sequence.
std::string utf8_string(fuzz::Input& in, std::size_t max)
{
    const std::string src = in.bytes(max);
    std::string out;
    for (std::size_t i = 0; i < src.size(); ++i) {
        const auto b = static_cast<std::uint8_t>(src[i]);
        std::string ch;
        if (b < 0x80) {
            ch = std::string(1, static_cast<char>(b));
        } else if (b < 0xf0) {
            ch = {static_cast<char>(0xc0 | (b >> 6)), static_cast<char>(0x80 | (b & 0x3f))};
        } else if (b < 0xf8) {
            ch = "\xe2\x82\xac";  // U+20AC
        } else {
            ch = "\xf0\x9f\x8e\xac";  // U+1F3AC
        }
        if (out.size() + ch.size() > max) break;
        out += ch;
    }
    return out;
}

ledger::Address address(fuzz::Input& in)
{
    ledger::Address a;
    for (auto& b : a.bytes) b = in.u8();
    return a;
}

std::uint64_t max_of(FieldType t)
{
    switch (t) {
        case FieldType::uint8:
            return 0xff;
        case FieldType::uint16:
            return 0xffff;
        case FieldType::uint32:
            return 0xffffffffu;
        case FieldType::boolean:
            return 1;
        default:
            return ~std::uint64_t{0};
    }
}

ledger::Value value_for(const ledger::FieldDef& f, fuzz::Input& in)
{
    switch (f.type) {
        case FieldType::uint8:
        case FieldType::uint16:
        case FieldType::uint32:
        case FieldType::uint64:
        case FieldType::boolean: {
            const std::uint64_t m = max_of(f.type);
            const std::uint64_t v = in.u64();
            return m == ~std::uint64_t{0} ? v : v % (m + 1);
        }
        case FieldType::uint256:
            return in.u128v();
        case FieldType::address:
            return address(in);
        case FieldType::string:
            return utf8_string(in, f.max_len);
        case FieldType::bytes32: {
            Hash32 h;
            for (auto& b : h.bytes) b = in.u8();
            return h;
        }
        case FieldType::bytes: {
            const std::string s = in.bytes(f.max_len);
            return ledger::Bytes(s.begin(), s.end());
        }
        case FieldType::address_array: {
            std::vector<ledger::Address> v(in.u8() % (f.max_len + 1));
            for (auto& a : v) a = address(in);
            return v;
        }
    }
    return std::uint64_t{0};
}

/// s → n − s and v flipped: the malleable twin of a low-s signature.
ledger::Signature high_s_twin(const ledger::Signature& sig)
{
    static const std::uint8_t N[32] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
                                       0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b,
                                       0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};
    ledger::Signature out = sig;
    int borrow = 0;
    for (int i = 31; i >= 0; --i) {
        int d = N[i] - sig.bytes[32 + static_cast<std::size_t>(i)] - borrow;
        borrow = d < 0;
        out.bytes[32 + static_cast<std::size_t>(i)] =
            static_cast<std::uint8_t>(d + (borrow ? 256 : 0));
    }
    out.bytes[64] = sig.bytes[64] == 27 ? 28 : 27;
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::Input in(data, size);
    const auto& types = ledger::tx_types();
    const ledger::TxTypeDef& def = types[in.u8() % types.size()];
    const std::uint64_t chain_id = in.u8() < 128 ? 2026 : in.u64();
    ledger::SecretKey key;
    for (auto& b : key.bytes) b = in.u8();
    key.bytes[0] = static_cast<std::uint8_t>(key.bytes[0] & 0x7f);  // below the curve order
    key.bytes[31] |= 1;                                             // never zero

    ledger::Tx tx;
    tx.type = &def;
    for (const auto& f : def.fields) tx.fields.push_back(value_for(f, in));

    // hashStruct and digest against the reference implementation.
    const Hash32 hs = ledger::hash_struct(tx);
    FUZZ_ASSERT(hs == reference_hash_struct(def, tx.fields),
                "hashStruct differs from the reference");
    const Hash32 dsep = ledger::domain_separator(ledger::Domain{chain_id});
    const Hash32 digest = ledger::signing_digest(dsep, tx);
    FUZZ_ASSERT(digest == reference_digest(chain_id, hs),
                "signing digest differs from the reference");

    // Sign, verify, hash; the high-s twin is refused.
    auto pub = ledger::public_key_of(key);
    FUZZ_ASSERT(pub.has_value(), "key below the curve order");
    auto sig = ledger::sign_digest(digest, key);
    FUZZ_ASSERT(sig.has_value(), "signing");
    tx.signature = *sig;
    auto vt = ledger::verify_tx(dsep, tx);
    FUZZ_ASSERT(vt.has_value(), "verify_tx refuses a good signature");
    FUZZ_ASSERT(vt->sender == ledger::address_of(*pub), "recovered sender");
    FUZZ_ASSERT(vt->digest == digest, "verified digest");
    std::uint8_t pre[52];
    std::memcpy(pre, vt->sender.data(), 20);
    std::memcpy(pre + 20, digest.data(), 32);
    FUZZ_ASSERT(vt->hash == ledger::keccak256(ledger::ByteView{pre, 52}), "tx hash");
    {
        ledger::Tx twin = tx;
        twin.signature = high_s_twin(*sig);
        auto bad = ledger::verify_tx(dsep, twin);
        FUZZ_ASSERT(!bad && bad.error().code == ledger::ErrorCode::high_s_signature,
                    "high-s twin not refused as high_s_signature");
    }

    // Binary round trip.
    const ledger::Bytes enc = ledger::encode_tx(tx);
    auto back = ledger::decode_tx(ledger::ByteView{enc});
    FUZZ_ASSERT(back.has_value(), "decode_tx refuses encode_tx output");
    FUZZ_ASSERT(back->type == &def && ledger::encode_tx(*back) == enc, "binary round trip");
    FUZZ_ASSERT(ledger::signing_digest(dsep, *back) == digest, "digest after binary round trip");

    // Wire (JSON text) round trip.
    json wire = ledger::json::tx_to_json(tx);
    const std::string text = wire.dump();  // strings are valid UTF-8 by construction
    auto w = ledger::json::decode_wire(json::parse(text));
    FUZZ_ASSERT(w.has_value(), "decode_wire refuses tx_to_json output");
    FUZZ_ASSERT(ledger::encode_tx(w->tx) == enc, "wire round trip");
    FUZZ_ASSERT(ledger::signing_digest(dsep, w->tx) == digest, "digest after wire round trip");

    // A small uint beyond its range is refused, naming the field.
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        const FieldType t = def.fields[i].type;
        if (t != FieldType::uint8 && t != FieldType::uint16 && t != FieldType::uint32) continue;
        json bad = wire;
        const std::string name{def.fields[i].name};
        bad["message"][name] = std::to_string(max_of(t) + 1 + (in.u8() % 3));
        auto r = ledger::json::decode_wire(bad);
        FUZZ_ASSERT(!r && r.error().code == ledger::ErrorCode::invalid_field &&
                        r.error().detail.find(name) != std::string::npos,
                    "out-of-range small uint not refused as invalid_field naming the field");
        break;
    }
    return 0;
}
