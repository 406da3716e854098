// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "contracts/dao.hpp"

namespace aif::contracts::dao {

using namespace ledger;

Result<std::vector<Event>> apply_tx(StateOverlay& s, const BlockContext& ctx,
                                    const VerifiedTx& tx) noexcept
{
    (void)s;
    (void)ctx;
    return err(ErrorCode::unknown_tx_type, std::string{tx.tx.type->name});
}

Result<void> on_aif_moved(StateOverlay& s, const BlockContext& ctx,
                          const std::optional<Address>& from, const Address& to,
                          u128 amount) noexcept
{
    (void)s;
    (void)ctx;
    (void)from;
    (void)to;
    (void)amount;
    return ok();
}

std::optional<std::uint64_t> award_ballot_result(const StateView& s, std::uint32_t edition,
                                                 std::string_view award_id, std::uint64_t now)
{
    (void)s;
    (void)edition;
    (void)award_id;
    (void)now;
    return std::nullopt;
}

}  // namespace aif::contracts::dao
