// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "rpc/methods.hpp"
#include "rpc/params.hpp"

#include <string>

namespace aif::rpc {

namespace {

/// Most blocks one dev_mine call may seal, so one request cannot stall the node for long.
constexpr std::uint64_t MAX_DEV_MINE_BLOCKS = 1000;

/// SPEC §1: dev_* only with --dev. Checked before the params, so a production node answers
/// DEV_DISABLED whatever is sent.
void require_dev(const Backend& backend)
{
    if (!backend.dev_enabled()) {
        throw RpcError(code::DEV_DISABLED, "dev methods are disabled (start the node with --dev)");
    }
}

}  // namespace

void add_dev_methods(MethodTable& table, Backend& backend)
{
    add_method(table, "dev_advanceTime", [&backend](const json& params) {
        require_dev(backend);
        check_known_params(params, {"seconds"});
        return backend.dev_advance_time(require_uint64(params, "seconds"));
    });

    add_method(table, "dev_mine", [&backend](const json& params) {
        require_dev(backend);
        check_known_params(params, {"blocks"});
        const std::uint64_t blocks = optional_uint64(params, "blocks").value_or(1);
        if (blocks < 1 || blocks > MAX_DEV_MINE_BLOCKS) {
            throw invalid_params(
                "'blocks' must be between 1 and " + std::to_string(MAX_DEV_MINE_BLOCKS), "blocks");
        }
        return backend.dev_mine(blocks);
    });
}

}  // namespace aif::rpc
