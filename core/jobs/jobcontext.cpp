#include "jobs/jobcontext.h"

#include "connection/databasesession.h"
#include "connection/resolvedconnection.h"
#include "jobs/jobcontrol.h"
#include "util/sqlresource.h"

#include <QSqlQuery>
#include <QVariant>

#include <csignal>

namespace nrdb {

namespace {
// Progress reports closer together than this are folded into the next one.
constexpr qint64 kProgressIntervalMs = 100;
} // namespace

JobContext::JobContext(JobId id, QString title, ConnectionProfile target, std::shared_ptr<JobControl> control,
                       JobEventSink sink)
    : m_id(id), m_title(std::move(title)), m_target(std::move(target)), m_control(std::move(control)),
      m_sink(std::move(sink))
{
}

JobContext::~JobContext()
{
    m_session.reset();
    m_control->removeBackend(this); // a nested step's end gives the cancel back its parent's connection
}

bool JobContext::isCancelled() const
{
    return m_control->cancelRequested.load();
}

Error JobContext::cancelledError()
{
    return Error::cancelled(QStringLiteral("Cancelled"));
}

void JobContext::setPhase(const QString &phase, qint64 total)
{
    m_progress = JobProgress{phase, 0, total};
    reportProgress(true);
}

void JobContext::setProgress(qint64 done, qint64 total)
{
    m_progress.done = done;
    m_progress.total = total;
    reportProgress(done >= total);
}

void JobContext::reportProgress(bool force)
{
    if (!force && m_sinceLastReport.isValid() && m_sinceLastReport.elapsed() < kProgressIntervalMs)
        return;
    m_sinceLastReport.start();
    if (m_sink.progress)
        m_sink.progress(m_progress);
}

void JobContext::log(LogLevel level, const QString &text)
{
    if (m_sink.log)
        m_sink.log(LogRecord(level, text, m_id, m_title));
}

QString JobContext::clientName(const QString &purpose) const
{
    return QStringLiteral("netraven-dbadmin %1 %2-%3")
        .arg(purpose)
        .arg(m_id)
        .arg(m_control->token, 8, 16, QLatin1Char('0'));
}

Result<QSqlDatabase> JobContext::database(int connectTimeoutSeconds)
{
    if (m_session)
        return m_session->database();
    if (m_target.database.isEmpty())
        return Error::usage(QStringLiteral("This job has no database to connect to"));
    ConnectionProfile profile = m_target;
    profile.applicationName = clientName(QStringLiteral("job"));
    auto session = std::make_unique<DatabaseSession>();
    if (Status opened = session->open(profile, connectTimeoutSeconds); !opened)
        return opened.error();
    QSqlQuery query(session->database());
    if (!query.exec(sqlResource(QStringLiteral("backend_pid"))) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not read the connection's backend"));
    m_control->addBackend(this, JobBackend{query.value(0).toInt(), m_target});
    m_session = std::move(session);
    if (isCancelled())
        return cancelledError();
    return m_session->database();
}

std::unique_ptr<JobContext> JobContext::forTarget(const ConnectionProfile &target) const
{
    return std::make_unique<JobContext>(m_id, m_title, target, m_control, m_sink);
}

Result<std::unique_ptr<JobContext>> JobContext::forResolvedTarget(const ConnectionProfile &target)
{
    const Result<ResolvedConnection> resolved = resolveConnection(target);
    if (!resolved)
        return resolved.error();
    for (const QString &warning : resolved.value().warnings)
        this->warning(warning);
    return forTarget(resolved.value().profile);
}

Result<ChildOutcome> JobContext::runChild(ChildCommand command)
{
    if (isCancelled())
        return cancelledError();
    qint64 childPid = 0;
    const std::shared_ptr<JobControl> control = m_control;
    command.onStarted = [control, &childPid](qint64 pid) {
        childPid = pid;
        control->addChild(pid);
        // A cancel that came between the check above and now found no child to stop.
        if (control->cancelRequested.load())
            ::kill(-static_cast<pid_t>(pid), SIGTERM);
    };
    Result<ChildOutcome> outcome = command.run();
    if (childPid != 0)
        m_control->removeChild(childPid);
    if (isCancelled())
        return cancelledError();
    return outcome;
}

} // namespace nrdb
