#include "util/childprocess.h"

#include "util/logging.h"
#include "util/memoryfile.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace nrdb {

namespace {

QString findRunuser()
{
    const QStringList systemDirs{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin"),
                                 QStringLiteral("/bin")};
    QString path = QStandardPaths::findExecutable(QStringLiteral("runuser"), systemDirs);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(QStringLiteral("runuser"));
    return path;
}

// The command as the process will start it: through runuser(1) when it names another user.
Status setCommandLine(QProcess &process, const ChildCommand &command)
{
    if (command.runAsUser.isEmpty()) {
        process.setProgram(command.program);
        process.setArguments(command.arguments);
        return {};
    }
    const QString runuser = findRunuser();
    if (runuser.isEmpty())
        return Error::notFound(QStringLiteral("runuser was not found, so %1 cannot be run as user '%2'")
                                   .arg(command.program, command.runAsUser));
    process.setProgram(runuser);
    process.setArguments(QStringList{QStringLiteral("-u"), command.runAsUser, QStringLiteral("--"), command.program} +
                         command.arguments);
    return {};
}

// Its own process group: a terminal's Ctrl-C does not reach it behind our back, and a cancel can
// signal the whole group. It dies with the thread that started it (and so with this process),
// even a killed one. A passfile in memory is handed to this child alone.
void tieToThisProcess(QProcess &process, const QProcessEnvironment &environment)
{
    const pid_t parent = ::getpid();
    const int passFile = MemoryFile::descriptorOf(environment.value(QStringLiteral("PGPASSFILE")));
    process.setChildProcessModifier([parent, passFile] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127); // the parent died before the line above took effect
        if (passFile >= 0)
            ::fcntl(passFile, F_SETFD, 0);
    });
}

// The child's standard error, handed on a whole line at a time as it comes (nothing without a
// callback: the outcome keeps it then).
class StandardErrorLines {
public:
    StandardErrorLines(QProcess &process, const std::function<void(const QString &)> &onLine)
        : m_process(process), m_onLine(onLine)
    {
    }

    bool streaming() const { return bool(m_onLine); }

    void pass() { passLines(false); }
    void passTheRest() { passLines(true); }

private:
    void passLines(bool all)
    {
        if (!m_onLine)
            return;
        m_pending += m_process.readAllStandardError();
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            m_onLine(QString::fromLocal8Bit(m_pending.left(end)));
            m_pending.remove(0, end + 1);
        }
        if (all && !m_pending.isEmpty()) {
            m_onLine(QString::fromLocal8Bit(m_pending));
            m_pending.clear();
        }
    }

    QProcess &m_process;
    const std::function<void(const QString &)> &m_onLine;
    QByteArray m_pending;
};

void feedInput(QProcess &process, const std::function<QByteArray()> &nextInputChunk, StandardErrorLines &lines)
{
    for (QByteArray chunk = nextInputChunk(); !chunk.isEmpty(); chunk = nextInputChunk()) {
        process.write(chunk);
        while (process.bytesToWrite() > 0 && process.state() == QProcess::Running)
            process.waitForBytesWritten(100);
        lines.pass();
        if (process.state() != QProcess::Running)
            break;
    }
    process.closeWriteChannel();
}

// Whether the child finished before the deadline; its lines passed on and onWaiting called
// about every 100 ms meanwhile.
bool waitForFinish(QProcess &process, const QDeadlineTimer &deadline, StandardErrorLines &lines,
                   const std::function<void()> &onWaiting)
{
    if (!lines.streaming())
        return process.waitForFinished(int(deadline.remainingTime()));
    bool finished = false;
    while (!(finished = process.waitForFinished(100)) && !deadline.hasExpired()) {
        lines.pass();
        if (onWaiting)
            onWaiting();
    }
    lines.passTheRest();
    return finished;
}

ChildOutcome outcomeOf(QProcess &process)
{
    ChildOutcome outcome;
    outcome.crashed = process.exitStatus() == QProcess::CrashExit;
    outcome.exitCode = process.exitCode();
    outcome.standardOutput = QString::fromLocal8Bit(process.readAllStandardOutput());
    outcome.standardError = QString::fromLocal8Bit(process.readAllStandardError());
    return outcome;
}

} // namespace

Result<ChildOutcome> ChildCommand::run() const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (Status set = setCommandLine(process, *this); !set)
        return set.error();
    tieToThisProcess(process, environment);
    qCDebug(lcProcess) << "running" << process.program() << process.arguments();
    const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    process.start();
    if (!process.waitForStarted())
        return Error::process(QStringLiteral("Could not start %1: %2").arg(program, process.errorString()));
    if (onStarted)
        onStarted(process.processId());
    StandardErrorLines lines(process, onStandardErrorLine);
    if (nextInputChunk)
        feedInput(process, nextInputChunk, lines);
    if (!waitForFinish(process, deadline, lines, onWaiting)) {
        process.kill();
        process.waitForFinished();
        return Error::timeout(
            QStringLiteral("%1 did not finish within %2 s and was stopped").arg(program).arg(timeoutMs / 1000),
            QString::fromLocal8Bit(process.readAllStandardError()));
    }
    return outcomeOf(process);
}

QProcessEnvironment environmentWithoutLibpqVariables()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("PG")))
            environment.remove(key);
    }
    return environment;
}

} // namespace nrdb
