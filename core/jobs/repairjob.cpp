#include "repairjob.h"

#include "connection/libpqconnection.h"
#include "jobs/jobcontext.h"
#include "jobs/packlock.h"
#include "jobs/verifyjob.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace nrdb {

namespace {
constexpr int kPackLockTimeoutMs = 30000;
} // namespace

QJsonObject RepairReport::toJson() const
{
    QJsonArray durations;
    for (qint64 ms : statementMs)
        durations << ms;
    QJsonObject json{{QStringLiteral("before"), before.toJson()},
                     {QStringLiteral("plan"), plan.toJson()},
                     {QStringLiteral("applied"), applied},
                     {QStringLiteral("statementMs"), durations}};
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
    if (Status applied = applyPlan(context, db.value(), before.pack, report); !applied)
        return applied.error();
    Result<Verified> after = VerifyJob::verifyOn(context, db.value(), PackChoice(before.pack), m_target);
    if (!after)
        return after.error();
    report.after = after.value().report;
    context.info(QStringLiteral("After the repair: %1").arg(report.after->verdict()));
    return report;
}

Status RepairJob::applyPlan(JobContext &context, const QSqlDatabase &db, const ModelPack &pack, RepairReport &report)
{
    context.setPhase(QStringLiteral("Waiting for the migration lock"));
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockPack(context, db, pack, kPackLockTimeoutMs);
    if (!lock)
        return lock.error();
    const QVector<PlannedStatement> &statements = report.plan.statements;
    context.setPhase(QStringLiteral("Applying"), statements.size());
    for (int i = 0; i < statements.size(); ++i) {
        const PlannedStatement &statement = statements.at(i);
        const QString where =
            QStringLiteral("statement %1 of %2 (%3)").arg(i + 1).arg(statements.size()).arg(statement.item.describe());
        if (context.isCancelled())
            return Error::cancelled(
                QStringLiteral("Cancelled before %1; the %2 before it are applied").arg(where).arg(i));
        QElapsedTimer clock;
        clock.start();
        for (const QString &setting : report.plan.settingsFor(statement)) {
            if (Status set = execScript(db, setting, where); !set)
                return set.error();
        }
        if (Status ran = execScript(db, statement.sql, where); !ran) {
            Error error = ran.error(); // its message starts with where
            error.message = QStringLiteral("The repair stopped at %1. The %2 statement(s) before it are applied.")
                                .arg(error.message)
                                .arg(i);
            return error;
        }
        report.statementMs << clock.elapsed();
        context.info(QStringLiteral("%1/%2 in %3 ms: %4")
                         .arg(i + 1)
                         .arg(statements.size())
                         .arg(report.statementMs.last())
                         .arg(statement.sql.section(QLatin1Char('\n'), 0, 0)));
        context.setProgress(i + 1, statements.size());
    }
    report.applied = true;
    return execScript(db, QStringLiteral("RESET lock_timeout; RESET statement_timeout"), QStringLiteral("repair"));
}

} // namespace nrdb
