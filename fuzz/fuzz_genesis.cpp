// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Fuzz target: the genesis loader (ledger::json::genesis_from_text), which turns an operator's
// JSON file into the chain's first state. Invariants on every accepted document:
//   - contracts::init_genesis succeeds on it (the loader's validation is complete: a genesis it
//     accepts never fails later) and the state root is computable;
//   - every edition and the parameters survive their canonical encoding (encode → decode →
//     encode is the identity);
//   - loading is deterministic: the same text gives the same state entries twice (and their
//     root is computable).
// Refusals must be invalid_argument with a detail naming the field.
#include "contracts/chain_config.hpp"
#include "fuzz/fuzz_common.hpp"
#include "ledger/genesis.hpp"
#include "ledger/json/genesis_json.hpp"
#include "ledger/state.hpp"

#include <string_view>

using namespace aif;

namespace {

/// The genesis state's entries (what the root commits to).
ledger::ChangeSet genesis_changes(const ledger::Genesis& g)
{
    ledger::State state;
    ledger::StateOverlay overlay{state};
    auto init = contracts::init_genesis(overlay, g);
    FUZZ_ASSERT(init.has_value(), "init_genesis fails on a genesis the loader accepted");
    return overlay.changes();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    // A genesis file is operator input, not network input, but it is still parsed by a
    // recursive parser: keep the fuzzer on the loader, not on nlohmann's recursion limit.
    if (fuzz::json_nesting_depth(text, 64) > 64) return 0;
    auto g = ledger::json::genesis_from_text(text);
    if (!g) {
        FUZZ_ASSERT(g.error().code == ledger::ErrorCode::invalid_argument,
                    "genesis refusal is not invalid_argument");
        FUZZ_ASSERT(!g.error().detail.empty(), "genesis refusal without a detail");
        return 0;
    }
    for (const auto& e : g->editions) {
        const std::string enc = ledger::encode_edition(e);
        auto back = ledger::decode_edition(enc);
        FUZZ_ASSERT(back.has_value(), "decode_edition refuses encode_edition output");
        FUZZ_ASSERT(ledger::encode_edition(*back) == enc, "edition round trip");
    }
    {
        const std::string enc = ledger::encode_params(g->params);
        auto back = ledger::decode_params(enc);
        FUZZ_ASSERT(back.has_value() && ledger::encode_params(*back) == enc, "params round trip");
    }
    const ledger::ChangeSet changes = genesis_changes(*g);
    ledger::State state;
    state.apply(changes);
    (void)state.root();
    auto again = ledger::json::genesis_from_text(text);
    FUZZ_ASSERT(again.has_value() && genesis_changes(*again) == changes,
                "genesis is not deterministic");
    return 0;
}
