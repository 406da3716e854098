// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/tx.hpp"

#include "ledger/codec.hpp"

#include <cstring>

namespace aif::ledger {

std::string_view eip712_name(FieldType t) noexcept
{
    switch (t) {
    case FieldType::uint8: return "uint8";
    case FieldType::uint16: return "uint16";
    case FieldType::uint32: return "uint32";
    case FieldType::uint64: return "uint64";
    case FieldType::uint256: return "uint256";
    case FieldType::boolean: return "bool";
    case FieldType::address: return "address";
    case FieldType::string: return "string";
    case FieldType::bytes32: return "bytes32";
    case FieldType::bytes: return "bytes";
    case FieldType::address_array: return "address[]";
    }
    return "";
}

namespace {

using FT = FieldType;

Hash32 word_u64(std::uint64_t v)
{
    Hash32 w;
    for (int i = 31; i >= 24; --i) {
        w.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
        v >>= 8;
    }
    return w;
}

Hash32 word_address(const Address& a)
{
    Hash32 w;
    std::memcpy(w.data() + 12, a.data(), 20);
    return w;
}

/// EIP-712 encodeData of one value: a 32-byte word.
Hash32 encode_value(FieldType t, const Value& v)
{
    switch (t) {
    case FT::uint8:
    case FT::uint16:
    case FT::uint32:
    case FT::uint64:
    case FT::boolean: return word_u64(std::get<std::uint64_t>(v));
    case FT::uint256: return u128_to_word(std::get<u128>(v));
    case FT::address: return word_address(std::get<Address>(v));
    case FT::string: {
        // Empty strings (memos, most optional fields) hash to a constant: skip the permutation.
        static const Hash32 EMPTY = keccak256(std::string_view{});
        const auto& str = std::get<std::string>(v);
        if (str.empty()) return EMPTY;
        // The same short string comes again and again (a transfer's asset is nearly always
        // "AIF"): each thread remembers the last short string it hashed (issue 7: one keccak
        // permutation of about twelve per transaction).
        thread_local std::string last_text;
        thread_local Hash32 last_hash;
        if (str.size() <= 32 && str == last_text) return last_hash;
        const Hash32 h = keccak256(std::string_view{str});
        if (str.size() <= 32) {
            last_text = str;
            last_hash = h;
        }
        return h;
    }
    case FT::bytes32: return std::get<Hash32>(v);
    case FT::bytes: return keccak256(ByteView{std::get<Bytes>(v)});
    case FT::address_array: {
        const auto& arr = std::get<std::vector<Address>>(v);
        Bytes buf;
        buf.reserve(arr.size() * 32);
        for (const auto& a : arr) {
            Hash32 w = word_address(a);
            buf.insert(buf.end(), w.bytes.begin(), w.bytes.end());
        }
        return keccak256(ByteView{buf});
    }
    }
    return {};
}

}  // namespace

std::vector<FieldDef> with_header(std::vector<FieldDef> rest)
{
    std::vector<FieldDef> f{{"nonce", FieldType::uint64, 0}, {"fee", FieldType::uint256, 0}};
    f.insert(f.end(), rest.begin(), rest.end());
    return f;
}

const std::vector<TxTypeDef>& tx_types()
{
    static const std::vector<TxTypeDef> types = [] {
        std::vector<TxTypeDef> t;
        add_token_types(t);
        add_festival_types(t);
        add_dao_types(t);
        add_market_types(t);
        for (auto& def : t) def.cached_type_hash = keccak256(std::string_view{encode_type(def)});
        return t;
    }();
    return types;
}

const TxTypeDef* find_tx_type(std::string_view name) noexcept
{
    for (const auto& t : tx_types())
        if (t.name == name) return &t;
    return nullptr;
}

const TxTypeDef* find_tx_type(TxKind kind) noexcept
{
    for (const auto& t : tx_types())
        if (t.kind == kind) return &t;
    return nullptr;
}

std::string encode_type(const TxTypeDef& def)
{
    std::string s{def.name};
    s += '(';
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        if (i) s += ',';
        s += eip712_name(def.fields[i].type);
        s += ' ';
        s += def.fields[i].name;
    }
    s += ')';
    return s;
}

Hash32 type_hash(const TxTypeDef& def)
{
    if (!def.cached_type_hash.is_zero()) return def.cached_type_hash;
    return keccak256(std::string_view{encode_type(def)});
}

Hash32 hash_struct(const Tx& tx)
{
    const TxTypeDef& def = *tx.type;
    Bytes buf;
    buf.reserve(32 * (1 + def.fields.size()));
    Hash32 th = type_hash(def);
    buf.insert(buf.end(), th.bytes.begin(), th.bytes.end());
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
        Hash32 w = encode_value(def.fields[i].type, tx.fields[i]);
        buf.insert(buf.end(), w.bytes.begin(), w.bytes.end());
    }
    return keccak256(ByteView{buf});
}

Hash32 domain_separator(const Domain& domain)
{
    static const Hash32 DOMAIN_TYPE_HASH =
        keccak256(std::string_view{"EIP712Domain(string name,string version,uint256 chainId)"});
    Bytes buf;
    buf.reserve(128);
    auto put = [&](const Hash32& w) { buf.insert(buf.end(), w.bytes.begin(), w.bytes.end()); };
    put(DOMAIN_TYPE_HASH);
    put(keccak256(std::string_view{"AIF Chain"}));
    put(keccak256(std::string_view{"1"}));
    put(word_u64(domain.chain_id));
    return keccak256(ByteView{buf});
}

