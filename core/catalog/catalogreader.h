#pragma once

#include "catalog/schemasnapshot.h"
#include "util/result.h"

#include <QSqlDatabase>

#include <functional>

namespace nrdb {

// Reads a SchemaSnapshot with a fixed number of set-based catalog queries (resources/sql/
// catalog_*.sql), never one per table. Thread: the one that owns db (a job's worker).
class CatalogReader {
public:
    // cancelled() is polled between queries.
    static Result<SchemaSnapshot> read(const QSqlDatabase &db, const std::function<bool()> &cancelled = {});

    // The queries read() issues, in order.
    static QStringList queryNames();
};

} // namespace nrdb
