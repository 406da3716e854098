// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/result.hpp"
#include "ledger/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace aif::ledger {

/// A submission window of an edition (SPEC §5): [start, end) in block time, with its fee
/// multiplier in basis points (early bird 7500, standard 10000, final call 15000).
struct SubmissionWindow
{
    std::string name;
    std::uint64_t start{0};
    std::uint64_t end{0};
    std::uint32_t multiplier_bps{10000};
};

/// Base submission fee of a format, in USD cents (SPEC §5).
struct FormatFee
{
    std::string format;
    std::uint64_t usd_cents{0};
    std::uint64_t student_usd_cents{0};
};

/// A competition category and its allowed overall AI participation, in whole percent.
struct Category
{
    std::string id;
    std::string name;
    std::uint32_t min_ai_percent{51};
    std::uint32_t max_ai_percent{100};
};

/// One award of the catalogue. kind is "jury" (decided by R3 votes) or "dao" (DAO ballot).
struct AwardDef
{
    std::string id;
    std::string name;
    std::uint32_t tier{5};
    std::string kind{"jury"};
};

/// A festival edition's parameters (SPEC §5), fixed at genesis.
struct Edition
{
    std::uint32_t year{0};
    std::vector<SubmissionWindow> windows;
    std::vector<FormatFee> fees;
    std::vector<Category> categories;
    /// AIF base units charged per USD cent.
    u128 aif_per_usd_cent{0};
    /// Weights of writing, direction, generation, editing, sound, post (sum > 0).
    std::vector<std::uint32_t> dimension_weights;
    std::uint32_t r2_advance_percent{40};
    std::vector<AwardDef> awards;
};

struct Validator
{
    Address address;
    std::string name;
};

struct Allocation
{
    Address address;
    u128 amount{0};
};

/// Chain parameters that governance may later change.
struct Params
{
    /// Smallest fee a transaction may carry, in AIF base units.
    u128 min_fee{0};
    /// Most transactions the producer puts in one block.
    std::uint32_t max_block_txs{20000};
};

/// DAO parameters (SPEC §7); all changeable by a passed parameter-change proposal.
/// Durations are seconds of block time; shares are basis points.
struct DaoParams
{
    /// AIF (base units) locked when creating a proposal, unless the creator has
    /// `proposal_threshold` voting power.
    u128 proposal_deposit{0};
    /// Voting power (base units) that lets a creator skip the deposit.
    u128 proposal_threshold{0};
    /// Seconds from creation until voting opens.
    std::uint64_t voting_delay{0};
    /// Seconds voting stays open.
    std::uint64_t voting_period{0};
    /// Share of delegated supply at the snapshot that must vote (for+against+abstain).
    std::uint32_t quorum_bps{0};
    /// Share of for / (for + against) needed to pass.
    std::uint32_t pass_threshold_bps{5000};
    /// Seconds a passed parameter change or treasury spend waits before it can execute.
    std::uint64_t timelock{0};
};

/// Market parameters (SPEC §8).
struct MarketParams
{
    /// Trading fee, basis points of the AIF value of each fill, paid by the taker to the treasury.
    std::uint32_t fee_bps{0};
    /// Creator royalty, basis points of each fill's AIF value, paid to the film's submitter.
    std::uint32_t royalty_bps{0};
    /// Most open orders one trader may have per book.
    std::uint32_t max_open_orders{100};
};

/// The genesis file (SPEC §4), validated.
struct Genesis
{
    std::uint64_t chain_id{0};
    std::uint64_t genesis_time{0};
    std::string notice;
    std::vector<Validator> validators;
    Address authority;
    Address treasury;
    Params params;
    DaoParams dao;
    MarketParams market;
    std::vector<Allocation> allocations;
    std::vector<Edition> editions;
};

/// Canonical encodings (state values).
[[nodiscard]] std::string encode_edition(const Edition& e);
[[nodiscard]] Result<Edition> decode_edition(std::string_view data) noexcept;
[[nodiscard]] std::string encode_params(const Params& p);
[[nodiscard]] Result<Params> decode_params(std::string_view data) noexcept;
[[nodiscard]] std::string encode_dao_params(const DaoParams& p);
[[nodiscard]] Result<DaoParams> decode_dao_params(std::string_view data) noexcept;
[[nodiscard]] std::string encode_market_params(const MarketParams& p);
[[nodiscard]] Result<MarketParams> decode_market_params(std::string_view data) noexcept;

/// Name of the native token.
inline constexpr std::string_view AIF = "AIF";
inline constexpr std::uint32_t AIF_DECIMALS = 18;

}  // namespace aif::ledger
