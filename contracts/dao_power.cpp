// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/dao_power.hpp"

#include "contracts/dao.hpp"
#include "contracts/dao_keys.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"
#include "ledger/tx_types_dao.hpp"

namespace aif::contracts::dao {

using namespace ledger;

namespace {

// A checkpoint series is a count ("n") and entries ("c" be64(i)) of be64(height) ‖ u128(power),
// heights strictly increasing with i (ERC20Votes checkpoints, stored as ordered keys).

std::uint64_t series_len(const StateView& s, std::string_view series)
{
    auto raw = s.get(keys::series_count(series));
    return raw ? decode_u64(*raw).value_or(0) : 0;
}

Checkpoint series_get(const StateView& s, std::string_view series, std::uint64_t i)
{
    auto raw = s.get(keys::series_entry(series, i));
    if (!raw || raw->size() != 24) return {};
    return Checkpoint{decode_u64(std::string_view{*raw}.substr(0, 8)).value_or(0),
                      decode_u128(std::string_view{*raw}.substr(8)).value_or(0)};
}

u128 series_latest(const StateView& s, std::string_view series)
{
    const std::uint64_t n = series_len(s, series);
    return n == 0 ? u128{0} : series_get(s, series, n - 1).power;
}

u128 series_at(const StateView& s, std::string_view series, std::uint64_t height)
{
    // Binary search for the last checkpoint with height ≤ `height`.
    std::uint64_t lo = 0, hi = series_len(s, series);
    while (lo < hi) {
        const std::uint64_t mid = lo + (hi - lo) / 2;
        if (series_get(s, series, mid).height <= height)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? u128{0} : series_get(s, series, lo - 1).power;
}

/// Adds (or, with `subtract`, removes) `delta` to the series' latest value as of `height`:
/// overwrites the checkpoint of this height, else appends one (at most one per height).
Result<void> series_shift(StateOverlay& s, std::string_view series, std::uint64_t height,
                          u128 delta, bool subtract)
{
    if (delta == 0) return ok();
    const std::uint64_t n = series_len(s, series);
    Checkpoint last = n == 0 ? Checkpoint{} : series_get(s, series, n - 1);
    std::optional<u128> next =
        subtract ? checked_sub(last.power, delta) : checked_add(last.power, delta);
    // Underflow would mean power and balances disagree: a bug, never an input error.
    if (!next)
        return err(subtract ? ErrorCode::internal : ErrorCode::amount_overflow,
                   "voting power checkpoint");
    const std::uint64_t index = (n > 0 && last.height == height) ? n - 1 : n;
    s.put(keys::series_entry(series, index), encode_u64(height) + encode_u128(*next));
    if (index == n) s.put(keys::series_count(series), encode_u64(n + 1));
    return ok();
}

std::string addr_or_empty(const std::optional<Address>& a)
{
    return a ? to_hex(*a) : std::string{};
}

}  // namespace

std::optional<Address> delegate_of(const StateView& s, const Address& who)
{
    const std::string* raw = s.find(keys::delegate_key(who));
    if (!raw || raw->size() != 20) return std::nullopt;
    Address a;
    for (std::size_t i = 0; i < 20; ++i) a.bytes[i] = static_cast<std::uint8_t>((*raw)[i]);
    return a;
}

u128 current_power(const StateView& s, const Address& who)
{
    return series_latest(s, keys::power_series(who));
}

u128 power_at(const StateView& s, const Address& who, std::uint64_t height)
{
    return series_at(s, keys::power_series(who), height);
}

u128 current_total_delegated(const StateView& s)
{
    return series_latest(s, keys::TOTAL_SERIES);
}

u128 total_delegated_at(const StateView& s, std::uint64_t height)
{
    return series_at(s, keys::TOTAL_SERIES, height);
}

std::uint64_t checkpoint_count(const StateView& s, const Address& who)
{
    return series_len(s, keys::power_series(who));
}

std::vector<Checkpoint> power_history(const StateView& s, const Address& who, std::uint64_t limit)
{
    const std::string series = keys::power_series(who);
    const std::uint64_t n = series_len(s, series);
    const std::uint64_t first = n > limit ? n - limit : 0;
    std::vector<Checkpoint> out;
    for (std::uint64_t i = first; i < n; ++i) out.push_back(series_get(s, series, i));
    return out;
}

// SPEC §7: power follows tokens. Called for every AIF balance change (fees included), so it
// costs one read per side when nobody involved has delegated (issue 7 measures this path).
Result<void> on_aif_moved(StateOverlay& s, const BlockContext& ctx,
                          const std::optional<Address>& from, const Address& to,
                          u128 amount) noexcept
{
    try {
        if (amount == 0) return ok();
        const std::optional<Address> d_from = from ? delegate_of(s, *from) : std::nullopt;
        const std::optional<Address> d_to = delegate_of(s, to);
        if (d_from == d_to) return ok();  // same delegatee (or none): no power moves
        if (d_from)
            AIF_CHECK(series_shift(s, keys::power_series(*d_from), ctx.height, amount, true));
        if (d_to) AIF_CHECK(series_shift(s, keys::power_series(*d_to), ctx.height, amount, false));
        // Tokens entering or leaving delegation change the delegated supply (quorum base).
        if (d_from && !d_to)
            AIF_CHECK(series_shift(s, keys::TOTAL_SERIES, ctx.height, amount, true));
        if (!d_from && d_to)
            AIF_CHECK(series_shift(s, keys::TOTAL_SERIES, ctx.height, amount, false));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "on_aif_moved");
    }
}

Result<std::vector<Event>> apply_delegate(StateOverlay& s, const BlockContext& ctx,
                                          const VerifiedTx& vt) noexcept
{
    try {
        const Address& to_field = vt.tx.get<Address>(dao_tx::delegate_field::TO);
        const std::optional<Address> next =
            to_field.is_zero() ? std::nullopt : std::optional<Address>{to_field};
        const std::optional<Address> prev = delegate_of(s, vt.sender);
        if (!next && !prev)
            return err(ErrorCode::invalid_argument,
                       "to: the zero address undelegates, but the sender has no delegate");
        if (next == prev)
            return err(ErrorCode::already_exists,
                       "to: the sender already delegates to " + to_checksum(*next));
        // The whole balance (after this tx's fee) moves from the old delegatee to the new.
        const u128 bal = token::balance_of(s, vt.sender, AIF);
        if (prev) AIF_CHECK(series_shift(s, keys::power_series(*prev), ctx.height, bal, true));
        if (next) AIF_CHECK(series_shift(s, keys::power_series(*next), ctx.height, bal, false));
        if (prev && !next) AIF_CHECK(series_shift(s, keys::TOTAL_SERIES, ctx.height, bal, true));
        if (!prev && next) AIF_CHECK(series_shift(s, keys::TOTAL_SERIES, ctx.height, bal, false));
        if (next)
            s.put(keys::delegate_key(vt.sender), contracts::keys::addr_bytes(*next));
        else
            s.erase(keys::delegate_key(vt.sender));
        Event e{"DelegateChanged",
                {{"delegator", to_hex(vt.sender)},
                 {"previous", addr_or_empty(prev)},
                 {"delegate", addr_or_empty(next)},
                 {"amount", u128_to_string(bal)}}};
        return std::vector<Event>{std::move(e)};
    } catch (...) {
        return err(ErrorCode::internal, "apply_delegate");
    }
}

}  // namespace aif::contracts::dao
