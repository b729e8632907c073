#pragma once

#include "catalog/schemasnapshot.h"
#include "model/modelpack.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QVector>

namespace nrdb {

// A row of nrdb.schema_history.
struct AppliedMigration {
    int version = 0;
    QString name;
    QString checksum;
    QString appliedAt;
    QString appliedBy;
    int durationMs = 0;
    QString how; // "applied" or "adopted"
};

// The migration history table. Thread: the one that owns db.
namespace schemahistory {

// The schema of this tool's own bookkeeping, apart from every application's.
inline const QString kSchema = QStringLiteral("nrdb");
// Whether a snapshot holds the history table.
bool existsIn(const SchemaSnapshot &snapshot);

Status ensure(const QSqlDatabase &db);
// Empty, not an error, when the table does not exist yet.
Result<QVector<AppliedMigration>> applied(const QSqlDatabase &db, const QString &pack);
// The packs the history has rows for; empty when there is no history.
Result<QStringList> recordedPacks(const QSqlDatabase &db);
Status record(const QSqlDatabase &db, const QString &pack, const Migration &migration, int durationMs,
              const QString &how);

} // namespace schemahistory
} // namespace nrdb
