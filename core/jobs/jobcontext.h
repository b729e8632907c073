#pragma once

#include "connection/connectionprofile.h"
#include "connection/databasesession.h"
#include "jobs/jobcontrol.h"
#include "jobs/jobtypes.h"
#include "log/logrecord.h"
#include "util/childprocess.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace nrdb {

struct JobControl;

// Where a running job's reports go; called on the worker thread.
struct JobEventSink {
    std::function<void(const JobProgress &)> progress;
    std::function<void(const LogRecord &)> log;
};

// A running job's view of the world: progress, log, cancellation, its own database connection
// and its child processes. Created and destroyed on the job's worker thread, which alone may use
// it; the connection is opened there on first use and closed with the context.
class JobContext {
public:
    JobContext(JobId id, QString title, ConnectionProfile target, std::shared_ptr<JobControl> control,
               JobEventSink sink);
    ~JobContext();
    JobContext(const JobContext &) = delete;
    JobContext &operator=(const JobContext &) = delete;

    JobId id() const { return m_id; }
    const ConnectionProfile &target() const { return m_target; }
    // The application_name for this job's connections and clients doing `purpose` ("backup",
    // "restore"), unique on the server: job ids restart in each runner and each process, so it
    // carries the job's token as well. Sessions are found by it (progress, ending a failed
    // pg_dump's), and another job of the same id must never be taken for this one.
    QString clientName(const QString &purpose) const;

    bool isCancelled() const;
    // An Error of kind Cancelled, to return from run() when isCancelled().
    static Error cancelledError();

    void setPhase(const QString &phase, qint64 total = 0);
    void setProgress(qint64 done, qint64 total);
    void log(LogLevel level, const QString &text);
    void info(const QString &text) { log(LogLevel::Info, text); }
    void warning(const QString &text) { log(LogLevel::Warning, text); }

    // The job's connection to target(), opened on first use (waiting at most connectTimeoutSeconds
    // for the server); its backend pid is recorded so that a cancel can reach the query it runs.
    Result<QSqlDatabase> database(int connectTimeoutSeconds = kDefaultConnectTimeoutSeconds);
    // A context for a step on another database, sharing this job's id, log, progress and cancel.
    std::unique_ptr<JobContext> forTarget(const ConnectionProfile &target) const;
    // The same for a profile whose password is still to be found (keychain, pgpass, environment):
    // resolved here, its warnings logged. Blocks on the keychain, as jobs may.
    Result<std::unique_ptr<JobContext>> forResolvedTarget(const ConnectionProfile &target);
    // Runs a child process that a cancel terminates.
    Result<ChildOutcome> runChild(ChildCommand command);

private:
    void reportProgress(bool force);

    JobId m_id;
    QString m_title;
    ConnectionProfile m_target;
    std::shared_ptr<JobControl> m_control;
    JobEventSink m_sink;
    std::unique_ptr<DatabaseSession> m_session;
    JobProgress m_progress;
    QElapsedTimer m_sinceLastReport;
};

} // namespace nrdb
