#pragma once

#include "jobs/jobwithresult.h"
#include "migrate/preflight.h"
#include "model/modelpack.h"

namespace nrdb {

// What init did.
struct InitReport {
    PreflightReport preflight;
    QStringList createdExtensions;
    QStringList createdSchemas;
    QStringList appliedMigrations; // labels, e.g. 0001_baseline
    int versionBefore = 0;
    int versionAfter = 0;

    bool changedNothing() const
    {
        return createdExtensions.isEmpty() && createdSchemas.isEmpty() && appliedMigrations.isEmpty();
    }
};

// Brings a database to a pack's head (or to a given version): preflight, then under the pack's
// advisory lock the history table, the extensions, the schema, and each pending migration, every
// step in its own transaction. A failed or interrupted step leaves the database as it was before
// that step; running it again continues from there. Thread: as JobWithResult.
class InitJob : public JobWithResult<InitReport> {
public:
    InitJob(ConnectionProfile target, ModelPack pack, int targetVersion = 0, int lockTimeoutMs = 60000);

    QString title() const override;
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<InitReport> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    ModelPack m_pack;
    int m_targetVersion; // 0: head
    int m_lockTimeoutMs;
};

} // namespace nrdb
