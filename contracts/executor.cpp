// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/executor.hpp"

#include "contracts/dao.hpp"
#include "contracts/festival.hpp"
#include "contracts/keys.hpp"
#include "contracts/market.hpp"
#include "contracts/token.hpp"
#include "ledger/crypto.hpp"

namespace aif::contracts {

using namespace ledger;

std::uint64_t nonce_of(const StateView& s, const Address& who)
{
    const std::string* raw = s.find(keys::nonce_key(who));
    if (!raw) return 0;
    return decode_u64(*raw).value_or(0);
}

Result<void> precheck(const StateView& s, const VerifiedTx& vt) noexcept
{
    try {
        const std::uint64_t expected = nonce_of(s, vt.sender);
        const std::uint64_t nonce = vt.tx.nonce();
        if (nonce < expected)
            return err(ErrorCode::nonce_too_low, "nonce " + std::to_string(nonce) +
                                                     " already used; next is " +
                                                     std::to_string(expected));
        if (nonce > expected)
            return err(ErrorCode::nonce_too_high, "nonce " + std::to_string(nonce) +
                                                      " but next is " + std::to_string(expected));
        // Checked arithmetic: the nonce is bumped after apply, so the last value is unusable.
        if (nonce == ~std::uint64_t{0}) return err(ErrorCode::nonce_too_high, "nonce exhausted");
        AIF_TRY(params, read_params(s));
        const u128 fee = vt.tx.fee();
        if (fee < params.min_fee)
            return err(ErrorCode::fee_too_low, "fee " + u128_to_string(fee) + " below min_fee " +
                                                   u128_to_string(params.min_fee));
        const u128 bal = token::balance_of(s, vt.sender, AIF);
        if (bal < fee)
            return err(ErrorCode::insufficient_fee_balance,
                       "fee " + u128_to_string(fee) + " exceeds AIF balance " + u128_to_string(bal));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "precheck");
    }
}

namespace {

Result<std::vector<Event>> dispatch(StateOverlay& s, const BlockContext& ctx, const VerifiedTx& vt)
{
    // Each module owns a range of kinds (ledger/tx.hpp) and dispatches within it.
    const auto k = static_cast<std::uint16_t>(vt.tx.type->kind);
    if (k >= TX_KIND_FESTIVAL && k < TX_KIND_DAO) return festival::apply_tx(s, ctx, vt);
    if (k >= TX_KIND_DAO && k < TX_KIND_MARKET) return dao::apply_tx(s, ctx, vt);
    if (k >= TX_KIND_MARKET && k < TX_KIND_END) return market::apply_tx(s, ctx, vt);
    switch (vt.tx.type->kind) {
    case TxKind::transfer: return token::apply_transfer(s, ctx, vt);
    }
    return err(ErrorCode::unknown_tx_type, std::string{vt.tx.type->name});
}

}  // namespace

Result<std::vector<Event>> apply_tx(StateOverlay& s, const BlockContext& ctx,
                                    const VerifiedTx& vt) noexcept
{
    const std::size_t cp = s.checkpoint();
    try {
        auto r = [&]() -> Result<std::vector<Event>> {
            AIF_CHECK(precheck(s, vt));
            AIF_TRY(cfg, read_chain_config(s));
            const u128 fee = vt.tx.fee();
            AIF_CHECK(token::move(s, ctx, AIF, vt.sender, cfg.treasury, fee));
            s.put(keys::nonce_key(vt.sender), encode_u64(vt.tx.nonce() + 1));
            AIF_TRY(events, dispatch(s, ctx, vt));
            if (fee > 0) {
                Event e;
                e.name = "Fee";
                e.attrs.reserve(2);
                e.attrs.emplace_back("from", to_hex(vt.sender));
                e.attrs.emplace_back("amount", u128_to_string(fee));
                events.insert(events.begin(), std::move(e));
            }
            return events;
        }();
        if (!r) s.rollback(cp);
        return r;
    } catch (...) {
        s.rollback(cp);
        return err(ErrorCode::internal, "apply_tx");
    }
}

}  // namespace aif::contracts
