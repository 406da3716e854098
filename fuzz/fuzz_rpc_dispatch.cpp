// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Fuzz target: the JSON-RPC request handler (rpc::Dispatcher::handle, what the HTTP server
// calls with a request body) over a real node::NodeBackend: a RocksDB chain in a scratch
// directory, made from the dev genesis, with a few committed transfer blocks, a mempool and the
// dev clock (dev methods on, no validator key so nothing is sealed while fuzzing). Every method
// table the node serves (chain_, tx_, account_, token_, dev_, film_, jury_, award_, nft_, dao_,
// market_) is reachable. Invariants:
//   - the answer is empty (notifications) or one valid JSON document whose strings are valid
//     UTF-8: a JSON-RPC response object or an array of them, each with "jsonrpc": "2.0";
//   - no answer is -32603 internal error: a handler that throws anything but RpcError or a
//     json type error on some input is a bug (docs/rpc.md: "-32603 … a bug").
#include "fuzz/dev_chain.hpp"
#include "fuzz/fuzz_common.hpp"
#include "node/backend.hpp"
#include "node/mempool.hpp"
#include "node/producer.hpp"
#include "rpc/dispatcher.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

using namespace aif;
using nlohmann::json;

namespace {

struct World
{
    fuzz::ScratchDir dir;
    node::Chain chain{fuzz::dev_genesis(), dir.path() + "/data"};
    node::Mempool pool{[] {
        node::MempoolConfig c;
        c.max_txs = 1000;
        c.max_per_sender = 100;
        return c;
    }()};
    node::Clock clock{/*dev=*/true, chain.head().header.timestamp};
    node::NodeBackend backend{chain, pool, clock, /*producer=*/nullptr, /*dev=*/true};
    rpc::Dispatcher dispatcher{backend, rpc::Limits{}};

    World() { fuzz::seal_transfers(chain, 3); }
};

World& world()
{
    // Leaked on purpose: libFuzzer exits without unwinding static destructors in some modes,
    // and the scratch directory is removed by the atexit hook below.
    static World* w = [] {
        auto* p = new World();
        std::atexit([] { delete &world(); });
        return p;
    }();
    return *w;
}

void check_response(const json& r)
{
    FUZZ_ASSERT(r.is_object(), "a response is not an object");
    FUZZ_ASSERT(r.value("jsonrpc", "") == "2.0", "a response lacks jsonrpc 2.0");
    FUZZ_ASSERT(r.contains("id"), "a response lacks id");
    FUZZ_ASSERT(r.contains("result") != r.contains("error"), "result xor error");
    if (r.contains("error")) {
        const json& e = r["error"];
        FUZZ_ASSERT(e.is_object() && e.contains("code") && e["code"].is_number_integer() &&
                        e.contains("message") && e["message"].is_string(),
                    "malformed error object");
        if (e["code"].get<int>() == rpc::code::INTERNAL_ERROR) {
            std::fprintf(stderr, "internal error response: %s\n", r.dump().c_str());
            FUZZ_ASSERT(false, "a request produced -32603 internal error");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    (void)world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string body(reinterpret_cast<const char*>(data), size);
    const std::string reply = world().dispatcher.handle(body);
    if (reply.empty()) return 0;
    // Strict parse: fails on invalid UTF-8 too.
    json doc = json::parse(reply, nullptr, /*allow_exceptions=*/false);
    FUZZ_ASSERT(!doc.is_discarded(), "the reply is not valid JSON / UTF-8");
    if (doc.is_array()) {
        FUZZ_ASSERT(!doc.empty(), "an empty batch reply");
        for (const auto& r : doc) check_response(r);
    } else {
        check_response(doc);
    }
    return 0;
}
