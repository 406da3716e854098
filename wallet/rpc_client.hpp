// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace aif::wallet {

/// Where the node's JSON-RPC endpoint lives, from `http://host[:port][/path]`.
struct RpcEndpoint
{
    std::string host;
    std::string port{"80"};
    std::string target{"/"};
};

/// Parses an http:// URL (IPv6 hosts in brackets). Throws WalletError(usage) for other schemes
/// or a malformed URL.
[[nodiscard]] RpcEndpoint parse_rpc_url(std::string_view url);

/// A JSON-RPC 2.0 client over HTTP POST (one connection per call, Boost.Beast).
///
/// Errors: WalletError(unreachable) when the node cannot be reached or does not answer in time
/// (resolve, connect, send or receive failures, timeouts); RpcError carrying the node's code,
/// message and data when it answers with a JSON-RPC error; WalletError(failure) for an answer
/// that is not JSON-RPC.
class RpcClient
{
public:
    /// Throws WalletError(usage) for a bad URL.
    explicit RpcClient(std::string_view url,
                       std::chrono::milliseconds timeout = std::chrono::seconds{30});

    /// Calls `method` with named `params` (an object) and returns the result.
    nlohmann::json call(std::string_view method,
                        const nlohmann::json& params = nlohmann::json::object());

    /// The URL given at construction.
    [[nodiscard]] const std::string& url() const noexcept { return m_url; }

private:
    std::string post(const std::string& body);

    std::string m_url;
    RpcEndpoint m_endpoint;
    std::chrono::milliseconds m_timeout;
    std::uint64_t m_next_id{1};
};

}  // namespace aif::wallet
