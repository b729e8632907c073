#include "jobs/jobrunner.h"

#include "jobs/jobcontext.h"
#include "jobs/jobcontrol.h"
#include "util/eventwait.h"
#include "util/threadstate.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace nrdb {

namespace {

QString writeKeyOf(const Job &job)
{
    const ConnectionProfile changed = job.writes();
    if (job.access() != JobAccess::Write || changed.database.isEmpty())
        return {};
    return changed.databaseKey();
}

} // namespace

JobRunner::JobRunner(int maxConcurrentJobs, QObject *parent) : QObject(parent), m_maxConcurrentJobs(maxConcurrentJobs)
{
    qRegisterMetaType<JobProgress>();
    qRegisterMetaType<JobState>();
    qRegisterMetaType<LogRecord>();
    m_workers.setMaxThreadCount(maxConcurrentJobs);
    m_interrupters.setMaxThreadCount(2);
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_workers.waitForDone();
    m_interrupters.waitForDone();
}

JobId JobRunner::submit(std::shared_ptr<Job> job)
{
    Q_ASSERT(job);
    const JobId id = m_nextId++;
    Entry entry;
    entry.writeKey = writeKeyOf(*job);
    entry.job = std::move(job);
    entry.control = std::make_shared<JobControl>();
    entry.clock.start();
    const QString title = entry.job->title();
    const bool quiet = entry.job->isQuiet();
    m_entries.insert(id, std::move(entry));
    m_waiting.append(id);
    if (!quiet)
        emit submitted(id, title);
    startReadyJobs();
    return id;
}

void JobRunner::startReadyJobs()
{
    QSet<QString> heldKeys;
    int running = 0;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->state == JobState::Running) {
            ++running;
            if (!it->writeKey.isEmpty())
                heldKeys.insert(it->writeKey);
        }
    }
    for (auto it = m_waiting.begin(); it != m_waiting.end() && running < m_maxConcurrentJobs;) {
        const QString key = m_entries.value(*it).writeKey;
        if (!key.isEmpty() && heldKeys.contains(key)) {
            ++it; // its database is busy; later writers to it wait behind it
            continue;
        }
        if (!key.isEmpty())
            heldKeys.insert(key);
        const JobId id = *it;
        it = m_waiting.erase(it);
        ++running;
        launch(id);
    }
}

void JobRunner::launch(JobId id)
{
    Entry &entry = m_entries[id];
    entry.state = JobState::Running;
    entry.clock.restart();
    entry.watcher = new QFutureWatcher<Outcome>(this);
    connect(entry.watcher, &QFutureWatcher<Outcome>::finished, this, [this, id] { onWorkerFinished(id); });
    emit started(id);
    entry.watcher->setFuture(
        QtConcurrent::run(&m_workers, &JobRunner::runOnWorker, id, entry.job, entry.control, this));
}

// A job that throws fails, with what it threw, instead of taking the pool thread and the
// process with it; the runner goes on with the next job.
Status JobRunner::runCatching(Job &job, JobContext &context)
{
    try {
        return job.run(context);
    } catch (const std::exception &exception) {
        return Error::process(
            tr("%1 failed with an internal error: %2").arg(job.title(), QString::fromLocal8Bit(exception.what())));
    } catch (...) {
        return Error::process(tr("%1 failed with an internal error").arg(job.title()));
    }
}

void JobRunner::runOnWorker(QPromise<Outcome> &promise, JobId id, std::shared_ptr<Job> job,
                            std::shared_ptr<JobControl> control, JobRunner *runner)
{
    // Reports hop to the runner's thread; the runner outlives its workers (see the destructor).
    JobEventSink sink;
    sink.progress = [runner, id](const JobProgress &progress) {
        QMetaObject::invokeMethod(
            runner, [runner, id, progress] { emit runner->progressChanged(id, progress); }, Qt::QueuedConnection);
    };
    sink.log = [runner, quiet = job->isQuiet()](const LogRecord &record) {
        if (quiet && record.level() < LogLevel::Warning)
            return; // a quiet job says only what went wrong
        QMetaObject::invokeMethod(
            runner, [runner, record] { emit runner->messageLogged(record); }, Qt::QueuedConnection);
    };
    Outcome outcome;
    {
        JobContext context(id, job->title(), job->target(), control, sink);
        outcome.status = context.isCancelled() ? Status(JobContext::cancelledError()) : runCatching(*job, context);
    } // the job's connection closes here, before anyone learns that it finished
    releaseThreadState();
    control->finished.store(true);
    outcome.cancelRequested = control->cancelRequested.load();
    promise.addResult(std::move(outcome));
}

