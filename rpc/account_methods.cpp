// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

namespace aif::rpc {

void add_account_methods(MethodTable& table, Backend& backend)
{
    add_method(table, "account_get", [&backend](const json& params) {
        check_known_params(params, {"address"});
        return backend.account_get(require_address(params, "address"));
    });

    add_method(table, "token_getBalance", [&backend](const json& params) {
        check_known_params(params, {"address", "asset"});
        const auto address = require_address(params, "address");
        const auto asset = require_string(params, "asset");
        return backend.token_get_balance(address, asset);
    });

    add_method(table, "token_getSupply", [&backend](const json& params) {
        check_known_params(params, {"asset"});
        return backend.token_get_supply(require_string(params, "asset"));
    });
}

}  // namespace aif::rpc
