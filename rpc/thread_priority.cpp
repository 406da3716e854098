// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/thread_priority.hpp"

#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace aif::rpc {

namespace {
/// The lowest priority Linux gives a thread (the highest nice value).
constexpr int LOWEST_PRIORITY_NICE = 19;
}  // namespace

bool lower_thread_priority(int increment) noexcept
{
    if (increment < 0 || increment > MAX_THREAD_NICE) return false;
    if (increment == 0) return true;
    // With a thread id, PRIO_PROCESS addresses that one thread (Linux: nice is per thread).
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (now == -1 && errno != 0) return false;
    const int target = now + increment > LOWEST_PRIORITY_NICE ? LOWEST_PRIORITY_NICE : now + increment;
    return ::setpriority(PRIO_PROCESS, tid, target) == 0;
}

}  // namespace aif::rpc
