#pragma once

#include "backup/backupsource.h"
#include "jobs/jobwithresult.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace nrdb {

struct RestoreOptions {
    QString source; // a .dump, a directory archive, a .sql or a .sql.gz
    QString targetDatabase;
    bool replaceExisting = false; // the target exists and is to be replaced…
    QString confirmedName;        // …which needs its name typed again
    bool safetyBackup = true;     // back the replaced database up first
    QString safetyBackupDirectory;
    QStringList selectedEntries; // custom/directory: table-of-contents lines to restore; empty: all
    QStringList tables;          // custom/directory: only these tables ("schema.name", restoresubset); empty: all
    bool keepOwnership = true;   // owners and grants as the backup has them (when the server has the roles)
    QString toolsDirectory;
    int jobs = 0; // parallel pg_restore jobs (custom, directory); 0: sized to the cores and free connections
    QString
        temporaryPurpose; // the restored database is itself temporary and keeps a marker saying so ("proof scratch")
};

struct RestoreReport {
    QString database;
    SourceKind sourceKind = SourceKind::Custom;
    QStringList missingRoles; // owners the backup names that this server lacks
    bool ownershipSkipped = false;
    QString safetyBackupPath;
    QString keptOriginalAs; // the replaced database, kept under this name when no safety backup was taken
    qint64 durationMs = 0;

    QJsonObject toJson() const; // what --json prints
};

// Restores with the real pg_restore or psql, always into a new database first: the backup is
// checked before anything is created (its SHA-256 against its manifest, then its content), a failed restore drops what
// it made, and an existing database is replaced (after its name was typed and a safety backup was taken) only once the
// new one is complete. Owners the server lacks are skipped, with a message. Any error during
// the restore is a failure, listed by kind. target: the server, as a user who may create
// databases. Thread: as JobWithResult.
class RestoreJob : public JobWithResult<RestoreReport> {
public:
    RestoreJob(ConnectionProfile server, RestoreOptions options);

    QString title() const override { return QStringLiteral("Restore into %1").arg(m_options.targetDatabase); }
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override;
    // The database restored into (or replaced): a seed or migration of it waits for the restore.
    ConnectionProfile writes() const override;

    // The tool's error lines, grouped: "3 × relation "x" already exists".
    static QStringList groupErrors(const QStringList &errorLines);

protected:
    Result<RestoreReport> execute(JobContext &context) override;

private:
    // Whether the target exists, and so is to be replaced; an error when it exists and the
    // options do not name it for replacing.
    Result<bool> checkTarget(const QSqlDatabase &db) const;
    // Only the tables asked for: the entries that restore them alone (restoresubset).
    Status chooseTables(JobContext &context, const BackupSource &source);
    // The backup's owners this server has no role for: ownership and grants are then left out.
    Status noteMissingOwners(JobContext &context, const QSqlDatabase &db, const BackupSource &source,
                             RestoreReport &report) const;
    // The database about to be replaced, backed up and read back whole; the backup's path.
    Result<QString> backUpTheReplaced(JobContext &context) const;
    // Into a marked staging copy, which then takes the target's name (the replaced one moved
    // aside, and dropped once a safety backup holds it); a failed restore drops the copy.
    Status restoreAndPlace(JobContext &context, const QSqlDatabase &db, const BackupSource &source,
                           const ClientTools &tools, bool replacing, RestoreReport &report);
    // The file against its manifest's SHA-256, when it has a manifest; a manifest that cannot be
    // read is a refusal, not a pass.
    static Status matchesItsManifest(JobContext &context, const QString &path);
    // Drops a half-restored staging database and returns error, telling when even that failed.
    Error dropStaging(JobContext &context, const QString &staging, Error error) const;
    // The staging copy takes the target's name, the replaced database moved aside first, in one
    // transaction: the target's name is never missing, and the copy's marker goes as it takes
    // the name. Sessions on the replaced database are ended when they block it.
    Status putInPlace(const QSqlDatabase &db, const QString &staging, const QString &aside) const;
    Status renameInOneTransaction(const QSqlDatabase &db, const QString &staging, const QString &aside) const;
    Status runRestore(JobContext &context, const BackupSource &source, const ClientTools &tools,
                      const QString &database, bool skipOwnership);

    ConnectionProfile m_server;
    RestoreOptions m_options;
    int m_parallelJobs = 1;
    bool m_hasCopyProgress = false;
};

} // namespace nrdb
