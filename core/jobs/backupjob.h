#pragma once

#include "backup/backupmanifest.h"
#include "catalog/schemasnapshot.h"
#include "jobs/jobwithresult.h"
#include "model/modelpack.h"

#include <QSqlDatabase>

#include <optional>

namespace nrdb {

struct ServerInfo;
struct ServerTools;

struct BackupOptions {
    QString outputDirectory;
    std::optional<BackupFormat> format; // empty: custom below directoryThresholdBytes, directory above
    int compression = -1;               // gzip level 0-9; -1: kDefaultCompression
    int jobs = 0;                       // directory format; 0: sized to the cores and the server's free connections
    QStringList includeSchemas;
    QStringList excludeSchemas;
    QStringList includeTables; // schema.table, pg_dump patterns
    QStringList excludeTables;
    QStringList excludeTableData;                       // tables whose rows stay out
    bool shareable = false;                             // the rows of the detected pack's secret tables stay out too
    qint64 directoryThresholdBytes = qint64(256) << 20; // above it, parallel jobs pay for themselves
    QString toolsDirectory;                             // empty: discovered
    bool readBackWhole = false; // pg_restore reads a custom or directory archive back whole, whatever its size
};

// Every custom and directory archive is proven whole in-process before it is kept (every data
// block where its table of contents says, the file ending where the last block does). Up to this
// size pg_restore also decompresses it all, cheap beside the dump; larger ones only when
// readBackWhole asks (a restore's safety backup does).
constexpr qint64 kReadBackWholeBytes = qint64(4) << 20;

// The gzip level of a backup whose options leave it open. pg_dump compresses in its own process,
// and that is what a dump waits for: level 1 takes about 0.55 of the time of pg_dump's own
// default (6) for about a quarter more bytes (tests/benchmarks/bench_backup), and a shorter dump
// holds its snapshot, and with it vacuum's horizon, for less time.
constexpr int kDefaultCompression = 1;

// A backup that can be shared: the rows of the pack's secret tables (credentials) stay out.
void leaveOutSecretRows(BackupOptions &options, const ModelPack &pack);

struct BackupResult {
    QString path;
    QString manifestPath;
    BackupManifest manifest;

    QJsonObject toJson() const; // what --json prints
};

// Backs a database up with the real pg_dump. The archive is written under a name of its own and
// gets its final name only after pg_dump exited 0 and the archive was checked (pg_restore --list,
// every data block proven in place, and up to kReadBackWholeBytes decompressed by pg_restore; or
// a complete gzip stream ending with pg_dump's completion line) and synced to disk; its manifest is written whole and
// synced before either takes its final name, and an existing backup is never replaced. Row counts come from the very
// snapshot pg_dump dumps. Cancel kills pg_dump, ends its backends and removes the partial file. Thread: as
// JobWithResult.
class BackupJob : public JobWithResult<BackupResult> {
public:
    BackupJob(ConnectionProfile target, BackupOptions options);

    QString title() const override { return QStringLiteral("Back up %1").arg(m_target.database); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<BackupResult> execute(JobContext &context) override;

private:
    // The backup itself, on a context whose target has its password.
    Result<BackupResult> backUpOn(JobContext &context);
    struct DumpPlan {
        BackupFormat format = BackupFormat::Custom;
        int jobs = 1;
    };
    // The format (the options', or by the database's size) and the number of pg_dump jobs.
    DumpPlan planDump(const ServerInfo &server) const;
    // Makes the output directory (removing what killed backups left in it), names the backup and
    // records its options in the manifest; the final path, which must not exist yet.
    Result<QString> nameBackup(JobContext &context, const DumpPlan &plan, BackupManifest &manifest) const;
    // pg_dump into partialPath, and the row counts of the tables it dumps, both in one exported
    // snapshot; the counts. On failure the caller removes partialPath.
    Result<QMap<QString, qint64>> dumpInOneSnapshot(JobContext &context, const ServerTools &connected,
                                                    const DumpPlan &plan, const SchemaSnapshot &snapshot,
                                                    const QString &partialPath);
    // The pack the database is (its history, or its catalog) and its version, into the manifest.
    static Status recordPack(const QSqlDatabase &db, const SchemaSnapshot &snapshot, BackupManifest &manifest);
    // With shareable, the rows of that pack's secret tables go into the options' left-out data.
    Status makeShareable(JobContext &context, const QString &packName);

    ConnectionProfile m_target;
    BackupOptions m_options;
};

} // namespace nrdb
