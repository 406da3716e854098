// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/cli.hpp"

#include "ledger/crypto.hpp"
#include "wallet/cli_context.hpp"
#include "wallet/errors.hpp"

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace aif::wallet {

using nlohmann::json;

namespace {

constexpr const char* DEFAULT_RPC = "http://127.0.0.1:8645";
constexpr const char* RPC_ENV = "AIF_RPC";

std::vector<CommandEntry> all_commands()
{
    std::vector<CommandEntry> all = key_commands();
    for (auto* more : {query_commands, tx_commands, film_commands, dao_commands, market_commands})
        for (auto& c : more()) all.push_back(std::move(c));
    return all;
}

std::string top_help()
{
    std::ostringstream s;
    s << "aif-wallet — keys, queries and transactions for an aifchain node\n\n"
         "Usage: aif-wallet [GLOBAL OPTIONS] COMMAND [ARGS] [OPTIONS]\n"
         "       aif-wallet COMMAND --help\n\nCommands:\n";
    for (const auto& c : all_commands()) {
        std::string pad = c.name.size() < 16 ? std::string(16 - c.name.size(), ' ') : " ";
        s << "  " << c.name << pad << c.summary << "\n";
    }
    s << "\n"
      << global_options_help()
      << "\nExit codes: 0 ok, 1 other failure, 2 usage error, 3 transaction refused or rejected,\n"
         "4 node unreachable, 5 key or keystore error.\n";
    return s.str();
}

/// Pulls the global flags out of argv wherever they are; the rest keeps its order.
std::vector<std::string> extract_globals(int argc, const char* const* argv, GlobalOptions& g)
{
    std::vector<std::string> rest;
    bool keystore_set = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") {
            for (; i < argc; ++i) rest.emplace_back(argv[i]);
            break;
        }
        if (a == "--json") {
            g.json = true;
            continue;
        }
        bool matched = false;
        for (const char* flag : {"--rpc", "--keystore", "--password-file"}) {
            std::string f = flag;
            std::string value;
            if (a == f) {
                if (i + 1 >= argc) throw usage_error(f + " needs a value");
                value = argv[++i];
            } else if (a.rfind(f + "=", 0) == 0) {
                value = a.substr(f.size() + 1);
            } else {
                continue;
            }
            if (value.empty()) throw usage_error(f + " needs a value");
            if (f == "--rpc") g.rpc_url = value;
            if (f == "--keystore") {
                g.keystore = value;
                keystore_set = true;
            }
            if (f == "--password-file") g.password_file = value;
            matched = true;
            break;
        }
        if (!matched) rest.push_back(std::move(a));
    }
    if (!keystore_set) g.keystore = KeyDir::default_path();
    return rest;
}

int report(bool json_mode, std::ostream& out, std::ostream& err, const WalletError& e)
{
    err << "error: " << e.what() << "\n";
    if (json_mode) out << json{{"error", e.to_json()}}.dump(2) << "\n";
    return static_cast<int>(e.code());
}

int dispatch(CliContext& ctx, const std::vector<std::string>& words)
{
    auto commands = all_commands();
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        ctx.out() << top_help();
        if (words.empty()) return static_cast<int>(ExitCode::usage);
        return 0;
    }
    // Longest match first: "key new" before "key".
    for (std::size_t n : {std::size_t{2}, std::size_t{1}}) {
        if (words.size() < n) continue;
        std::string name = words[0];
        for (std::size_t i = 1; i < n; ++i) name += " " + words[i];
        for (const auto& c : commands)
            if (c.name == name)
                return c.run(ctx, std::vector<std::string>(words.begin() + static_cast<long>(n),
                                                           words.end()));
    }
    // A group word alone ("key") or with --help: list its subcommands.
    std::ostringstream group;
    for (const auto& c : commands)
        if (c.name.rfind(words[0] + " ", 0) == 0)
            group << "  " << c.name << std::string(c.name.size() < 16 ? 16 - c.name.size() : 1, ' ')
                  << c.summary << "\n";
    if (!group.str().empty()) {
        bool help = words.size() > 1 && (words[1] == "--help" || words[1] == "-h");
        if (help || words.size() == 1) {
            ctx.out() << "Usage: aif-wallet " << words[0] << " SUBCOMMAND …\n\nSubcommands:\n"
                      << group.str();
            if (help) return 0;
            throw usage_error("'" + words[0] + "' needs a subcommand");
        }
        throw usage_error("unknown command '" + words[0] + " " + words[1] + "'; see aif-wallet " +
                          words[0] + " --help");
    }
    throw usage_error("unknown command '" + words[0] + "'; see aif-wallet --help");
}

}  // namespace

CliContext::CliContext(GlobalOptions options, std::ostream& out, std::ostream& err)
    : m_options(std::move(options)), m_out(out), m_err(err), m_keys(m_options.keystore)
{}

