#include "jobs/applyplanjob.h"

#include "jobs/jobcontext.h"
#include "jobs/snapshotjob.h"

namespace nrdb {

QJsonObject ApplyReport::toJson() const
{
    QJsonObject json{{QStringLiteral("run"), run.toJson()}};
    if (after)
        json.insert(QStringLiteral("after"), after->toJson());
    return json;
}

QString ApplyPlanJob::title() const
{
    return QStringLiteral("Apply the script to %1").arg(m_target.displayName());
}

Result<ApplyReport> ApplyPlanJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    m_run = runPlan(context, db.value(), m_plan, false);
    if (m_run.failure)
        return *m_run.failure;
    const Result<SchemaSnapshot> snapshot =
        SnapshotJob::readOn(context, db.value(), QStringLiteral("Reading the schema again"));
    if (!snapshot)
        return snapshot.error();
    ApplyReport report{m_run, compareWithWanted(m_wanted, snapshot.value(), m_target.displayName(), m_plan.options)};
    context.info(QStringLiteral("Applied %1 statement(s); %2 difference(s) left")
                     .arg(m_run.statements.size())
                     .arg(report.after->differenceCount()));
    return report;
}

} // namespace nrdb
