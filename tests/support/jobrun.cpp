#include "jobrun.h"

#include "jobs/jobrunner.h"
#include "log/logrecord.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>

namespace nrdb::test {

std::optional<Error> failureOf(const std::shared_ptr<Job> &job, QStringList *logged, int timeoutMs)
{
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    if (logged)
        QObject::connect(&runner, &JobRunner::messageLogged,
                         [logged](const LogRecord &record) { *logged << record.text(); });
    runner.submit(job);
    if (!runner.waitForIdle(timeoutMs) || finished.isEmpty())
        return Error::timeout(QStringLiteral("%1 did not end in %2 ms").arg(job->title()).arg(timeoutMs));
    if (finished.first().at(1).value<JobState>() == JobState::Succeeded)
        return std::nullopt;
    return finished.first().at(2).value<Error>();
}

bool runToSuccess(const std::shared_ptr<Job> &job, QStringList *logged, int timeoutMs)
{
    const std::optional<Error> error = failureOf(job, logged, timeoutMs);
    if (error)
        qWarning("%s", qPrintable(error->fullText()));
    return !error;
}

QStringList schemaDump(const ConnectionProfile &profile, const QString &binDir, const QStringList &extraArguments)
{
    QProcess dump;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), profile.password);
    dump.setProcessEnvironment(environment);
    dump.start(QDir(binDir).filePath(QStringLiteral("pg_dump")),
               QStringList{QStringLiteral("-s"), QStringLiteral("-h"), profile.host, QStringLiteral("-p"), profile.port,
                           QStringLiteral("-U"), profile.user} +
                   extraArguments + QStringList{profile.database});
    if (!dump.waitForFinished(60000) || dump.exitCode() != 0)
        return {QString::fromUtf8(dump.readAllStandardError())};
    static const QRegularExpression varying(QStringLiteral("^\\\\(un)?restrict "));
    QStringList lines = QString::fromUtf8(dump.readAllStandardOutput()).split(QLatin1Char('\n'));
    lines.removeIf([](const QString &line) { return varying.match(line).hasMatch(); });
    return lines;
}

} // namespace nrdb::test
