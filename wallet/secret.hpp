// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/crypto.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace aif::wallet {

/// Overwrites `size` bytes at `data` with zeros in a way the optimiser keeps.
void secure_wipe(void* data, std::size_t size) noexcept;

/// A password or other secret text, wiped when destroyed. Move-only; never printed.
class SecretString
{
public:
    SecretString() = default;
    explicit SecretString(std::string value) : m_value(std::move(value)) {}
    SecretString(SecretString&& other) noexcept : m_value(std::move(other.m_value))
    {
        other.wipe();
    }
    SecretString& operator=(SecretString&& other) noexcept;
    SecretString(const SecretString&) = delete;
    SecretString& operator=(const SecretString&) = delete;
    ~SecretString() { wipe(); }

    /// The secret text; valid while this object lives.
    [[nodiscard]] std::string_view view() const noexcept { return m_value; }

private:
    void wipe() noexcept;

    std::string m_value;
};

/// A secp256k1 secret key, wiped when destroyed. Move-only; never printed.
class SecretKeyHolder
{
public:
    explicit SecretKeyHolder(const ledger::SecretKey& key) : m_key(key) {}
    SecretKeyHolder(SecretKeyHolder&& other) noexcept : m_key(other.m_key)
    {
        secure_wipe(other.m_key.data(), other.m_key.size());
    }
    SecretKeyHolder& operator=(SecretKeyHolder&&) = delete;
    SecretKeyHolder(const SecretKeyHolder&) = delete;
    SecretKeyHolder& operator=(const SecretKeyHolder&) = delete;
    ~SecretKeyHolder() { secure_wipe(m_key.data(), m_key.size()); }

    /// The key; valid while this object lives.
    [[nodiscard]] const ledger::SecretKey& key() const noexcept { return m_key; }

private:
    ledger::SecretKey m_key;
};

}  // namespace aif::wallet
