#pragma once

#include "catalog/catalogreader.h"
#include "catalog/schemasnapshot.h"
#include "jobs/jobwithresult.h"

#include <QSqlDatabase>

namespace nrdb {

// Reads a database's SchemaSnapshot (CatalogReader) for the schema browser, which shows what it
// can at once: a table someone holds locked is left out (LockedTables::LeaveOut). Thread: as
// JobWithResult.
class SnapshotJob : public JobWithResult<SchemaSnapshot> {
public:
    explicit SnapshotJob(ConnectionProfile target) : m_target(std::move(target)) {}

    QString title() const override { return QStringLiteral("Read the schema"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

    // The snapshot of db, for a job that reads it as one of its steps: said in the job's phase,
    // stopped on the server by the job's cancel; by default whole, or an error naming who holds
    // a table locked. Thread: the job's worker.
    static Result<SchemaSnapshot> readOn(JobContext &context, const QSqlDatabase &db,
                                         const QString &phase = QStringLiteral("Reading the schema"),
                                         LockedTables lockedTables = LockedTables::WaitThenFail);

protected:
    Result<SchemaSnapshot> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
};

} // namespace nrdb
