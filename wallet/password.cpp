// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "wallet/password.hpp"

#include "wallet/errors.hpp"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace aif::wallet {

namespace {

/// Longest password line we read; longer input is almost certainly the wrong file.
constexpr std::size_t MAX_PASSWORD = 4096;

// Terminal state to restore from a signal handler (async-signal-safe: tcsetattr is).
volatile std::sig_atomic_t g_tty_saved = 0;
int g_tty_fd = -1;
termios g_tty_old{};

extern "C" void restore_tty_and_reraise(int sig)
{
    if (g_tty_saved) ::tcsetattr(g_tty_fd, TCSAFLUSH, &g_tty_old);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

/// Echo off for the lifetime of the object; restores the terminal and signal handlers.
class EchoOff
{
public:
    explicit EchoOff(int fd) : m_fd(fd)
    {
        if (::tcgetattr(fd, &m_old) != 0) return;
        g_tty_fd = fd;
        g_tty_old = m_old;
        g_tty_saved = 1;
        m_old_int = std::signal(SIGINT, restore_tty_and_reraise);
        m_old_term = std::signal(SIGTERM, restore_tty_and_reraise);
        termios t = m_old;
        t.c_lflag &= static_cast<tcflag_t>(~(ECHO | ECHOE | ECHOK | ECHONL));
        // If this fails the terminal cannot hide input; reading still works.
        (void)::tcsetattr(fd, TCSAFLUSH, &t);
    }
    ~EchoOff()
    {
        if (g_tty_saved) ::tcsetattr(m_fd, TCSAFLUSH, &m_old);
        g_tty_saved = 0;
        if (m_old_int != SIG_ERR) std::signal(SIGINT, m_old_int);
        if (m_old_term != SIG_ERR) std::signal(SIGTERM, m_old_term);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int m_fd;
    termios m_old{};
    void (*m_old_int)(int){SIG_ERR};
    void (*m_old_term)(int){SIG_ERR};
};

/// Closes a file descriptor.
class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const noexcept { return m_fd; }

private:
    int m_fd;
};

void write_tty(int fd, std::string_view s)
{
    while (!s.empty()) {
        ssize_t n = ::write(fd, s.data(), s.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        s.remove_prefix(static_cast<std::size_t>(n));
    }
}

}  // namespace

SecretString read_password_file(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw usage_error("--password-file: cannot read " + file.string());
    std::string line;
    char c = 0;
    while (in.get(c) && c != '\n') {
        line += c;
        if (line.size() > MAX_PASSWORD) {
            SecretString wipe{std::move(line)};
            throw usage_error("--password-file: first line of " + file.string() + " is too long");
        }
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return SecretString{std::move(line)};
}

SecretString prompt_password(std::string_view prompt)
{
    Fd tty(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (tty.get() < 0 || !::isatty(tty.get()))
        throw usage_error("no terminal to ask for a password; pass --password-file FILE");
    std::string line;
    {
        EchoOff echo_off(tty.get());
        write_tty(tty.get(), prompt);
        char c = 0;
        for (;;) {
            ssize_t n = ::read(tty.get(), &c, 1);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0 || c == '\n') break;
            if (line.size() < MAX_PASSWORD) line += c;
        }
        write_tty(tty.get(), "\n");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return SecretString{std::move(line)};
}

SecretString PasswordSource::existing(std::string_view key_name) const
{
    if (m_file) return read_password_file(*m_file);
    return prompt_password("Password for key " + std::string{key_name} + ": ");
}

SecretString PasswordSource::fresh(std::string_view key_name) const
{
    if (m_file) return read_password_file(*m_file);
    SecretString first = prompt_password("New password for key " + std::string{key_name} + ": ");
    SecretString second = prompt_password("Repeat the password: ");
    if (first.view() != second.view()) throw usage_error("the two passwords differ");
    return first;
}

}  // namespace aif::wallet
