#include "jobs/jobcontrol.h"

#include "connection/databasesession.h"
#include "util/logging.h"
#include "util/sqlresource.h"
#include "util/threadstate.h"

#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <csignal>
#include <memory>
#include <sys/types.h>

namespace nrdb {

namespace {

constexpr int kChildGraceMs = 3000;
constexpr int kCancelRepeatMs = 100;
constexpr int kCancelGiveUpMs = 30000;

bool anyAlive(const QList<qint64> &pids)
{
    for (const qint64 pid : pids) {
        if (::kill(static_cast<pid_t>(pid), 0) == 0)
            return true;
    }
    return false;
}

void terminateChildren(JobControl &control)
{
    const QList<qint64> children = control.children();
    if (children.isEmpty())
        return;
    for (const qint64 pid : children)
        ::kill(-static_cast<pid_t>(pid), SIGTERM);
    QDeadlineTimer grace(kChildGraceMs);
    while (anyAlive(control.children()) && !grace.hasExpired())
        QThread::msleep(20);
    for (const qint64 pid : control.children())
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
}

// A query can start just after a cancel reached an idle backend, so cancel again until the job
// ends. The backend is read afresh each time: the job may connect after the cancel began, a step
// may move to another connection or server, and it is cleared when the step's connection closes.
void cancelBackend(JobControl &control)
{
    std::unique_ptr<DatabaseSession> session;
    ConnectionProfile sessionServer;
    QDeadlineTimer giveUp(kCancelGiveUpMs);
    while (!control.finished.load() && !giveUp.hasExpired()) {
        const JobBackend backend = control.backend();
        if (backend.pid != 0 && !backend.server.database.isEmpty()) {
            if (!session || !(sessionServer == backend.server)) {
                ConnectionProfile controlProfile = backend.server;
                controlProfile.applicationName = QStringLiteral("netraven-dbadmin cancel");
                session = std::make_unique<DatabaseSession>();
                sessionServer = backend.server;
                if (Status opened = session->open(controlProfile, 5); !opened) {
                    qCWarning(lcSql) << "cannot open a control connection to cancel backend" << backend.pid
                                     << opened.error().message;
                    return;
                }
                (void)QSqlQuery(session->database()).exec(sqlResource(QStringLiteral("quiet_warnings")));
            }
            QSqlQuery query(session->database());
            if (!execPrepared(query, sqlResource(QStringLiteral("cancel_backend")), {backend.pid}))
                qCWarning(lcSql) << "pg_cancel_backend failed:" << query.lastError().text();
        }
        QThread::msleep(kCancelRepeatMs);
    }
}

} // namespace

void interruptJob(JobControl &control)
{
    terminateChildren(control);
    cancelBackend(control);
    releaseThreadState();
}

} // namespace nrdb
