// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/dao_params.hpp"

#include "contracts/chain_config.hpp"
#include "contracts/keys.hpp"

namespace aif::contracts::dao {

using namespace ledger;

namespace {

constexpr u128 AIF_UNIT = 1'000'000'000'000'000'000ULL;
constexpr u128 DAY = 86'400;

Result<MarketParams> read_market(const StateView& s)
{
    auto raw = s.get(contracts::keys::MARKET_PARAMS);
    if (!raw) return err(ErrorCode::internal, "cfg/market missing");
    return decode_market_params(*raw);
}

}  // namespace

Result<DaoParams> read_dao_params(const StateView& s) noexcept
{
    try {
        auto raw = s.get(contracts::keys::DAO_PARAMS);
        if (!raw) return err(ErrorCode::internal, "cfg/dao missing");
        return decode_dao_params(*raw);
    } catch (...) {
        return err(ErrorCode::internal, "read_dao_params");
    }
}

// SPEC §7: the whitelist. Ranges keep a passed proposal from bricking the chain (a minimum fee
// nobody can pay, a vote that cannot end) and match the genesis validation where it has one.
// max_block_txs is left out on purpose: the producer takes it from --max-block-txs.
const std::vector<ParamSpec>& governable_params()
{
    static const std::vector<ParamSpec> specs = {
        {"minFee", 0, 1000 * AIF_UNIT, "AIF base units"},
        {"dao.proposalDeposit", 0, 1'000'000'000 * AIF_UNIT, "AIF base units"},
        {"dao.proposalThreshold", 0, 1'000'000'000 * AIF_UNIT, "AIF base units"},
        {"dao.votingDelay", 0, 30 * DAY, "seconds"},
        {"dao.votingPeriod", 3600, 90 * DAY, "seconds"},
        {"dao.quorumBps", 1, 10'000, "basis points"},
        {"dao.passThresholdBps", 5'000, 10'000, "basis points"},
        {"dao.timelock", 0, 30 * DAY, "seconds"},
        {"market.feeBps", 0, 1'000, "basis points"},
        {"market.royaltyBps", 0, 2'000, "basis points"},
        {"market.maxOpenOrders", 1, 100'000, "orders"},
    };
    return specs;
}

const ParamSpec* find_param(std::string_view key) noexcept
{
    for (const auto& p : governable_params())
        if (p.key == key) return &p;
    return nullptr;
}

Result<void> validate_param(std::string_view key, u128 value) noexcept
{
    try {
        const ParamSpec* spec = find_param(key);
        if (!spec) {
            std::string keys;
            for (const auto& p : governable_params())
                keys += (keys.empty() ? "" : ", ") + std::string{p.key};
            return err(ErrorCode::invalid_argument, "key: '" + std::string{key} +
                                                        "' is not a governable parameter (one of " +
                                                        keys + ")");
        }
        if (value < spec->min || value > spec->max)
            return err(ErrorCode::invalid_argument,
                       "value: " + std::string{key} + " must be " + u128_to_string(spec->min) +
                           ".." + u128_to_string(spec->max) + " " + std::string{spec->unit} +
                           ", got " + u128_to_string(value));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "validate_param");
    }
}

Result<u128> read_param(const StateView& s, std::string_view key) noexcept
{
    try {
        if (!find_param(key)) return validate_param(key, 0).error();
        if (key == "minFee") {
            AIF_TRY(p, read_params(s));
            return p.min_fee;
        }
        if (key.substr(0, 4) == "dao.") {
            AIF_TRY(d, read_dao_params(s));
            if (key == "dao.proposalDeposit") return d.proposal_deposit;
            if (key == "dao.proposalThreshold") return d.proposal_threshold;
            if (key == "dao.votingDelay") return u128{d.voting_delay};
            if (key == "dao.votingPeriod") return u128{d.voting_period};
            if (key == "dao.quorumBps") return u128{d.quorum_bps};
            if (key == "dao.passThresholdBps") return u128{d.pass_threshold_bps};
            if (key == "dao.timelock") return u128{d.timelock};
        }
        AIF_TRY(m, read_market(s));
        if (key == "market.feeBps") return u128{m.fee_bps};
        if (key == "market.royaltyBps") return u128{m.royalty_bps};
        if (key == "market.maxOpenOrders") return u128{m.max_open_orders};
        return err(ErrorCode::internal, "read_param: " + std::string{key});
    } catch (...) {
        return err(ErrorCode::internal, "read_param");
    }
}

Result<void> write_param(StateOverlay& s, std::string_view key, u128 value) noexcept
{
    try {
        AIF_CHECK(validate_param(key, value));
        // Ranges above fit every field's width, so the narrowing casts below are exact.
        const auto u64v = static_cast<std::uint64_t>(value);
        const auto u32v = static_cast<std::uint32_t>(value);
        if (key == "minFee") {
            AIF_TRY(p, read_params(s));
            p.min_fee = value;
            s.put(contracts::keys::PARAMS, encode_params(p));
            return ok();
        }
        if (key.substr(0, 4) == "dao.") {
            AIF_TRY(d, read_dao_params(s));
            if (key == "dao.proposalDeposit") d.proposal_deposit = value;
            if (key == "dao.proposalThreshold") d.proposal_threshold = value;
            if (key == "dao.votingDelay") d.voting_delay = u64v;
            if (key == "dao.votingPeriod") d.voting_period = u64v;
            if (key == "dao.quorumBps") d.quorum_bps = u32v;
            if (key == "dao.passThresholdBps") d.pass_threshold_bps = u32v;
            if (key == "dao.timelock") d.timelock = u64v;
            s.put(contracts::keys::DAO_PARAMS, encode_dao_params(d));
            return ok();
        }
        AIF_TRY(m, read_market(s));
        if (key == "market.feeBps") m.fee_bps = u32v;
        if (key == "market.royaltyBps") m.royalty_bps = u32v;
        if (key == "market.maxOpenOrders") m.max_open_orders = u32v;
        s.put(contracts::keys::MARKET_PARAMS, encode_market_params(m));
        return ok();
    } catch (...) {
        return err(ErrorCode::internal, "write_param");
    }
}

}  // namespace aif::contracts::dao
