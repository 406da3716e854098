// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/genesis.hpp"

#include "ledger/codec.hpp"

namespace aif::ledger {

namespace {
}  // namespace

std::string encode_edition(const Edition& e)
{
    Writer w;
    w.u32(e.year);
    w.u32(static_cast<std::uint32_t>(e.windows.size()));
    for (const auto& x : e.windows) {
        w.str(x.name);
        w.u64(x.start);
        w.u64(x.end);
        w.u32(x.multiplier_bps);
    }
    w.u32(static_cast<std::uint32_t>(e.fees.size()));
    for (const auto& x : e.fees) {
        w.str(x.format);
        w.u64(x.usd_cents);
        w.u64(x.student_usd_cents);
    }
    w.u32(static_cast<std::uint32_t>(e.categories.size()));
    for (const auto& x : e.categories) {
        w.str(x.id);
        w.str(x.name);
        w.u32(x.min_ai_percent);
        w.u32(x.max_ai_percent);
    }
    w.u128v(e.aif_per_usd_cent);
    w.u32(static_cast<std::uint32_t>(e.dimension_weights.size()));
    for (auto x : e.dimension_weights) w.u32(x);
    w.u32(e.r2_advance_percent);
    w.u32(static_cast<std::uint32_t>(e.awards.size()));
    for (const auto& x : e.awards) {
        w.str(x.id);
        w.str(x.name);
        w.u32(x.tier);
        w.str(x.kind);
    }
    return w.take_string();
}

Result<Edition> decode_edition(std::string_view data) noexcept
{
    try {
        Reader r{bytes_of(data)};
        Edition e;
        e.year = r.u32();
        for (std::uint32_t n = r.u32(), i = 0; i < n && r.ok() && i < 64; ++i) {
            SubmissionWindow x;
            x.name = r.str(64);
            x.start = r.u64();
            x.end = r.u64();
            x.multiplier_bps = r.u32();
            e.windows.push_back(std::move(x));
        }
        for (std::uint32_t n = r.u32(), i = 0; i < n && r.ok() && i < 64; ++i) {
            FormatFee x;
            x.format = r.str(64);
            x.usd_cents = r.u64();
            x.student_usd_cents = r.u64();
            e.fees.push_back(std::move(x));
        }
        for (std::uint32_t n = r.u32(), i = 0; i < n && r.ok() && i < 64; ++i) {
            Category x;
            x.id = r.str(64);
            x.name = r.str(256);
            x.min_ai_percent = r.u32();
            x.max_ai_percent = r.u32();
            e.categories.push_back(std::move(x));
        }
        e.aif_per_usd_cent = r.u128v();
        for (std::uint32_t n = r.u32(), i = 0; i < n && r.ok() && i < 64; ++i)
            e.dimension_weights.push_back(r.u32());
        e.r2_advance_percent = r.u32();
        for (std::uint32_t n = r.u32(), i = 0; i < n && r.ok() && i < 256; ++i) {
            AwardDef x;
            x.id = r.str(64);
            x.name = r.str(256);
            x.tier = r.u32();
            x.kind = r.str(16);
            e.awards.push_back(std::move(x));
        }
        if (!r.done()) return err(ErrorCode::internal, "edition encoding");
        return e;
    } catch (...) {
        return err(ErrorCode::internal, "decode_edition");
    }
}

std::string encode_params(const Params& p)
{
    Writer w;
    w.u128v(p.min_fee);
    w.u32(p.max_block_txs);
    return w.take_string();
}

Result<Params> decode_params(std::string_view data) noexcept
{
    Reader r{bytes_of(data)};
    Params p;
    p.min_fee = r.u128v();
    p.max_block_txs = r.u32();
    if (!r.done()) return err(ErrorCode::internal, "params encoding");
    return p;
}

std::string encode_dao_params(const DaoParams& p)
{
    Writer w;
    w.u128v(p.proposal_deposit);
    w.u128v(p.proposal_threshold);
    w.u64(p.voting_delay);
    w.u64(p.voting_period);
    w.u32(p.quorum_bps);
    w.u32(p.pass_threshold_bps);
    w.u64(p.timelock);
    return w.take_string();
}

Result<DaoParams> decode_dao_params(std::string_view data) noexcept
{
    Reader r{bytes_of(data)};
    DaoParams p;
    p.proposal_deposit = r.u128v();
    p.proposal_threshold = r.u128v();
    p.voting_delay = r.u64();
    p.voting_period = r.u64();
    p.quorum_bps = r.u32();
    p.pass_threshold_bps = r.u32();
    p.timelock = r.u64();
    if (!r.done()) return err(ErrorCode::internal, "dao params encoding");
    return p;
}

std::string encode_market_params(const MarketParams& p)
{
    Writer w;
    w.u32(p.fee_bps);
    w.u32(p.royalty_bps);
    w.u32(p.max_open_orders);
    return w.take_string();
}

Result<MarketParams> decode_market_params(std::string_view data) noexcept
{
    Reader r{bytes_of(data)};
    MarketParams p;
    p.fee_bps = r.u32();
    p.royalty_bps = r.u32();
    p.max_open_orders = r.u32();
    if (!r.done()) return err(ErrorCode::internal, "market params encoding");
    return p;
}

}  // namespace aif::ledger
