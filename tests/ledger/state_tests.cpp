// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/counting_view.hpp"
#include "ledger/crypto.hpp"
#include "ledger/state.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>

using namespace aif::ledger;

BOOST_AUTO_TEST_SUITE(state_tests)

BOOST_AUTO_TEST_CASE(root_is_independent_of_insertion_order)
{
    std::vector<std::pair<std::string, std::string>> kv;
    for (int i = 0; i < 500; ++i)
        kv.emplace_back("key/" + std::to_string(i), "v" + std::to_string(i * 7));
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

/// The root as docs/protocol.md builds it, written out here from the description alone: one
/// entry's leaf, its bucket's hash, then eight levels of four children each where every
/// sibling is an empty subtree.
Hash32 documented_root_of_one_entry(std::string_view key, std::string_view value)
{
    std::array<std::uint8_t, 64> leaf_input{};
    BOOST_REQUIRE(4 + key.size() + value.size() <= leaf_input.size());
    leaf_input[3] = static_cast<std::uint8_t>(key.size());
    std::memcpy(leaf_input.data() + 4, key.data(), key.size());
    std::memcpy(leaf_input.data() + 4 + key.size(), value.data(), value.size());
    const Hash32 leaf = keccak256(ByteView{leaf_input.data(), 4 + key.size() + value.size()});
    const Hash32 kh = keccak256(key);
    std::uint32_t position = (static_cast<std::uint32_t>(kh.bytes[0]) << 8) | kh.bytes[1];
    Hash32 node = keccak256(ByteView{leaf.data(), 32});  // the bucket: its one leaf
    Hash32 empty{};                                      // an empty bucket, then empty subtrees
    for (int level = 0; level < 8; ++level) {
        std::array<std::uint8_t, 128> group{}, empties{};
        for (std::uint32_t c = 0; c < 4; ++c) {
            std::memcpy(group.data() + 32 * c, (c == position % 4 ? node : empty).data(), 32);
            std::memcpy(empties.data() + 32 * c, empty.data(), 32);
        }
        node = keccak256(ByteView{group.data(), group.size()});
        empty = keccak256(ByteView{empties.data(), empties.size()});
        position /= 4;
    }
    return node;
}

BOOST_AUTO_TEST_CASE(root_follows_the_documented_construction)
{
    for (const char* key : {"acct/n/x", "a", "festival/film/0001"}) {
        State s;
        s.load(key, "value");
        BOOST_CHECK(s.root() == documented_root_of_one_entry(key, "value"));
        // prepare_root over an empty state takes the other path through the tree.
        State t;
        (void)t.root();
        BOOST_CHECK(t.prepare_root(ChangeSet{{key, std::string{"value"}}}).root ==
                    documented_root_of_one_entry(key, "value"));
    }
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

BOOST_AUTO_TEST_CASE(find_reads_without_copying_through_layers)
{
    // find() is get() without the copy: the same answer through the overlay and its base,
    // including a deletion in the overlay hiding the base's value.
    State base;
    base.load("k1", "base1");
    base.load("k2", "base2");
    StateOverlay o{base};
    o.put("k1", "new1");
    o.erase("k2");
    o.put("k3", "new3");
    BOOST_REQUIRE(base.find("k1"));
    BOOST_CHECK_EQUAL(*base.find("k1"), "base1");
    BOOST_CHECK(base.find("k1") == base.find("k1"));  // the stored value itself, not a copy
    BOOST_CHECK_EQUAL(*o.find("k1"), "new1");
    BOOST_CHECK(o.find("k2") == nullptr);
    BOOST_CHECK_EQUAL(*o.find("k3"), "new3");
    BOOST_CHECK(o.find("k4") == nullptr);
    StateOverlay top{static_cast<const StateView&>(o)};
    BOOST_CHECK_EQUAL(*top.find("k1"), "new1");
    BOOST_CHECK(top.find("k2") == nullptr);
    BOOST_CHECK(top.find("k3") == o.find("k3"));  // read through to the layer below
    for (const char* k : {"k1", "k2", "k3", "k4"}) {
        const std::string* f = top.find(k);
        const auto g = top.get(k);
        BOOST_CHECK_EQUAL(f != nullptr, g.has_value());
        if (f && g) BOOST_CHECK_EQUAL(*f, *g);
    }
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

namespace {

/// Collects "key=value" strings of a scan.
std::vector<std::string> collect(const StateView& v, std::string_view prefix,
                                 std::string_view start, std::size_t limit = SIZE_MAX)
{
    std::vector<std::string> out;
    v.scan_from(prefix, start, [&](std::string_view k, std::string_view val) {
        out.push_back(std::string{k} + "=" + std::string{val});
        return out.size() < limit;
    });
    return out;
}

std::string key_of(int i)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "b/%06d", i);
    return buf;
}

}  // namespace

BOOST_AUTO_TEST_CASE(state_scan_from_starts_at_the_first_key_not_below_start)
{
    State s;
    for (const char* k : {"a/1", "p/a", "p/c", "p/e", "q/z"}) s.load(k, "v");
    using V = std::vector<std::string>;
    const V from_b = collect(s, "p/", "p/b"), want_b{"p/c=v", "p/e=v"};
    BOOST_CHECK_EQUAL_COLLECTIONS(from_b.begin(), from_b.end(), want_b.begin(), want_b.end());
    const V from_c = collect(s, "p/", "p/c"), want_c{"p/c=v", "p/e=v"};
    BOOST_CHECK_EQUAL_COLLECTIONS(from_c.begin(), from_c.end(), want_c.begin(), want_c.end());
    // A start below the prefix means the whole prefix; one past it, nothing.
    BOOST_CHECK_EQUAL(collect(s, "p/", "a").size(), 3u);
    BOOST_CHECK(collect(s, "p/", "p/f").empty());
    BOOST_CHECK(collect(s, "p/", "q").empty());
    // The default StateView::scan_from (for other views) gives the same answer.
    struct Plain final : StateView
    {
        const State& s;
        explicit Plain(const State& st) : s(st) {}
        const std::string* find(std::string_view k) const override { return s.find(k); }
        void scan(std::string_view p, const ScanFn& fn) const override { s.scan(p, fn); }
    } plain{s};
    const V via_default = collect(plain, "p/", "p/b");
    BOOST_CHECK_EQUAL_COLLECTIONS(via_default.begin(), via_default.end(), want_b.begin(),
                                  want_b.end());
}

BOOST_AUTO_TEST_CASE(overlay_scan_from_merges_writes_and_deletions)
{
    State base;
    for (const char* k : {"p/a", "p/c", "p/e", "p/g"}) base.load(k, "b");
    StateOverlay o{base};
    o.put("p/b", "w");
    o.erase("p/c");
    o.put("p/e", "w");
    o.put("p/h", "w");
    o.erase("p/zz");  // deletion of a key the base never had
    using V = std::vector<std::string>;
    const V all = collect(o, "p/", "p/"), want_all{"p/a=b", "p/b=w", "p/e=w", "p/g=b", "p/h=w"};
    BOOST_CHECK_EQUAL_COLLECTIONS(all.begin(), all.end(), want_all.begin(), want_all.end());
    const V mid = collect(o, "p/", "p/c"), want_mid{"p/e=w", "p/g=b", "p/h=w"};
    BOOST_CHECK_EQUAL_COLLECTIONS(mid.begin(), mid.end(), want_mid.begin(), want_mid.end());
    const V two = collect(o, "p/", "p/b", 2), want_two{"p/b=w", "p/e=w"};
    BOOST_CHECK_EQUAL_COLLECTIONS(two.begin(), two.end(), want_two.begin(), want_two.end());
    // A write-only tail after the base's range is still shown, and the stop is honoured there.
    const V tail = collect(o, "p/", "p/ga", 1), want_tail{"p/h=w"};
    BOOST_CHECK_EQUAL_COLLECTIONS(tail.begin(), tail.end(), want_tail.begin(), want_tail.end());
    // Stacked overlays merge each layer in turn. (Through a StateView reference: StateOverlay's
    // implicit copy constructor would copy `o` instead of layering over it.)
    StateOverlay o2{static_cast<const StateView&>(o)};
    o2.erase("p/e");
    o2.put("p/f", "w2");
    const V stacked = collect(o2, "p/", "p/c"), want_st{"p/f=w2", "p/g=b", "p/h=w"};
    BOOST_CHECK_EQUAL_COLLECTIONS(stacked.begin(), stacked.end(), want_st.begin(), want_st.end());
}

BOOST_AUTO_TEST_CASE(overlay_scan_walks_only_what_it_shows)
{
    // Issue 6: a scan that stops after k keys must not cost the prefix's whole base range (the
    // old overlay copied it first).
    State base;
    for (int i = 0; i < 100000; ++i) base.load(key_of(i), "v");
    CountingView counted{base};
    StateOverlay o{counted};
    o.erase(key_of(0));
    o.erase(key_of(1));
    o.put(key_of(2), "w");
    std::vector<std::string> seen;
    o.scan("b/", [&](std::string_view k, std::string_view v) {
        seen.push_back(std::string{k} + "=" + std::string{v});
        return seen.size() < 3;
    });
    const std::vector<std::string> want{key_of(2) + "=w", key_of(3) + "=v", key_of(4) + "=v"};
    BOOST_CHECK_EQUAL_COLLECTIONS(seen.begin(), seen.end(), want.begin(), want.end());
    BOOST_CHECK_LE(counted.scanned, 5u);
    counted.scanned = 0;
    const auto from = collect(o, "b/", key_of(50000), 2);
    BOOST_CHECK_EQUAL(from.size(), 2u);
    BOOST_CHECK_EQUAL(from[0], key_of(50000) + "=v");
    BOOST_CHECK_LE(counted.scanned, 2u);
}

BOOST_AUTO_TEST_CASE(overlay_scan_matches_a_reference_map)
{
    // Random puts/erases over random bases (fixed seed), two layers deep; every scan_from equals
    // the same query on a plain std::map holding the merged contents.
    std::mt19937_64 rng(6);
    for (int round = 0; round < 50; ++round) {
        State base;
        std::map<std::string, std::string> ref;
        for (int i = 0; i < 60; ++i) {
            std::string k = "k/" + std::to_string(rng() % 100), v = std::to_string(rng() % 1000);
            if (ref.emplace(k, v).second) base.load(k, v);
        }
        StateOverlay o1{base};
        StateOverlay o2{static_cast<const StateView&>(o1)};
        for (int i = 0; i < 80; ++i) {
            StateOverlay& o = (i % 2) ? o1 : o2;
            std::string k = "k/" + std::to_string(rng() % 100);
            if (rng() % 3 == 0) {
                o.erase(k);
                if (&o == &o2 || !o2.changes().count(k)) ref.erase(k);
            } else {
                std::string v = "w" + std::to_string(rng() % 1000);
                o.put(k, v);
                if (&o == &o2 || !o2.changes().count(k)) ref[k] = v;
            }
        }
        for (int q = 0; q < 20; ++q) {
            const std::string start = "k/" + std::to_string(rng() % 110);
            const std::size_t limit = 1 + rng() % 30;
            std::vector<std::string> want;
            for (auto it = ref.lower_bound(start); it != ref.end() && want.size() < limit; ++it)
                want.push_back(it->first + "=" + it->second);
            const auto got = collect(o2, "k/", start, limit);
            BOOST_CHECK_EQUAL_COLLECTIONS(got.begin(), got.end(), want.begin(), want.end());
        }
    }
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
