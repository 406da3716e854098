// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "rpc/backend.hpp"

#include <functional>
#include <map>
#include <string>

namespace aif::rpc {

/// A method handler: takes the params object (always an object, {} when the request had none)
/// and returns the JSON result. Throws RpcError for protocol/application errors; any
/// nlohmann::json::exception becomes INVALID_PARAMS and any other exception INTERNAL_ERROR.
/// Called concurrently from the I/O threads.
using Handler = std::function<json(const json& params)>;

/// Method name → handler. Each `<prefix>_methods.cpp` fills it through an `add_*_methods`
/// function; std::less<> allows lookups by std::string_view.
using MethodTable = std::map<std::string, Handler, std::less<>>;

/// Inserts `name`. Throws std::logic_error when the name is already registered (a wiring bug).
void add_method(MethodTable& table, std::string name, Handler handler);

/// chain_getInfo, chain_getBlock (chain_methods.cpp).
void add_chain_methods(MethodTable& table, Backend& backend);
/// tx_getTypes, tx_send, tx_get (tx_methods.cpp).
void add_tx_methods(MethodTable& table, Backend& backend);
/// account_get, token_getBalance, token_getSupply (account_methods.cpp).
void add_account_methods(MethodTable& table, Backend& backend);
/// dev_advanceTime, dev_mine; answer DEV_DISABLED unless backend.dev_enabled() (dev_methods.cpp).
void add_dev_methods(MethodTable& table, Backend& backend);

/// film_, jury_, award_, nft_ queries (festival_methods.cpp).
void add_festival_methods(MethodTable& table, Backend& backend);
/// dao_ queries (dao_methods.cpp).
void add_dao_methods(MethodTable& table, Backend& backend);
/// market_ queries (market_methods.cpp).
void add_market_methods(MethodTable& table, Backend& backend);

/// Every table served by the node. A new module (film_, dao_, market_, ...) adds its
/// `add_<prefix>_methods` call here. `backend` must outlive the table.
[[nodiscard]] MethodTable make_core_methods(Backend& backend);

}  // namespace aif::rpc
