// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

namespace aif::rpc {

void add_tx_methods(MethodTable& table, Backend& backend)
{
    add_method(table, "tx_getTypes", [&backend](const json& params) {
        check_known_params(params, {});
        return backend.tx_get_types();
    });

    // SPEC §3: the params ARE the wire form {type, message, signature}; the backend's codec
    // validates every field (and names it), so nothing is filtered here.
    add_method(table, "tx_send", [&backend](const json& params) {
        if (params.empty()) throw invalid_params("expected the wire-form transaction");
        return backend.tx_send(params);
    });

    add_method(table, "tx_get", [&backend](const json& params) {
        check_known_params(params, {"hash"});
        return backend.tx_get(require_hash32(params, "hash"));
    });
}

}  // namespace aif::rpc
