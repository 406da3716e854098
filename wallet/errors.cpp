// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/errors.hpp"

namespace aif::wallet {

std::string_view exit_code_name(ExitCode code) noexcept
{
    switch (code) {
        case ExitCode::ok:
            return "ok";
        case ExitCode::failure:
            return "failure";
        case ExitCode::usage:
            return "usage";
        case ExitCode::refused:
            return "refused";
        case ExitCode::unreachable:
            return "unreachable";
        case ExitCode::key:
            return "key";
    }
    return "failure";
}

WalletError::WalletError(ExitCode code, const std::string& message, nlohmann::json details)
    : std::runtime_error(message), m_code(code), m_details(std::move(details))
{
    if (!m_details.is_object()) m_details = nlohmann::json::object();
}

nlohmann::json WalletError::to_json() const
{
    nlohmann::json j = {{"kind", std::string{exit_code_name(m_code)}},
                        {"exitCode", static_cast<int>(m_code)},
                        {"message", what()}};
    for (auto it = m_details.begin(); it != m_details.end(); ++it)
        if (!j.contains(it.key())) j[it.key()] = *it;
    return j;
}

namespace {

std::string rpc_text(int code, const std::string& message, const nlohmann::json& data)
{
    std::string s = "node error " + std::to_string(code) + ": " + message;
    if (data.is_object() && data.contains("reason") && data["reason"].is_string()) {
        const auto& reason = data["reason"].get_ref<const std::string&>();
        if (message.find(reason) == std::string::npos) s += " (" + reason + ")";
    }
    return s;
}

}  // namespace

RpcError::RpcError(int rpc_code, std::string rpc_message, nlohmann::json data)
    : WalletError(ExitCode::failure, rpc_text(rpc_code, rpc_message, data),
                  {{"rpc", {{"code", rpc_code}, {"message", rpc_message}, {"data", data}}}}),
      m_rpc_code(rpc_code),
      m_rpc_message(std::move(rpc_message)),
      m_data(std::move(data))
{}

std::string RpcError::reason() const
{
    if (m_data.is_object() && m_data.contains("reason") && m_data["reason"].is_string())
        return m_data["reason"].get<std::string>();
    return {};
}

WalletError usage_error(const std::string& message)
{
    return WalletError(ExitCode::usage, message);
}

WalletError refused_error(const std::string& message, nlohmann::json details)
{
    return WalletError(ExitCode::refused, message, std::move(details));
}

WalletError key_error(const std::string& message)
{
    return WalletError(ExitCode::key, message);
}

WalletError unreachable_error(const std::string& message)
{
    return WalletError(ExitCode::unreachable, message);
}

WalletError failure(const std::string& message)
{
    return WalletError(ExitCode::failure, message);
}

}  // namespace aif::wallet
