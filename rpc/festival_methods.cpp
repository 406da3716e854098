// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/methods.hpp"

namespace aif::rpc {

void add_festival_methods(MethodTable& table, Backend& backend)
{
    (void)table;
    (void)backend;  // The festival module's queries register here.
}

}  // namespace aif::rpc
