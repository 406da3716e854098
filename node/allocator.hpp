// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

namespace aif::node {

/// Tunes glibc malloc for the block path, once at start-up, before threads start.
///
/// Why: each block allocates and frees buffers of megabytes (the candidate list, the encoded
/// block, receipts). Above glibc's mmap threshold every such buffer is a fresh mapping whose
/// pages fault in one by one and are unmapped again at free; on a VM a fault costs microseconds
/// (issue 7: page faults were ~2 % of the block path's CPU). Serving them from the heap, and
/// not trimming the heap after each block, keeps their pages mapped across blocks. Memory still
/// returns to the system once more than 256 MiB sits free at the top of the heap.
void tune_allocator() noexcept;

}  // namespace aif::node
