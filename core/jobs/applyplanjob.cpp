#include "jobs/applyplanjob.h"

#include "jobs/jobcontext.h"
#include "jobs/schemalock.h"
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

namespace {

QStringList statementsOf(const MigrationPlan &plan)
{
    QStringList statements;
    for (const PlannedStatement &statement : plan.statements)
        statements << statement.sql;
    return statements;
}

} // namespace

// The script is the one the target's schema needs now, read under the lock: nobody changed it
// since the script was made (and rehearsed).
Status ApplyPlanJob::checkStillNeeded(JobContext &context, const QSqlDatabase &db) const
{
    const Result<SchemaSnapshot> snapshot = SnapshotJob::readOn(context, db, QStringLiteral("Reading the schema"));
    if (!snapshot)
        return snapshot.error();
    const QStringList now =
        statementsOf(compareWithWanted(m_wanted, snapshot.value(), m_target.displayName(), m_plan.options).plan);
    const QStringList planned = statementsOf(m_plan);
    if (now == planned)
        return {};
    qsizetype first = 0;
    while (first < now.size() && first < planned.size() && now.at(first) == planned.at(first))
        ++first;
    return Error::usage(
        QStringLiteral("%1 changed since the script was made: compare again").arg(m_target.displayName()),
        QStringLiteral("The script now would have %1 statement(s), not %2; the first that differs: %3")
            .arg(now.size())
            .arg(planned.size())
            .arg(first < now.size() ? now.at(first) : planned.at(first)));
}

Result<ApplyReport> ApplyPlanJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockSchemaChanges(context, db.value(), kSchemaLockTimeoutMs);
    if (!lock)
        return lock.error();
    if (Status needed = checkStillNeeded(context, db.value()); !needed)
        return needed.error();
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
