#include "jobs/backupjob.h"

#include "backup/archivecheck.h"
#include "backup/clientenvironment.h"
#include "backup/clienttools.h"
#include "backup/snapshotrowcounts.h"
#include "catalog/catalogreader.h"
#include "connection/databasesession.h"
#include "connection/serverinfo.h"
#include "jobs/copyprogress.h"
#include "jobs/jobcontext.h"
#include "jobs/packchoice.h"
#include "jobs/servertools.h"
#include "jobs/verifyjob.h"
#include "migrate/schemahistory.h"
#include "model/modelpack.h"
#include "model/schemamodel.h"
#include "util/durablefile.h"
#include "util/sqlresource.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

#include <future>

namespace nrdb {

namespace {

QString extensionFor(BackupFormat format)
{
    switch (format) {
    case BackupFormat::Custom:
        return QStringLiteral(".dump");
    case BackupFormat::Directory:
        return QStringLiteral(".dir");
    case BackupFormat::PlainGzip:
        return QStringLiteral(".sql.gz");
    }
    return {};
}

bool matchesAny(const QString &name, const QStringList &patterns)
{
    for (const QString &pattern : patterns) {
        const QRegularExpression regex(QRegularExpression::wildcardToRegularExpression(pattern));
        if (regex.match(name).hasMatch())
            return true;
    }
    return false;
}

void removePath(const QString &path)
{
    if (QFileInfo(path).isDir())
        QDir(path).removeRecursively();
    else
        QFile::remove(path);
}

// The tables whose rows the dump will hold, as pg_dump would choose them, with their sizes
// (the weights of the dump's progress).
struct DumpedTables {
    QVector<TableName> names;
    QHash<QString, qint64> bytes;
};

bool isDumped(const RelationInfo &relation, const BackupOptions &options)
{
    if (relation.kind != RelationKind::Table || relation.schema == schemahistory::kSchema)
        return false;
    if (!options.includeSchemas.isEmpty() && !matchesAny(relation.schema, options.includeSchemas))
        return false;
    if (matchesAny(relation.schema, options.excludeSchemas))
        return false;
    if (!options.includeTables.isEmpty() && !matchesAny(relation.qualifiedName(), options.includeTables))
        return false;
    return !matchesAny(relation.qualifiedName(), options.excludeTables) &&
           !matchesAny(relation.qualifiedName(), options.excludeTableData);
}

DumpedTables dumpedTables(const SchemaSnapshot &snapshot, const BackupOptions &options)
{
    DumpedTables tables;
    for (const RelationInfo &relation : snapshot.relations) {
        if (!isDumped(relation, options))
            continue;
        tables.names << TableName{relation.schema, relation.name};
        tables.bytes.insert(relation.qualifiedName(), qMax<qint64>(1, relation.totalBytes));
    }
    return tables;
}

// The row counts of the dumped tables, in the dump's snapshot. They scan the tables on a
// connection of their own while pg_dump runs, rather than before it, where they would add a scan
// to the backup's time. A server without a slot to spare for it (pg_dump takes one, or its jobs
// and a leader) gets them first, on the job's own connection.
class SnapshotCounting {
public:
    SnapshotCounting(QSqlDatabase db, DumpedTables tables) : m_db(std::move(db)), m_tables(std::move(tables)) {}

    Status start(JobContext &context, const ServerInfo &server, int dumpConnections, ConnectionProfile counter,
                 const QString &snapshotId)
    {
        if (server.freeConnections >= dumpConnections + 2) {
            m_beside =
                std::async(std::launch::async, countRowsInSnapshot, std::move(counter), snapshotId, m_tables.names);
            return {};
        }
        context.setPhase(QStringLiteral("Counting rows"));
        m_counted = countRows(m_db, m_tables.names);
        return m_counted ? Status{} : Status{m_counted.error()};
    }

