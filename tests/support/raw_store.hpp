// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

// Editing a node's data directory behind its back (the node is not running), for tests that
// check what a node or a tool makes of a tampered or older store.

#include <boost/test/unit_test.hpp>
#include <rocksdb/db.h>

#include <memory>
#include <string>

namespace aif::test {

/// Opens the RocksDB at `data_dir` directly and applies `edit` to it.
template <typename F>
void edit_raw_store(const std::string& data_dir, F&& edit)
{
    rocksdb::DB* raw = nullptr;
    BOOST_REQUIRE(rocksdb::DB::Open(rocksdb::Options{}, data_dir, &raw).ok());
    std::unique_ptr<rocksdb::DB> db{raw};
    edit(*db);
}

}  // namespace aif::test
