// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/json/wire.hpp"

namespace aif::ledger::json {

namespace {

using FT = FieldType;
constexpr std::uint64_t MAX_SAFE_INTEGER = (std::uint64_t{1} << 53) - 1;

Error field_error(ErrorCode c, std::string_view field, std::string_view what)
{
    std::string d = "message.";
    d += field;
    d += ": ";
    d += what;
    return err(c, std::move(d));
}

u128 max_of(FieldType t)
{
    switch (t) {
    case FT::uint8: return 0xff;
    case FT::uint16: return 0xffff;
    case FT::uint32: return 0xffffffffu;
    case FT::uint64: return ~std::uint64_t{0};
    default: return ~u128{0};  // uint256 amounts: below 2^128 (SPEC §2)
    }
}

}  // namespace

std::optional<u128> parse_uint(const json& v, u128 max) noexcept
{
    std::optional<u128> out;
    if (v.is_number_unsigned()) {
        auto x = v.get<std::uint64_t>();
        if (x <= MAX_SAFE_INTEGER) out = x;
    } else if (v.is_number_integer()) {
        auto x = v.get<std::int64_t>();
        if (x >= 0 && static_cast<std::uint64_t>(x) <= MAX_SAFE_INTEGER)
            out = static_cast<u128>(x);
    } else if (v.is_string()) {
        out = u128_from_string(v.get_ref<const std::string&>());
    }
    if (out && *out > max) return std::nullopt;
    return out;
}

Result<Value> value_from_json(const FieldDef& def, const json& v) noexcept
{
    try {
        switch (def.type) {
        case FT::uint8:
        case FT::uint16:
        case FT::uint32:
        case FT::uint64: {
            auto x = parse_uint(v, max_of(def.type));
            if (!x)
                return field_error(ErrorCode::invalid_field, def.name,
                                   "must be an unsigned integer fitting " +
                                       std::string{eip712_name(def.type)} +
                                       " (decimal string or JSON integer ≤ 2^53−1)");
            return Value{static_cast<std::uint64_t>(*x)};
        }
        case FT::uint256: {
            auto x = parse_uint(v, max_of(def.type));
            if (!x)
                return field_error(ErrorCode::invalid_field, def.name,
                                   "must be an unsigned integer below 2^128 (decimal string)");
            return Value{*x};
        }
        case FT::boolean:
            if (!v.is_boolean()) return field_error(ErrorCode::invalid_field, def.name, "must be a boolean");
            return Value{std::uint64_t{v.get<bool>() ? 1u : 0u}};
        case FT::address: {
            if (!v.is_string()) return field_error(ErrorCode::invalid_field, def.name, "must be a 0x address");
            auto a = parse_address(v.get_ref<const std::string&>());
            if (!a) return field_error(ErrorCode::invalid_field, def.name, "must be a 0x address of 40 hex digits");
            return Value{*a};
        }
        case FT::string: {
            if (!v.is_string()) return field_error(ErrorCode::invalid_field, def.name, "must be a string");
            const auto& s = v.get_ref<const std::string&>();
            if (def.max_len && s.size() > def.max_len)
                return field_error(ErrorCode::invalid_field, def.name,
                                   "longer than " + std::to_string(def.max_len) + " bytes");
            return Value{s};
        }
        case FT::bytes32: {
            if (!v.is_string()) return field_error(ErrorCode::invalid_field, def.name, "must be 0x-hex");
            auto h = fixed_from_hex<32>(v.get_ref<const std::string&>());
            if (!h) return field_error(ErrorCode::invalid_field, def.name, "must be 32 bytes of 0x-hex");
            return Value{*h};
        }
        case FT::bytes: {
            if (!v.is_string()) return field_error(ErrorCode::invalid_field, def.name, "must be 0x-hex");
            auto b = from_hex(v.get_ref<const std::string&>());
            if (!b) return field_error(ErrorCode::invalid_field, def.name, "must be 0x-hex");
            if (def.max_len && b->size() > def.max_len)
                return field_error(ErrorCode::invalid_field, def.name,
                                   "longer than " + std::to_string(def.max_len) + " bytes");
            return Value{std::move(*b)};
        }
        case FT::address_array: {
            if (!v.is_array()) return field_error(ErrorCode::invalid_field, def.name, "must be an array of addresses");
            if (def.max_len && v.size() > def.max_len)
                return field_error(ErrorCode::invalid_field, def.name,
                                   "more than " + std::to_string(def.max_len) + " entries");
            std::vector<Address> arr;
            for (const auto& e : v) {
                auto a = e.is_string() ? parse_address(e.get_ref<const std::string&>()) : std::nullopt;
                if (!a) return field_error(ErrorCode::invalid_field, def.name, "entries must be 0x addresses");
                arr.push_back(*a);
            }
            return Value{std::move(arr)};
        }
        }
    } catch (...) {
    }
    return field_error(ErrorCode::invalid_field, def.name, "unreadable");
}

json value_to_json(FieldType t, const Value& v)
{
    switch (t) {
    case FT::uint8:
    case FT::uint16:
    case FT::uint32:
    case FT::uint64: return std::to_string(std::get<std::uint64_t>(v));
    case FT::boolean: return std::get<std::uint64_t>(v) != 0;
    case FT::uint256: return u128_to_string(std::get<u128>(v));
    case FT::address: return to_checksum(std::get<Address>(v));
    case FT::string: return std::get<std::string>(v);
    case FT::bytes32: return to_hex(std::get<Hash32>(v));
    case FT::bytes: return to_hex(ByteView{std::get<Bytes>(v)});
    case FT::address_array: {
        json arr = json::array();
        for (const auto& a : std::get<std::vector<Address>>(v)) arr.push_back(to_checksum(a));
        return arr;
    }
    }
    return nullptr;
}

Result<WireTx> decode_wire(const json& j) noexcept
{
    try {
        if (!j.is_object()) return err(ErrorCode::malformed_tx, "transaction must be a JSON object");
        for (auto it = j.begin(); it != j.end(); ++it) {
            const auto& k = it.key();
            if (k != "type" && k != "message" && k != "signature" && k != "from" && k != "domain")
                return err(ErrorCode::unknown_field, k);
        }
        if (!j.contains("type") || !j["type"].is_string())
            return err(ErrorCode::malformed_tx, "type: missing or not a string");
        const TxTypeDef* def = find_tx_type(j["type"].get_ref<const std::string&>());
        if (!def) return err(ErrorCode::unknown_tx_type, "type: " + j["type"].get<std::string>());
        if (!j.contains("message") || !j["message"].is_object())
            return err(ErrorCode::malformed_tx, "message: missing or not an object");
        if (!j.contains("signature") || !j["signature"].is_string())
            return err(ErrorCode::malformed_tx, "signature: missing or not a string");
        const json& msg = j["message"];
        for (auto it = msg.begin(); it != msg.end(); ++it) {
            bool known = false;
            for (const auto& f : def->fields) known = known || f.name == it.key();
            if (!known) return err(ErrorCode::unknown_field, "message." + it.key());
        }
        WireTx w;
        w.tx.type = def;
        w.tx.fields.reserve(def->fields.size());
        for (const auto& f : def->fields) {
            auto it = msg.find(std::string{f.name});
            if (it == msg.end()) return field_error(ErrorCode::missing_field, f.name, "missing");
            AIF_TRY(v, value_from_json(f, *it));
            w.tx.fields.push_back(std::move(v));
        }
        auto sig = fixed_from_hex<65>(j["signature"].get_ref<const std::string&>());
        if (!sig) return err(ErrorCode::bad_signature, "signature: must be 65 bytes of 0x-hex");
        w.tx.signature.bytes = sig->bytes;
        if (j.contains("from")) {
            auto a = j["from"].is_string() ? parse_address(j["from"].get_ref<const std::string&>())
                                           : std::nullopt;
            if (!a) return err(ErrorCode::invalid_field, "from: must be a 0x address");
            w.from = *a;
        }
        if (j.contains("domain")) {
            const json& d = j["domain"];
            if (!d.is_object() || !d.contains("chainId"))
                return err(ErrorCode::invalid_field, "domain: must be an object with chainId");
            for (auto it = d.begin(); it != d.end(); ++it) {
                const auto& k = it.key();
                if (k == "name" && !(it->is_string() && *it == "AIF Chain"))
                    return err(ErrorCode::wrong_chain_id, "domain.name must be \"AIF Chain\"");
                if (k == "version" && !(it->is_string() && *it == "1"))
                    return err(ErrorCode::wrong_chain_id, "domain.version must be \"1\"");
                if (k != "name" && k != "version" && k != "chainId")
                    return err(ErrorCode::unknown_field, "domain." + k);
            }
            auto c = parse_uint(d["chainId"], ~std::uint64_t{0});
            if (!c) return err(ErrorCode::invalid_field, "domain.chainId: must be an unsigned integer");
            w.domain_chain_id = static_cast<std::uint64_t>(*c);
        }
        return w;
    } catch (...) {
        return err(ErrorCode::malformed_tx, "unreadable transaction");
    }
}

json message_to_json(const Tx& tx)
{
    json m = json::object();
    const auto& defs = tx.type->fields;
    for (std::size_t i = 0; i < defs.size(); ++i)
        m[std::string{defs[i].name}] = value_to_json(defs[i].type, tx.fields[i]);
    return m;
}

json tx_to_json(const Tx& tx)
{
    return json{{"type", std::string{tx.type->name}},
                {"message", message_to_json(tx)},
                {"signature", to_hex(tx.signature)}};
}

json domain_to_json(std::uint64_t chain_id)
{
    return json{{"name", "AIF Chain"}, {"version", "1"}, {"chainId", chain_id}};
}

json types_to_json(std::uint64_t chain_id)
{
    json types = json::object();
    types["EIP712Domain"] = json::array({{{"name", "name"}, {"type", "string"}},
                                         {{"name", "version"}, {"type", "string"}},
                                         {{"name", "chainId"}, {"type", "uint256"}}});
    json primary = json::array();
    for (const auto& t : tx_types()) {
        json fields = json::array();
        for (const auto& f : t.fields)
            fields.push_back({{"name", std::string{f.name}}, {"type", std::string{eip712_name(f.type)}}});
        types[std::string{t.name}] = fields;
        primary.push_back(std::string{t.name});
    }
    return json{{"domain", domain_to_json(chain_id)}, {"types", types}, {"primaryTypes", primary}};
}

}  // namespace aif::ledger::json
