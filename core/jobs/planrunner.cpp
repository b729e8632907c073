#include "jobs/planrunner.h"

#include "connection/libpqconnection.h"
#include "jobs/jobcontext.h"
#include "util/sqlresource.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace nrdb {

namespace {

// "AccessExclusiveLock" as SQL names it: "ACCESS EXCLUSIVE".
QString lockModeName(QString mode)
{
    static const QRegularExpression wordStart(QStringLiteral("(?<=[a-z])(?=[A-Z])"));
    mode.chop(int(qstrlen("Lock")));
    return mode.replace(wordStart, QStringLiteral(" ")).toUpper();
}

Result<QStringList> locksHeld(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(sqlResource(QStringLiteral("locks_held"))))
        return Error::sql(QStringLiteral("Could not read the locks held"), query.lastError().nativeErrorCode(),
                          query.lastError().text());
    QStringList locks;
    while (query.next())
        locks << QStringLiteral("%1 on %2.%3")
                     .arg(lockModeName(query.value(0).toString()), query.value(1).toString(),
                          query.value(2).toString());
    return locks;
}

// The statement in a transaction of its own, with its settings local to it, and the locks it took.
Result<QStringList> runRecordingLocks(const QSqlDatabase &db, const QStringList &settings, const QString &sql,
                                      const QString &where)
{
    QStringList local;
    for (const QString &setting : settings)
        local << QString(setting).replace(QStringLiteral("SET "), QStringLiteral("SET LOCAL "));
    if (Status begun = execScript(db, QStringLiteral("BEGIN; ") + local.join(QStringLiteral("; ")), where); !begun)
        return begun.error();
    const Status ran = execScript(db, sql, where);
    Result<QStringList> locks = ran ? locksHeld(db) : Result<QStringList>(ran.error());
    if (!locks) {
        (void)execScript(db, QStringLiteral("ROLLBACK"), where); // the statement's own error says more
        return locks.error();
    }
    if (Status committed = execScript(db, QStringLiteral("COMMIT"), where); !committed)
        return committed.error();
    return locks;
}

// One statement with its settings, timed; with recordLocks, the locks it held.
Result<StatementRun> runStatement(const QSqlDatabase &db, const MigrationPlan &plan, const PlannedStatement &statement,
                                  const QString &where, bool recordLocks)
{
    QElapsedTimer clock;
    clock.start();
    StatementRun done;
    if (recordLocks && statement.inTransaction) {
        Result<QStringList> locks = runRecordingLocks(db, plan.settingsFor(statement), statement.sql, where);
        if (!locks)
            return locks.error();
        done.locks = locks.value();
    } else {
        for (const QString &setting : plan.settingsFor(statement)) {
            if (Status set = execScript(db, setting, where); !set)
                return set.error();
        }
        if (Status ran = execScript(db, statement.sql, where); !ran)
            return ran.error();
        if (recordLocks)
            done.locks = QStringList{statement.lock + QStringLiteral(" (as planned: it runs outside a transaction)")};
    }
    done.ms = clock.elapsed();
    return done;
}

} // namespace

QJsonObject PlanRun::toJson() const
{
    QJsonArray runs;
    for (const StatementRun &run : statements)
        runs << QJsonObject{{QStringLiteral("ms"), run.ms},
                            {QStringLiteral("locks"), QJsonArray::fromStringList(run.locks)}};
    QJsonObject json{{QStringLiteral("complete"), complete}, {QStringLiteral("statements"), runs}};
    if (failure)
        json.insert(QStringLiteral("failure"), failure->fullText());
    return json;
}

PlanRun runPlan(JobContext &context, const QSqlDatabase &db, const MigrationPlan &plan, bool recordLocks)
{
    PlanRun run;
    const QVector<PlannedStatement> &statements = plan.statements;
    context.setPhase(QStringLiteral("Applying"), statements.size());
    if (Status watched = execScript(db, sqlResource(QStringLiteral("watch_client_connection")),
                                    QStringLiteral("the settings before the plan"));
        !watched) {
        run.failure = watched.error();
        return run;
    }
    for (int i = 0; i < statements.size(); ++i) {
        const PlannedStatement &statement = statements.at(i);
        const QString where =
            QStringLiteral("statement %1 of %2 (%3)").arg(i + 1).arg(statements.size()).arg(statement.item.describe());
        if (context.isCancelled()) {
            run.failure =
                Error::cancelled(QStringLiteral("Cancelled before %1; the %2 before it are applied").arg(where).arg(i));
            return run;
        }
        Result<StatementRun> done = runStatement(db, plan, statement, where, recordLocks);
        if (!done) {
            Error error = done.error(); // its message starts with where
            const QString message = error.message.endsWith(QLatin1Char('.')) ? error.message.chopped(1) : error.message;
            error.message = QStringLiteral("%1. The %2 statement(s) before it are applied.").arg(message).arg(i);
            run.failure = error;
            return run;
        }
        run.statements << done.value();
        context.info(QStringLiteral("%1/%2 in %3 ms: %4")
                         .arg(i + 1)
                         .arg(statements.size())
                         .arg(done.value().ms)
                         .arg(statement.sql.section(QLatin1Char('\n'), 0, 0)));
        context.setProgress(i + 1, statements.size());
    }
    run.complete = true;
    if (Status reset = execScript(db, QStringLiteral("RESET lock_timeout; RESET statement_timeout"),
                                  QStringLiteral("the settings after the plan"));
        !reset)
        context.warning(reset.error().message); // every statement ran; only the session's settings stay
    return run;
}

} // namespace nrdb
