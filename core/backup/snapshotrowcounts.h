#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVector>

namespace nrdb {

struct TableName {
    QString schema;
    QString name;
    QString qualified() const { return schema + QLatin1Char('.') + name; }
};

// Begins a read-only transaction that sees one snapshot throughout (a dump's, and its counts).
bool beginSnapshotRead(QSqlQuery &query);

// Exact row counts ("schema.table" → rows) in the connection's current transaction.
Result<QMap<QString, qint64>> countRows(const QSqlDatabase &db, const QVector<TableName> &tables);

// Exact row counts as a snapshot exported by another transaction
// (pg_export_snapshot) sees them, on a connection of its own: a backup counts beside pg_dump, in
// the very snapshot pg_dump dumps. The exporting transaction must stay open until this returns;
// ending the connection's backend (it carries profile.applicationName) makes it return an error.
// Thread: any; it opens and closes its connection on the calling thread.
Result<QMap<QString, qint64>> countRowsInSnapshot(const ConnectionProfile &profile, const QString &snapshotId,
                                                  const QVector<TableName> &tables);

} // namespace nrdb
