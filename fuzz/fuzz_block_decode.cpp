// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Fuzz target: the block decoder (ledger::decode_block), which reads blocks back from the store
// and, with several validators, blocks from peers. Invariants on every accepted input:
//   - decoding is canonical: encode_block of the result gives the input bytes back;
//   - every transaction in it verified (sender and hash are consistent with its signature);
//   - check_block_seal, the header hash and the roots are computable without error or crash.
#include "fuzz/fuzz_common.hpp"
#include "ledger/block.hpp"

#include <algorithm>

using namespace aif;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const ledger::Hash32 domain = ledger::domain_separator(ledger::Domain{2026});
    const ledger::ByteView in{data, size};
    auto b = ledger::decode_block(in, domain);
    if (!b) {
        FUZZ_ASSERT(b.error().code != ledger::ErrorCode::internal, "decode_block internal error");
        return 0;
    }
    const ledger::Bytes enc = ledger::encode_block(*b);
    FUZZ_ASSERT(enc.size() == size && std::equal(enc.begin(), enc.end(), data),
                "decode_block accepts a non-canonical encoding");
    for (const auto& vt : b->txs) {
        FUZZ_ASSERT(vt.digest == ledger::signing_digest(domain, vt.tx), "tx digest");
        FUZZ_ASSERT(vt.hash == ledger::tx_hash(vt.sender, vt.digest), "tx hash");
    }
    (void)ledger::header_hash(b->header);
    (void)ledger::tx_root_of(b->txs);
    auto seal = ledger::check_block_seal(*b);
    if (!seal) FUZZ_ASSERT(seal.error().code != ledger::ErrorCode::internal, "seal internal error");
    auto h = ledger::decode_header(ledger::ByteView{ledger::encode_header(b->header)});
    FUZZ_ASSERT(h.has_value() && ledger::header_hash(*h) == ledger::header_hash(b->header),
                "header round trip");
    return 0;
}
