#include "jobs/restorejob.h"

#include "backup/clientenvironment.h"
#include "backup/restoresubset.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "connection/serverinfo.h"
#include "connection/temporarydatabase.h"
#include "jobs/backupjob.h"
#include "jobs/jobcontext.h"
#include "jobs/restoreprogress.h"
#include "jobs/servertools.h"
#include "util/sqlidentifier.h"
#include "util/sqlresource.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryFile>

namespace nrdb {

namespace {

QString stamp()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"));
}

// A database name with a suffix, cut so that it fits PostgreSQL's 63 bytes.
QString withSuffix(const QString &name, const QString &suffix)
{
    QString base = name;
    while ((base + suffix).toUtf8().size() > 63)
        base.chop(1);
    return base + suffix;
}

bool isErrorLine(const QString &line)
{
    return line.contains(QLatin1String("ERROR:")) || line.contains(QLatin1String("pg_restore: error:")) ||
           line.contains(QLatin1String("FATAL:"));
}

// Without the roles a backup names, its ownership and grants are left out (as --no-owner
// --no-privileges does for archives). Only statements are looked at: rows of COPY data pass
// untouched, whatever they say.
class OwnershipFilter {
public:
    QByteArray filter(const QByteArray &lines)
    {
        QByteArray kept;
        qsizetype start = 0;
        while (start < lines.size()) {
            qsizetype end = lines.indexOf('\n', start);
            end = end < 0 ? lines.size() : end + 1;
            const QByteArray line = lines.mid(start, end - start);
            start = end;
            if (m_inCopy) {
                m_inCopy = !line.startsWith("\\.");
            } else if (line.startsWith("COPY ") && line.trimmed().endsWith("FROM stdin;")) {
                m_inCopy = true;
            } else if (line.contains(" OWNER TO ") || line.startsWith("GRANT ") || line.startsWith("REVOKE ")) {
                continue;
            }
            kept += line;
        }
        return kept;
    }

private:
    bool m_inCopy = false;
};

// What pg_restore or psql says on standard error: its error lines, and its last lines for a
// failure that printed no error.
class RestoreOutput {
public:
    void onLine(const QString &line)
    {
        if (isErrorLine(line))
            m_errors << line.trimmed();
        m_lastLines = (m_lastLines << line).mid(qMax<qsizetype>(0, m_lastLines.size() - 10));
    }

