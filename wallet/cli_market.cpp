// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/cli_context.hpp"

namespace aif::wallet {

std::vector<CommandEntry> market_commands()
{
    return {};  // The market module's commands register here.
}

}  // namespace aif::wallet
