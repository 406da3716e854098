// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#define BOOST_TEST_MODULE ledger_tests
#include <boost/test/unit_test.hpp>
