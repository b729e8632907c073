#pragma once

#include "catalog/schemasnapshot.h"
#include "util/result.h"

#include <QSqlDatabase>

#include <functional>

namespace nrdb {

// Reads a SchemaSnapshot with a fixed number of set-based catalog queries (resources/sql/
// catalog_*.sql), never one per table. Thread: the one that owns db (a job's worker).
// What a read of the catalog does about a table someone holds an ACCESS EXCLUSIVE lock on (a long
// ALTER TABLE, an open transaction that took one): its size and index definitions cannot be read
// without queueing behind that lock.
enum class LockedTables {
    // Whatever compares the schema needs all of it: the read tries again until lockTimeoutMs has
    // passed, then fails (kind Busy) naming the locked tables and the sessions holding them.
    WaitThenFail,
    // A browser shows the rest at once: the table is not sized, its indexes read "(not read: …)".
    LeaveOut,
};

struct CatalogReadOptions {
    LockedTables lockedTables = LockedTables::WaitThenFail;
    // Also the longest a view's definition waits: it is read under a lock on the tables it reads.
    int lockTimeoutMs = 10000;
};

class CatalogReader {
public:
    // cancelled() is polled between queries.
    static Result<SchemaSnapshot> read(const QSqlDatabase &db, const std::function<bool()> &cancelled = {},
                                       const CatalogReadOptions &options = {});

    // The queries read() issues, in order.
    static QStringList queryNames();
};

} // namespace nrdb
