#pragma once

#include "catalog/schemasnapshot.h"
#include "jobs/jobwithresult.h"

namespace nrdb {

// Reads a database's SchemaSnapshot (CatalogReader). Thread: as JobWithResult.
class SnapshotJob : public JobWithResult<SchemaSnapshot> {
public:
    explicit SnapshotJob(ConnectionProfile target) : m_target(std::move(target)) {}

    QString title() const override { return QStringLiteral("Read the schema"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<SchemaSnapshot> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
};

} // namespace nrdb