RpcClient& CliContext::rpc()
{
    if (!m_rpc) m_rpc = std::make_unique<RpcClient>(m_options.rpc_url);
    return *m_rpc;
}

ledger::Address CliContext::resolve_address(std::string_view text, const std::string& flag) const
{
    if (text.rfind("0x", 0) == 0 || text.rfind("0X", 0) == 0) {
        auto a = ledger::parse_address(text);
        if (!a)
            throw usage_error(flag + ": '" + std::string{text} +
                              "' is not a 0x address of 40 hex digits");
        std::string digits{text.substr(2)};
        bool has_lower = false, has_upper = false;
        for (char c : digits) {
            has_lower = has_lower || (c >= 'a' && c <= 'f');
            has_upper = has_upper || (c >= 'A' && c <= 'F');
        }
        // EIP-55: mixed case carries a checksum; a typo in it must not send funds astray.
        if (has_lower && has_upper && ledger::to_checksum(*a) != "0x" + digits)
            throw usage_error(flag + ": '" + std::string{text} + "' fails its EIP-55 checksum");
        return *a;
    }
    KeyDir::validate_name(text);
    return m_keys.find(text).address;
}

void CliContext::print(const json& j, const std::string& text)
{
    if (json_output())
        m_out << j.dump(2) << "\n";
    else
        m_out << text;
    m_out.flush();
}

void CliContext::warn(const std::string& message)
{
    m_err << "warning: " << message << "\n";
}

std::string global_options_help()
{
    return "Global options (anywhere on the command line):\n"
           "  --rpc URL             node JSON-RPC endpoint (default $AIF_RPC or "
           "http://127.0.0.1:8645)\n"
           "  --keystore DIR        keystore directory (default ~/.aifchain/keystore)\n"
           "  --password-file FILE  read the password from the first line of FILE instead of "
           "a prompt\n"
           "  --json                machine-readable JSON output (errors as {\"error\": {…}})\n"
           "  --help                help for the command\n";
}

std::optional<po::variables_map> parse_command(CliContext& ctx, CommandSpec& spec,
                                               const std::vector<std::string>& args)
{
    spec.options.add_options()("help,h", "show this help");
    po::variables_map vm;
    try {
        auto style = po::command_line_style::unix_style ^ po::command_line_style::allow_guessing;
        po::store(po::command_line_parser(args)
                      .options(spec.options)
                      .positional(spec.positional)
                      .style(style)
                      .run(),
                  vm);
        if (vm.count("help")) {
            ctx.out() << "Usage: aif-wallet " << spec.usage << "\n\n"
                      << spec.summary << "\n\n"
                      << spec.options << "\n"
                      << global_options_help();
            return std::nullopt;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw usage_error(spec.name + ": " + e.what() + " (see aif-wallet " + spec.name +
                          " --help)");
    }
    return vm;
}

std::uint64_t parse_count(const std::string& text, const std::string& flag, std::uint64_t max)
{
    bool ok = !text.empty();
    for (char c : text) ok = ok && c >= '0' && c <= '9';
    std::optional<ledger::u128> v;
    if (ok) {
        auto nz = text.find_first_not_of('0');
        v = nz == std::string::npos ? ledger::u128{0} : ledger::u128_from_string(text.substr(nz));
    }
    if (!v || *v > max)
        throw usage_error(flag + ": '" + text + "' must be a whole number from 0 to " +
                          std::to_string(max));
    return static_cast<std::uint64_t>(*v);
}

std::uint64_t count_option(const po::variables_map& vm, const std::string& name, std::uint64_t max)
{
    return parse_count(vm[name].as<std::string>(), "--" + name, max);
}

std::string render_text(const json& j)
{
    if (!j.is_object()) return (j.is_string() ? j.get<std::string>() : j.dump()) + "\n";
    std::ostringstream s;
    std::size_t width = 0;
    for (auto it = j.begin(); it != j.end(); ++it) width = std::max(width, it.key().size());
    for (auto it = j.begin(); it != j.end(); ++it) {
        s << it.key() << ":" << std::string(width + 1 - it.key().size(), ' ');
        if (it->is_string())
            s << it->get<std::string>();
        else
            s << it->dump();
        s << "\n";
    }
    return s.str();
}

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    GlobalOptions g;
    if (const char* env = std::getenv(RPC_ENV); env && *env)
        g.rpc_url = env;
    else
        g.rpc_url = DEFAULT_RPC;
    bool json_mode = false;
    for (int i = 1; i < argc; ++i) json_mode = json_mode || std::string_view{argv[i]} == "--json";
    try {
        auto words = extract_globals(argc, argv, g);
        CliContext ctx(g, out, err);
        return dispatch(ctx, words);
    } catch (const WalletError& e) {
        return report(json_mode, out, err, e);
    } catch (const std::exception& e) {
        return report(json_mode, out, err, failure(e.what()));
    }
}

}  // namespace aif::wallet
