// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/token.hpp"

#include "contracts/dao.hpp"
#include "contracts/keys.hpp"
#include "ledger/crypto.hpp"

namespace aif::contracts::token {

using namespace ledger;

u128 balance_of(const StateView& s, const Address& who, std::string_view asset)
{
    const std::string* raw = s.find(keys::balance_key(who, asset));
    if (!raw) return 0;
    return decode_u128(*raw).value_or(0);
}

u128 supply_of(const StateView& s, std::string_view asset)
{
    auto raw = s.get(keys::supply(asset));
    if (!raw) return 0;
    return decode_u128(*raw).value_or(0);
}

std::optional<AssetInfo> asset_info(const StateView& s, std::string_view asset)
{
    const std::string* raw = s.find(keys::asset(asset));
    if (!raw || raw->empty()) return std::nullopt;
    AssetInfo info;
    info.decimals = static_cast<std::uint8_t>((*raw)[0]);
    info.film_id = raw->substr(1);
    return info;
}

std::map<std::string, u128> balances_of(const StateView& s, const Address& who)
{
    std::map<std::string, u128> out;
    const std::string prefix = keys::balance_prefix(who);
    s.scan(prefix, [&](std::string_view k, std::string_view v) {
        auto amount = decode_u128(v);
        if (amount && *amount != 0) out.emplace(std::string{k.substr(prefix.size())}, *amount);
        return true;
    });
    return out;
}

namespace {
void set_balance(StateOverlay& s, const Address& who, std::string_view asset, u128 amount)
{
    // Zero balances are deleted so the state holds (and the root commits to) only live entries.
    if (amount == 0)
        s.erase(keys::balance_key(who, asset));
    else
        s.put(keys::balance_key(who, asset), encode_u128(amount));
}
}  // namespace

Result<void> register_asset(StateOverlay& s, std::string_view asset, const AssetInfo& info) noexcept
{
    try {
        if (s.get(keys::asset(asset))) return err(ErrorCode::already_exists, "asset " + std::string{asset});
        std::string rec(1, static_cast<char>(info.decimals));
        rec += info.film_id;
        s.put(keys::asset(asset), std::move(rec));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "register_asset");
    }
}

Result<void> mint(StateOverlay& s, const BlockContext& ctx, std::string_view asset,
                  const Address& to, u128 amount) noexcept
{
    try {
        if (!asset_info(s, asset)) return err(ErrorCode::unknown_asset, std::string{asset});
        auto supply = checked_add(supply_of(s, asset), amount);
        if (!supply) return err(ErrorCode::amount_overflow, "supply of " + std::string{asset});
        auto bal = checked_add(balance_of(s, to, asset), amount);
        if (!bal) return err(ErrorCode::amount_overflow, "balance");
        s.put(keys::supply(asset), encode_u128(*supply));
        set_balance(s, to, asset, *bal);
        if (asset == AIF) AIF_CHECK(dao::on_aif_moved(s, ctx, std::nullopt, to, amount));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "mint");
    }
}

Result<void> move(StateOverlay& s, const BlockContext& ctx, std::string_view asset,
                  const Address& from, const Address& to, u128 amount) noexcept
{
    try {
        u128 from_bal = balance_of(s, from, asset);
        auto left = checked_sub(from_bal, amount);
        if (!left)
            return err(ErrorCode::insufficient_balance,
                       "amount " + u128_to_string(amount) + " " + std::string{asset} +
                           " exceeds balance " + u128_to_string(from_bal));
        if (from == to) return ok();
        auto to_bal = checked_add(balance_of(s, to, asset), amount);
        if (!to_bal) return err(ErrorCode::amount_overflow, "recipient balance");
        set_balance(s, from, asset, *left);
        set_balance(s, to, asset, *to_bal);
        if (asset == AIF && amount > 0) AIF_CHECK(dao::on_aif_moved(s, ctx, from, to, amount));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "move");
    }
}

Result<std::vector<Event>> apply_transfer(StateOverlay& s, const BlockContext& ctx,
                                          const VerifiedTx& vt) noexcept
{
    try {
        namespace f = transfer_field;
        const Tx& tx = vt.tx;
        const auto& to = tx.get<Address>(f::TO);
        const auto& asset = tx.get<std::string>(f::ASSET);
        const u128 amount = tx.get<u128>(f::AMOUNT);
        const auto& memo = tx.get<std::string>(f::MEMO);
        if (memo.size() > 256) return err(ErrorCode::memo_too_long, "memo: over 256 bytes");
        if (!asset_info(s, asset)) return err(ErrorCode::unknown_asset, "asset: " + asset);
        if (amount == 0) return err(ErrorCode::invalid_amount, "amount: must be positive");
        AIF_CHECK(move(s, ctx, asset, vt.sender, to, amount));
        // Addresses in events are lower-case hex; the RPC layer shows them EIP-55 checksummed
        // (keeping keccak-heavy formatting out of the block path, issue 7).
        // Built in place: an initializer list would copy every attribute string once more.
        std::vector<Event> events(1);
        Event& e = events.front();
        e.name = "Transfer";
        e.attrs.reserve(5);
        e.attrs.emplace_back("from", to_hex(vt.sender));
        e.attrs.emplace_back("to", to_hex(to));
        e.attrs.emplace_back("asset", asset);
        e.attrs.emplace_back("amount", u128_to_string(amount));
        e.attrs.emplace_back("memo", memo);
        return events;
    } catch (...) {
        return err(ErrorCode::internal, "apply_transfer");
    }
}

}  // namespace aif::contracts::token
