// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/secret.hpp"

#include <cryptopp/misc.h>

namespace aif::wallet {

void secure_wipe(void* data, std::size_t size) noexcept
{
    if (data && size) CryptoPP::SecureWipeBuffer(static_cast<CryptoPP::byte*>(data), size);
}

SecretString& SecretString::operator=(SecretString&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_value = std::move(other.m_value);
        other.wipe();
    }
    return *this;
}

void SecretString::wipe() noexcept
{
    // Wipe the whole capacity: a shrunk string may still hold secret bytes past size().
    if (m_value.capacity()) secure_wipe(m_value.data(), m_value.capacity());
    m_value.clear();
}

}  // namespace aif::wallet
