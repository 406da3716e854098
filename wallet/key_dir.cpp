// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/key_dir.hpp"

#include "wallet/errors.hpp"
#include "wallet/keystore.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace aif::wallet {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t MAX_NAME = 64;
/// A keystore file is about 500 bytes; anything far larger is not one.
constexpr std::uintmax_t MAX_FILE = 64 * 1024;

std::string sys_error(const std::string& what, const fs::path& p)
{
    return what + " " + p.string() + ": " + std::strerror(errno);
}

bool valid_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

/// Reads and parses one keystore file; throws WalletError(key).
json read_json_file(const fs::path& p)
{
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    if (ec) throw key_error("cannot read " + p.string() + ": " + ec.message());
    if (size > MAX_FILE) throw key_error(p.string() + " is too large to be a keystore file");
    std::ifstream in(p, std::ios::binary);
    if (!in) throw key_error(sys_error("cannot open", p));
    std::stringstream ss;
    ss << in.rdbuf();
    json j = json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) throw key_error(p.string() + " is not keystore JSON");
    return j;
}

void write_all(int fd, const std::string& data, const fs::path& p)
{
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw key_error(sys_error("cannot write", p));
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

fs::path KeyDir::default_path()
{
    const char* home = std::getenv("HOME");
    std::string h = home && *home ? home : "";
    if (h.empty())
        if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) h = pw->pw_dir;
    if (h.empty()) throw usage_error("cannot find the home directory; pass --keystore DIR");
    return fs::path(h) / ".aifchain" / "keystore";
}

void KeyDir::validate_name(std::string_view name)
{
    bool ok = !name.empty() && name.size() <= MAX_NAME && name != "." && name != "..";
    for (char c : name) ok = ok && valid_name_char(c);
    if (!ok)
        throw usage_error("invalid key name '" + std::string{name} +
                          "': use 1 to 64 of A-Z a-z 0-9 _ . -");
}

fs::path KeyDir::file_of(std::string_view name) const
{
    validate_name(name);
    return m_dir / (std::string{name} + ".json");
}

void KeyDir::ensure_dir() const
{
    // mkdir each missing component with 0700 so there is no window with looser permissions.
    fs::path cur;
    for (const auto& part : fs::absolute(m_dir)) {
        cur /= part;
        if (::mkdir(cur.c_str(), 0700) != 0 && errno != EEXIST)
            throw key_error(sys_error("cannot create keystore directory", cur));
    }
    struct stat st
    {};
    if (::stat(m_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw key_error("keystore path " + m_dir.string() + " is not a directory");
}

std::vector<KeyEntry> KeyDir::list(std::vector<std::string>* skipped) const
{
    std::vector<KeyEntry> out;
    std::error_code ec;
    if (!fs::exists(m_dir, ec)) return out;
    fs::directory_iterator it(m_dir, ec);
    if (ec)
        throw key_error("cannot read keystore directory " + m_dir.string() + ": " + ec.message());
    for (const auto& e : it) {
        const fs::path& p = e.path();
        if (p.extension() != ".json" || !e.is_regular_file(ec)) continue;
        std::string name = p.stem().string();
        try {
            validate_name(name);
            json j = read_json_file(p);
            auto addr = keystore_address(j);
            if (!addr) throw key_error("no address");
            out.push_back({name, *addr, p});
        } catch (const WalletError&) {
            if (skipped) skipped->push_back(p.filename().string());
        }
    }
    std::sort(out.begin(), out.end(),
              [](const KeyEntry& a, const KeyEntry& b) { return a.name < b.name; });
    return out;
}

std::optional<KeyEntry> KeyDir::try_find(std::string_view name) const
{
    fs::path p = file_of(name);
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    json j = read_json_file(p);
    auto addr = keystore_address(j);
    if (!addr) throw key_error("keystore file " + p.string() + " has no valid address field");
    return KeyEntry{std::string{name}, *addr, p};
}

KeyEntry KeyDir::find(std::string_view name) const
{
    auto e = try_find(name);
    if (!e)
        throw key_error("unknown key " + std::string{name} + " (no " + file_of(name).string() +
                        ")");
    return *e;
}

json KeyDir::load(std::string_view name) const
{
    return read_json_file(find(name).file);
}

SecretKeyHolder KeyDir::unlock(std::string_view name, std::string_view password) const
{
    return decrypt_keystore(load(name), password, name);
}

KeyEntry KeyDir::store(std::string_view name, const json& keystore) const
{
    fs::path final_path = file_of(name);
    auto addr = keystore_address(keystore);
    if (!addr) throw key_error("internal: keystore without address");
    ensure_dir();
    std::error_code ec;
    if (fs::exists(final_path, ec))
        throw key_error("key " + std::string{name} + " already exists (" + final_path.string() +
                        "); choose another --name");

    fs::path tmp = m_dir / ("." + std::string{name} + ".json." + random_uuid_v4() + ".tmp");
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) throw key_error(sys_error("cannot create", tmp));
    try {
        if (::fchmod(fd, 0600) != 0) throw key_error(sys_error("cannot chmod", tmp));
        write_all(fd, keystore.dump(2) + "\n", tmp);
        if (::fsync(fd) != 0) throw key_error(sys_error("cannot sync", tmp));
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    ::close(fd);
    // link() fails with EEXIST instead of replacing: a concurrent `key new` with the same name
    // cannot clobber the other's key.
    if (::link(tmp.c_str(), final_path.c_str()) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        if (saved == EEXIST)
            throw key_error("key " + std::string{name} + " already exists (" + final_path.string() +
                            "); choose another --name");
        throw key_error(sys_error("cannot create", final_path));
    }
    ::unlink(tmp.c_str());
    if (int dfd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return KeyEntry{std::string{name}, *addr, final_path};
}

}  // namespace aif::wallet
