// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/crypto.hpp"
#include "ledger/result.hpp"
#include "ledger/tx.hpp"
#include "ledger/types.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aif::ledger {

/// A block header (SPEC §4). Its hash is keccak256 of its canonical encoding; the proposer signs
/// that hash. Commit signatures (for a later BFT engine) sign the same hash and are carried
/// beside the header, so adding them changes no hash.
struct BlockHeader
{
    std::uint64_t height{0};
    Hash32 parent_hash;
    /// Seconds since the Unix epoch; never below the parent's.
    std::uint64_t timestamp{0};
    Address proposer;
    /// Binary keccak Merkle root over the block's tx hashes (zero hash for no txs).
    Hash32 tx_root;
    /// State root after applying the block.
    Hash32 state_root;
    /// Binary keccak Merkle root over the receipts' hashes.
    Hash32 receipts_root;
};

/// Canonical encoding and hash of a header.
[[nodiscard]] Bytes encode_header(const BlockHeader& h);
[[nodiscard]] Result<BlockHeader> decode_header(ByteView data) noexcept;
[[nodiscard]] Hash32 header_hash(const BlockHeader& h);

/// An event a transaction emitted: a name and ordered (key, value) attributes.
struct Event
{
    std::string name;
    std::vector<std::pair<std::string, std::string>> attrs;
};

/// The receipt of a committed transaction (a rejected one is never in a block).
struct Receipt
{
    Hash32 tx_hash;
    std::vector<Event> events;
};
[[nodiscard]] Bytes encode_receipt(const Receipt& r);
[[nodiscard]] Result<Receipt> decode_receipt(ByteView data) noexcept;

/// A transaction in a block: the signed transaction plus the sender and hashes computed once on
/// arrival (never re-serialised; issue 7).
struct Block
{
    BlockHeader header;
    std::vector<VerifiedTx> txs;
    /// The proposer's signature over header_hash.
    Signature proposer_sig;
    /// Room for validators' commit signatures (empty on a single-validator chain).
    std::vector<Signature> commit_sigs;
};

/// Encodes a block (header, txs in encode_tx form, signatures).
[[nodiscard]] Bytes encode_block(const Block& b);
/// Decodes a block and re-verifies every tx signature under `domain_sep` (a stored or received
/// block is never trusted). Errors: malformed_tx, bad_signature, high_s_signature.
[[nodiscard]] Result<Block> decode_block(ByteView data, const Hash32& domain_sep) noexcept;

/// Children per node of the tx and receipts trees.
inline constexpr std::size_t MERKLE_ARITY = 4;
/// Keccak Merkle root with MERKLE_ARITY children per node: each level's nodes grouped left to
/// right, a group hashed as keccak(child ‖ child ‖ …), a lone last node carried up unchanged;
/// zero hash for an empty list.
[[nodiscard]] Hash32 merkle_root(std::vector<Hash32> leaves);
[[nodiscard]] Hash32 tx_root_of(const std::vector<VerifiedTx>& txs);
[[nodiscard]] Hash32 receipts_root_of(const std::vector<Receipt>& receipts);
/// The same root from receipts already encoded with encode_receipt (the block path encodes
/// each receipt once, for the root and the store).
[[nodiscard]] Hash32 receipts_root_of_encoded(const std::vector<Bytes>& encoded);

/// Checks what can be checked without executing: the proposer signature recovers to
/// header.proposer, the tx root matches. Errors: bad_signature, invalid_argument.
[[nodiscard]] Result<void> check_block_seal(const Block& b) noexcept;

}  // namespace aif::ledger
