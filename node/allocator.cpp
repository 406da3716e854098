// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "node/allocator.hpp"

#include <malloc.h>

namespace aif::node {

void tune_allocator() noexcept
{
#if defined(__GLIBC__)
    // Best effort: mallopt returns 0 on a value it refuses, and the defaults then stay.
    (void)mallopt(M_MMAP_THRESHOLD, 64 << 20);
    (void)mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

}  // namespace aif::node
