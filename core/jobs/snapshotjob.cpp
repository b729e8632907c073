#include "jobs/snapshotjob.h"

#include "catalog/catalogreader.h"
#include "jobs/jobcontext.h"

#include <QElapsedTimer>

namespace nrdb {

Result<SchemaSnapshot> SnapshotJob::readOn(JobContext &context, const QSqlDatabase &db, const QString &phase,
                                           LockedTables lockedTables)
{
    context.setPhase(phase);
    return CatalogReader::read(
        db, [&context] { return context.isCancelled(); }, CatalogReadOptions{lockedTables});
}

Result<SchemaSnapshot> SnapshotJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Connecting"));
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    QElapsedTimer clock;
    clock.start();
    Result<SchemaSnapshot> snapshot =
        readOn(context, db.value(), QStringLiteral("Reading the catalog"), LockedTables::LeaveOut);
    if (snapshot) {
        int indexes = 0;
        for (const RelationInfo &relation : snapshot.value().relations)
            indexes += static_cast<int>(relation.indexes.size());
        context.info(QStringLiteral("Read %1 relations and %2 indexes in %3 schemas with %4 queries in %5 ms")
                         .arg(snapshot.value().relations.size())
                         .arg(indexes)
                         .arg(snapshot.value().schemas.size())
                         .arg(snapshot.value().queryCount)
                         .arg(clock.elapsed()));
    }
    return snapshot;
}

} // namespace nrdb
