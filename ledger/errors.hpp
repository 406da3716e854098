// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <cstdint>
#include <string_view>

namespace aif::ledger {

/// Every consensus and admission error. The snake_case string of each (to_string) is API: it
/// appears in tx_get.error and RPC error data and is never reworded (bitcoin "bad-txns-…").
/// New codes are appended; docs/protocol.md lists them all.
enum class ErrorCode : std::uint16_t {
    internal,                  // a bug or resource failure, never a verdict on the tx
    // wire form
    malformed_tx,              // not an object / missing type, message or signature
    unknown_tx_type,           // "type" is not one tx_getTypes lists
    unknown_field,             // message has a field the type does not have
    missing_field,             // message lacks a field of the type
    invalid_field,             // wrong JSON kind, float, negative, out of range, bad hex/utf-8
    // signature and domain
    bad_signature,             // not 65 bytes, v not 27/28, r/s zero or not recoverable
    high_s_signature,          // s above n/2 (malleable twin), refused before recovery
    wrong_chain_id,            // optional "domain" in the wire form names another chain
    wrong_signer,              // optional "from" differs from the recovered sender
    // admission
    nonce_too_low,             // nonce already used
    nonce_too_high,            // nonce beyond the mempool's future window
    fee_too_low,               // fee below min_fee
    insufficient_fee_balance,  // sender's AIF cannot pay the fee
    duplicate_tx,              // same hash already pending or committed
    mempool_full,              // pool at capacity
    // token
    insufficient_balance,      // balance below the amount
    amount_overflow,           // a sum or product would reach 2^128
    unknown_asset,             // asset symbol not known to the chain
    invalid_amount,            // zero where a positive amount is required
    memo_too_long,             // memo above 256 bytes
    // modules (festival, DAO, market) append below
    unauthorized,              // sender lacks the role the action needs
    wrong_phase,               // action not allowed in the current phase/window
    not_found,                 // referenced object does not exist
    invalid_argument,          // a field's value breaks a rule (detail names rule and field)
    already_exists,            // uniqueness rule broken (duplicate hash, symbol, vote, ...)
    conflict_of_interest,      // juror is a creator of / declared a conflict with the film
    limit_exceeded,            // a bounded collection is full
};

/// The stable snake_case name of `code`.
[[nodiscard]] std::string_view to_string(ErrorCode code) noexcept;

}  // namespace aif::ledger
