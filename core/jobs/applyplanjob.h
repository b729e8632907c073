#pragma once

#include "jobs/jobwithresult.h"
#include "jobs/planrunner.h"
#include "model/schemacompare.h"

#include <optional>

namespace nrdb {

// What applying a compare's script did to its target.
struct ApplyReport {
    PlanRun run;
    std::optional<CompareReport> after; // the target against the wanted schemas, once the script ran

    QJsonObject toJson() const;
};

// Runs a compare's script on its target under the schema lock (lockSchemaChanges), once it has
// read there that the target still needs this very script (refused, kind Usage, when someone
// changed it since the compare), then compares the target with the wanted schemas again. runPlan
// runs it: each statement committed on its own with its timeouts; a cancel stops the running one
// on the server and keeps those before it. A statement that fails ends the job with its error;
// the report still says what ran. Thread: as JobWithResult.
class ApplyPlanJob : public JobWithResult<ApplyReport> {
public:
    ApplyPlanJob(ConnectionProfile target, MigrationPlan plan, SchemaSet wanted)
        : m_target(std::move(target)), m_plan(std::move(plan)), m_wanted(std::move(wanted))
    {
    }

    QString title() const override;
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override { return m_target; }
    // What ran before a failure (the job's result only when it succeeds).
    const PlanRun &statementsRun() const { return m_run; }

protected:
    Result<ApplyReport> execute(JobContext &context) override;

private:
    Status checkStillNeeded(JobContext &context, const QSqlDatabase &db) const;

    ConnectionProfile m_target;
    MigrationPlan m_plan;
    SchemaSet m_wanted;
    PlanRun m_run;
};

} // namespace nrdb
