#pragma once

#include "jobs/jobwithresult.h"
#include "jobs/packchoice.h"
#include "jobs/planrunner.h"
#include "model/migrationplan.h"
#include "model/verifyreport.h"

#include <optional>

namespace nrdb {

// What a repair found, planned and did.
struct RepairReport {
    VerifyReport before;
    MigrationPlan plan;
    bool applied = false;              // the plan ran to its end
    PlanRun run;                       // what applying it did, statement by statement
    std::optional<VerifyReport> after; // verify once the plan ran

    QJsonObject toJson() const; // what --json prints
};

// From a verify of the database against its pack (named, or the one its catalog shows), the
// script that brings its schema back to the pack's model at the database's version
// (planMigration). With apply, the schema lock (lockSchemaChanges) is taken before the verify, and
// the script runs one statement after another, each committed on its own with its lock and
// statement timeouts; a cancel stops the running statement on the server and leaves those before
// it applied. Then verifies again.
// Thread: as JobWithResult.
class RepairJob : public JobWithResult<RepairReport> {
public:
    RepairJob(ConnectionProfile target, PackChoice pack, PlanOptions options, bool apply)
        : m_target(std::move(target)), m_pack(std::move(pack)), m_options(options), m_apply(apply)
    {
    }

    QString title() const override;
    JobAccess access() const override { return m_apply ? JobAccess::Write : JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<RepairReport> execute(JobContext &context) override;

private:
    Status applyPlan(JobContext &context, const QSqlDatabase &db, RepairReport &report);

    ConnectionProfile m_target;
    PackChoice m_pack;
    PlanOptions m_options;
    bool m_apply;
};

} // namespace nrdb
