// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/tx.hpp"

#include <cstddef>
#include <cstdint>

/// Transaction kinds of the market module (range starting at TX_KIND_MARKET) and their field
/// indexes (SPEC §8, docs/market.md). Field lists, after the common `uint64 nonce, uint256 fee`:
/// - IssueShares(uint64 filmId, string symbol, uint256 supply)
/// - PlaceOrder(string asset, string side, uint256 price, uint256 quantity, uint64 expiry,
///   string timeInForce)
/// - CancelOrder(uint64 orderId)
/// - ExpireOrders(string asset, uint32 max)
namespace aif::ledger::market_tx {

inline constexpr TxKind ISSUE_SHARES = static_cast<TxKind>(TX_KIND_MARKET + 0);
inline constexpr TxKind PLACE_ORDER = static_cast<TxKind>(TX_KIND_MARKET + 1);
inline constexpr TxKind CANCEL_ORDER = static_cast<TxKind>(TX_KIND_MARKET + 2);
inline constexpr TxKind EXPIRE_ORDERS = static_cast<TxKind>(TX_KIND_MARKET + 3);

/// Longest FilmToken symbol (the wire limit; the symbol rule is in docs/market.md).
inline constexpr std::uint32_t SYMBOL_MAX_LEN = 12;

namespace issue_field {
inline constexpr std::size_t NONCE = 0, FEE = 1, FILM_ID = 2, SYMBOL = 3, SUPPLY = 4;
}
namespace place_field {
inline constexpr std::size_t NONCE = 0, FEE = 1, ASSET = 2, SIDE = 3, PRICE = 4, QUANTITY = 5,
                             EXPIRY = 6, TIME_IN_FORCE = 7;
}
namespace cancel_field {
inline constexpr std::size_t NONCE = 0, FEE = 1, ORDER_ID = 2;
}
namespace expire_field {
inline constexpr std::size_t NONCE = 0, FEE = 1, ASSET = 2, MAX = 3;
}

}  // namespace aif::ledger::market_tx
