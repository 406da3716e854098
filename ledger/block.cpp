// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/block.hpp"

#include "ledger/codec.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace aif::ledger {

namespace {
constexpr std::uint8_t HEADER_VERSION = 1;
constexpr std::uint32_t MAX_TXS_PER_BLOCK = 1'000'000;
}  // namespace

Bytes encode_header(const BlockHeader& h)
{
    Writer w;
    w.u8(HEADER_VERSION);
    w.u64(h.height);
    w.fixed(h.parent_hash);
    w.u64(h.timestamp);
    w.fixed(h.proposer);
    w.fixed(h.tx_root);
    w.fixed(h.state_root);
    w.fixed(h.receipts_root);
    return w.take();
}

Result<BlockHeader> decode_header(ByteView data) noexcept
{
    Reader r{data};
    if (r.u8() != HEADER_VERSION) return err(ErrorCode::malformed_tx, "header version");
    BlockHeader h;
    h.height = r.u64();
    h.parent_hash = r.fixed<32>();
    h.timestamp = r.u64();
    h.proposer.bytes = r.fixed<20>().bytes;
    h.tx_root = r.fixed<32>();
    h.state_root = r.fixed<32>();
    h.receipts_root = r.fixed<32>();
    if (!r.done()) return err(ErrorCode::malformed_tx, "header length");
    return h;
}

Hash32 header_hash(const BlockHeader& h)
{
    return keccak256(ByteView{encode_header(h)});
}

