// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/typed_data.hpp"

#include "ledger/crypto.hpp"
#include "wallet/errors.hpp"

#include <cstring>
#include <set>

namespace aif::wallet {

using ledger::Bytes;
using ledger::Hash32;
using nlohmann::json;

namespace {

void append(Bytes& buf, const Hash32& w)
{
    buf.insert(buf.end(), w.bytes.begin(), w.bytes.end());
}

WalletError bad_value(const std::string& path, const std::string& what)
{
    return usage_error(path + ": " + what);
}

/// Parses a decimal or 0x-hex unsigned integer string into a 256-bit big-endian word; nullopt
/// on a bad character or a value ≥ 2^256.
std::optional<Hash32> parse_uint256(std::string_view s)
{
    Hash32 w;
    if (s.empty()) return std::nullopt;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        std::string_view h = s.substr(2);
        while (h.size() > 1 && h[0] == '0') h.remove_prefix(1);
        if (h.size() > 64) return std::nullopt;
        for (std::size_t i = 0; i < h.size(); ++i) {
            char c = h[h.size() - 1 - i];
            int v = (c >= '0' && c <= '9')   ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : -1;
            if (v < 0) return std::nullopt;
            auto& b = w.bytes[31 - i / 2];
            b = static_cast<std::uint8_t>(b | (i % 2 ? v << 4 : v));
        }
        return w;
    }
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        unsigned carry = static_cast<unsigned>(c - '0');
        for (int i = 31; i >= 0; --i) {
            unsigned v = w.bytes[static_cast<std::size_t>(i)] * 10u + carry;
            w.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
            carry = v >> 8;
        }
        if (carry) return std::nullopt;
    }
    return w;
}

/// Bit width of "uintN" (8..256, multiple of 8) or 0 if `type` is not a uint type.
unsigned uint_bits(std::string_view type)
{
    if (type.rfind("uint", 0) != 0) return 0;
    std::string_view n = type.substr(4);
    if (n.empty()) return 0;
    unsigned bits = 0;
    for (char c : n) {
        if (c < '0' || c > '9' || bits > 256) return 0;
        bits = bits * 10 + static_cast<unsigned>(c - '0');
    }
    return (bits >= 8 && bits <= 256 && bits % 8 == 0) ? bits : 0;
}

/// Size of "bytesN" (1..32) or 0.
unsigned fixed_bytes_size(std::string_view type)
{
    if (type.rfind("bytes", 0) != 0 || type.size() == 5) return 0;
    unsigned n = 0;
    for (char c : type.substr(5)) {
        if (c < '0' || c > '9' || n > 32) return 0;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return (n >= 1 && n <= 32) ? n : 0;
}

std::optional<Bytes> hex_value(const json& v)
{
    if (!v.is_string()) return std::nullopt;
    return ledger::from_hex(v.get_ref<const std::string&>());
}

/// Fixed array length of "T[k]", or nullopt for "T[]".
std::optional<std::size_t> array_length(std::string_view type)
{
    auto open = type.rfind('[');
    std::string_view inner = type.substr(open + 1, type.size() - open - 2);
    if (inner.empty()) return std::nullopt;
    std::size_t n = 0;
    for (char c : inner) n = n * 10 + static_cast<std::size_t>(c - '0');
    return n;
}

}  // namespace

Hash32 eip712_digest(const Hash32& domain_separator, const Hash32& struct_hash)
{
    std::uint8_t buf[66];
    buf[0] = 0x19;
    buf[1] = 0x01;
    std::memcpy(buf + 2, domain_separator.data(), 32);
    std::memcpy(buf + 34, struct_hash.data(), 32);
    return ledger::keccak256(ledger::ByteView{buf, sizeof(buf)});
}

TypedData::TypedData(json types) : m_types(std::move(types))
{
    if (!m_types.is_object()) throw failure("EIP-712 types: not an object");
    for (auto it = m_types.begin(); it != m_types.end(); ++it) {
        if (!it->is_array()) throw failure("EIP-712 types: " + it.key() + " is not a list");
        for (const auto& f : *it)
            if (!f.is_object() || !f.contains("name") || !f["name"].is_string() ||
                !f.contains("type") || !f["type"].is_string())
                throw failure("EIP-712 types: " + it.key() + " has a field without name/type");
    }
}

bool TypedData::is_array(std::string_view type) noexcept
{
    if (type.empty() || type.back() != ']') return false;
    auto open = type.rfind('[');
    if (open == std::string_view::npos || open == 0) return false;
    for (std::size_t i = open + 1; i + 1 < type.size(); ++i)
        if (type[i] < '0' || type[i] > '9') return false;
    return true;
}

std::string_view TypedData::element_type(std::string_view type) noexcept
{
    if (!is_array(type)) return type;
    return type.substr(0, type.rfind('['));
}

bool TypedData::has_type(std::string_view type) const
{
    return m_types.contains(std::string{type});
}

const json& TypedData::fields(std::string_view type) const
{
    auto it = m_types.find(std::string{type});
    if (it == m_types.end()) throw failure("EIP-712 types: unknown type " + std::string{type});
    return *it;
}

