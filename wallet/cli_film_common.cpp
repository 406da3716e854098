// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Festival helpers: the festival's entry to the shared transaction path (wallet/tx_command.hpp)
// and small parsers and formatters of the film and jury commands.
#include "wallet/cli_film_common.hpp"

#include "wallet/errors.hpp"

#include <map>
#include <optional>

namespace aif::wallet::festival_cli {

using nlohmann::json;

json send(CliContext& ctx, const po::variables_map& vm, const std::string& type,
          const TxFields& fields, bool wait)
{
    const TxSetup s = prepare_tx(ctx, vm, RequiredTxType{type, "festival"});
    return submit_tx(ctx, vm, s, type, fields, wait || wait_requested(vm));
}

std::string str_of(const json& j, const char* key)
{
    if (!j.contains(key) || j[key].is_null()) return "-";
    return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

std::vector<std::uint64_t> parse_named_numbers(const std::string& text, const std::string& flag,
                                               const std::vector<std::vector<std::string>>& names,
                                               std::uint64_t max)
{
    std::map<std::string, std::size_t> index;
    std::string expected;
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (const auto& n : names[i]) index[n] = i;
        if (i) expected += ',';
        expected += names[i].front();
        expected += "=N";
    }
    std::vector<std::optional<std::uint64_t>> got(names.size());
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto eq = item.find('=');
        if (eq == std::string::npos)
            throw usage_error(flag + ": '" + item + "' is not name=N (expected " + expected + ")");
        const std::string name = item.substr(0, eq);
        auto it = index.find(name);
        if (it == index.end())
            throw usage_error(flag + ": unknown name '" + name + "' (expected " + expected + ")");
        if (got[it->second]) throw usage_error(flag + ": '" + name + "' given twice");
        got[it->second] = parse_count(item.substr(eq + 1), flag + " " + name, max);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    std::vector<std::uint64_t> out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!got[i])
            throw usage_error(flag + ": missing " + names[i].front() + "=N (expected " + expected +
                              ")");
        out.push_back(*got[i]);
    }
    return out;
}

}  // namespace aif::wallet::festival_cli
