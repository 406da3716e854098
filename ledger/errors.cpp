// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/errors.hpp"

#include "ledger/result.hpp"

namespace aif::ledger {

std::string_view to_string(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::internal: return "internal";
    case ErrorCode::malformed_tx: return "malformed_tx";
    case ErrorCode::unknown_tx_type: return "unknown_tx_type";
    case ErrorCode::unknown_field: return "unknown_field";
    case ErrorCode::missing_field: return "missing_field";
    case ErrorCode::invalid_field: return "invalid_field";
    case ErrorCode::bad_signature: return "bad_signature";
    case ErrorCode::high_s_signature: return "high_s_signature";
    case ErrorCode::wrong_chain_id: return "wrong_chain_id";
    case ErrorCode::wrong_signer: return "wrong_signer";
    case ErrorCode::nonce_too_low: return "nonce_too_low";
    case ErrorCode::nonce_too_high: return "nonce_too_high";
    case ErrorCode::fee_too_low: return "fee_too_low";
    case ErrorCode::insufficient_fee_balance: return "insufficient_fee_balance";
    case ErrorCode::duplicate_tx: return "duplicate_tx";
    case ErrorCode::mempool_full: return "mempool_full";
    case ErrorCode::insufficient_balance: return "insufficient_balance";
    case ErrorCode::amount_overflow: return "amount_overflow";
    case ErrorCode::unknown_asset: return "unknown_asset";
    case ErrorCode::invalid_amount: return "invalid_amount";
    case ErrorCode::memo_too_long: return "memo_too_long";
    case ErrorCode::unauthorized: return "unauthorized";
    case ErrorCode::wrong_phase: return "wrong_phase";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::already_exists: return "already_exists";
    case ErrorCode::conflict_of_interest: return "conflict_of_interest";
    case ErrorCode::limit_exceeded: return "limit_exceeded";
    }
    return "internal";
}

std::string Error::message() const
{
    std::string s{to_string(code)};
    if (!detail.empty()) {
        s += ": ";
        s += detail;
    }
    return s;
}

}  // namespace aif::ledger
