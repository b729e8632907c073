#pragma once

#include "jobs/job.h"
#include "jobs/jobtypes.h"
#include "log/logrecord.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace nrdb {

struct JobControl;

// Runs jobs on its own thread pool (QtConcurrent, run-with-promise) and reports on them through
// signals emitted on its own thread; workers reach it only through queued calls. Write jobs on
// one database run one after the other, in the order submitted; read-only jobs run beside them.
// Thread: the thread it lives on (the GUI thread, or the CLI's main thread).
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(int maxConcurrentJobs = 4, QObject *parent = nullptr);
    // Cancels whatever still runs and waits for it.
    ~JobRunner() override;

    JobId submit(std::shared_ptr<Job> job);
    // A queued job ends at once; a running one is interrupted (flag, server-side cancel, child
    // processes terminated) and ends as Cancelled.
    void cancel(JobId id);
    void cancelAll();

    JobState state(JobId id) const;
    bool isIdle() const;
    // Processes events until no job is queued or running; false on timeout. For the CLI and tests.
    bool waitForIdle(int timeoutMs);

signals:
    void submitted(nrdb::JobId id, const QString &title); // not for a quiet job (Job::isQuiet)
    void started(nrdb::JobId id);
    void progressChanged(nrdb::JobId id, const nrdb::JobProgress &progress);
    void messageLogged(const nrdb::LogRecord &record);
    // error is empty unless state is Failed (or Cancelled, saying so).
    void finished(nrdb::JobId id, nrdb::JobState state, const nrdb::Error &error);
    // Just before finished, for a job with a target database that failed: which database it was.
    void failedOn(const nrdb::ConnectionProfile &target, const nrdb::Error &error);

private:
    struct Outcome {
        Status status;
        bool cancelRequested = false;
    };
    struct Entry {
        std::shared_ptr<Job> job;
        std::shared_ptr<JobControl> control;
        JobState state = JobState::Queued;
        QString writeKey; // the database a write job holds; empty for read-only jobs
        QElapsedTimer clock;
        QFutureWatcher<Outcome> *watcher = nullptr;
    };

    void startReadyJobs();
    void launch(JobId id);
    void onWorkerFinished(JobId id);
    void finish(JobId id, JobState state, const Error &error);
    void log(JobId id, LogLevel level, const QString &text);
    static Status runCatching(Job &job, JobContext &context);
    static void runOnWorker(QPromise<Outcome> &promise, JobId id, std::shared_ptr<Job> job,
                            std::shared_ptr<JobControl> control, JobRunner *runner);

    QHash<JobId, Entry> m_entries;           // queued and running jobs
    QHash<JobId, JobState> m_finishedStates; // how each finished one ended
    QList<JobId> m_waiting;                  // submitted, not yet started, in submission order
    QThreadPool m_workers;
    QThreadPool m_interrupters;
    JobId m_nextId = 1;
    int m_maxConcurrentJobs;
};

} // namespace nrdb
