// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/response.hpp"

#include <utility>

namespace aif::rpc {

std::string dump_json(const json& j)
{
    return j.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

json error_object(int code, const std::string& message, const json& data)
{
    json e = {{"code", code}, {"message", message}};
    if (!data.is_null()) e["data"] = data;
    return e;
}

json error_response(const json& id, int code, const std::string& message, const json& data)
{
    return {{"jsonrpc", "2.0"}, {"error", error_object(code, message, data)}, {"id", id}};
}

json result_response(const json& id, json result)
{
    return {{"jsonrpc", "2.0"}, {"result", std::move(result)}, {"id", id}};
}

}  // namespace aif::rpc
