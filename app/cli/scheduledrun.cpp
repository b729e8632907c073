#include "scheduledrun.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "exitcode.h"
#include "headlessjob.h"
#include "productionguard.h"

#include "backup/backupcatalog.h"
#include "backup/toolsettings.h"
#include "connection/profilestore.h"
#include "jobs/backupjob.h"
#include "jobs/provejob.h"
#include "schedule/schedulestore.h"

#include <QFileInfo>

namespace nrdb::cli {

namespace {

// Removes what the schedule's retention lets go of the database's backups there; returns how many.
Result<int> prune(const BackupSchedule &schedule, const ConnectionProfile &profile)
{
    if (schedule.retention.keepsAll())
        return 0;
    const QVector<BackupEntry> doomed =
        backupcatalog::toPrune(backupcatalog::listOf(schedule.directory, profile.database, profile.databaseKey()),
                               schedule.retention, QDateTime::currentDateTimeUtc());
    for (const BackupEntry &entry : doomed) {
        if (Status removed = backupcatalog::remove(entry); !removed)
            return removed.error();
        writeErr(QStringLiteral("Removed %1 (past the retention)\n").arg(entry.name));
    }
    return static_cast<int>(doomed.size());
}

// Proves the backup just made restorable, into record.
void prove(const ConnectionProfile &profile, const QString &backupPath, ScheduleRecord &record)
{
    auto job = std::make_shared<ProveRestorableJob>(profile, backupPath, false, configuredToolsDirectory());
    const Status done = runHeadless(job);
    record.lastProofAt = QDateTime::currentDateTimeUtc();
    record.lastProofOk = done && job->result().ok;
    record.lastProofMessage = done ? job->result().summary() : done.error().message;
    if (record.lastProofOk)
        record.runsSinceProof = 0;
}

int ended(const QString &profile, ScheduleRecord &record, bool ok, const QString &message, int exitCode)
{
    record.lastFinishedAt = QDateTime::currentDateTimeUtc();
    record.lastOk = ok;
    record.lastMessage = message;
    if (Status written = ScheduleStore::writeRecord(profile, record); !written)
        return jobFailed(written.error());
    return exitCode;
}

} // namespace

int runScheduledBackup(const CommandLine &command)
{
    if (command.positional().size() != 2)
        return command.usageError(QStringLiteral("schedule run wants a PROFILE"));
    const QString name = command.positional().at(1);
    const std::optional<BackupSchedule> schedule = ScheduleStore().schedule(name);
    if (!schedule)
        return command.failed(Error::notFound(QStringLiteral("\"%1\" has no backup schedule").arg(name)));
    ScheduleRecord record = ScheduleStore::record(name);
    record.lastStartedAt = QDateTime::currentDateTimeUtc();
    const Result<ConnectionProfile> profile = ProfileStore().profile(name);
    if (!profile)
        return ended(name, record, false, profile.error().message, jobFailed(profile.error()));
    if (!schedule->retention.keepsAll()) {
        if (auto refused = confirmProductionWrite(command, profile.value(), QStringLiteral("prune the backups of")))
            return ended(name, record, false,
                         QStringLiteral("pruning a production database's backups was not confirmed"), *refused);
    }

    BackupOptions options;
    options.outputDirectory = schedule->directory;
    options.toolsDirectory = configuredToolsDirectory();
    auto backup = std::make_shared<BackupJob>(profile.value(), options);
    if (Status done = runHeadless(backup); !done)
        return ended(name, record, false, done.error().message, jobFailed(done.error()));
    const QString path = backup->result().path;
    record.lastBackupPath = path;
    ++record.runsSinceProof;
    writeOut(path + QLatin1Char('\n'));

    const Result<int> pruned = prune(*schedule, profile.value());
    if (!pruned)
        return ended(name, record, false, pruned.error().message, jobFailed(pruned.error()));
    QString message = QStringLiteral("backed up to %1").arg(QFileInfo(path).fileName());
    if (pruned.value() > 0)
        message += QStringLiteral(", removed %1 past the retention").arg(pruned.value());
    if (schedule->proveEvery > 0 && record.runsSinceProof >= schedule->proveEvery) {
        prove(profile.value(), path, record);
        writeErr(QStringLiteral("Proof of restore: %1\n").arg(record.lastProofMessage));
        if (!record.lastProofOk)
            return ended(name, record, true, message + QStringLiteral(", but its proof of restore failed"), ExitDrift);
        message += QStringLiteral(", proven restorable");
    }
    return ended(name, record, true, message, ExitOk);
}

} // namespace nrdb::cli
