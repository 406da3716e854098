// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/tx_builder.hpp"

#include "ledger/tx.hpp"
#include "wallet/errors.hpp"

#include <map>
#include <set>

namespace aif::wallet {

using ledger::u128;
using nlohmann::json;

namespace {

WalletError bad_field(const std::string& field, const std::string& what)
{
    return usage_error("--field " + field + ": " + what);
}

/// N of "uintN" or 0.
unsigned uint_bits(std::string_view type)
{
    if (type.rfind("uint", 0) != 0 || type.size() == 4) return 0;
    unsigned bits = 0;
    for (char c : type.substr(4)) {
        if (c < '0' || c > '9' || bits > 256) return 0;
        bits = bits * 10 + static_cast<unsigned>(c - '0');
    }
    return bits;
}

std::string canonical_uint(std::string_view text, unsigned bits, const std::string& field,
                           std::string_view type)
{
    if (text.empty()) throw bad_field(field, "empty; expected a whole number");
    for (char c : text)
        if (c < '0' || c > '9')
            throw bad_field(field, "'" + std::string{text} +
                                       "' is not a whole number in base "
                                       "units (" +
                                       std::string{type} +
                                       ": digits only, no decimals, sign or exponent)");
    std::string_view digits = text;
    while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
    auto v = ledger::u128_from_string(digits);
    // uint256 fields are amounts, bounded by 2^128 (SPEC §2); smaller types by their width.
    if (!v) throw bad_field(field, "too large (must be below 2^128)");
    if (bits < 128 && *v >> bits) throw bad_field(field, "too large for " + std::string{type});
    return std::string{digits};
}

}  // namespace

std::pair<std::string, std::string> split_field(std::string_view text)
{
    auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw usage_error("--field: '" + std::string{text} + "' must look like name=value");
    return {std::string{text.substr(0, eq)}, std::string{text.substr(eq + 1)}};
}

json field_from_text(const TypedData& types, std::string_view type, std::string_view text,
                     const std::string& field, const AddressResolver& resolve)
{
    if (TypedData::is_array(type)) {
        std::string_view elem = TypedData::element_type(type);
        json arr = json::array();
        if (!text.empty() && text.front() == '[') {
            json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
            if (parsed.is_discarded() || !parsed.is_array())
                throw bad_field(field, "starts with '[' but is not a JSON array");
            for (const auto& e : parsed)
                arr.push_back(e.is_string() ? field_from_text(types, elem, e.get<std::string>(),
                                                              field, resolve)
                                            : e);
            return arr;
        }
        if (text.empty()) return arr;
        std::size_t start = 0;
        for (;;) {
            std::size_t comma = text.find(',', start);
            arr.push_back(
                field_from_text(types, elem, text.substr(start, comma - start), field, resolve));
            if (comma == std::string_view::npos) break;
            start = comma + 1;
        }
        return arr;
    }
    if (types.has_type(type)) {
        json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded() || !parsed.is_object())
            throw bad_field(field, "must be a JSON object of type " + std::string{type});
        return parsed;
    }
    if (unsigned bits = uint_bits(type)) return canonical_uint(text, bits, field, type);
    if (type == "bool") {
        if (text == "true") return true;
        if (text == "false") return false;
        throw bad_field(field, "must be true or false");
    }
    if (type == "address") return ledger::to_checksum(resolve(text, "--field " + field));
    if (type == "string") return std::string{text};
    if (type == "bytes" || type.rfind("bytes", 0) == 0) {
        auto b = ledger::from_hex(text);
        if (!b) throw bad_field(field, "must be 0x-hex (" + std::string{type} + ")");
        if (type != "bytes" && type != "bytes" + std::to_string(b->size()))
            throw bad_field(field, "must be " + std::string{type.substr(5)} + " bytes of 0x-hex");
        return ledger::to_hex(ledger::ByteView{*b});
    }
    throw bad_field(field, "unsupported EIP-712 type " + std::string{type});
}

