// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-vectors: prints what the ledger's EIP-712 code computes for a list of typed-data vectors,
// so an independent implementation (ethers.js, tests/interop/eip712.test.mjs) can compare.
//
// stdin:  [{"chainId": N|"N", "type": "Transfer", "message": {...}, "signature"?: "0x…"}, ...]
// stdout: [{"encodeType", "typeHash", "hashStruct", "domainSeparator", "digest",
//           "message" (canonical re-encoding), "sender"?, "txHash"?, "error"?, "reason"?}, ...]
// A vector that does not decode gets only "error"/"reason" (and "domainSeparator" when the chain
// id was readable); a signature that does not recover adds "error"/"reason" beside the hashes.
// Exit status: 0 when the input was a JSON array (per-vector errors are data), 2 otherwise.
#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"
#include "ledger/tx.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <iterator>
#include <string>

using namespace aif::ledger;
namespace wire = aif::ledger::json;
using Json = nlohmann::json;

namespace {

/// A signature that decodes but is never checked: lets unsigned vectors through decode_wire.
const std::string PLACEHOLDER_SIGNATURE = "0x" + std::string(130, '0');

void put_error(Json& out, const Error& e)
{
    out["error"] = e.message();
    out["reason"] = std::string{to_string(e.code)};
}

Json compute(const Json& v)
{
    Json out = Json::object();
    if (!v.is_object()) {
        put_error(out, err(ErrorCode::malformed_tx, "vector must be an object"));
        return out;
    }
    auto chain_id = v.contains("chainId") ? wire::parse_uint(v["chainId"], ~std::uint64_t{0})
                                          : std::nullopt;
    if (!chain_id) {
        put_error(out, err(ErrorCode::invalid_field, "chainId: must be an unsigned 64-bit integer"));
        return out;
    }
    const Hash32 domain_sep = domain_separator(Domain{static_cast<std::uint64_t>(*chain_id)});
    out["domainSeparator"] = to_hex(domain_sep);

    const bool signed_vector = v.contains("signature");
    Json wire_tx = Json::object();
    if (v.contains("type")) wire_tx["type"] = v["type"];
    if (v.contains("message")) wire_tx["message"] = v["message"];
    wire_tx["signature"] = signed_vector ? v["signature"] : Json(PLACEHOLDER_SIGNATURE);
    auto decoded = wire::decode_wire(wire_tx);
    if (!decoded) {
        put_error(out, decoded.error());
        return out;
    }
    const Tx& tx = decoded->tx;
    out["encodeType"] = encode_type(*tx.type);
    out["typeHash"] = to_hex(type_hash(*tx.type));
    out["hashStruct"] = to_hex(hash_struct(tx));
    const Hash32 digest = signing_digest(domain_sep, tx);
    out["digest"] = to_hex(digest);
    out["message"] = wire::message_to_json(tx);
    if (signed_vector) {
        auto sender = recover_signer(digest, tx.signature);
        if (!sender) {
            put_error(out, sender.error());
        } else {
            out["sender"] = to_checksum(*sender);
            out["txHash"] = to_hex(tx_hash(*sender, digest));
        }
    }
    return out;
}

}  // namespace

int main()
{
    try {
        const std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        const Json in = Json::parse(input);
        if (!in.is_array()) {
            std::cerr << "aif-vectors: stdin must be a JSON array of vectors\n";
            return 2;
        }
        Json out = Json::array();
        for (const auto& v : in) out.push_back(compute(v));
        std::cout << out.dump(2) << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "aif-vectors: " << e.what() << "\n";
        return 2;
    }
}
