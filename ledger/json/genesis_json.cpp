// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/json/genesis_json.hpp"

#include "ledger/crypto.hpp"
#include "ledger/json/wire.hpp"

#include <set>
#include <stdexcept>

namespace aif::ledger::json {

namespace {

using nlohmann::json;

/// Thrown inside the loader only; converted to an Error at the boundary.
struct GenesisError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& path, const std::string& what)
{
    throw GenesisError(path + ": " + what);
}

void only_keys(const json& obj, const std::string& path, std::initializer_list<const char*> keys)
{
    if (!obj.is_object()) fail(path, "must be an object");
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool known = false;
        for (const char* k : keys) known = known || it.key() == k;
        if (!known) fail(path.empty() ? it.key() : path + "." + it.key(), "unknown field");
    }
}

const json& need(const json& obj, const std::string& path, const char* key)
{
    auto it = obj.find(key);
    if (it == obj.end()) fail(path.empty() ? key : path + "." + key, "missing");
    return *it;
}

std::string sub(const std::string& path, const char* key)
{
    return path.empty() ? std::string{key} : path + "." + key;
}

u128 get_uint(const json& v, const std::string& path, u128 max)
{
    auto x = parse_uint(v, max);
    if (!x) fail(path, "must be an unsigned integer (decimal string or JSON integer) in range");
    return *x;
}

std::uint64_t get_u64(const json& obj, const std::string& path, const char* key,
                      std::uint64_t max = ~std::uint64_t{0})
{
    return static_cast<std::uint64_t>(get_uint(need(obj, path, key), sub(path, key), max));
}

std::string get_str(const json& obj, const std::string& path, const char* key,
                    std::size_t max_len = 256)
{
    const json& v = need(obj, path, key);
    if (!v.is_string()) fail(sub(path, key), "must be a string");
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty() || s.size() > max_len)
        fail(sub(path, key), "must be 1.." + std::to_string(max_len) + " bytes");
    return s;
}

Address get_addr(const json& obj, const std::string& path, const char* key)
{
    const json& v = need(obj, path, key);
    auto a = v.is_string() ? parse_address(v.get_ref<const std::string&>()) : std::nullopt;
    if (!a) fail(sub(path, key), "must be a 0x address of 40 hex digits");
    return *a;
}

const json& get_array(const json& obj, const std::string& path, const char* key,
                      std::size_t min, std::size_t max)
{
    const json& v = need(obj, path, key);
    if (!v.is_array() || v.size() < min || v.size() > max)
        fail(sub(path, key), "must be an array of " + std::to_string(min) + ".." +
                                 std::to_string(max) + " entries");
    return v;
}

std::string idx(const std::string& path, const char* key, std::size_t i)
{
    return sub(path, key) + "[" + std::to_string(i) + "]";
}