Hash32 signing_digest(const Hash32& domain_sep, const Tx& tx)
{
    std::uint8_t buf[66];
    buf[0] = 0x19;
    buf[1] = 0x01;
    std::memcpy(buf + 2, domain_sep.data(), 32);
    Hash32 hs = hash_struct(tx);
    std::memcpy(buf + 34, hs.data(), 32);
    return keccak256(ByteView{buf, sizeof(buf)});
}

Hash32 tx_hash(const Address& sender, const Hash32& digest)
{
    std::uint8_t buf[52];
    std::memcpy(buf, sender.data(), 20);
    std::memcpy(buf + 20, digest.data(), 32);
    return keccak256(ByteView{buf, sizeof(buf)});
}

Result<VerifiedTx> verify_tx(const Hash32& domain_sep, Tx tx) noexcept
{
    try {
        Hash32 digest = signing_digest(domain_sep, tx);
        AIF_TRY(sender, recover_signer(digest, tx.signature));
        Hash32 h = tx_hash(sender, digest);
        return VerifiedTx{std::move(tx), sender, digest, h};
    } catch (...) {
        return err(ErrorCode::internal, "verify_tx");
    }
}

Bytes encode_tx(const Tx& tx)
{
    Bytes out;
    out.reserve(256);  // a transfer encodes to ~140 bytes: one allocation
    encode_tx_into(out, tx);
    return out;
}

void encode_tx_into(Bytes& out, const Tx& tx)
{
    Writer w{std::move(out)};
    w.u16(static_cast<std::uint16_t>(tx.type->kind));
    const auto& defs = tx.type->fields;
    for (std::size_t i = 0; i < defs.size(); ++i) {
        const Value& v = tx.fields[i];
        switch (defs[i].type) {
        case FT::uint8:
        case FT::uint16:
        case FT::uint32:
        case FT::uint64:
        case FT::boolean: w.u64(std::get<std::uint64_t>(v)); break;
        case FT::uint256: w.u128v(std::get<u128>(v)); break;
        case FT::address: w.fixed(std::get<Address>(v)); break;
        case FT::string: w.str(std::get<std::string>(v)); break;
        case FT::bytes32: w.fixed(std::get<Hash32>(v)); break;
        case FT::bytes: w.var(std::get<Bytes>(v)); break;
        case FT::address_array: {
            const auto& arr = std::get<std::vector<Address>>(v);
            w.u32(static_cast<std::uint32_t>(arr.size()));
            for (const auto& a : arr) w.fixed(a);
            break;
        }
        }
    }
    w.fixed(tx.signature);
    out = w.take();
}

Result<Tx> decode_tx(ByteView data) noexcept
{
    try {
        Reader r{data};
        auto kind = static_cast<TxKind>(r.u16());
        if (!r.ok()) return err(ErrorCode::malformed_tx, "truncated type id");
        const TxTypeDef* def = find_tx_type(kind);
        if (!def) return err(ErrorCode::unknown_tx_type, "type id");
        Tx tx;
        tx.type = def;
        tx.fields.reserve(def->fields.size());
        for (const auto& f : def->fields) {
            switch (f.type) {
            case FT::uint8:
            case FT::uint16:
            case FT::uint32:
            case FT::uint64:
            case FT::boolean: {
                // The binary form carries small uints in 8 bytes; a block from elsewhere must
                // obey the same ranges as the wire form (fuzz F2).
                const std::uint64_t v = r.u64();
                const std::uint64_t max = f.type == FT::uint8     ? 0xff
                                          : f.type == FT::uint16  ? 0xffff
                                          : f.type == FT::uint32  ? 0xffffffffULL
                                          : f.type == FT::boolean ? 1
                                                                  : ~std::uint64_t{0};
                if (v > max)
                    return err(ErrorCode::invalid_field,
                               std::string{f.name} + ": out of range for " +
                                   std::string{eip712_name(f.type)});
                tx.fields.emplace_back(v);
                break;
            }
            case FT::uint256: tx.fields.emplace_back(r.u128v()); break;
            case FT::address: {
                auto fb = r.fixed<20>();
                Address a;
                a.bytes = fb.bytes;
                tx.fields.emplace_back(a);
                break;
            }
            case FT::string: tx.fields.emplace_back(r.str(f.max_len)); break;
            case FT::bytes32: tx.fields.emplace_back(r.fixed<32>()); break;
            case FT::bytes: tx.fields.emplace_back(r.var(f.max_len)); break;
            case FT::address_array: {
                std::uint32_t n = r.u32();
                if (n > f.max_len) return err(ErrorCode::invalid_field, std::string{f.name});
                std::vector<Address> arr;
                for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
                    Address a;
                    a.bytes = r.fixed<20>().bytes;
                    arr.push_back(a);
                }
                tx.fields.emplace_back(std::move(arr));
                break;
            }
            }
            if (!r.ok()) return err(ErrorCode::malformed_tx, "truncated field " + std::string{f.name});
        }
        Signature sig;
        sig.bytes = r.fixed<65>().bytes;
        tx.signature = sig;
        if (!r.done()) return err(ErrorCode::malformed_tx, "bad length");
        return tx;
    } catch (...) {
        return err(ErrorCode::internal, "decode_tx");
    }
}

}  // namespace aif::ledger