    // A restore that printed an error failed, whatever its exit code.
    Status verdict(const Result<ChildOutcome> &outcome) const
    {
        if (!outcome)
            return outcome.error();
        if (m_errors.isEmpty() && outcome.value().exitCode == 0 && !outcome.value().crashed)
            return {};
        return Error::process(
            m_errors.isEmpty() ? QStringLiteral("The restore failed (exit code %1)").arg(outcome.value().exitCode)
                               : QStringLiteral("The restore met %1 error(s); a restore with errors is not a success")
                                     .arg(m_errors.size()),
            (m_errors.isEmpty() ? m_lastLines : RestoreJob::groupErrors(m_errors)).join(QLatin1Char('\n')));
    }

private:
    QStringList m_errors;
    QStringList m_lastLines;
};

// One restore's client: where it writes, and how.
struct RestoreRun {
    JobContext &context;
    const ClientTools &tools;
    QProcessEnvironment environment;
    QString database;
    QString applicationName;
    bool skipOwnership = false;
    int parallelJobs = 1;
    QStringList selectedEntries; // empty: all
    bool hasCopyProgress = false;
};

Result<ChildOutcome> runPgRestore(const RestoreRun &run, const BackupSource &source, RestoreOutput &output)
{
    QStringList arguments{QStringLiteral("--no-password"), QStringLiteral("--dbname=") + run.database};
    if (run.parallelJobs > 1) // data and indexes of several tables at once
        arguments << QStringLiteral("--jobs=%1").arg(run.parallelJobs);
    if (run.skipOwnership)
        arguments << QStringLiteral("--no-owner") << QStringLiteral("--no-privileges");
    QTemporaryFile list;
    if (!run.selectedEntries.isEmpty()) {
        if (!list.open())
            return Error::io(QStringLiteral("Cannot write the restore list"));
        list.write(run.selectedEntries.join(QLatin1Char('\n')).toUtf8() + '\n');
        list.flush();
        arguments << QStringLiteral("--use-list=") + list.fileName();
    }
    const Result<BackupManifest> manifest = BackupManifest::load(BackupManifest::pathFor(source.path));
    RestoreProgress progress(run.context, run.selectedEntries.isEmpty() ? source.entries : run.selectedEntries,
                             manifest ? manifest.value().rowCounts : QMap<QString, qint64>{}, run.parallelJobs > 1);
    ChildCommand restore(run.tools.pgRestore(), arguments << QStringLiteral("--verbose") << source.path, {},
                         run.environment);
    restore.timeoutMs = -1;
    restore.onStandardErrorLine = [&](const QString &line) {
        output.onLine(line);
        progress.onLine(line);
    };
    const Result<QSqlDatabase> db = run.context.database();
    if (db && run.hasCopyProgress)
        restore.onWaiting = [&] { progress.poll(db.value(), run.applicationName); };
    return run.context.runChild(restore);
}

Result<ChildOutcome> runPsql(const RestoreRun &run, const BackupSource &source, RestoreOutput &output)
{
    PlainSqlReader reader(source.path, source.kind == SourceKind::PlainGzip);
    if (!reader.open())
        return Error::io(QStringLiteral("Cannot read %1").arg(source.path));
    ChildCommand psql(run.tools.psql(),
                      {QStringLiteral("--no-password"), QStringLiteral("--no-psqlrc"), QStringLiteral("--quiet"),
                       QStringLiteral("--set=ON_ERROR_STOP=0"), QStringLiteral("--dbname=") + run.database},
                      {}, run.environment);
    psql.timeoutMs = -1;
    psql.onStandardErrorLine = [&output](const QString &line) { output.onLine(line); };
    OwnershipFilter ownership;
    JobContext &context = run.context;
    const bool skipOwnership = run.skipOwnership;
    psql.nextInputChunk = [&reader, &ownership, &context, skipOwnership] {
        const QByteArray chunk = reader.nextLines();
        context.setProgress(reader.position(), reader.size());
        if (!skipOwnership || chunk.isEmpty())
            return chunk;
        const QByteArray kept = ownership.filter(chunk);
        return kept.isEmpty() ? QByteArray("\n") : kept; // an empty chunk would end the input
    };
    return context.runChild(psql);
}

} // namespace

RestoreJob::RestoreJob(ConnectionProfile server, RestoreOptions options)
    : m_server(std::move(server)), m_options(std::move(options))
{
}

ConnectionProfile RestoreJob::target() const
{
    return databaseadmin::maintenanceOf(m_server);
}

ConnectionProfile RestoreJob::writes() const
{
    ConnectionProfile restored = m_server;
    restored.database = m_options.targetDatabase;
    return restored;
}

QStringList RestoreJob::groupErrors(const QStringList &errorLines)
{
    static const QRegularExpression location(QStringLiteral(R"(^(psql:[^:]*:\d+: |pg_restore: error: ))"));
    QMap<QString, int> counts;
    QStringList order;
    for (const QString &line : errorLines) {
        QString message = line;
        message.remove(location);
        if (!counts.contains(message))
            order << message;
        ++counts[message];
    }
    QStringList grouped;
    for (const QString &message : std::as_const(order))
        grouped << (counts.value(message) > 1 ? QStringLiteral("%1 × %2").arg(counts.value(message)).arg(message)
                                              : message);
    return grouped;
}

Status RestoreJob::runRestore(JobContext &context, const BackupSource &source, const ClientTools &tools,
                              const QString &database, bool skipOwnership)
{
    ConnectionProfile into = m_server;
    into.database = database;
    const QString applicationName = context.clientName(QStringLiteral("restore"));
    const Result<ClientEnvironment> environment = ClientEnvironment::create(into, applicationName);
    if (!environment)
        return environment.error();
    RestoreOutput output;
    const RestoreRun run{
        context,       tools,          environment.value().environment(), database,         applicationName,
        skipOwnership, m_parallelJobs, m_options.selectedEntries,         m_hasCopyProgress};
    const bool archive = source.kind == SourceKind::Custom || source.kind == SourceKind::Directory;
    return output.verdict(archive ? runPgRestore(run, source, output) : runPsql(run, source, output));
}

