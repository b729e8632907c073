#include "jobs/overviewjob.h"

#include "jobs/jobcontext.h"
#include "jobs/packchoice.h"
#include "migrate/schemahistory.h"
#include "model/modelpack.h"

namespace nrdb {

namespace {

// The newest version the history records of the pack, described by the pack.
Result<QString> recordedVersion(const QSqlDatabase &db, const PackDetection &pack)
{
    if (!pack.recognised())
        return QString();
    const Result<QVector<AppliedMigration>> applied = schemahistory::applied(db, pack.pack);
    if (!applied)
        return applied.error();
    int newest = 0;
    for (const AppliedMigration &migration : applied.value())
        newest = qMax(newest, migration.version);
    if (newest == 0)
        return QString();
    const Result<ModelPack> known = ModelPack::named(pack.pack);
    return known ? known.value().describeVersion(newest) : QStringLiteral("version %1").arg(newest);
}

} // namespace

Result<DatabaseOverview> OverviewJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Reading the server summary"));
    Result<ServerInfo> info = ServerInfo::read(db.value());
    if (!info)
        return info.error();
    DatabaseOverview overview;
    overview.info = std::move(info).value();
    if (m_snapshot) {
        const Result<PackDetection> pack = detectKnownPack(db.value(), *m_snapshot);
        if (!pack)
            return pack.error();
        overview.pack = pack.value();
    }
    const Result<QString> version = recordedVersion(db.value(), overview.pack);
    if (!version)
        return version.error();
    overview.packVersion = version.value();
    if (!m_backupDirectory.isEmpty()) {
        context.setPhase(QStringLiteral("Looking for the database's backups"));
        const QVector<BackupEntry> backups =
            backupcatalog::listOf(m_backupDirectory, overview.info.currentDatabase, m_target.databaseKey());
        overview.backupDirectory = m_backupDirectory;
        if (!backups.isEmpty())
            overview.lastBackup = backups.first();
        overview.lastProof = backupcatalog::lastProven(backups);
    }
    return overview;
}

} // namespace nrdb
