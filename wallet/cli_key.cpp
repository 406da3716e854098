// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// `aif-wallet key …`: create, import, list and show keystore keys (SPEC §9).
#include "ledger/crypto.hpp"
#include "wallet/cli_context.hpp"
#include "wallet/errors.hpp"
#include "wallet/hd.hpp"
#include "wallet/keystore.hpp"

#include <fstream>
#include <sstream>

namespace aif::wallet {

using nlohmann::json;

namespace {

/// Files holding secrets are small; refuse to slurp anything big.
constexpr std::size_t MAX_SECRET_FILE = 64 * 1024;

json entry_json(const KeyEntry& e)
{
    return {
        {"name", e.name}, {"address", ledger::to_checksum(e.address)}, {"file", e.file.string()}};
}

std::string entry_text(const std::string& header, const KeyEntry& e)
{
    return header + "\n  address " + ledger::to_checksum(e.address) + "\n  file    " +
           e.file.string() + "\n";
}

/// Reads a whole file that holds a secret. Throws WalletError(usage) naming `flag`; never
/// echoes the content.
SecretString read_secret_file(const std::string& path, const std::string& flag)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error(flag + ": cannot read " + path);
    std::string data;
    char buf[4096];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        data.append(buf, static_cast<std::size_t>(in.gcount()));
        if (data.size() > MAX_SECRET_FILE) {
            SecretString wipe{std::move(data)};
            throw usage_error(flag + ": " + path + " is too large");
        }
    }
    secure_wipe(buf, sizeof buf);
    return SecretString{std::move(data)};
}

