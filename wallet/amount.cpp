// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/amount.hpp"

#include "wallet/errors.hpp"

namespace aif::wallet {

using ledger::u128;

std::uint32_t asset_decimals(std::string_view asset) noexcept
{
    return asset == AIF ? AIF_DECIMALS : 0;
}

namespace {

WalletError bad(std::string_view flag, const std::string& what)
{
    return usage_error(std::string{flag} + ": " + what);
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

}  // namespace

u128 parse_amount(std::string_view text, std::uint32_t decimals, std::string_view flag)
{
    if (decimals > MAX_DECIMALS) throw failure("internal: too many decimals");
    if (text.empty()) throw bad(flag, "amount is empty");
    std::string_view whole = text;
    std::string_view frac;
    bool has_point = false;
    if (auto dot = text.find('.'); dot != std::string_view::npos) {
        has_point = true;
        whole = text.substr(0, dot);
        frac = text.substr(dot + 1);
    }
    for (std::string_view part : {whole, frac})
        for (char c : part)
            if (!is_digit(c))
                throw bad(flag, "'" + std::string{text} +
                                    "' is not a plain decimal amount (digits and at most one '.'; "
                                    "no sign, exponent or spaces)");
    if (whole.empty()) throw bad(flag, "amount needs a digit before the '.'");
    if (has_point && frac.empty()) throw bad(flag, "amount needs a digit after the '.'");
    if (frac.size() > decimals) {
        if (decimals == 0)
            throw bad(flag, "this asset has no decimals: give a whole number, not '" +
                                std::string{text} + "'");
        throw bad(flag, "at most " + std::to_string(decimals) + " decimals allowed, got " +
                            std::to_string(frac.size()));
    }
    const WalletError too_big = bad(flag, "amount is too large (base units must be below 2^128)");
    u128 value = 0;
    auto push_digit = [&](char c) {
        auto m = ledger::checked_mul(value, 10);
        if (!m) throw too_big;
        auto a = ledger::checked_add(*m, static_cast<u128>(c - '0'));
        if (!a) throw too_big;
        value = *a;
    };
    for (char c : whole) push_digit(c);
    for (char c : frac) push_digit(c);
    for (std::size_t i = frac.size(); i < decimals; ++i) push_digit('0');
    return value;
}

std::string format_amount(u128 base_units, std::uint32_t decimals)
{
    std::string digits = ledger::u128_to_string(base_units);
    if (decimals == 0) return digits;
    if (digits.size() <= decimals) digits.insert(0, decimals + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - decimals);
    std::string frac = digits.substr(digits.size() - decimals);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return frac.empty() ? whole : whole + "." + frac;
}

}  // namespace aif::wallet