Status RestoreJob::matchesItsManifest(JobContext &context, const QString &path)
{
    const QString manifestPath = BackupManifest::pathFor(path);
    if (!QFileInfo::exists(manifestPath)) {
        context.info(QStringLiteral("%1 has no manifest: its checksum cannot be checked").arg(path));
        return {};
    }
    const Result<BackupManifest> manifest = BackupManifest::load(manifestPath);
    if (!manifest)
        return Error::usage(
            QStringLiteral("The backup's manifest cannot be read: %1").arg(manifest.error().message),
            QStringLiteral("Nothing was changed. Move the manifest away to restore the backup unchecked."));
    if (manifest.value().sha256.isEmpty())
        return {};
    context.setPhase(QStringLiteral("Checking the backup's SHA-256"));
    const Result<QString> sha256 = sha256Of(path);
    if (!sha256)
        return sha256.error();
    if (sha256.value() != manifest.value().sha256)
        return Error::usage(
            QStringLiteral("%1 is not the file its manifest describes: its SHA-256 differs").arg(path),
            QStringLiteral("Nothing was changed. The backup was altered or damaged after it was made."));
    context.info(QStringLiteral("SHA-256 matches the manifest"));
    return {};
}

Error RestoreJob::dropStaging(JobContext &context, const QString &staging, Error error) const
{
    // Not on the job's connection: the cancel that stopped the restore would stop this too.
    if (Status dropped = databaseadmin::dropOnItsOwnConnection(m_server, staging); !dropped) {
        error.detail +=
            QStringLiteral(
                "\nThe half-restored database %1 could not be dropped (%2). It is marked as this tool's: once "
                "this program has ended, \"netraven-dbctl cleanup\" (or the window, on connecting) drops it.")
                .arg(staging, dropped.error().message);
        context.warning(QStringLiteral("Left behind: the half-restored database %1").arg(staging));
    }
    return error;
}

Status RestoreJob::renameInOneTransaction(const QSqlDatabase &db, const QString &staging, const QString &aside) const
{
    QSqlDatabase connection = db;
    if (!connection.transaction())
        return sqlError(
            connection.lastError(),
            QStringLiteral("Could not begin the transaction that puts %1 in place").arg(m_options.targetDatabase));
    const QString target = quoteIdentifier(m_options.targetDatabase);
    const QString finalMarker = m_options.temporaryPurpose.isEmpty()
                                    ? QStringLiteral("NULL")
                                    : quoteLiteral(temporarydatabase::Marker::ofThisProcess(m_options.temporaryPurpose,
                                                                                            m_options.targetDatabase)
                                                       .comment());
    QStringList statements;
    if (!aside.isEmpty()) {
        statements << QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(target, quoteIdentifier(aside));
        if (m_options.safetyBackup)
            statements << QStringLiteral("COMMENT ON DATABASE %1 IS %2")
                              .arg(quoteIdentifier(aside),
                                   quoteLiteral(temporarydatabase::Marker::ofThisProcess(
                                                    QStringLiteral("replaced, backed up"), m_options.targetDatabase)
                                                    .comment()));
    }
    statements << QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(quoteIdentifier(staging), target)
               << QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(target, finalMarker);
    QSqlQuery query(connection);
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            const Error error = sqlError(
                query.lastError(), QStringLiteral("Could not give the restored copy the name %1; nothing was changed")
                                       .arg(m_options.targetDatabase));
            connection.rollback();
            return error;
        }
    }
    if (!connection.commit()) // the connection may have gone after the server committed: say what to look at
        return sqlError(
            connection.lastError(),
            QStringLiteral(
                "The server did not confirm the renames that put %1 in place; look at which of %1, %2%3 exist")
                .arg(m_options.targetDatabase, staging, aside.isEmpty() ? QString() : QStringLiteral(" and ") + aside));
    return {};
}

Status RestoreJob::putInPlace(const QSqlDatabase &db, const QString &staging, const QString &aside) const
{
    Status placed = renameInOneTransaction(db, staging, aside);
    if (placed || aside.isEmpty())
        return placed;
    // Sessions on the replaced database block its rename; they were told by name to go.
    QSqlQuery end(db);
    (void)execPrepared(end, sqlResource(QStringLiteral("end_sessions_on_database")), {m_options.targetDatabase});
    return renameInOneTransaction(db, staging, aside);
}

