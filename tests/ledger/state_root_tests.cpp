// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// prepare_root must predict exactly the root a plain apply gives (it is what the node signs
// before the state switches).
#include "ledger/state.hpp"

#include <boost/test/unit_test.hpp>

#include <random>

using namespace aif::ledger;

BOOST_AUTO_TEST_SUITE(state_root_tests)

BOOST_AUTO_TEST_CASE(prepared_root_equals_applied_root)
{
    std::mt19937_64 rng(7);
    State predicted, reference;
    for (int i = 0; i < 3000; ++i) {
        std::string k = "k/" + std::to_string(rng() % 5000), v = std::to_string(rng());
        predicted.load(k, v);
        reference.load(k, v);
    }
    BOOST_REQUIRE(predicted.root() == reference.root());
    for (int round = 0; round < 40; ++round) {
        ChangeSet cs;
        const int n = 1 + static_cast<int>(rng() % 400);
        for (int i = 0; i < n; ++i) {
            std::string k = "k/" + std::to_string(rng() % 6000);
            if (rng() % 4 == 0)
                cs[k] = std::nullopt;  // delete (possibly a key that does not exist)
            else
                cs[k] = std::to_string(rng());
        }
        auto pending = predicted.prepare_root(cs);
        reference.apply(cs);
        BOOST_REQUIRE(pending.root == reference.root());
        predicted.apply(cs, std::move(pending));
        BOOST_REQUIRE(predicted.root() == reference.root());
        BOOST_REQUIRE_EQUAL(predicted.size(), reference.size());
        // The installed root is prepare_root's; the entries themselves are apply's writes
        // (through the places prepare_root found): check them too.
        for (const auto& [k, v] : cs) BOOST_REQUIRE(predicted.get(k) == reference.get(k));
    }
}

BOOST_AUTO_TEST_CASE(deleting_everything_gives_the_empty_root)
{
    State s;
    const Hash32 empty = s.root();
    s.load("a", "1");
    s.load("b", "2");
    BOOST_REQUIRE(s.root() != empty);
    ChangeSet cs{{"a", std::nullopt}, {"b", std::nullopt}};
    auto pending = s.prepare_root(cs);
    BOOST_CHECK(pending.root == empty);
    s.apply(cs, std::move(pending));
    BOOST_CHECK(s.root() == empty);
    BOOST_CHECK_EQUAL(s.size(), 0u);
}

BOOST_AUTO_TEST_CASE(prepare_does_not_touch_the_state)
{
    State s;
    s.load("a", "1");
    const Hash32 r = s.root();
    (void)s.prepare_root(ChangeSet{{"a", std::string{"2"}}, {"c", std::string{"3"}}});
    BOOST_CHECK(s.root() == r);
    BOOST_CHECK_EQUAL(*s.get("a"), "1");
    BOOST_CHECK(!s.get("c"));
}

BOOST_AUTO_TEST_SUITE_END()
