// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

namespace aif::rpc {

/// Most nice levels the RPC threads may be lowered by (Linux nice runs 0..19 above normal).
constexpr int MAX_THREAD_NICE = 19;

/// Lowers the calling thread's CPU scheduling priority by `increment` nice levels (on Linux
/// nice is per thread). Raising a thread's nice never needs privileges. Returns false if
/// `increment` is outside 0..MAX_THREAD_NICE or the OS refused; the thread then runs as before.
///
/// Why: admission (decode, EIP-712 digest, signature recovery) runs on the RPC threads and can
/// keep every core busy. At equal priority the block producer gets only its fair share, falls
/// behind, and a backlog waits in the pool (issue 7: the last block of a burst sealed on one
/// core while the other idled). A lower priority for admission means work already admitted is
/// committed first: a flood of tx_send slows admission, never block production.
bool lower_thread_priority(int increment) noexcept;

}  // namespace aif::rpc
