// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// A node's data directory opened with RocksDB directly, for tests that edit it behind the
// node's back (tampering, older layouts).
#pragma once

#include <boost/test/unit_test.hpp>
#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <vector>

namespace aif::test {

/// A data directory opened behind the node's back, every column family with default options.
struct RawDb
{
    std::unique_ptr<rocksdb::DB> db;
    std::vector<std::unique_ptr<rocksdb::ColumnFamilyHandle>> families;  // [0] is the default

    explicit RawDb(const std::string& path)
    {
        rocksdb::Options o;
        std::vector<std::string> names;
        BOOST_REQUIRE(rocksdb::DB::ListColumnFamilies(o, path, &names).ok());
        std::vector<rocksdb::ColumnFamilyDescriptor> descs;
        for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions{});
        std::vector<rocksdb::ColumnFamilyHandle*> handles;
        rocksdb::DB* raw = nullptr;
        BOOST_REQUIRE(rocksdb::DB::Open(o, path, descs, &handles, &raw).ok());
        db.reset(raw);
        for (auto* h : handles) families.emplace_back(h);
    }
    ~RawDb()
    {
        families.clear();  // handles go before the database closes
        db.reset();
    }
    rocksdb::ColumnFamilyHandle* family(const std::string& name)
    {
        for (auto& h : families)
            if (h->GetName() == name) return h.get();
        return nullptr;
    }
};

}  // namespace aif::test
