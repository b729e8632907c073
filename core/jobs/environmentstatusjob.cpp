#include "jobs/environmentstatusjob.h"

#include "connection/serverinfo.h"
#include "jobs/jobcontext.h"
#include "jobs/verifyjob.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace nrdb {

namespace {

Result<double> timedRoundTrip(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    QElapsedTimer clock;
    clock.start();
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not reach the server"));
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

void takeVerify(const VerifyReport &report, EnvironmentStatus &status)
{
    status.packVerdict = report.verdict();
    status.lintFindings = static_cast<int>(report.findings.size());
    if (report.isForeign())
        return;
    status.pack = report.pack;
    status.packVersion = report.modelVersionText;
    status.differences = report.differenceCount();
    if (report.foreignHistory)
        status.alembicRevision = report.foreignHistory->found.join(QStringLiteral(", "));
}

} // namespace

Status EnvironmentStatusJob::readInto(JobContext &context, EnvironmentStatus &status) const
{
    QElapsedTimer clock;
    clock.start();
    context.setPhase(QStringLiteral("Connecting to %1").arg(m_environment.displayName()));
    Result<std::unique_ptr<JobContext>> resolved = context.forResolvedTarget(m_environment);
    if (!resolved)
        return resolved.error();
    JobContext &session = *resolved.value();
    const Result<QSqlDatabase> db = session.database(kConnectTimeoutSeconds);
    if (!db)
        return db.error();
    status.connectMs = clock.elapsed();
    const Result<double> roundTrip = timedRoundTrip(db.value());
    if (!roundTrip)
        return roundTrip.error();
    status.roundTripMs = roundTrip.value();
    status.reached = true;
    const Result<ServerInfo> info = ServerInfo::read(db.value());
    if (!info)
        return info.error();
    status.serverVersion = info.value().serverVersion;
    status.databaseSizeBytes = info.value().databaseSizeBytes;
    status.connections = info.value().databaseConnections;
    status.freeConnections = info.value().freeConnections;
    const Result<Verified> verified =
        VerifyJob::verifyOn(session, db.value(), PackChoice::fromCatalog(), m_environment);
    if (!verified)
        return verified.error();
    takeVerify(verified.value().report, status);
    if (!m_backupDirectory.isEmpty()) {
        const QVector<BackupEntry> backups =
            backupcatalog::listOf(m_backupDirectory, info.value().currentDatabase, m_environment.databaseKey());
        status.backupDirectory = m_backupDirectory;
        if (!backups.isEmpty())
            status.lastBackup = backups.first();
        status.lastProof = backupcatalog::lastProven(backups);
    }
    return {};
}

Result<EnvironmentStatus> EnvironmentStatusJob::execute(JobContext &context)
{
    EnvironmentStatus status;
    status.profile = m_environment;
    status.profile.password.clear();
    status.readAt = QDateTime::currentDateTimeUtc();
    if (Status read = readInto(context, status); !read) {
        if (context.isCancelled())
            return JobContext::cancelledError();
        status.failure = read.error();
    }
    return status;
}

} // namespace nrdb
