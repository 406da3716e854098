// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/festival.hpp"

namespace aif::contracts::festival {

using namespace ledger;

Result<std::vector<Event>> apply_tx(StateOverlay& s, const BlockContext& ctx,
                                    const VerifiedTx& tx) noexcept
{
    (void)s;
    (void)ctx;
    return err(ErrorCode::unknown_tx_type, std::string{tx.tx.type->name});
}

std::optional<Address> film_submitter(const StateView& s, std::uint64_t film_id)
{
    (void)s;
    (void)film_id;
    return std::nullopt;
}

std::vector<std::uint64_t> r2_shortlist(const StateView& s, std::uint32_t edition)
{
    (void)s;
    (void)edition;
    return {};
}

}  // namespace aif::contracts::festival
