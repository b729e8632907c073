#include "repairjob.h"

#include "jobs/jobcontext.h"
#include "jobs/schemalock.h"
#include "jobs/verifyjob.h"

namespace nrdb {

namespace {
} // namespace

QJsonObject RepairReport::toJson() const
{
    QJsonObject json{{QStringLiteral("before"), before.toJson()},
                     {QStringLiteral("plan"), plan.toJson()},
                     {QStringLiteral("applied"), applied},
                     {QStringLiteral("run"), run.toJson()}};
    if (after)
        json.insert(QStringLiteral("after"), after->toJson());
    return json;
}

QString RepairJob::title() const
{
    return (m_apply ? QStringLiteral("Repair %1") : QStringLiteral("Plan the repair of %1")).arg(m_target.database);
}

Result<RepairReport> RepairJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    // With apply, the schema is locked before it is read: the plan is made of the schema it runs on.
    std::unique_ptr<AdvisoryLock> lock;
    if (m_apply) {
        Result<std::unique_ptr<AdvisoryLock>> locked = lockSchemaChanges(context, db.value(), kSchemaLockTimeoutMs);
        if (!locked)
            return locked.error();
        lock = std::move(locked).value();
    }
    Result<Verified> verified = VerifyJob::verifyOn(context, db.value(), m_pack, m_target);
    if (!verified)
        return verified.error();
    const Verified &before = verified.value();
    if (before.report.isForeign())
        return Error::usage(QStringLiteral("%1 is not a %2 database: there is nothing to repair it to")
                                .arg(m_target.database, before.pack.title),
                            before.report.verdict());
    RepairReport report;
    report.before = before.report;
    const SchemaModel current = SchemaModel::fromSnapshot(before.snapshot, before.pack.schema);
    report.plan = planMigration(before.pack.modelAt(before.report.modelVersion), current, m_options);
    context.info(QStringLiteral("%1 statement(s) repair %2; %3 refused, %4 extra kept")
                     .arg(report.plan.statements.size())
                     .arg(m_target.database)
                     .arg(report.plan.refused.size())
                     .arg(report.plan.keptExtras.size()));
    for (const PlanRefusal &refusal : std::as_const(report.plan.refused))
        context.warning(QStringLiteral("Not repaired: %1: %2").arg(refusal.item.describe(), refusal.reason));
    if (!m_apply || report.plan.isEmpty())
        return report;
    if (Status applied = applyPlan(context, db.value(), report); !applied)
        return applied.error();
    Result<Verified> after = VerifyJob::verifyOn(context, db.value(), PackChoice(before.pack), m_target);
    if (!after)
        return after.error();
    report.after = after.value().report;
    context.info(QStringLiteral("After the repair: %1").arg(report.after->verdict()));
    return report;
}

Status RepairJob::applyPlan(JobContext &context, const QSqlDatabase &db, RepairReport &report)
{
    report.run = runPlan(context, db, report.plan, false);
    if (report.run.failure) {
        Error error = *report.run.failure;
        if (error.kind != ErrorKind::Cancelled)
            error.message = QStringLiteral("The repair stopped at ") + error.message;
        return error;
    }
    report.applied = true;
    return {};
}

} // namespace nrdb
