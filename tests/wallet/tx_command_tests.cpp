// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// The shared transaction path (wallet/tx_command.hpp) without a node: each command group's wait
// default, the three ways a result is reported, and reading receipts. cli_tests.cpp and
// tests/interop drive the whole path against a fake and a real node.
#include "wallet/tx_command.hpp"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace aif::wallet;
using nlohmann::json;

namespace {

const std::string HASH = "0x" + std::string(64, 'a');

struct TxCommandFixture
{
    std::ostringstream out;
    std::ostringstream err;

    CliContext context(bool json_output)
    {
        GlobalOptions g;
        g.keystore = "/nonexistent";
        g.json = json_output;
        return CliContext{g, out, err};
    }

    /// Parses `args` against a spec holding only the transaction options.
    po::variables_map parse(TxWait wait, const std::vector<std::string>& args)
    {
        CliContext ctx = context(false);
        CommandSpec spec{"test", "test", "", {"Options", 100}, {}};
        add_tx_options(spec, wait);
        std::vector<std::string> all = {"--from", "dev0"};
        all.insert(all.end(), args.begin(), args.end());
        auto vm = parse_command(ctx, spec, all);
        BOOST_REQUIRE(vm);
        return *vm;
    }

    json committed() const
    {
        return {
            {"status", "committed"},
            {"height", 6},
            {"hash", HASH},
            {"events", json::array({{{"name", "Fee"}, {"attrs", {{"amount", "1000"}}}},
                                    {{"name", "OrderPlaced"}, {"attrs", {{"orderId", 3}}}},
                                    {{"name", "OrderPlaced"}, {"attrs", {{"orderId", "4"}}}}})}};
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tx_command_tests, TxCommandFixture)

BOOST_AUTO_TEST_CASE(wait_defaults_follow_the_command_group)
{
    // transfer, send and the festival commands wait only when asked.
    BOOST_CHECK(!wait_requested(parse(TxWait::on_request, {})));
    BOOST_CHECK(wait_requested(parse(TxWait::on_request, {"--wait"})));
    BOOST_CHECK_THROW((void)parse(TxWait::on_request, {"--no-wait"}), WalletError);
    // dao and market wait unless told not to; --no-wait wins over --wait.
    BOOST_CHECK(wait_requested(parse(TxWait::by_default, {})));
    BOOST_CHECK(wait_requested(parse(TxWait::by_default, {"--wait"})));
    BOOST_CHECK(!wait_requested(parse(TxWait::by_default, {"--no-wait"})));
    BOOST_CHECK(!wait_requested(parse(TxWait::by_default, {"--no-wait", "--wait"})));
    BOOST_CHECK_EQUAL(
        parse(TxWait::by_default, {"--timeout", "5", "--fee", "0.1"})["timeout"].as<std::string>(),
        "5");
}

BOOST_AUTO_TEST_CASE(pending_result_prints_the_hash)
{
    CliContext text = context(false);
    BOOST_CHECK_EQUAL(report_tx(text, {{"hash", HASH}, {"status", "pending"}}), 0);
    BOOST_CHECK_EQUAL(out.str(), "sent " + HASH + "\n");
    out.str("");
    CliContext js = context(true);
    BOOST_CHECK_EQUAL(
        report_tx(js, {{"hash", HASH}, {"status", "pending"}}, summary_with_hash("x")), 0);
    BOOST_CHECK_EQUAL(json::parse(out.str()), json({{"hash", HASH}, {"status", "pending"}}));
}

BOOST_AUTO_TEST_CASE(committed_result_in_each_style)
{
    CliContext text = context(false);
    // transfer/send: the tx_get answer as "key: value" lines.
    BOOST_CHECK_EQUAL(report_tx(text, committed()), 0);
    BOOST_CHECK(out.str().find("hash:   " + HASH + "\n") != std::string::npos);
    BOOST_CHECK(out.str().find("status: committed\n") != std::string::npos);
    out.str("");
    // festival: "TEXT (tx HASH)".
    BOOST_CHECK_EQUAL(report_tx(text, committed(), summary_with_hash("film 7 submitted")), 0);
    BOOST_CHECK_EQUAL(out.str(), "film 7 submitted (tx " + HASH + ")\n");
    out.str("");
    // dao/market: the summary's lines, then "tx HASH in block HEIGHT".
    const auto lines = [](json& o) {
        o["orderId"] = 4;
        return std::string{"order 4\n"};
    };
    BOOST_CHECK_EQUAL(report_tx(text, committed(), summary_with_block(lines)), 0);
    BOOST_CHECK_EQUAL(out.str(), "order 4\ntx " + HASH + " in block 6\n");
    out.str("");

    // With --json the summary's additions are in the printed answer.
    CliContext js = context(true);
    BOOST_CHECK_EQUAL(report_tx(js, committed(), summary_with_hash("x", {{"filmId", 7}})), 0);
    json j = json::parse(out.str());
    BOOST_CHECK_EQUAL(j["filmId"], 7);
    BOOST_CHECK_EQUAL(j["hash"], HASH);
    out.str("");
    BOOST_CHECK_EQUAL(report_tx(js, committed(), summary_with_block(lines)), 0);
    j = json::parse(out.str());
    BOOST_CHECK_EQUAL(j["orderId"], 4);
    BOOST_CHECK_EQUAL(j["height"], 6);
    BOOST_CHECK(err.str().empty());
}

BOOST_AUTO_TEST_CASE(rejected_result_exits_3_in_every_style)
{
    const json rejected = {
        {"status", "rejected"}, {"height", 6}, {"hash", HASH}, {"error", "not_found: film 9"}};
    for (const TxSummary& summary :
         {TxSummary{}, summary_with_hash("never"),
          summary_with_block([](json&) { return std::string{"never\n"}; })}) {
        out.str("");
        err.str("");
        CliContext js = context(true);
        BOOST_CHECK_EQUAL(report_tx(js, rejected, summary), 3);
        const json j = json::parse(out.str());
        BOOST_CHECK_EQUAL(j["status"], "rejected");
        BOOST_CHECK_EQUAL(j["error"]["reason"], "not_found");
        BOOST_CHECK_EQUAL(j["error"]["txError"], "not_found: film 9");
        BOOST_CHECK_EQUAL(err.str(), "error: transaction rejected: not_found: film 9\n");
        BOOST_CHECK(out.str().find("never") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(reading_event_attributes)
{
    const json tx = committed();
    BOOST_CHECK_EQUAL(event_attrs(tx, "Fee"), json({{"amount", "1000"}}));
    BOOST_CHECK_EQUAL(event_attrs(tx, "Missing"), json::object());
    // The first event that has the attribute as a string.
    BOOST_CHECK_EQUAL(event_attr(tx, "OrderPlaced", "orderId"), "4");
    BOOST_CHECK_EQUAL(event_attr(tx, "Fee", "amount"), "1000");
    BOOST_CHECK_EQUAL(event_attr(tx, "Fee", "nothing"), "");
    BOOST_CHECK_EQUAL(event_attr(json::object(), "Fee", "amount"), "");
    BOOST_CHECK_EQUAL(event_attr({{"events", "not a list"}}, "Fee", "amount"), "");
}

BOOST_AUTO_TEST_CASE(count_option_names_the_flag)
{
    const auto vm = parse(TxWait::on_request, {"--nonce", "12"});
    BOOST_CHECK_EQUAL(count_option(vm, "nonce"), 12u);
    BOOST_CHECK_EXCEPTION((void)count_option(vm, "nonce", 5), WalletError,
                          [](const WalletError& e) {
                              return e.code() == ExitCode::usage &&
                                     std::string{e.what()}.find("--nonce") != std::string::npos;
                          });
    const WalletError e = insufficient_balance("short");
    BOOST_CHECK(e.code() == ExitCode::refused);
    BOOST_CHECK_EQUAL(e.to_json()["reason"], "insufficient_balance");
}

BOOST_AUTO_TEST_SUITE_END()