    // Once pg_dump ended (its backends, and so a counting beside it, ended too when it failed).
    Result<QMap<QString, qint64>> finish(JobContext &context, bool dumped)
    {
        if (m_beside.valid())
            m_counted = m_beside.get();
        if (dumped && !m_counted) {
            // No second connection to be had, say: the snapshot is still open on the job's own.
            context.warning(QStringLiteral("Counting rows beside pg_dump failed (%1); counting them now")
                                .arg(m_counted.error().message));
            m_counted = countRows(m_db, m_tables.names);
        }
        return m_counted;
    }

private:
    QSqlDatabase m_db;
    DumpedTables m_tables;
    Result<QMap<QString, qint64>> m_counted = QMap<QString, qint64>{};
    std::future<Result<QMap<QString, qint64>>> m_beside;
};

Error dumpFailure(const Result<ChildOutcome> &outcome, const CopyProgress &progress)
{
    if (!outcome)
        return outcome.error();
    return Error::process(
        outcome.value().crashed
            ? QStringLiteral("pg_dump was killed by a signal; no backup was kept")
            : QStringLiteral("pg_dump failed (exit code %1); no backup was kept").arg(outcome.value().exitCode),
        progress.lastLines());
}

QString schemaFingerprint(const SchemaSnapshot &snapshot)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const SchemaInfo &schema : snapshot.schemas)
        hash.addData(
            QJsonDocument(SchemaModel::fromSnapshot(snapshot, schema.name).toJson()).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(hash.result().toHex());
}

int compressionLevel(const BackupOptions &options)
{
    return options.compression >= 0 ? options.compression : kDefaultCompression;
}

QStringList pgDumpArguments(const BackupOptions &options, BackupFormat format, int jobs, const QString &snapshotId,
                            const QString &path)
{
    static const char *const formats[] = {"--format=custom", "--format=directory", "--format=plain"};
    QStringList arguments{QStringLiteral("--no-password"), QStringLiteral("--verbose"),
                          QString::fromLatin1(formats[static_cast<int>(format)]), QStringLiteral("--file=") + path};
    if (!snapshotId.isEmpty())
        arguments << QStringLiteral("--snapshot=") + snapshotId;
    // Given for every format: plain output would otherwise not be compressed at all.
    arguments << QStringLiteral("--compress=%1").arg(compressionLevel(options));
    if (format == BackupFormat::Directory && jobs > 1)
        arguments << QStringLiteral("--jobs=%1").arg(jobs);
    for (const QString &schema : options.includeSchemas)
        arguments << QStringLiteral("--schema=") + schema;
    for (const QString &schema : options.excludeSchemas)
        arguments << QStringLiteral("--exclude-schema=") + schema;
    for (const QString &table : options.includeTables)
        arguments << QStringLiteral("--table=") + table;
    for (const QString &table : options.excludeTables)
        arguments << QStringLiteral("--exclude-table=") + table;
    for (const QString &table : options.excludeTableData)
        arguments << QStringLiteral("--exclude-table-data=") + table;
    return arguments;
}

QJsonObject optionsJson(const BackupOptions &options, BackupFormat format, int jobs)
{
    return QJsonObject{{QStringLiteral("format"), backupFormatName(format)},
                       {QStringLiteral("compression"), compressionLevel(options)},
                       {QStringLiteral("jobs"), jobs},
                       {QStringLiteral("include_schemas"), QJsonArray::fromStringList(options.includeSchemas)},
                       {QStringLiteral("exclude_schemas"), QJsonArray::fromStringList(options.excludeSchemas)},
                       {QStringLiteral("include_tables"), QJsonArray::fromStringList(options.includeTables)},
                       {QStringLiteral("exclude_tables"), QJsonArray::fromStringList(options.excludeTables)},
                       {QStringLiteral("exclude_table_data"), QJsonArray::fromStringList(options.excludeTableData)}};
}

// Ends the server backends named applicationName, from a connection of its own: a cancel keeps
// interrupting the job's connection until the job ends.
void endBackends(const ConnectionProfile &target, const QString &applicationName)
{
    ConnectionProfile profile = target;
    profile.applicationName = QStringLiteral("netraven-dbadmin cleanup");
    DatabaseSession session;
    if (!session.open(profile, 5))
        return;
    QSqlQuery query(session.database());
    (void)execPrepared(query, sqlResource(QStringLiteral("end_sessions_of_application")), {applicationName});
}

// Checks the archive pg_dump wrote (pg_restore --list and the in-process proof of every data
// block, decompressed by pg_restore too when it is small or asked for; or the gzip stream to its
// end), syncs it to disk, and records its size and checksum.
Status checkArchive(const ClientTools &tools, const QString &partialPath, bool readWhole, BackupManifest &manifest)
{
    if (manifest.format == BackupFormat::PlainGzip) {
        if (Status checked = archivecheck::plainGzip(partialPath); !checked)
            return checked;
    } else {
        const bool decompress = readWhole || sizeOf(partialPath) <= kReadBackWholeBytes;
        const Result<QStringList> entries = archivecheck::listedAndWhole(tools, partialPath, decompress);
        if (!entries)
            return entries.error();
        manifest.archiveEntries = static_cast<int>(entries.value().size());
    }
    if (Status synced = durablefile::sync(partialPath); !synced)
        return synced;
    const Result<QString> digest = sha256Of(partialPath);
    if (!digest)
        return digest.error();
    manifest.sha256 = digest.value();
    manifest.sizeBytes = sizeOf(partialPath);
    return {};
}

// The checked archive and its manifest under their final names, the manifest written whole and
// synced first; an existing backup of the same name is never replaced. On failure nothing of
// this backup keeps a final name.
Status placeBackup(const QString &partialPath, const QString &finalPath, const BackupManifest &manifest)
{
    const QString manifestPath = BackupManifest::pathFor(finalPath);
    const QString partialManifest = durablefile::partialPathFor(manifestPath);
    if (Status written = durablefile::writeNew(partialManifest, QJsonDocument(manifest.toJson()).toJson()); !written) {
        QFile::remove(partialManifest);
        return written;
    }
    Status placed = durablefile::renameNoReplace(partialPath, finalPath);
    if (placed) {
        placed = durablefile::renameNoReplace(partialManifest, manifestPath);
        if (!placed)
            removePath(finalPath); // ours: renamed a moment ago, and without its manifest it is no backup
    }
    QFile::remove(partialManifest);
    return placed;
}

} // namespace

