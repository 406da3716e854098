// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/chain_config.hpp"

#include "contracts/keys.hpp"
#include "contracts/token.hpp"
#include "ledger/codec.hpp"

namespace aif::contracts {

using namespace ledger;

namespace {
}  // namespace

Result<ChainConfig> read_chain_config(const StateView& s) noexcept
{
    try {
        const std::string* raw = s.find(keys::CHAIN);
        if (!raw) return err(ErrorCode::internal, "cfg/chain missing");
        Reader r{bytes_of(*raw)};
        ChainConfig c;
        c.chain_id = r.u64();
        c.genesis_time = r.u64();
        c.authority.bytes = r.fixed<20>().bytes;
        c.treasury.bytes = r.fixed<20>().bytes;
        if (!r.done()) return err(ErrorCode::internal, "cfg/chain corrupt");
        return c;
    } catch (...) {
        return err(ErrorCode::internal, "read_chain_config");
    }
}

Result<Params> read_params(const StateView& s) noexcept
{
    try {
        const std::string* raw = s.find(keys::PARAMS);
        if (!raw) return err(ErrorCode::internal, "cfg/params missing");
        return decode_params(*raw);
    } catch (...) {
        return err(ErrorCode::internal, "read_params");
    }
}

Result<std::vector<Address>> read_validators(const StateView& s) noexcept
{
    try {
        auto raw = s.get(keys::VALIDATORS);
        if (!raw) return err(ErrorCode::internal, "cfg/validators missing");
        Reader r{bytes_of(*raw)};
        std::vector<Address> out;
        std::uint32_t n = r.u32();
        for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
            Address a;
            a.bytes = r.fixed<20>().bytes;
            out.push_back(a);
        }
        if (!r.done()) return err(ErrorCode::internal, "cfg/validators corrupt");
        return out;
    } catch (...) {
        return err(ErrorCode::internal, "read_validators");
    }
}

Result<void> init_genesis(StateOverlay& s, const Genesis& g) noexcept
{
    try {
        Writer c;
        c.u64(g.chain_id);
        c.u64(g.genesis_time);
        c.fixed(g.authority);
        c.fixed(g.treasury);
        Bytes cb = c.take();
        s.put(keys::CHAIN, std::string(cb.begin(), cb.end()));
        s.put(keys::PARAMS, encode_params(g.params));
        s.put(keys::DAO_PARAMS, encode_dao_params(g.dao));
        s.put(keys::MARKET_PARAMS, encode_market_params(g.market));
        Writer v;
        v.u32(static_cast<std::uint32_t>(g.validators.size()));
        for (const auto& val : g.validators) v.fixed(val.address);
        Bytes vb = v.take();
        s.put(keys::VALIDATORS, std::string(vb.begin(), vb.end()));
        AIF_CHECK(token::register_asset(s, AIF, token::AssetInfo{AIF_DECIMALS, {}}));
        const BlockContext genesis_ctx{0, g.genesis_time, {}};
        for (const auto& a : g.allocations)
            AIF_CHECK(token::mint(s, genesis_ctx, AIF, a.address, a.amount));
        for (const auto& e : g.editions) s.put(keys::edition(e.year), encode_edition(e));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "init_genesis");
    }
}

}  // namespace aif::contracts
