// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#define BOOST_TEST_MODULE wallet_tests
#include <boost/test/unit_test.hpp>

#include <cstdlib>

namespace {

/// Keystore files written by the tests use a small scrypt n (the documented test knob), so the
/// suite stays fast; the default n=262144 is covered by decrypting a geth vector.
struct FastScrypt
{
    FastScrypt() { ::setenv("AIF_WALLET_SCRYPT_N", "1024", /*overwrite=*/1); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(FastScrypt);