BackupJob::BackupJob(ConnectionProfile target, BackupOptions options)
    : m_target(std::move(target)), m_options(std::move(options))
{
}

Status BackupJob::recordPack(const QSqlDatabase &db, const SchemaSnapshot &snapshot, BackupManifest &manifest)
{
    const Result<PackDetection> detected = detectKnownPack(db, snapshot);
    if (!detected)
        return detected.error();
    if (!detected.value().recognised())
        return {};
    const Result<ModelPack> pack = ModelPack::named(detected.value().pack);
    if (!pack)
        return pack.error();
    const Result<QVector<AppliedMigration>> applied = schemahistory::applied(db, pack.value().name);
    if (!applied)
        return applied.error();
    VerifyReport report =
        VerifyJob::compare(pack.value(), snapshot, applied.value(), schemahistory::existsIn(snapshot));
    if (Status added = VerifyJob::addForeignHistory(db, pack.value(), report); !added)
        return added;
    manifest.modelPack = pack.value().name;
    // Recorded or, for a database never adopted, the version its catalog is at; and how it
    // differed from it, which a proof of this backup then does not hold against the backup.
    manifest.modelVersion = report.modelVersion;
    manifest.modelDifferences = report.differenceLines();
    return {};
}

Status BackupJob::makeShareable(JobContext &context, const QString &packName)
{
    if (!m_options.shareable)
        return {};
    const Result<ModelPack> pack = ModelPack::named(packName);
    if (packName.isEmpty() || !pack)
        return Error::usage(
            QStringLiteral("A shareable backup leaves out a model pack's secret rows, and this database is "
                           "no known pack's"));
    leaveOutSecretRows(m_options, pack.value());
    context.info(
        QStringLiteral("Shareable: the rows of %1 stay out").arg(pack.value().secretTables.join(QStringLiteral(", "))));
    return {};
}

