// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/methods.hpp"

#include <stdexcept>
#include <utility>

namespace aif::rpc {

void add_method(MethodTable& table, std::string name, Handler handler)
{
    if (table.contains(name)) throw std::logic_error("rpc method registered twice: " + name);
    table.emplace(std::move(name), std::move(handler));
}

MethodTable make_core_methods(Backend& backend)
{
    MethodTable table;
    add_chain_methods(table, backend);
    add_tx_methods(table, backend);
    add_account_methods(table, backend);
    add_dev_methods(table, backend);
    add_festival_methods(table, backend);
    add_dao_methods(table, backend);
    add_market_methods(table, backend);
    return table;
}

}  // namespace aif::rpc