Edition parse_edition(const json& e, const std::string& p, std::uint64_t genesis_time)
{
    only_keys(e, p,
              {"year", "windows", "fees", "categories", "aifPerUsdCent", "dimensionWeights",
               "r2AdvancePercent", "awards"});
    Edition ed;
    ed.year = static_cast<std::uint32_t>(get_u64(e, p, "year", 9999));
    const json& ws = get_array(e, p, "windows", 1, 16);
    std::uint64_t prev_end = genesis_time;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        std::string wp = idx(p, "windows", i);
        only_keys(ws[i], wp, {"name", "start", "end", "multiplierBps"});
        SubmissionWindow w;
        w.name = get_str(ws[i], wp, "name", 64);
        w.start = get_u64(ws[i], wp, "start");
        w.end = get_u64(ws[i], wp, "end");
        w.multiplier_bps = static_cast<std::uint32_t>(get_u64(ws[i], wp, "multiplierBps", 100000));
        if (w.end <= w.start) fail(wp + ".end", "must be after start");
        if (w.start < prev_end) fail(wp + ".start", "windows must not overlap and not precede genesisTime");
        if (w.multiplier_bps == 0) fail(wp + ".multiplierBps", "must be positive");
        prev_end = w.end;
        ed.windows.push_back(std::move(w));
    }
    const json& fs = get_array(e, p, "fees", 1, 16);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < fs.size(); ++i) {
        std::string fp = idx(p, "fees", i);
        only_keys(fs[i], fp, {"format", "usdCents", "studentUsdCents"});
        FormatFee f;
        f.format = get_str(fs[i], fp, "format", 64);
        f.usd_cents = get_u64(fs[i], fp, "usdCents", 100'000'000);
        f.student_usd_cents = get_u64(fs[i], fp, "studentUsdCents", 100'000'000);
        if (!seen.insert(f.format).second) fail(fp + ".format", "duplicate format");
        ed.fees.push_back(std::move(f));
    }
    const json& cs = get_array(e, p, "categories", 1, 32);
    seen.clear();
    for (std::size_t i = 0; i < cs.size(); ++i) {
        std::string cp = idx(p, "categories", i);
        only_keys(cs[i], cp, {"id", "name", "minAiPercent", "maxAiPercent"});
        Category c;
        c.id = get_str(cs[i], cp, "id", 64);
        c.name = get_str(cs[i], cp, "name", 256);
        c.min_ai_percent = static_cast<std::uint32_t>(get_u64(cs[i], cp, "minAiPercent", 100));
        c.max_ai_percent = static_cast<std::uint32_t>(get_u64(cs[i], cp, "maxAiPercent", 100));
        // SPEC §5: the overall figure must reach 51 %.
        if (c.min_ai_percent < 51) fail(cp + ".minAiPercent", "must be at least 51");
        if (c.max_ai_percent < c.min_ai_percent) fail(cp + ".maxAiPercent", "must be ≥ minAiPercent");
        if (!seen.insert(c.id).second) fail(cp + ".id", "duplicate category");
        ed.categories.push_back(std::move(c));
    }
    ed.aif_per_usd_cent = get_uint(need(e, p, "aifPerUsdCent"), sub(p, "aifPerUsdCent"),
                                   u128{1} << 100);
    const json& dw = get_array(e, p, "dimensionWeights", 6, 6);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < dw.size(); ++i) {
        auto w = static_cast<std::uint32_t>(get_uint(dw[i], idx(p, "dimensionWeights", i), 10000));
        total += w;
        ed.dimension_weights.push_back(w);
    }
    if (total == 0) fail(sub(p, "dimensionWeights"), "must not all be zero");
    ed.r2_advance_percent = static_cast<std::uint32_t>(get_u64(e, p, "r2AdvancePercent", 100));
    if (ed.r2_advance_percent == 0) fail(sub(p, "r2AdvancePercent"), "must be 1..100");
    const json& as = get_array(e, p, "awards", 1, 27);
    seen.clear();
    std::size_t top = 0;
    for (std::size_t i = 0; i < as.size(); ++i) {
        std::string ap = idx(p, "awards", i);
        only_keys(as[i], ap, {"id", "name", "tier", "kind"});
        AwardDef a;
        a.id = get_str(as[i], ap, "id", 64);
        a.name = get_str(as[i], ap, "name", 256);
        a.tier = static_cast<std::uint32_t>(get_u64(as[i], ap, "tier", 5));
        a.kind = get_str(as[i], ap, "kind", 16);
        if (a.tier < 1) fail(ap + ".tier", "must be 1..5");
        if (a.kind != "jury" && a.kind != "dao") fail(ap + ".kind", "must be \"jury\" or \"dao\"");
        if (!seen.insert(a.id).second) fail(ap + ".id", "duplicate award id");
        if (a.tier == 1) ++top;
        ed.awards.push_back(std::move(a));
    }
    if (top != 1) fail(sub(p, "awards"), "exactly one award must have tier 1 (the top of the pyramid)");
    return ed;
}

DaoParams parse_dao(const json& d)
{
    const std::string p = "dao";
    only_keys(d, p,
              {"proposalDeposit", "proposalThreshold", "votingDelay", "votingPeriod", "quorumBps",
               "passThresholdBps", "timelock"});
    DaoParams x;
    x.proposal_deposit = get_uint(need(d, p, "proposalDeposit"), "dao.proposalDeposit", ~u128{0});
    x.proposal_threshold =
        get_uint(need(d, p, "proposalThreshold"), "dao.proposalThreshold", ~u128{0});
    x.voting_delay = get_u64(d, p, "votingDelay", 10ULL * 365 * 86400);
    x.voting_period = get_u64(d, p, "votingPeriod", 10ULL * 365 * 86400);
    if (x.voting_period == 0) fail("dao.votingPeriod", "must be positive");
    x.quorum_bps = static_cast<std::uint32_t>(get_u64(d, p, "quorumBps", 10000));
    x.pass_threshold_bps = static_cast<std::uint32_t>(get_u64(d, p, "passThresholdBps", 10000));
    if (x.pass_threshold_bps == 0) fail("dao.passThresholdBps", "must be 1..10000");
    x.timelock = get_u64(d, p, "timelock", 10ULL * 365 * 86400);
    return x;
}

