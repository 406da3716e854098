// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/state.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

using namespace aif::ledger;

BOOST_AUTO_TEST_SUITE(state_tests)

BOOST_AUTO_TEST_CASE(root_is_independent_of_insertion_order)
{
    std::vector<std::pair<std::string, std::string>> kv;
    for (int i = 0; i < 500; ++i) kv.emplace_back("key/" + std::to_string(i), "v" + std::to_string(i * 7));
    State a, b;
    for (const auto& [k, v] : kv) a.load(k, v);
    std::mt19937 rng(42);
    std::shuffle(kv.begin(), kv.end(), rng);
    ChangeSet cs;
    for (const auto& [k, v] : kv) cs.emplace(k, v);
    b.apply(cs);
    BOOST_CHECK(a.root() == b.root());
    BOOST_CHECK(!a.root().is_zero());
}

BOOST_AUTO_TEST_CASE(root_commits_to_every_entry)
{
    State s;
    s.load("a", "1");
    s.load("b", "2");
    const Hash32 r0 = s.root();
    s.apply(ChangeSet{{"b", std::string{"3"}}});
    const Hash32 r1 = s.root();
    BOOST_CHECK(r0 != r1);
    s.apply(ChangeSet{{"b", std::string{"2"}}});
    BOOST_CHECK(s.root() == r0);
    s.apply(ChangeSet{{"c", std::string{""}}});
    BOOST_CHECK(s.root() != r0);  // an empty value is still an entry
    s.apply(ChangeSet{{"c", std::nullopt}});
    BOOST_CHECK(s.root() == r0);
    // Key/value boundary is unambiguous: ("ab","c") differs from ("a","bc").
    State x, y;
    x.load("ab", "c");
    y.load("a", "bc");
    BOOST_CHECK(x.root() != y.root());
    BOOST_CHECK(State{}.root() != r0);
}

BOOST_AUTO_TEST_CASE(overlay_reads_writes_and_rolls_back)
{
    State base;
    base.load("k1", "base1");
    base.load("k2", "base2");
    StateOverlay o{base};
    BOOST_CHECK_EQUAL(*o.get("k1"), "base1");
    o.put("k1", "new1");
    const auto cp = o.checkpoint();
    o.erase("k2");
    o.put("k3", "new3");
    BOOST_CHECK(!o.get("k2"));
    BOOST_CHECK_EQUAL(*o.get("k3"), "new3");
    o.rollback(cp);
    BOOST_CHECK_EQUAL(*o.get("k2"), "base2");
    BOOST_CHECK(!o.get("k3"));
    BOOST_CHECK_EQUAL(*o.get("k1"), "new1");
    BOOST_CHECK_EQUAL(o.changes().size(), 1u);
    o.rollback(0);
    BOOST_CHECK(o.changes().empty());
    BOOST_CHECK_EQUAL(*o.get("k1"), "base1");
}

BOOST_AUTO_TEST_CASE(overlay_scan_merges_in_order)
{
    State base;
    base.load("p/a", "1");
    base.load("p/c", "3");
    base.load("p/e", "5");
    base.load("q/z", "9");
    StateOverlay o{base};
    o.put("p/b", "2");
    o.erase("p/c");
    o.put("p/e", "55");
    o.put("p/f", "6");
    std::vector<std::string> seen;
    o.scan("p/", [&](std::string_view k, std::string_view v) {
        seen.push_back(std::string{k} + "=" + std::string{v});
        return true;
    });
    std::vector<std::string> want{"p/a=1", "p/b=2", "p/e=55", "p/f=6"};
    BOOST_CHECK_EQUAL_COLLECTIONS(seen.begin(), seen.end(), want.begin(), want.end());
    int n = 0;
    o.scan("p/", [&](std::string_view, std::string_view) { return ++n < 2; });
    BOOST_CHECK_EQUAL(n, 2);
}

BOOST_AUTO_TEST_CASE(int_codecs)
{
    BOOST_CHECK(decode_u64(encode_u64(0x0102030405060708ULL)) == 0x0102030405060708ULL);
    const u128 big = (u128{1} << 127) + 5;
    BOOST_CHECK(decode_u128(encode_u128(big)) == big);
    BOOST_CHECK(!decode_u64("short"));
    BOOST_CHECK(!decode_u128("short"));
}

BOOST_AUTO_TEST_SUITE_END()
