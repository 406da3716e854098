// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// JSON shapes of the festival queries (docs/festival.md "RPC"), shared by festival_methods.cpp
// and festival_nft_methods.cpp. The contracts hold records; this layer presents them.

#include "contracts/festival_state.hpp"
#include "rpc/backend.hpp"
#include "rpc/methods.hpp"

#include <cstdint>
#include <string>

namespace aif::rpc::festival_json {

/// RpcError(NOT_FOUND, what).
[[noreturn]] void not_found(const std::string& what);

/// The edition or NOT_FOUND.
[[nodiscard]] ledger::Edition edition_or_throw(const ledger::StateView& s, std::uint32_t year);
/// An edition year param (uint, ≤ 2^32−1) or INVALID_PARAMS.
[[nodiscard]] std::uint32_t require_year(const json& params, std::string_view name);

/// "7.25": an R2 mean on the 0..10 scale (total over 4·count), or null with no scores.
[[nodiscard]] json r2_mean(std::uint64_t total, std::uint32_t count);

/// film_get's result: the film's whole story (disclosure, fee, R1, R2, R3, awards).
[[nodiscard]] json film_json(const ledger::StateView& s, const contracts::festival::Film& f);
/// film_list's entry: filmId, title, status, category, format, student, submitter, r2Mean,
/// r2Rank.
[[nodiscard]] json film_summary(const contracts::festival::Film& f,
                                const contracts::festival::FilmTally& t);

/// ERC-721 metadata JSON of a trophy (name, description, image, external_url, attributes).
[[nodiscard]] json trophy_metadata(const contracts::festival::Trophy& t);

/// Registers nft_get, nft_getMetadata, nft_listByOwner, nft_listByEdition.
void add_nft_methods(MethodTable& table, Backend& backend);

}  // namespace aif::rpc::festival_json
