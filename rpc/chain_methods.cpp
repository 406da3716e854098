// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

namespace aif::rpc {

void add_chain_methods(MethodTable& table, Backend& backend)
{
    add_method(table, "chain_getInfo", [&backend](const json& params) {
        check_known_params(params, {});
        return backend.chain_get_info();
    });

    // SPEC §3: `height` or `hash` (exactly one), `full` optional, default false.
    add_method(table, "chain_getBlock", [&backend](const json& params) {
        check_known_params(params, {"height", "hash", "full"});
        BlockQuery q;
        q.height = optional_uint64(params, "height");
        q.hash = optional_hash32(params, "hash");
        if (q.height.has_value() == q.hash.has_value()) {
            throw invalid_params("exactly one of 'height' or 'hash' is required");
        }
        const bool full = optional_bool(params, "full").value_or(false);
        return backend.chain_get_block(q, full);
    });
}

}  // namespace aif::rpc
