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

} // namespace

Result<ChildOutcome> ChildCommand::run() const
{
    QString actualProgram = program;
    QStringList actualArguments = arguments;
    if (!runAsUser.isEmpty()) {
        const QString runuser = findRunuser();
        if (runuser.isEmpty())
            return Error::notFound(
                QStringLiteral("runuser was not found, so %1 cannot be run as user '%2'").arg(program, runAsUser));
        actualProgram = runuser;
        actualArguments = QStringList{QStringLiteral("-u"), runAsUser, QStringLiteral("--"), program} + arguments;
    }

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProgram(actualProgram);
    process.setArguments(actualArguments);
    // Its own process group: a terminal's Ctrl-C does not reach it behind our back, and a
    // cancel can signal the whole group. It dies with the thread that started it (and so with
    // this process), even a killed one. A passfile in memory is handed to this child alone.
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
    qCDebug(lcProcess) << "running" << actualProgram << actualArguments;
    process.start();
    if (!process.waitForStarted())
        return Error::process(QStringLiteral("Could not start %1: %2").arg(program, process.errorString()));
    if (onStarted)
        onStarted(process.processId());
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    QByteArray pendingError;
    const auto passLines = [&](bool all) {
        pendingError += process.readAllStandardError();
        qsizetype end;
        while ((end = pendingError.indexOf('\n')) >= 0) {
            onStandardErrorLine(QString::fromLocal8Bit(pendingError.left(end)));
            pendingError.remove(0, end + 1);
        }
        if (all && !pendingError.isEmpty()) {
            onStandardErrorLine(QString::fromLocal8Bit(pendingError));
            pendingError.clear();
        }
    };
    bool finished = false;
    if (nextInputChunk) {
        for (QByteArray chunk = nextInputChunk(); !chunk.isEmpty(); chunk = nextInputChunk()) {
            process.write(chunk);
            while (process.bytesToWrite() > 0 && process.state() == QProcess::Running)
                process.waitForBytesWritten(100);
            if (onStandardErrorLine)
                passLines(false);
            if (process.state() != QProcess::Running)
                break;
        }
        process.closeWriteChannel();
    }
    if (onStandardErrorLine) {
        while (!(finished = process.waitForFinished(100)) && !deadline.hasExpired()) {
            passLines(false);
            if (onWaiting)
                onWaiting();
        }
        passLines(true);
    } else {
        finished = process.waitForFinished(timeoutMs);
    }
    if (!finished) {
        process.kill();
        process.waitForFinished();
        return Error::timeout(
            QStringLiteral("%1 did not finish within %2 s and was stopped").arg(program).arg(timeoutMs / 1000),
            QString::fromLocal8Bit(process.readAllStandardError()));
    }
    ChildOutcome outcome;
    outcome.crashed = process.exitStatus() == QProcess::CrashExit;
    outcome.exitCode = process.exitCode();
    outcome.standardOutput = QString::fromLocal8Bit(process.readAllStandardOutput());
    outcome.standardError = QString::fromLocal8Bit(process.readAllStandardError());
    return outcome;
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
