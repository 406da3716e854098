// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/cli_context.hpp"

namespace aif::wallet {

std::vector<CommandEntry> film_commands()
{
    return {};  // The film module's commands register here.
}

}  // namespace aif::wallet
