// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/cli_context.hpp"

namespace aif::wallet {

std::vector<CommandEntry> dao_commands()
{
    return {};  // The dao module's commands register here.
}

}  // namespace aif::wallet