json build_message(const TxTypes& types, const std::string& type,
                   const std::vector<std::pair<std::string, std::string>>& fields,
                   std::uint64_t nonce, u128 fee, const AddressResolver& resolve)
{
    if (!types.is_tx_type(type)) {
        std::string known;
        for (const auto& t : types.primary_types) known += (known.empty() ? "" : ", ") + t;
        throw usage_error("unknown transaction type '" + type + "'; the node knows: " + known);
    }
    const json& defs = types.types.fields(type);
    std::map<std::string, std::string> given;
    for (const auto& [name, text] : fields) {
        bool known = false;
        for (const auto& d : defs) known = known || d["name"] == name;
        if (!known) {
            std::string list;
            for (const auto& d : defs)
                list += (list.empty() ? "" : ", ") + d["name"].get<std::string>();
            throw usage_error("--field " + name + ": " + type +
                              " has no such field (fields: " + list + ")");
        }
        if (!given.emplace(name, text).second)
            throw usage_error("--field " + name + " given twice");
    }
    json msg = json::object();
    std::string missing;
    for (const auto& d : defs) {
        const auto& name = d["name"].get_ref<const std::string&>();
        const auto& ftype = d["type"].get_ref<const std::string&>();
        if (auto it = given.find(name); it != given.end())
            msg[name] = field_from_text(types.types, ftype, it->second, name, resolve);
        else if (name == "nonce")
            msg[name] = std::to_string(nonce);
        else if (name == "fee")
            msg[name] = ledger::u128_to_string(fee);
        else
            missing += (missing.empty() ? "" : ", ") + name + " (" + ftype + ")";
    }
    if (!missing.empty()) throw usage_error(type + ": missing --field for " + missing);
    return msg;
}

SignedTx sign_tx(const TxTypes& types, const std::string& type, json message,
                 const ledger::SecretKey& key)
{
    auto pub = ledger::public_key_of(key);
    if (!pub) throw key_error("the key is not a valid secp256k1 private key");
    SignedTx tx;
    tx.from = ledger::address_of(*pub);
    tx.digest = types.types.digest(types.domain, type, message);
    auto sig = ledger::sign_digest(tx.digest, key);
    if (!sig) throw key_error("signing failed");
    // Recover once: a signature the node would refuse must not leave this process.
    auto back = ledger::recover_signer(tx.digest, *sig);
    if (!back || *back != tx.from) throw failure("internal: signature does not recover the signer");
    tx.hash = ledger::tx_hash(tx.from, tx.digest);
    tx.wire = {{"type", type},
               {"message", std::move(message)},
               {"signature", ledger::to_hex(*sig)},
               {"from", ledger::to_checksum(tx.from)}};
    return tx;
}

std::string send_tx(RpcClient& rpc, const SignedTx& tx)
{
    json r;
    try {
        r = rpc.call("tx_send", tx.wire);
    } catch (const RpcError& e) {
        json details = e.details();
        if (!e.reason().empty()) details["reason"] = e.reason();
        throw refused_error(
            "transaction refused by the node: " + e.rpc_message() +
                (e.reason().empty() || e.rpc_message().find(e.reason()) != std::string::npos
                     ? ""
                     : " (" + e.reason() + ")"),
            details);
    }
    if (r.is_object() && r.contains("hash") && r["hash"].is_string())
        return r["hash"].get<std::string>();
    if (r.is_string()) return r.get<std::string>();
    throw failure("node answered tx_send without a hash");
}

WalletError rejected_error(const json& result)
{
    std::string error = result.contains("error") && result["error"].is_string()
                            ? result["error"].get<std::string>()
                            : std::string{"no reason given"};
    json details = json::object();
    details["txError"] = error;
    if (auto colon = error.find(':'); colon != std::string::npos)
        details["reason"] = error.substr(0, colon);
    else
        details["reason"] = error;
    return refused_error("transaction rejected: " + error, details);
}

}  // namespace aif::wallet
