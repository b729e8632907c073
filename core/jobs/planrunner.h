#pragma once

#include "model/migrationplan.h"
#include "util/result.h"

#include <QSqlDatabase>

namespace nrdb {

class JobContext;

// How one statement of a plan went.
struct StatementRun {
    qint64 ms = 0;
    QStringList locks; // "ACCESS EXCLUSIVE on app.items", strongest first; empty unless recorded
};

// What running a plan did: a run per statement that completed, in order, and where it stopped.
struct PlanRun {
    QVector<StatementRun> statements;
    bool complete = false;
    // Why it stopped: "statement 3 of 9 (…): <server's text>. The 2 statement(s) before it are
    // applied.", or a cancel before a statement.
    std::optional<Error> failure;

    QJsonObject toJson() const;
};

// Runs plan's statements on db one after another, each committed on its own with its
// lock_timeout and statement_timeout. With recordLocks, a statement that may run in a transaction
// runs in one, and the locks it holds are read before it commits (pg_locks); one that must run on
// its own (CREATE INDEX CONCURRENTLY) reports the plan's lock. A cancel stops the running
// statement on the server. Never an error itself: a failure is in the PlanRun, with the number of
// the statement and the statements applied before it. Thread: the job's worker.
PlanRun runPlan(JobContext &context, const QSqlDatabase &db, const MigrationPlan &plan, bool recordLocks);

} // namespace nrdb