std::string TypedData::encode_type(std::string_view primary) const
{
    // Collect referenced struct types (transitively), then primary first and the rest sorted.
    std::set<std::string> deps;
    std::vector<std::string> todo{std::string{primary}};
    while (!todo.empty()) {
        std::string t = std::move(todo.back());
        todo.pop_back();
        for (const auto& f : fields(t)) {
            std::string_view ft = f["type"].get_ref<const std::string&>();
            while (is_array(ft)) ft = element_type(ft);
            std::string base{ft};
            if (has_type(base) && base != primary && deps.insert(base).second) todo.push_back(base);
        }
    }
    auto one = [&](const std::string& t) {
        std::string s = t + "(";
        bool first = true;
        for (const auto& f : fields(t)) {
            if (!first) s += ',';
            first = false;
            s += f["type"].get<std::string>() + " " + f["name"].get<std::string>();
        }
        return s + ")";
    };
    std::string out = one(std::string{primary});
    for (const auto& d : deps) out += one(d);
    return out;
}

Hash32 TypedData::type_hash(std::string_view primary) const
{
    return ledger::keccak256(std::string_view{encode_type(primary)});
}

Hash32 TypedData::hash_struct(std::string_view type, const json& value) const
{
    return hash_struct_at(type, value, "message");
}

Hash32 TypedData::hash_struct_at(std::string_view type, const json& value,
                                 const std::string& path) const
{
    const json& defs = fields(type);
    if (!value.is_object()) throw bad_value(path, "must be an object of type " + std::string{type});
    for (auto it = value.begin(); it != value.end(); ++it) {
        bool known = false;
        for (const auto& f : defs) known = known || f["name"] == it.key();
        if (!known) throw bad_value(path + "." + it.key(), "unknown field of " + std::string{type});
    }
    Bytes buf;
    buf.reserve(32 * (1 + defs.size()));
    append(buf, type_hash(type));
    for (const auto& f : defs) {
        const auto& name = f["name"].get_ref<const std::string&>();
        std::string fpath = path + "." + name;
        auto it = value.find(name);
        if (it == value.end()) throw bad_value(fpath, "missing");
        append(buf, encode_value(f["type"].get_ref<const std::string&>(), *it, fpath));
    }
    return ledger::keccak256(ledger::ByteView{buf});
}

Hash32 TypedData::encode_value(std::string_view type, const json& v, const std::string& path) const
{
    const std::string tname{type};
    if (is_array(type)) {
        if (!v.is_array()) throw bad_value(path, "must be a list (" + tname + ")");
        if (auto n = array_length(type); n && v.size() != *n)
            throw bad_value(path, "must have exactly " + std::to_string(*n) + " entries");
        Bytes buf;
        buf.reserve(32 * v.size());
        std::string_view elem = element_type(type);
        for (std::size_t i = 0; i < v.size(); ++i)
            append(buf, encode_value(elem, v[i], path + "[" + std::to_string(i) + "]"));
        return ledger::keccak256(ledger::ByteView{buf});
    }
    if (has_type(type)) return hash_struct_at(type, v, path);
    if (unsigned bits = uint_bits(type)) {
        std::optional<Hash32> w;
        if (v.is_number_unsigned())
            w = ledger::u128_to_word(v.get<std::uint64_t>());
        else if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
            w = ledger::u128_to_word(static_cast<std::uint64_t>(v.get<std::int64_t>()));
        else if (v.is_string())
            w = parse_uint256(v.get_ref<const std::string&>());
        if (!w) throw bad_value(path, "must be an unsigned integer (" + tname + ")");
        for (unsigned i = 0; i < 32 - bits / 8; ++i)
            if (w->bytes[i] != 0) throw bad_value(path, "does not fit " + tname);
        return *w;
    }
    if (type == "bool") {
        if (!v.is_boolean()) throw bad_value(path, "must be true or false");
        Hash32 w;
        w.bytes[31] = v.get<bool>() ? 1 : 0;
        return w;
    }
    if (type == "address") {
        auto a =
            v.is_string() ? ledger::parse_address(v.get_ref<const std::string&>()) : std::nullopt;
        if (!a) throw bad_value(path, "must be a 0x address of 40 hex digits");
        Hash32 w;
        std::memcpy(w.data() + 12, a->data(), 20);
        return w;
    }
    if (type == "string") {
        if (!v.is_string()) throw bad_value(path, "must be a string");
        return ledger::keccak256(std::string_view{v.get_ref<const std::string&>()});
    }
    if (type == "bytes") {
        auto b = hex_value(v);
        if (!b) throw bad_value(path, "must be 0x-hex bytes");
        return ledger::keccak256(ledger::ByteView{*b});
    }
    if (unsigned n = fixed_bytes_size(type)) {
        auto b = hex_value(v);
        if (!b || b->size() != n)
            throw bad_value(path, "must be " + std::to_string(n) + " bytes of 0x-hex");
        Hash32 w;
        std::memcpy(w.data(), b->data(), n);
        return w;
    }
    throw failure("EIP-712: unsupported field type '" + tname + "' at " + path);
}

Hash32 TypedData::domain_separator(const json& domain) const
{
    if (has_type("EIP712Domain")) return hash_struct_at("EIP712Domain", domain, "domain");
    static const std::pair<const char*, const char*> STANDARD[] = {{"name", "string"},
                                                                   {"version", "string"},
                                                                   {"chainId", "uint256"},
                                                                   {"verifyingContract", "address"},
                                                                   {"salt", "bytes32"}};
    json fields = json::array();
    for (const auto& [name, type] : STANDARD)
        if (domain.is_object() && domain.contains(name))
            fields.push_back({{"name", name}, {"type", type}});
    json types = m_types;
    types["EIP712Domain"] = fields;
    return TypedData{types}.domain_separator(domain);
}

Hash32 TypedData::digest(const json& domain, std::string_view primary, const json& message) const
{
    return eip712_digest(domain_separator(domain), hash_struct(primary, message));
}

}  // namespace aif::wallet