void leaveOutSecretRows(BackupOptions &options, const ModelPack &pack)
{
    for (const QString &table : pack.secretTables)
        options.excludeTableData << pack.schema + QLatin1Char('.') + table;
}

BackupJob::DumpPlan BackupJob::planDump(const ServerInfo &server) const
{
    const BackupFormat format = m_options.format.value_or(
        server.databaseSizeBytes > m_options.directoryThresholdBytes ? BackupFormat::Directory : BackupFormat::Custom);
    // Each pg_dump job is a connection of its own, and one more leads them.
    const int jobs = format != BackupFormat::Directory ? 1
                     : m_options.jobs > 0              ? m_options.jobs
                                                       : server.parallelJobs();
    return DumpPlan{format, jobs};
}

Result<QString> BackupJob::nameBackup(JobContext &context, const DumpPlan &plan, BackupManifest &manifest) const
{
    QDir outputDirectory(m_options.outputDirectory);
    if (!outputDirectory.mkpath(QStringLiteral(".")))
        return Error::io(QStringLiteral("Cannot create %1").arg(m_options.outputDirectory));
    for (const QString &stale : durablefile::removeStalePartials(m_options.outputDirectory))
        context.info(QStringLiteral("Removed %1, left by a backup that was killed before it finished").arg(stale));
    manifest.format = plan.format;
    manifest.startedAt = QDateTime::currentDateTimeUtc();
    manifest.fileName = QStringLiteral("%1_%2%3").arg(
        manifest.database, manifest.startedAt.toString(QStringLiteral("yyyyMMdd_HHmmss")), extensionFor(plan.format));
    manifest.options = optionsJson(m_options, plan.format, plan.jobs);
    const QString finalPath = outputDirectory.filePath(manifest.fileName);
    if (QFileInfo::exists(finalPath))
        return Error::io(QStringLiteral("%1 exists already; backups are never overwritten").arg(finalPath));
    return finalPath;
}

