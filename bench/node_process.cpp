// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "bench/node_process.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <csignal>
#include <fstream>
#include <iterator>
#include <sstream>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace aif::bench {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

NodeProcess::NodeProcess(const std::string& binary, std::vector<std::string> args,
                         std::chrono::seconds timeout)
{
    args.insert(args.begin(), binary);
    args.push_back("--rpc-addr");
    args.push_back("127.0.0.1:0");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    const auto t0 = std::chrono::steady_clock::now();
    if (posix_spawn(&m_pid, binary.c_str(), &fa, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("cannot start " + binary);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    m_out = fds[0];
    std::string buf;
    const std::string marker = "RPC listening on http://127.0.0.1:";
    while (std::chrono::steady_clock::now() - t0 < timeout) {
        pollfd p{m_out, POLLIN, 0};
        if (poll(&p, 1, 100) > 0) {
            char chunk[4096];
            ssize_t n = read(m_out, chunk, sizeof(chunk));
            if (n <= 0) throw std::runtime_error("aif-node exited during start-up:\n" + buf);
            buf.append(chunk, static_cast<std::size_t>(n));
            auto pos = buf.find(marker);
            if (pos != std::string::npos) {
                auto end = buf.find_first_not_of("0123456789", pos + marker.size());
                if (end != std::string::npos) {
                    m_port = static_cast<std::uint16_t>(
                        std::stoi(buf.substr(pos + marker.size(), end - pos - marker.size())));
                    m_startup = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                    return;
                }
            }
        }
    }
    stop();
    throw std::runtime_error("aif-node did not start in time:\n" + buf);
}

NodeProcess::~NodeProcess()
{
    stop();
}

double NodeProcess::cpu_seconds() const
{
    // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks; the command name
    // (field 2) is parenthesised and may hold spaces, so count from its closing parenthesis.
    std::ifstream in("/proc/" + std::to_string(m_pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    unsigned long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stoul(field);
        if (i == 15) stime = std::stoul(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long NodeProcess::peak_rss_kib() const
{
    std::ifstream in("/proc/" + std::to_string(m_pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

void NodeProcess::stop()
{
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        int st = 0;
        waitpid(m_pid, &st, 0);
        m_pid = -1;
    }
    if (m_out >= 0) {
        close(m_out);
        m_out = -1;
    }
}

struct RpcConnection::Impl
{
    net::io_context io;
    beast::tcp_stream stream{io};
    beast::flat_buffer buffer;
    std::uint64_t next_id{1};
};

RpcConnection::RpcConnection(std::uint16_t port) : m_impl(new Impl)
{
    net::ip::tcp::endpoint ep(net::ip::make_address("127.0.0.1"), port);
    m_impl->stream.connect(ep);
    m_impl->stream.socket().set_option(net::ip::tcp::no_delay(true));
}

RpcConnection::~RpcConnection()
{
    beast::error_code ec;
    m_impl->stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
    delete m_impl;
}

std::string RpcConnection::post(const std::string& body)
{
    http::request<http::string_body> req{http::verb::post, "/", 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    req.keep_alive(true);
    req.body() = body;
    req.prepare_payload();
    http::write(m_impl->stream, req);
    http::response_parser<http::string_body> parser;
    parser.body_limit(1ULL << 30);
    http::read(m_impl->stream, m_impl->buffer, parser);
    return parser.release().body();
}

nlohmann::json RpcConnection::call(const std::string& method, const nlohmann::json& params)
{
    nlohmann::json req{{"jsonrpc", "2.0"}, {"id", m_impl->next_id++}, {"method", method}, {"params", params}};
    auto res = nlohmann::json::parse(post(req.dump()));
    if (res.contains("error")) throw std::runtime_error(method + ": " + res["error"].dump());
    return res["result"];
}

}  // namespace aif::bench
