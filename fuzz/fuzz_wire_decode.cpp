// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Fuzz target: the transaction decoders — the JSON wire form (ledger::json::decode_wire, what
// tx_send parses) and the canonical binary form (ledger::decode_tx, what blocks store).
// The first byte picks the decoder. Invariants on every accepted input:
//   - wire: encode_tx → decode_tx → encode_tx is the identity; tx_to_json → decode_wire gives
//     the same transaction (same encoding, same EIP-712 hash); the JSON it renders is valid
//     UTF-8; verify_tx never throws;
//   - binary: decoding is canonical (re-encoding gives the input bytes back); with
//     AIF_FUZZ_STRICT=1 in the environment also: what decode_tx accepts, decode_wire accepts
//     in its JSON form (docs/fuzzing.md, finding F2).
#include "fuzz/fuzz_common.hpp"
#include "ledger/json/wire.hpp"
#include "ledger/tx.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

using namespace aif;
using aif::ledger::json::json;

namespace {

const ledger::Hash32& domain_sep()
{
    static const ledger::Hash32 d = ledger::domain_separator(ledger::Domain{2026});
    return d;
}

void check_wire(std::string_view text)
{
    if (fuzz::json_nesting_depth(text, 64) > 64) return;  // refused by the RPC layer before parsing
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    auto w = ledger::json::decode_wire(j);
    if (!w) {
        FUZZ_ASSERT(w.error().code != ledger::ErrorCode::internal, "decode_wire internal error");
        return;
    }
    const ledger::Bytes enc = ledger::encode_tx(w->tx);
    auto back = ledger::decode_tx(ledger::ByteView{enc});
    FUZZ_ASSERT(back.has_value(), "decode_tx refuses what encode_tx wrote for a wire tx");
    FUZZ_ASSERT(ledger::encode_tx(*back) == enc, "binary round trip changes the tx");

    const json again = ledger::json::tx_to_json(w->tx);
    std::string rendered;
    try {
        rendered = again.dump();  // strict: throws on invalid UTF-8
    } catch (const json::exception&) {
        FUZZ_ASSERT(false, "tx_to_json renders invalid UTF-8");
    }
    auto w2 = ledger::json::decode_wire(json::parse(rendered));
    FUZZ_ASSERT(w2.has_value(), "decode_wire refuses what tx_to_json rendered");
    FUZZ_ASSERT(ledger::encode_tx(w2->tx) == enc, "JSON round trip changes the tx");
    FUZZ_ASSERT(ledger::hash_struct(w2->tx) == ledger::hash_struct(w->tx),
                "JSON round trip changes hashStruct");
    auto v = ledger::verify_tx(domain_sep(), w->tx);
    if (v) {
        FUZZ_ASSERT(v->hash == ledger::tx_hash(v->sender, v->digest), "tx hash");
    } else {
        FUZZ_ASSERT(v.error().code != ledger::ErrorCode::internal, "verify_tx internal error");
    }
}

void check_binary(ledger::ByteView data)
{
    auto tx = ledger::decode_tx(data);
    if (!tx) {
        FUZZ_ASSERT(tx.error().code != ledger::ErrorCode::internal, "decode_tx internal error");
        return;
    }
    const ledger::Bytes enc = ledger::encode_tx(*tx);
    FUZZ_ASSERT(enc.size() == data.size() && std::equal(enc.begin(), enc.end(), data.begin()),
                "decode_tx accepts a non-canonical encoding");
    (void)ledger::hash_struct(*tx);
    // What a block may hold must be expressible in the wire form: rendering never throws,
    // and (strict mode) the wire decoder accepts it, so a stored tx is one a client could send.
    const json j = ledger::json::tx_to_json(*tx);
    (void)j.dump(-1, ' ', false, json::error_handler_t::replace);
    static const bool strict = std::getenv("AIF_FUZZ_STRICT") != nullptr;
    if (strict) {
        auto w = ledger::json::decode_wire(j);
        if (!w) std::fprintf(stderr, "wire refusal: %s\n", w.error().message().c_str());
        FUZZ_ASSERT(w.has_value(), "decode_tx accepts a tx the wire form refuses");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    if (data[0] & 1) {
        check_binary(ledger::ByteView{data + 1, size - 1});
    } else {
        check_wire(std::string_view{reinterpret_cast<const char*>(data + 1), size - 1});
    }
    return 0;
}
