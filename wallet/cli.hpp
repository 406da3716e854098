// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <iosfwd>

namespace aif::wallet {

/// Runs the aif-wallet command line and returns the process exit code (see ExitCode and
/// docs/wallet.md). Results go to `out`; errors go to `err` as "error: …" and, with --json,
/// also to `out` as {"error": {…}}.
[[nodiscard]] int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace aif::wallet
