// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/crypto.hpp"

#include <cryptopp/keccak.h>
#include <cryptopp/sha.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <cstring>

namespace aif::ledger {

namespace {

/// One process-wide verify+sign context; libsecp256k1 contexts are safe to share across threads
/// for the const operations used here (include/secp256k1.h).
class Secp256k1Context
{
public:
    Secp256k1Context()
        : m_ctx(secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY))
    {
    }
    ~Secp256k1Context() { secp256k1_context_destroy(m_ctx); }
    Secp256k1Context(const Secp256k1Context&) = delete;
    Secp256k1Context& operator=(const Secp256k1Context&) = delete;
    const secp256k1_context* get() const { return m_ctx; }

private:
    secp256k1_context* m_ctx;
};

const secp256k1_context* ctx()
{
    static const Secp256k1Context instance;
    return instance.get();
}

/// n/2 for secp256k1, big-endian: 7fffffff ffffffff ffffffff ffffffff 5d576e73 57a4501d
/// dfe92f46 681b20a0 (EIP-2 low-s bound).
constexpr std::array<std::uint8_t, 32> HALF_ORDER = {
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0};

}  // namespace

Hash32 keccak256(ByteView data) noexcept
{
    Hash32 out;
    CryptoPP::Keccak_256 h;
    h.Update(data.data(), data.size());
    h.Final(out.data());
    return out;
}

Hash32 keccak256(std::string_view data) noexcept
{
    return keccak256(ByteView{reinterpret_cast<const std::uint8_t*>(data.data()), data.size()});
}

Hash32 sha256(ByteView data) noexcept
{
    Hash32 out;
    CryptoPP::SHA256 h;
    h.Update(data.data(), data.size());
    h.Final(out.data());
    return out;
}

Address address_of(const PublicKey& pub) noexcept
{
    Hash32 h = keccak256(pub.view());
    Address a;
    std::memcpy(a.data(), h.data() + 12, 20);
    return a;
}

std::optional<PublicKey> public_key_of(const SecretKey& secret) noexcept
{
    secp256k1_pubkey pk;
    if (secp256k1_ec_pubkey_create(ctx(), &pk, secret.data()) != 1) return std::nullopt;
    std::uint8_t ser[65];
    std::size_t len = sizeof(ser);
    if (secp256k1_ec_pubkey_serialize(ctx(), ser, &len, &pk, SECP256K1_EC_UNCOMPRESSED) != 1 ||
        len != 65)
        return std::nullopt;
    PublicKey out;
    std::memcpy(out.data(), ser + 1, 64);
    return out;
}

std::optional<Signature> sign_digest(const Hash32& digest, const SecretKey& secret) noexcept
{
    secp256k1_ecdsa_recoverable_signature rsig;
    if (secp256k1_ecdsa_sign_recoverable(ctx(), &rsig, digest.data(), secret.data(),
                                         secp256k1_nonce_function_rfc6979, nullptr) != 1)
        return std::nullopt;
    Signature out;
    int recid = 0;
    if (secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx(), out.data(), &recid,
                                                                &rsig) != 1)
        return std::nullopt;
    // libsecp256k1 always produces low-s signatures.
    out.bytes[64] = static_cast<std::uint8_t>(27 + recid);
    return out;
}

Result<Address> recover_signer(const Hash32& digest, const Signature& sig) noexcept
{
    const std::uint8_t v = sig.bytes[64];
    if (v != 27 && v != 28) return err(ErrorCode::bad_signature, "v must be 27 or 28");
    // STYLE §4: secp256k1_ecdsa_recover accepts high s; refuse the malleable twin first.
    if (std::memcmp(sig.data() + 32, HALF_ORDER.data(), 32) > 0)
        return err(ErrorCode::high_s_signature, "s is above n/2");
    secp256k1_ecdsa_recoverable_signature rsig;
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(ctx(), &rsig, sig.data(), v - 27) !=
        1)
        return err(ErrorCode::bad_signature, "r or s out of range");
    secp256k1_pubkey pk;
    if (secp256k1_ecdsa_recover(ctx(), &pk, &rsig, digest.data()) != 1)
        return err(ErrorCode::bad_signature, "signature does not recover to a public key");
    std::uint8_t ser[65];
    std::size_t len = sizeof(ser);
    if (secp256k1_ec_pubkey_serialize(ctx(), ser, &len, &pk, SECP256K1_EC_UNCOMPRESSED) != 1)
        return err(ErrorCode::bad_signature, "unserialisable public key");
    PublicKey pub;
    std::memcpy(pub.data(), ser + 1, 64);
    return address_of(pub);
}

std::string to_checksum(const Address& addr)
{
    std::string hex = to_hex(addr.view()).substr(2);
    Hash32 h = keccak256(std::string_view{hex});
    std::string out = "0x";
    for (std::size_t i = 0; i < hex.size(); ++i) {
        char c = hex[i];
        std::uint8_t nibble = (i % 2 == 0) ? (h.bytes[i / 2] >> 4) : (h.bytes[i / 2] & 0x0f);
        if (c >= 'a' && c <= 'f' && nibble >= 8) c = static_cast<char>(c - 'a' + 'A');
        out += c;
    }
    return out;
}

std::optional<Address> parse_address(std::string_view text)
{
    if (text.size() != 42) return std::nullopt;
    auto fb = fixed_from_hex<20>(text);
    if (!fb) return std::nullopt;
    Address a;
    a.bytes = fb->bytes;
    return a;
}

}  // namespace aif::ledger