SecretKeyHolder parse_private_key(std::string_view text, const std::string& path)
{
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    if (text.rfind("0x", 0) == 0 || text.rfind("0X", 0) == 0) text.remove_prefix(2);
    const WalletError bad =
        usage_error("--private-key-file: " + path + " must hold 64 hex digits (0x optional)");
    if (text.size() != 64) throw bad;
    ledger::SecretKey k;
    for (std::size_t i = 0; i < 32; ++i) {
        auto nib = [&](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        int hi = nib(text[2 * i]), lo = nib(text[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            secure_wipe(k.data(), k.size());
            throw bad;
        }
        k.bytes[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    SecretKeyHolder holder{k};
    secure_wipe(k.data(), k.size());
    if (!ledger::public_key_of(holder.key()))
        throw key_error("--private-key-file: " + path + " is not a valid secp256k1 key");
    return holder;
}

/// Refuses a taken name before any password is asked.
void check_name_free(CliContext& ctx, const std::string& name)
{
    KeyDir::validate_name(name);
    if (ctx.keys().try_find(name))
        throw key_error("key " + name + " already exists in " + ctx.keys().path().string() +
                        "; choose another --name");
}

int key_new(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"key new",
                     "key new --name NAME",
                     "Creates a random key and stores it as an encrypted keystore v3 file.",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("name", po::value<std::string>()->required(), "name of the key");
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto name = (*vm)["name"].as<std::string>();
    check_name_free(ctx, name);
    SecretString password = ctx.passwords().fresh(name);
    SecretKeyHolder key = random_secret_key();
    json ks = encrypt_keystore(key.key(), password.view(), default_scrypt_params());
    KeyEntry e = ctx.keys().store(name, ks);
    ctx.print(entry_json(e), entry_text("Created key " + e.name, e));
    return 0;
}

int key_import(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "key import",
        "key import --name NAME (--private-key-file F | --keystore-file F | --mnemonic-file F "
        "[--index I])",
        "Imports a key from a raw private key, another tool's keystore v3 file (re-encrypted with\n"
        "the same password) or a BIP-39 mnemonic (account I at m/44'/60'/0'/0/I).",
        {"Options", 100},
        {}};
    spec.options.add_options()("name", po::value<std::string>()->required(), "name of the key")(
        "private-key-file", po::value<std::string>(), "file with the 32-byte key as hex")(
        "keystore-file", po::value<std::string>(), "keystore v3 JSON file (geth, ethers, …)")(
        "mnemonic-file", po::value<std::string>(), "file with a BIP-39 English mnemonic")(
        "index", po::value<std::string>(), "account index for --mnemonic-file (default 0)")(
        "mnemonic-passphrase-file", po::value<std::string>(),
        "optional BIP-39 passphrase (first line of the file; ASCII)");
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto name = (*vm)["name"].as<std::string>();
    int sources = static_cast<int>(vm->count("private-key-file") + vm->count("keystore-file") +
                                   vm->count("mnemonic-file"));
    if (sources != 1)
        throw usage_error(
            "key import: give exactly one of --private-key-file, --keystore-file, "
            "--mnemonic-file");
    if ((vm->count("index") || vm->count("mnemonic-passphrase-file")) &&
        !vm->count("mnemonic-file"))
        throw usage_error(
            "key import: --index and --mnemonic-passphrase-file need --mnemonic-file");
    check_name_free(ctx, name);

    std::optional<SecretKeyHolder> key;
    std::optional<SecretString> password;
    std::string source;
    if (vm->count("private-key-file")) {
        const auto path = (*vm)["private-key-file"].as<std::string>();
        SecretString text = read_secret_file(path, "--private-key-file");
        key.emplace(parse_private_key(text.view(), path));
        source = "private key";
    } else if (vm->count("keystore-file")) {
        const auto path = (*vm)["keystore-file"].as<std::string>();
        SecretString text = read_secret_file(path, "--keystore-file");
        json theirs = json::parse(text.view(), nullptr, /*allow_exceptions=*/false);
        if (theirs.is_discarded() || !theirs.is_object())
            throw key_error("--keystore-file: " + path + " is not keystore JSON");
        password.emplace(ctx.passwords().existing(path));
        key.emplace(decrypt_keystore(theirs, password->view(), path));
        source = "keystore file";
    } else {
        const auto path = (*vm)["mnemonic-file"].as<std::string>();
        std::uint64_t index = vm->count("index") ? parse_count((*vm)["index"].as<std::string>(),
                                                               "--index", HARDENED - 1)
                                                 : 0;
        SecretString phrase = read_secret_file(path, "--mnemonic-file");
        SecretString passphrase;
        if (vm->count("mnemonic-passphrase-file"))
            passphrase = read_password_file((*vm)["mnemonic-passphrase-file"].as<std::string>());
        const std::string hd_path = ethereum_path(static_cast<std::uint32_t>(index));
        key.emplace(derive_from_mnemonic(phrase.view(), passphrase.view(), hd_path));
        source = "mnemonic " + hd_path;
    }
    if (!password) password.emplace(ctx.passwords().fresh(name));
    json ks = encrypt_keystore(key->key(), password->view(), default_scrypt_params());
    KeyEntry e = ctx.keys().store(name, ks);
    json j = entry_json(e);
    j["source"] = source;
    ctx.print(j, entry_text("Imported key " + e.name, e) + "  from    " + source + "\n");
    return 0;
}

int key_list(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{
        "key list", "key list", "Lists the keys of the keystore directory.", {"Options", 100}, {}};
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    std::vector<std::string> skipped;
    auto entries = ctx.keys().list(&skipped);
    for (const auto& s : skipped)
        ctx.warn("skipped " + s + ": not a keystore file with an address");
    json j = json::array();
    std::string text;
    for (const auto& e : entries) {
        j.push_back({{"name", e.name}, {"address", ledger::to_checksum(e.address)}});
        text += e.name + "  " + ledger::to_checksum(e.address) + "\n";
    }
    if (entries.empty()) text = "no keys in " + ctx.keys().path().string() + "\n";
    ctx.print(j, text);
    return 0;
}

int key_show(CliContext& ctx, const std::vector<std::string>& args)
{
    CommandSpec spec{"key show",
                     "key show NAME",
                     "Shows a key's address and file (never the secret).",
                     {"Options", 100},
                     {}};
    spec.options.add_options()("name", po::value<std::string>()->required(), "name of the key");
    spec.positional.add("name", 1);
    auto vm = parse_command(ctx, spec, args);
    if (!vm) return 0;
    const auto name = (*vm)["name"].as<std::string>();
    KeyDir::validate_name(name);
    KeyEntry e = ctx.keys().find(name);
    ctx.print(entry_json(e), entry_text(e.name, e));
    return 0;
}

}  // namespace

std::vector<CommandEntry> key_commands()
{
    return {{"key new", "create a random key in the keystore", key_new},
            {"key import", "import a private key, keystore file or mnemonic account", key_import},
            {"key list", "list the keys (name and address)", key_list},
            {"key show", "show a key's address and file", key_show}};
}

}  // namespace aif::wallet