Result<bool> RestoreJob::checkTarget(const QSqlDatabase &db) const
{
    const Result<bool> exists = databaseadmin::exists(db, m_options.targetDatabase);
    if (!exists)
        return exists.error();
    if (exists.value() && !m_options.replaceExisting)
        return Error::usage(
            QStringLiteral("Database %1 exists. Restore into a new name, or replace it (type its name to confirm)")
                .arg(m_options.targetDatabase));
    if (exists.value() && m_options.confirmedName != m_options.targetDatabase)
        return Error::usage(QStringLiteral("Replacing %1 needs its name typed exactly; nothing was changed")
                                .arg(m_options.targetDatabase));
    return exists.value();
}

Status RestoreJob::chooseTables(JobContext &context, const BackupSource &source)
{
    if (m_options.tables.isEmpty())
        return {};
    if (source.kind != SourceKind::Custom && source.kind != SourceKind::Directory)
        return Error::usage(QStringLiteral("Only a custom or directory archive can restore some of its tables; %1 is "
                                           "a plain SQL backup")
                                .arg(m_options.source));
    const dumparchive::Proof read = dumparchive::readContents(m_options.source); // proven whole by inspect
    if (!read.whole())
        return Error::usage(
            QStringLiteral("The table of contents of %1 cannot be read: %2").arg(m_options.source, read.reason));
    const Result<QList<int>> ids = restoresubset::dumpIdsFor(read.archive.entries, m_options.tables);
    if (!ids)
        return ids.error();
    m_options.selectedEntries = restoresubset::linesFor(source.entries, ids.value());
    context.info(QStringLiteral("Restoring %1 of the backup's tables: %2 (%3 of its %4 entries)")
                     .arg(m_options.tables.size())
                     .arg(m_options.tables.join(QStringLiteral(", ")))
                     .arg(m_options.selectedEntries.size())
                     .arg(source.entries.size()));
    return {};
}

Status RestoreJob::noteMissingOwners(JobContext &context, const QSqlDatabase &db, const BackupSource &source,
                                     RestoreReport &report) const
{
    if (!m_options.keepOwnership) {
        report.ownershipSkipped = true;
        context.info(
            QStringLiteral("Owners and grants are left out, as asked: objects will belong to %1").arg(m_server.user));
        return {};
    }
    QSet<QString> roles;
    QSqlQuery query(db);
    if (!query.exec(sqlResource(QStringLiteral("roles"))))
        return sqlError(query.lastError(), QStringLiteral("Could not list the roles"));
    while (query.next())
        roles.insert(query.value(0).toString());
    for (const QString &owner : source.owners) {
        if (!roles.contains(owner))
            report.missingRoles << owner;
    }
    report.ownershipSkipped = !report.missingRoles.isEmpty();
    if (report.ownershipSkipped)
        context.warning(
            QStringLiteral("This server has no role %1: objects will belong to %2 and the backup's grants are left out")
                .arg(report.missingRoles.join(QStringLiteral(", ")), m_server.user));
    return {};
}

Result<QString> RestoreJob::backUpTheReplaced(JobContext &context) const
{
    context.setPhase(QStringLiteral("Safety backup of %1").arg(m_options.targetDatabase));
    ConnectionProfile original = m_server;
    original.database = m_options.targetDatabase;
    BackupOptions options;
    options.outputDirectory = m_options.safetyBackupDirectory;
    options.format = BackupFormat::Custom;
    options.readBackWhole = true; // nothing is dropped on the strength of a backup not read through
    options.toolsDirectory = m_options.toolsDirectory;
    BackupJob safety(original, options);
    const std::unique_ptr<JobContext> onOriginal = context.forTarget(original);
    if (Status done = safety.run(*onOriginal); !done)
        return done.error();
    context.info(QStringLiteral("Safety backup: %1").arg(safety.result().path));
    return safety.result().path;
}

