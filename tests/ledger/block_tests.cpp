// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#include "ledger/block.hpp"
#include "ledger/codec.hpp"
#include "tests/support/fixtures.hpp"

#include <boost/test/unit_test.hpp>

using namespace aif::ledger;

namespace {

const SecretKey& proposer_key()
{
    static const SecretKey k = aif::test::dev_key(2);
    return k;
}

Block sealed_block(std::size_t ntx)
{
    Block b;
    for (std::size_t i = 0; i < ntx; ++i)
        b.txs.push_back(aif::test::verified(
            aif::test::make_transfer(aif::test::dev_key(0), 2026, i, aif::test::fresh_address(3), 1 + i),
            2026));
    b.header.height = 7;
    b.header.timestamp = 1775000000;
    b.header.parent_hash = keccak256(std::string_view{"parent"});
    b.header.proposer = aif::test::address_of_key(proposer_key());
    b.header.tx_root = tx_root_of(b.txs);
    b.header.state_root = keccak256(std::string_view{"state"});
    b.proposer_sig = *sign_digest(header_hash(b.header), proposer_key());
    return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(block_tests)

BOOST_AUTO_TEST_CASE(merkle_root_shapes)
{
    BOOST_CHECK(merkle_root({}).is_zero());
    std::vector<Hash32> h;
    for (const char* s : {"a", "b", "c", "d", "e", "f"}) h.push_back(keccak256(std::string_view{s}));
    const auto cat = [](std::initializer_list<Hash32> parts) {
        Bytes out;
        for (const auto& p : parts) out.insert(out.end(), p.bytes.begin(), p.bytes.end());
        return keccak256(ByteView{out});
    };
    BOOST_CHECK(merkle_root({h[0]}) == h[0]);
    BOOST_CHECK(merkle_root({h[0], h[1]}) == cat({h[0], h[1]}));
    BOOST_CHECK(merkle_root({h[0], h[1], h[2]}) == cat({h[0], h[1], h[2]}));
    const Hash32 abcd = cat({h[0], h[1], h[2], h[3]});
    BOOST_CHECK(merkle_root({h[0], h[1], h[2], h[3]}) == abcd);
    // Five leaves: a full group and a lone node carried up, then their parent.
    BOOST_CHECK(merkle_root({h[0], h[1], h[2], h[3], h[4]}) == cat({abcd, h[4]}));
    BOOST_CHECK(merkle_root({h[0], h[1], h[2], h[3], h[4], h[5]}) == cat({abcd, cat({h[4], h[5]})}));
    BOOST_CHECK(merkle_root({h[1], h[0]}) != merkle_root({h[0], h[1]}));
    // Seventeen leaves: groups of 4,4,4,4,1 → 5 nodes → groups of 4,1 → 2 nodes → root.
    std::vector<Hash32> many;
    for (int i = 0; i < 17; ++i) many.push_back(keccak256(std::string_view{std::to_string(i)}));
    std::vector<Hash32> l1;
    for (int g = 0; g < 4; ++g) l1.push_back(cat({many[4 * g], many[4 * g + 1], many[4 * g + 2], many[4 * g + 3]}));
    BOOST_CHECK(merkle_root(many) == cat({cat({l1[0], l1[1], l1[2], l1[3]}), many[16]}));
}

BOOST_AUTO_TEST_CASE(block_round_trip_reverifies_signatures)
{
    Block b = sealed_block(3);
    Bytes enc = encode_block(b);
    auto dec = decode_block(ByteView{enc}, domain_separator({2026}));
    BOOST_REQUIRE(dec);
    BOOST_CHECK(header_hash(dec->header) == header_hash(b.header));
    BOOST_CHECK_EQUAL(dec->txs.size(), 3u);
    BOOST_CHECK(dec->txs[1].sender == b.txs[1].sender);
    BOOST_CHECK(check_block_seal(*dec));
    for (std::size_t n : {std::size_t{0}, std::size_t{10}, enc.size() / 2, enc.size() - 1})
        BOOST_CHECK(!decode_block(ByteView{enc.data(), n}, domain_separator({2026})));
}

BOOST_AUTO_TEST_CASE(forged_tx_count_does_not_allocate)
{
    // A header, then a claimed 1,000,000 txs with no bytes behind them: refused, cheaply.
    Block b = sealed_block(0);
    Writer w;
    w.var(ByteView{encode_header(b.header)});
    w.u32(1'000'000);
    Bytes enc = w.take();
    BOOST_CHECK(!decode_block(ByteView{enc}, domain_separator({2026})));
}

BOOST_AUTO_TEST_CASE(seal_check_refuses_tampering)
{
    Block good = sealed_block(2);
    BOOST_CHECK(check_block_seal(good));

    Block other_state = good;
    other_state.header.state_root = keccak256(std::string_view{"forged"});
    BOOST_CHECK(check_block_seal(other_state).error().code == ErrorCode::bad_signature);

    Block dropped_tx = good;
    dropped_tx.txs.pop_back();
    BOOST_CHECK(check_block_seal(dropped_tx).error().code == ErrorCode::invalid_argument);

    Block wrong_signer = good;
    wrong_signer.proposer_sig = *sign_digest(header_hash(good.header), aif::test::dev_key(1));
    BOOST_CHECK(check_block_seal(wrong_signer).error().code == ErrorCode::bad_signature);
}

BOOST_AUTO_TEST_CASE(receipt_round_trip)
{
    Receipt r{keccak256(std::string_view{"tx"}), {Event{"Transfer", {{"from", "a"}, {"to", "b"}}}}};
    Bytes enc = encode_receipt(r);
    auto d = decode_receipt(ByteView{enc});
    BOOST_REQUIRE(d);
    BOOST_CHECK(encode_receipt(*d) == enc);
    enc.pop_back();
    BOOST_CHECK(!decode_receipt(ByteView{enc}));
}

BOOST_AUTO_TEST_CASE(receipt_values_in_binary_form)
{
    // Addresses and canonical decimals are stored in binary and come back as the same strings;
    // anything else (mixed case, a leading zero, 2^128) stays text.
    const std::string addr = "0x" + std::string(38, 'a') + "0f";
    const std::string big = "340282366920938463463374607431768211455";  // 2^128 - 1
    const std::vector<std::string> values = {addr, "0", "1000000000000", big,
                                             "340282366920938463463374607431768211456",
                                             "007", "0x" + std::string(38, 'A') + "0f", "", "memo"};
    Event e{"Fee", {}};
    for (std::size_t i = 0; i < values.size(); ++i) e.attrs.emplace_back(std::to_string(i), values[i]);
    Receipt r{Hash32{}, {e}};
    Bytes enc = encode_receipt(r);
    auto d = decode_receipt(ByteView{enc});
    BOOST_REQUIRE(d);
    BOOST_REQUIRE_EQUAL(d->events.size(), 1u);
    for (std::size_t i = 0; i < values.size(); ++i) BOOST_CHECK_EQUAL(d->events[0].attrs[i].second, values[i]);
    // A transfer's receipt fits one keccak block (136 bytes; three in text form, two with
    // attribute names spelled out): its receipts-root leaf is one permutation (issue 7).
    Receipt transfer{Hash32{}, {Event{"Fee", {{"from", addr}, {"amount", "1000000000000"}}},
                                Event{"Transfer", {{"from", addr}, {"to", addr}, {"asset", "AIF"},
                                                   {"amount", "1000000000000000"}, {"memo", ""}}}}};
    BOOST_CHECK_LT(encode_receipt(transfer).size(), 136u);
}

BOOST_AUTO_TEST_CASE(receipt_encoding_is_canonical)
{
    // An address or a decimal written as text is refused: one encoding per receipt.
    Writer w;
    w.uvar(1);
    w.vstr("E");
    w.uvar(1);
    w.vstr("total");  // not a listed name
    w.u8(0);          // text form
    w.vstr("42");
    BOOST_CHECK(!decode_receipt(ByteView{w.out()}));
    // A varint with a redundant zero group is refused.
    const std::uint8_t padded[] = {0x80, 0x00};
    BOOST_CHECK(!decode_receipt(ByteView{padded}));
    const std::uint8_t empty[] = {0x00};
    BOOST_CHECK(decode_receipt(ByteView{empty}));
}

BOOST_AUTO_TEST_CASE(receipt_attribute_names_are_coded_or_spelled_once)
{
    // A listed name is 0x00 ‖ index; an unlisted one is vstr(name); both come back as written.
    Receipt r{Hash32{}, {Event{"E", {{"amount", "1"}, {"total", "2"}, {"", "3"}, {"reason", "x"}}}}};
    const Bytes enc = encode_receipt(r);
    const Bytes want_head{0x01, 0x01, 'E', 0x04, 0x00, 0x03};  // 1 event, "E", 4 attrs, "amount" = #3
    BOOST_CHECK(std::equal(want_head.begin(), want_head.end(), enc.begin()));
    auto d = decode_receipt(ByteView{enc});
    BOOST_REQUIRE(d);
    BOOST_CHECK(d->events[0].attrs == r.events[0].attrs);
    const auto one_attr = [](auto&& put_name) {
        Writer w;
        w.uvar(1);
        w.vstr("E");
        w.uvar(1);
        put_name(w);
        w.u8(2);  // decimal form
        w.uvar(7);
        return decode_receipt(ByteView{w.out()});
    };
    BOOST_CHECK(one_attr([](Writer& w) { w.vstr("total"); }));
    BOOST_CHECK(one_attr([](Writer& w) { w.u8(0), w.u8(1); })->events[0].attrs[0].first == "from");
    // A listed name spelled out, or an index past the list, is refused.
    BOOST_CHECK(!one_attr([](Writer& w) { w.vstr("from"); }));
    BOOST_CHECK(!one_attr([](Writer& w) { w.u8(0), w.u8(200); }));
}

BOOST_AUTO_TEST_CASE(block_encoding_is_the_documented_layout)
{
    // docs/protocol.md: var(header) u32(n) var(tx)… proposer_sig u32(m) commit_sig…, spelled
    // out here field by field against encode_block's single-buffer writer.
    Block b = sealed_block(3);
    b.commit_sigs.push_back(b.proposer_sig);
    Writer w;
    w.var(ByteView{encode_header(b.header)});
    w.u32(3);
    for (const auto& vt : b.txs) w.var(ByteView{encode_tx(vt.tx)});
    w.fixed(b.proposer_sig);
    w.u32(1);
    w.fixed(b.proposer_sig);
    BOOST_CHECK(encode_block(b) == w.out());
    Bytes appended{0xaa};
    encode_tx_into(appended, b.txs[0].tx);
    BOOST_CHECK_EQUAL(appended[0], 0xaa);
    BOOST_CHECK(Bytes(appended.begin() + 1, appended.end()) == encode_tx(b.txs[0].tx));
}

BOOST_AUTO_TEST_CASE(header_round_trip)
{
    Block b = sealed_block(0);
    auto h = decode_header(ByteView{encode_header(b.header)});
    BOOST_REQUIRE(h);
    BOOST_CHECK(header_hash(*h) == header_hash(b.header));
}

BOOST_AUTO_TEST_SUITE_END()
