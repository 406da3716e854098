// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/errors.hpp"

#include <string>
#include <utility>
#include <variant>

namespace aif::ledger {

/// A consensus error: a stable code (its string is API, see errors.hpp) and a human detail
/// that names the offending field or rule.
struct Error
{
    ErrorCode code{ErrorCode::internal};
    std::string detail;

    /// "code: detail", the form shown in tx_get.error and RPC messages.
    [[nodiscard]] std::string message() const;
};

/// Makes an Error; reads well at call sites: `return err(ErrorCode::fee_too_low, "fee")`.
[[nodiscard]] inline Error err(ErrorCode code, std::string detail = {})
{
    return Error{code, std::move(detail)};
}

/// Result<T>: a value or an Error. Same shape as std::expected<T, Error>, which g++ 12 only has
/// under C++23 and clang 14 (the fuzzing compiler) lacks; one alias so we can switch later
/// (STYLE §3, silkworm decoding_result.hpp).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error e) : m_v(std::in_place_index<1>, std::move(e)) {}

    [[nodiscard]] bool has_value() const noexcept { return m_v.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const& { return std::get<1>(m_v); }
    Error&& error() && { return std::get<1>(std::move(m_v)); }

private:
    std::variant<T, Error> m_v;
};

/// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error e) : m_err(std::move(e)), m_ok(false) {}

    [[nodiscard]] bool has_value() const noexcept { return m_ok; }
    explicit operator bool() const noexcept { return m_ok; }
    const Error& error() const& { return m_err; }
    Error&& error() && { return std::move(m_err); }

private:
    Error m_err{};
    bool m_ok{true};
};

/// Success value for Result<void>.
inline Result<void> ok() { return {}; }

}  // namespace aif::ledger

/// Propagates an error: `AIF_TRY(x, expr);` binds x to the value or returns the error.
#define AIF_TRY_CAT2(a, b) a##b
#define AIF_TRY_CAT(a, b) AIF_TRY_CAT2(a, b)
#define AIF_TRY(var, expr)                                                  \
    auto AIF_TRY_CAT(aif_try_, __LINE__) = (expr);                          \
    if (!AIF_TRY_CAT(aif_try_, __LINE__)) return std::move(AIF_TRY_CAT(aif_try_, __LINE__)).error(); \
    auto var = std::move(AIF_TRY_CAT(aif_try_, __LINE__)).value()
/// Propagates an error from a Result<void>.
#define AIF_CHECK(expr)                                 \
    do {                                                \
        auto aif_chk_ = (expr);                         \
        if (!aif_chk_) return std::move(aif_chk_).error(); \
    } while (false)
