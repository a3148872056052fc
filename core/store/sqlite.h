// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Thin RAII wrappers over the sqlite3 C API, for core/store only.

#include <cstdint>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace patchwise::store {

// A prepared statement. bind*() take 1-based indexes; bound text is not copied, so it
// must outlive the step()/exec() that uses it (never bind a temporary); step() returns true while a
// row is available. Errors are recorded in the connection; callers check ok()/error().
class Statement
{
public:
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    Statement &bindOptional(int index, std::string_view text); // empty → NULL

    // Runs until a row or the end; false at the end or on error (see failed()).
    bool step();
    // Runs a statement that returns no rows; resets it for reuse. False on error.
    bool exec();
    void reset();
    bool failed() const { return m_failed; }

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(sqlite3 *db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool begun() const { return m_begun; }
    bool commit();

private:
    sqlite3 *m_db;
    bool m_begun = false;
    bool m_done = false;
};

bool execSql(sqlite3 *db, const char *sql);
std::string lastError(sqlite3 *db);

} // namespace patchwise::store