MarketParams parse_market(const json& m)
{
    const std::string p = "market";
    only_keys(m, p, {"feeBps", "royaltyBps", "maxOpenOrders"});
    MarketParams x;
    x.fee_bps = static_cast<std::uint32_t>(get_u64(m, p, "feeBps", 1000));
    x.royalty_bps = static_cast<std::uint32_t>(get_u64(m, p, "royaltyBps", 2000));
    x.max_open_orders = static_cast<std::uint32_t>(get_u64(m, p, "maxOpenOrders", 100000));
    if (x.max_open_orders == 0) fail("market.maxOpenOrders", "must be positive");
    return x;
}

Genesis parse(const json& j)
{
    only_keys(j, "",
              {"chainId", "genesisTime", "notice", "validators", "authority", "treasury", "params",
               "dao", "market", "allocations", "editions"});
    Genesis g;
    g.chain_id = get_u64(j, "", "chainId");
    if (g.chain_id == 0) fail("chainId", "must be positive");
    g.genesis_time = get_u64(j, "", "genesisTime");
    if (j.contains("notice")) g.notice = get_str(j, "", "notice", 1024);
    const json& vs = get_array(j, "", "validators", 1, 100);
    std::set<Address> vseen;
    for (std::size_t i = 0; i < vs.size(); ++i) {
        std::string vp = idx("", "validators", i);
        only_keys(vs[i], vp, {"address", "name"});
        Validator v;
        v.address = get_addr(vs[i], vp, "address");
        v.name = get_str(vs[i], vp, "name", 64);
        if (!vseen.insert(v.address).second) fail(vp + ".address", "duplicate validator");
        g.validators.push_back(std::move(v));
    }
    g.authority = get_addr(j, "", "authority");
    g.treasury = get_addr(j, "", "treasury");
    const json& pj = need(j, "", "params");
    only_keys(pj, "params", {"minFee", "maxBlockTxs"});
    g.params.min_fee = get_uint(need(pj, "params", "minFee"), "params.minFee", ~u128{0});
    g.params.max_block_txs =
        static_cast<std::uint32_t>(get_u64(pj, "params", "maxBlockTxs", 1'000'000));
    if (g.params.max_block_txs == 0) fail("params.maxBlockTxs", "must be positive");
    if (j.contains("dao")) g.dao = parse_dao(j["dao"]);
    if (j.contains("market")) g.market = parse_market(j["market"]);
    const json& al = get_array(j, "", "allocations", 0, 10'000'000);
    std::set<Address> aseen;
    u128 supply = 0;
    for (std::size_t i = 0; i < al.size(); ++i) {
        std::string ap = idx("", "allocations", i);
        only_keys(al[i], ap, {"address", "amount"});
        Allocation a;
        a.address = get_addr(al[i], ap, "address");
        a.amount = get_uint(need(al[i], ap, "amount"), ap + ".amount", ~u128{0});
        if (!aseen.insert(a.address).second) fail(ap + ".address", "duplicate allocation");
        auto s = checked_add(supply, a.amount);
        if (!s) fail(ap + ".amount", "total supply would reach 2^128");
        supply = *s;
        g.allocations.push_back(a);
    }
    if (j.contains("editions")) {
        const json& es = get_array(j, "", "editions", 0, 16);
        std::set<std::uint32_t> years;
        for (std::size_t i = 0; i < es.size(); ++i) {
            Edition e = parse_edition(es[i], idx("", "editions", i), g.genesis_time);
            if (!years.insert(e.year).second) fail(idx("", "editions", i) + ".year", "duplicate edition");
            g.editions.push_back(std::move(e));
        }
    }
    return g;
}

}  // namespace

Result<Genesis> genesis_from_json(const nlohmann::json& j) noexcept
{
    try {
        return parse(j);
    } catch (const GenesisError& e) {
        return err(ErrorCode::invalid_argument, e.what());
    } catch (const std::exception& e) {
        return err(ErrorCode::invalid_argument, std::string{"genesis: "} + e.what());
    }
}

Result<Genesis> genesis_from_text(std::string_view text) noexcept
{
    try {
        auto j = nlohmann::json::parse(text);
        return genesis_from_json(j);
    } catch (const std::exception& e) {
        return err(ErrorCode::invalid_argument, std::string{"genesis: not JSON: "} + e.what());
    }
}

}  // namespace aif::ledger::json