namespace {

/// Attribute value forms in a receipt (docs/protocol.md "Receipts"): contracts write addresses
/// as "0x" + 40 lower-case hex digits and amounts as canonical decimals; those are stored in
/// their binary form, anything else as the string itself. The form is a function of the value,
/// so the encoding stays canonical.
enum class ValueForm : std::uint8_t { text = 0, address = 1, decimal = 2 };

/// Attribute names written as `0x00 ‖ u8(index)` instead of `vstr(name)` (docs/protocol.md): the
/// names most events use. A transfer's receipt drops from 140 to 116 bytes, under one keccak
/// block (136), so its leaf costs one permutation instead of two (issue 7). Consensus: the
/// list only ever grows at its end.
constexpr std::array<std::string_view, 21> ATTR_NAMES{
    "", "from", "to", "amount", "asset", "memo", "filmId", "edition", "proposalId", "juror", "quantity",
    "orderId", "trader", "tokenId", "price", "owner", "voter", "votes", "fee", "kind", "reason"};

std::optional<std::uint8_t> attr_code(std::string_view name)
{
    for (std::size_t i = 0; i < ATTR_NAMES.size(); ++i)
        if (ATTR_NAMES[i] == name) return static_cast<std::uint8_t>(i);
    return std::nullopt;
}

void put_attr_name(Writer& w, std::string_view name)
{
    if (auto code = attr_code(name)) {
        w.u8(0);  // a zero length: no vstr name is empty (the empty name is code 0)
        w.u8(*code);
    } else {
        w.vstr(name);
    }
}

/// The attribute name put_attr_name wrote; nullopt for an unknown code or a listed name
/// spelled out (one encoding per receipt).
std::optional<std::string> get_attr_name(Reader& r)
{
    const u128 n = r.uvar();
    if (n == 0) {
        const std::uint8_t code = r.u8();
        if (code >= ATTR_NAMES.size()) return std::nullopt;
        return std::string{ATTR_NAMES[code]};
    }
    std::string name = r.chars(n, 1024);
    if (attr_code(name)) return std::nullopt;
    return name;
}

bool is_lower_hex_address(std::string_view v)
{
    if (v.size() != 42 || v[0] != '0' || v[1] != 'x') return false;
    for (std::size_t i = 2; i < 42; ++i) {
        const char c = v[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

void put_value(Writer& w, std::string_view v)
{
    if (is_lower_hex_address(v)) {
        w.u8(static_cast<std::uint8_t>(ValueForm::address));
        const auto nibble = [](char c) { return static_cast<std::uint8_t>(c <= '9' ? c - '0' : c - 'a' + 10); };
        for (std::size_t i = 2; i < 42; i += 2) w.u8(static_cast<std::uint8_t>(nibble(v[i]) << 4 | nibble(v[i + 1])));
    } else if (auto d = u128_from_string(v)) {
        w.u8(static_cast<std::uint8_t>(ValueForm::decimal));
        w.uvar(*d);
    } else {
        w.u8(static_cast<std::uint8_t>(ValueForm::text));
        w.vstr(v);
    }
}

std::optional<std::string> get_value(Reader& r)
{
    switch (static_cast<ValueForm>(r.u8())) {
    case ValueForm::address: return to_hex(r.address());
    case ValueForm::decimal: return u128_to_string(r.uvar());
    case ValueForm::text: {
        std::string v = r.vstr(1u << 20);
        // A value with a binary form must use it (one encoding per receipt).
        if (is_lower_hex_address(v) || u128_from_string(v)) return std::nullopt;
        return v;
    }
    }
    return std::nullopt;
}

}  // namespace

Bytes encode_receipt(const Receipt& rc)
{
    // The tx hash is not encoded: receipt i belongs to transaction i of its block.
    Writer w{128};  // a transfer's receipt is 116 bytes: one allocation
    w.uvar(rc.events.size());
    for (const auto& e : rc.events) {
        w.vstr(e.name);
        w.uvar(e.attrs.size());
        for (const auto& [k, v] : e.attrs) {
            put_attr_name(w, k);
            put_value(w, v);
        }
    }
    return w.take();
}

Result<Receipt> decode_receipt(ByteView data) noexcept
{
    try {
        Reader r{data};
        Receipt rc;
        const u128 n = r.uvar();
        if (n > data.size()) return err(ErrorCode::malformed_tx, "receipt event count");
        for (u128 i = 0; i < n && r.ok(); ++i) {
            Event e;
            e.name = r.vstr(1024);
            const u128 m = r.uvar();
            if (m > data.size()) return err(ErrorCode::malformed_tx, "receipt attribute count");
            for (u128 j = 0; j < m && r.ok(); ++j) {
                auto k = get_attr_name(r);
                if (!k) return err(ErrorCode::malformed_tx, "receipt attribute name");
                auto v = get_value(r);
                if (!v) return err(ErrorCode::malformed_tx, "receipt attribute value");
                e.attrs.emplace_back(std::move(*k), std::move(*v));
            }
            rc.events.push_back(std::move(e));
        }
        if (!r.done()) return err(ErrorCode::malformed_tx, "receipt encoding");
        return rc;
    } catch (...) {
        return err(ErrorCode::internal, "decode_receipt");
    }
}

Bytes encode_block(const Block& b)
{
    // One buffer for the whole block, each tx encoded straight into it behind its length
    // (issue 7: a temporary per tx and a buffer regrown a dozen times for a full block).
    Bytes buf;
    buf.reserve(256 + b.txs.size() * 160 + b.commit_sigs.size() * 65);
    Writer w{std::move(buf)};
    w.var(ByteView{encode_header(b.header)});
    w.u32(static_cast<std::uint32_t>(b.txs.size()));
    for (const auto& vt : b.txs) {
        const std::size_t at = w.out().size();
        w.u32(0);  // the length, filled in below
        encode_tx_into(w.out(), vt.tx);
        w.u32_at(at, static_cast<std::uint32_t>(w.out().size() - at - 4));
    }
    w.fixed(b.proposer_sig);
    w.u32(static_cast<std::uint32_t>(b.commit_sigs.size()));
    for (const auto& s : b.commit_sigs) w.fixed(s);
    return w.take();
}

Result<Block> decode_block(ByteView data, const Hash32& domain_sep) noexcept
{
    try {
        Reader r{data};
        Block b;
        Bytes hdr = r.var(4096);
        if (!r.ok()) return err(ErrorCode::malformed_tx, "block header");
        AIF_TRY(h, decode_header(ByteView{hdr}));
        b.header = h;
        std::uint32_t n = r.u32();
        if (n > MAX_TXS_PER_BLOCK) return err(ErrorCode::malformed_tx, "tx count");
        // Reserve only what the remaining bytes could hold (a tx is at least its 4-byte length
        // prefix): a forged count must not make a tiny block allocate gigabytes (fuzz F1).
        b.txs.reserve(std::min<std::size_t>(n, r.remaining() / 4));
        for (std::uint32_t i = 0; i < n; ++i) {
            Bytes raw = r.var(1u << 20);
            if (!r.ok()) return err(ErrorCode::malformed_tx, "truncated tx");
            AIF_TRY(tx, decode_tx(ByteView{raw}));
            AIF_TRY(vt, verify_tx(domain_sep, std::move(tx)));
            b.txs.push_back(std::move(vt));
        }
        b.proposer_sig.bytes = r.fixed<65>().bytes;
        std::uint32_t c = r.u32();
        if (c > 10'000) return err(ErrorCode::malformed_tx, "commit signature count");
        for (std::uint32_t i = 0; i < c && r.ok(); ++i) {
            Signature s;
            s.bytes = r.fixed<65>().bytes;
            b.commit_sigs.push_back(s);
        }
        if (!r.done()) return err(ErrorCode::malformed_tx, "block length");
        return b;
    } catch (...) {
        return err(ErrorCode::internal, "decode_block");
    }
}

Hash32 merkle_root(std::vector<Hash32> level)
{
    // Four children per node: 128 bytes fit one keccak block (136-byte rate), so a node costs
    // one permutation like a binary node does, and a tree of n leaves has about n/3 nodes
    // instead of n (issue 7: the block path hashed two trees of one node per tx).
    if (level.empty()) return {};
    std::uint8_t group[32 * MERKLE_ARITY];
    while (level.size() > 1) {
        std::vector<Hash32> next;
        next.reserve((level.size() + MERKLE_ARITY - 1) / MERKLE_ARITY);
        for (std::size_t i = 0; i < level.size(); i += MERKLE_ARITY) {
            const std::size_t k = std::min(MERKLE_ARITY, level.size() - i);
            if (k == 1) {
                next.push_back(level[i]);  // a lone last node is carried up unchanged
                continue;
            }
            for (std::size_t j = 0; j < k; ++j) std::memcpy(group + 32 * j, level[i + j].data(), 32);
            next.push_back(keccak256(ByteView{group, 32 * k}));
        }
        level.swap(next);
    }
    return level[0];
}

Hash32 tx_root_of(const std::vector<VerifiedTx>& txs)
{
    std::vector<Hash32> leaves;
    leaves.reserve(txs.size());
    for (const auto& t : txs) leaves.push_back(t.hash);
    return merkle_root(std::move(leaves));
}

Hash32 receipts_root_of(const std::vector<Receipt>& receipts)
{
    std::vector<Bytes> encoded;
    encoded.reserve(receipts.size());
    for (const auto& r : receipts) encoded.push_back(encode_receipt(r));
    return receipts_root_of_encoded(encoded);
}

Hash32 receipts_root_of_encoded(const std::vector<Bytes>& encoded)
{
    std::vector<Hash32> leaves;
    leaves.reserve(encoded.size());
    for (const auto& r : encoded) leaves.push_back(keccak256(ByteView{r}));
    return merkle_root(std::move(leaves));
}

Result<void> check_block_seal(const Block& b) noexcept
{
    try {
        auto signer = recover_signer(header_hash(b.header), b.proposer_sig);
        if (!signer) return err(ErrorCode::bad_signature, "proposer signature: " + signer.error().message());
        if (*signer != b.header.proposer)
            return err(ErrorCode::bad_signature, "proposer signature is not by header.proposer");
        if (tx_root_of(b.txs) != b.header.tx_root)
            return err(ErrorCode::invalid_argument, "transactions root does not match");
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "check_block_seal");
    }
}

}  // namespace aif::ledger