Status RestoreJob::restoreAndPlace(JobContext &context, const QSqlDatabase &db, const BackupSource &source,
                                   const ClientTools &tools, bool replacing, RestoreReport &report)
{
    const QString staging = withSuffix(m_options.targetDatabase, QStringLiteral("_restoring_") + stamp());
    // A restore into a temporary database (a proof's scratch) is that from its first moment.
    const QString purpose =
        m_options.temporaryPurpose.isEmpty() ? QStringLiteral("restore staging") : m_options.temporaryPurpose;
    const temporarydatabase::Marker marker =
        temporarydatabase::Marker::ofThisProcess(purpose, m_options.targetDatabase);
    if (Status created = temporarydatabase::createMarked(db, staging, marker); !created)
        return created;
    context.setPhase(QStringLiteral("Restoring"));
    if (Status restored = runRestore(context, source, tools, staging, report.ownershipSkipped); !restored)
        return dropStaging(context, staging, context.isCancelled() ? JobContext::cancelledError() : restored.error());

    context.setPhase(QStringLiteral("Putting the database in place"));
    const QString aside =
        replacing ? withSuffix(m_options.targetDatabase, QStringLiteral("_replaced_") + stamp()) : QString();
    if (Status placed = putInPlace(db, staging, aside); !placed)
        return dropStaging(context, staging, placed.error()); // the target is as it was
    if (replacing && m_options.safetyBackup) {
        // Marked in the renaming transaction, so a tool killed before this drop leaves it to clean-up.
        if (Status dropped = databaseadmin::dropOnItsOwnConnection(m_server, aside); !dropped)
            context.warning(QStringLiteral("The replaced database, now %1, could not be dropped: %2")
                                .arg(aside, dropped.error().message));
    } else if (replacing) {
        report.keptOriginalAs = aside;
    }
    return {};
}

Result<RestoreReport> RestoreJob::execute(JobContext &context)
{
    QElapsedTimer clock;
    clock.start();
    RestoreReport report;
    report.database = m_options.targetDatabase;
    if (Status valid = databaseadmin::validateName(m_options.targetDatabase); !valid)
        return valid.error(); // before anything runs
    context.setPhase(QStringLiteral("Checking the backup"));
    const Result<ServerTools> prepared = ServerTools::connect(context, m_options.toolsDirectory);
    if (!prepared)
        return prepared.error();
    const QSqlDatabase db = prepared.value().db;
    const ClientTools &tools = prepared.value().tools;
    m_parallelJobs = m_options.jobs > 0 ? m_options.jobs : prepared.value().server.parallelRestoreJobs();
    m_hasCopyProgress = prepared.value().server.hasCopyProgress();
    if (Status matches = matchesItsManifest(context, m_options.source); !matches)
        return matches.error(); // nothing was touched
    const Result<BackupSource> source = BackupSource::inspect(m_options.source, tools);
    if (!source)
        return source.error(); // nothing was touched
    report.sourceKind = source.value().kind;
    context.info(QStringLiteral("%1 is a %2, checked").arg(m_options.source, sourceKindName(source.value().kind)));
    if (Status chosen = chooseTables(context, source.value()); !chosen)
        return chosen.error(); // nothing was touched

    const Result<bool> replacing = checkTarget(db);
    if (!replacing)
        return replacing.error();
    if (Status noted = noteMissingOwners(context, db, source.value(), report); !noted)
        return noted.error();
    if (replacing.value() && m_options.safetyBackup) {
        const Result<QString> safety = backUpTheReplaced(context);
        if (!safety)
            return safety.error();
        report.safetyBackupPath = safety.value();
    }
    if (Status restored = restoreAndPlace(context, db, source.value(), tools, replacing.value(), report); !restored)
        return restored.error();
    report.durationMs = clock.elapsed();
    context.info(QStringLiteral("Restored %1 in %2 ms").arg(m_options.targetDatabase).arg(report.durationMs));
    return report;
}

QJsonObject RestoreReport::toJson() const
{
    return QJsonObject{{QStringLiteral("database"), database},
                       {QStringLiteral("source_kind"), sourceKindName(sourceKind)},
                       {QStringLiteral("missing_roles"), QJsonArray::fromStringList(missingRoles)},
                       {QStringLiteral("safety_backup"), safetyBackupPath},
                       {QStringLiteral("kept_original_as"), keptOriginalAs},
                       {QStringLiteral("duration_ms"), durationMs}};
}

} // namespace nrdb