Result<QMap<QString, qint64>> BackupJob::dumpInOneSnapshot(JobContext &context, const ServerTools &connected,
                                                           const DumpPlan &plan, const SchemaSnapshot &snapshot,
                                                           const QString &partialPath)
{
    QSqlDatabase db = connected.db;
    // One snapshot for pg_dump and the row counts, held open until both are done.
    QSqlQuery query(db);
    if (!beginSnapshotRead(query) || !query.exec(sqlResource(QStringLiteral("export_snapshot"))) || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not take a snapshot for the dump"));
    const QString snapshotId = query.value(0).toString();
    const DumpedTables tables = dumpedTables(snapshot, m_options);

    const QString applicationName = context.clientName(QStringLiteral("backup"));
    const Result<ClientEnvironment> environment = ClientEnvironment::create(context.target(), applicationName);
    if (!environment)
        return environment.error();
    ChildCommand dump(connected.tools.pgDump(),
                      pgDumpArguments(m_options, plan.format, plan.jobs, snapshotId, partialPath), {},
                      environment.value().environment());
    dump.timeoutMs = -1;
    CopyProgress progress(tables.bytes, CopyProgress::Measure::Bytes, plan.jobs > 1,
                          [&context](qint64 done, qint64 total) { context.setProgress(done, total); });
    dump.onStandardErrorLine = [&progress](const QString &line) { progress.onLine(line); };
    if (connected.server.hasCopyProgress())
        dump.onWaiting = [&] { progress.poll(db, applicationName); };

    SnapshotCounting counting(db, tables);
    ConnectionProfile counter = context.target();
    counter.applicationName = applicationName;
    if (Status started =
            counting.start(context, connected.server, plan.jobs > 1 ? plan.jobs + 1 : 1, counter, snapshotId);
        !started)
        return started.error();
    context.setPhase(QStringLiteral("Dumping"), progress.total());
    const Result<ChildOutcome> outcome = context.runChild(dump);
    const bool dumped = outcome && outcome.value().exitCode == 0 && !outcome.value().crashed;
    if (!dumped)
        endBackends(context.target(), applicationName); // pg_dump's end with it; make sure, and stop the counting
    const Result<QMap<QString, qint64>> counted = counting.finish(context, dumped);
    (void)query.exec(QStringLiteral("COMMIT"));
    if (!dumped)
        return dumpFailure(outcome, progress);
    return counted;
}

Result<BackupResult> BackupJob::execute(JobContext &context)
{
    if (!m_target.password.isEmpty() && !m_target.needsTunnel())
        return backUpOn(context);
    // A saved environment's profile holds no password: it is found here (keychain, pgpass,
    // environment), for pg_dump as much as for the job's own connection.
    const Result<std::unique_ptr<JobContext>> resolved = context.forResolvedTarget(m_target);
    if (!resolved)
        return resolved.error();
    return backUpOn(*resolved.value());
}

Result<BackupResult> BackupJob::backUpOn(JobContext &context)
{
    context.setPhase(QStringLiteral("Preparing"));
    const Result<ServerTools> prepared = ServerTools::connect(context, m_options.toolsDirectory);
    if (!prepared)
        return prepared.error();
    const ServerTools &connected = prepared.value();
    const DumpPlan plan = planDump(connected.server);
    BackupManifest manifest;
    manifest.serverVersion = connected.server.serverVersion;
    manifest.database = connected.server.currentDatabase;
    manifest.origin = context.target().databaseKey();
    manifest.pgDumpVersion = connected.tools.versionText;
    context.info(QStringLiteral("pg_dump %1 from %2, %3 format%4")
                     .arg(manifest.pgDumpVersion, connected.tools.binDir, backupFormatName(plan.format),
                          plan.jobs > 1 ? QStringLiteral(", %1 jobs").arg(plan.jobs) : QString()));

    // pg_dump waits for a table someone holds locked, as it always has; the read for the manifest
    // does not wait before it.
    const Result<SchemaSnapshot> snapshot =
        CatalogReader::read(connected.db, {}, CatalogReadOptions{LockedTables::LeaveOut});
    if (!snapshot)
        return snapshot.error();
    manifest.schemaFingerprint = schemaFingerprint(snapshot.value());
    if (Status recorded = recordPack(connected.db, snapshot.value(), manifest); !recorded)
        return recorded.error();
    if (Status shared = makeShareable(context, manifest.modelPack); !shared)
        return shared.error();

    const Result<QString> finalPath = nameBackup(context, plan, manifest);
    if (!finalPath)
        return finalPath.error();
    // Unique to this job: two backups of one database in the same second write apart.
    const QString partialPath = durablefile::partialPathFor(finalPath.value());
    const Result<QMap<QString, qint64>> counted =
        dumpInOneSnapshot(context, connected, plan, snapshot.value(), partialPath);
    if (!counted) {
        removePath(partialPath);
        return counted.error();
    }
    manifest.rowCounts = counted.value();

    context.setPhase(QStringLiteral("Checking the archive"));
    Status kept = checkArchive(connected.tools, partialPath, m_options.readBackWhole, manifest);
    manifest.finishedAt = QDateTime::currentDateTimeUtc();
    if (kept)
        kept = placeBackup(partialPath, finalPath.value(), manifest);
    if (!kept) {
        removePath(partialPath);
        return kept.error();
    }
    context.info(QStringLiteral("Backed up to %1 (%2 bytes, %3 tables, SHA-256 %4…)")
                     .arg(finalPath.value())
                     .arg(manifest.sizeBytes)
                     .arg(manifest.rowCounts.size())
                     .arg(manifest.sha256.left(12)));
    return BackupResult{finalPath.value(), BackupManifest::pathFor(finalPath.value()), manifest};
}

QJsonObject BackupResult::toJson() const
{
    return QJsonObject{{QStringLiteral("path"), path},
                       {QStringLiteral("manifest_path"), manifestPath},
                       {QStringLiteral("manifest"), manifest.toJson()}};
}

} // namespace nrdb
