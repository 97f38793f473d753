// The SQLite C interface as Swift sees it. Swift cannot use function-like
// macros or call variadic C functions, so the few the store needs are wrapped
// here in small inline functions.
#ifndef ASPIRE_CSQLITE_SHIM_H
#define ASPIRE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// Binds a copy of `text` (SQLite copies it before the call returns).
static inline int aspire_sqlite3_bind_text_copy(
    sqlite3_stmt *statement, int index, const char *text, int length) {
  return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

/// Binds a copy of `bytes` as a blob.
static inline int aspire_sqlite3_bind_blob_copy(
    sqlite3_stmt *statement, int index, const void *bytes, int length) {
  return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

#endif