void JobRunner::onWorkerFinished(JobId id)
{
    Entry &entry = m_entries[id];
    const Outcome outcome = entry.watcher->result();
    entry.watcher->deleteLater();
    entry.watcher = nullptr;
    if (outcome.status) {
        if (outcome.cancelRequested && !entry.job->isQuiet())
            log(id, LogLevel::Info, tr("The cancel came after the job had finished its work"));
        finish(id, JobState::Succeeded, {});
    } else if (outcome.cancelRequested || outcome.status.error().kind == ErrorKind::Cancelled) {
        finish(id, JobState::Cancelled, JobContext::cancelledError());
    } else {
        finish(id, JobState::Failed, outcome.status.error());
    }
    startReadyJobs();
}

void JobRunner::finish(JobId id, JobState state, const Error &error)
{
    Entry &entry = m_entries[id];
    entry.state = state;
    const QString elapsed = formatDuration(entry.clock.elapsed());
    const bool quiet = entry.job && entry.job->isQuiet();
    switch (state) {
    case JobState::Succeeded:
        if (!quiet)
            log(id, LogLevel::Info, tr("Succeeded in %1").arg(elapsed));
        break;
    case JobState::Cancelled:
        if (!quiet)
            log(id, LogLevel::Warning, tr("Cancelled after %1").arg(elapsed));
        break;
    default:
        log(id, LogLevel::Error,
            tr("Failed after %1: %2%3")
                .arg(elapsed, error.fullText(),
                     error.sqlState.isEmpty() ? QString() : tr(" (SQLSTATE %1)").arg(error.sqlState)));
    }
    m_finishedStates.insert(id, state);
    // A finished job is the submitter's: the runner keeps only how it ended, so a window that runs
    // thousands of jobs holds none of their results.
    const std::shared_ptr<Job> keepUntilReported = std::move(entry.job);
    m_entries.remove(id);
    const ConnectionProfile target = keepUntilReported->target();
    if (state == JobState::Failed && !target.database.isEmpty())
        emit failedOn(target, error);
    emit finished(id, state, error);
}

void JobRunner::log(JobId id, LogLevel level, const QString &text)
{
    const auto it = m_entries.constFind(id);
    emit messageLogged(LogRecord(level, text, id, it == m_entries.constEnd() ? QString() : it->job->title()));
}

void JobRunner::cancel(JobId id)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || isFinished(it->state) || it->control->cancelRequested.exchange(true))
        return;
    if (it->state == JobState::Queued) {
        m_waiting.removeOne(id);
        finish(id, JobState::Cancelled, JobContext::cancelledError());
        return;
    }
    if (!it->job->isQuiet())
        log(id, LogLevel::Info, tr("Cancelling…"));
    // Stopping children and the server's query blocks, so it runs beside the job, not here.
    (void)QtConcurrent::run(&m_interrupters, [control = it->control] { interruptJob(*control); });
}

void JobRunner::cancelAll()
{
    const QList<JobId> ids = m_entries.keys();
    for (const JobId id : ids)
        cancel(id);
}

JobState JobRunner::state(JobId id) const
{
    const auto it = m_entries.constFind(id);
    return it != m_entries.constEnd() ? it->state : m_finishedStates.value(id, JobState::Queued);
}

bool JobRunner::isIdle() const
{
    for (const Entry &entry : m_entries) {
        if (!isFinished(entry.state))
            return false;
    }
    return true;
}

bool JobRunner::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!isIdle()) {
        if (deadline.hasExpired())
            return false;
        waitForEvents(50);
    }
    return true;
}

} // namespace nrdb
