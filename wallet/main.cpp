// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// aif-wallet: the wallet command line (SPEC §1, §9); everything lives in aif_wallet.
#include "wallet/cli.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    return aif::wallet::run_cli(argc, argv, std::cout, std::cerr);
}
