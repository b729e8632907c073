#include "restorecommands.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "connectiontarget.h"
#include "exitcode.h"
#include "headlessjob.h"
#include "productionguard.h"

#include "backup/toolsettings.h"
#include "connection/resolvedconnection.h"
#include "jobs/cleanupjob.h"
#include "jobs/provejob.h"
#include "jobs/restorejob.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nrdb::cli {

namespace {

// The server a restore talks to: the connection given, resolved; its database is irrelevant.
Result<ConnectionProfile> serverFrom(const QCommandLineParser &parser, int positionalAfterBackup)
{
    QStringList rest = parser.positionalArguments().mid(positionalAfterBackup);
    ConnectionProfile profile;
    if (parser.isSet(QStringLiteral("profile"))) {
        const Result<ConnectionProfile> saved = connectionTarget(parser);
        if (!saved)
            return Error::usage(saved.error().message);
        profile = saved.value();
    } else if (!rest.isEmpty()) {
        const Result<ConnectionProfile> parsed = connectionArgument(rest.first());
        if (!parsed)
            return parsed.error();
        profile = parsed.value();
    }
    const Result<ResolvedConnection> resolved = resolveConnection(profile);
    if (!resolved)
        return resolved.error();
    return resolved.value().profile;
}

QString restoreUsage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl restore BACKUP [CONNECTION] --into DATABASE [--replace NAME] "
               "[--no-safety-backup]\n"
               "                              [--safety-dir DIR] [--table SCHEMA.TABLE ...] [--jobs N] "
               "[--no-owner] [--json]\n"
               "\n"
               "Restores a .dump, a directory archive, a .sql or a .sql.gz (NetRaven's own backups too), in this "
               "order:\n"
               "  1. the target name: not empty, at most 63 bytes (PostgreSQL would cut a longer one);\n"
               "  2. the backup's SHA-256 against its manifest, when it has one (a manifest that cannot be read\n"
               "     stops the restore);\n"
               "  3. the backup itself: pg_restore reads its table of contents, and every data block or file is\n"
               "     found where that says, the file ending where the last block does (or, for .sql.gz, the whole\n"
               "     gzip stream and pg_dump's completion line); an empty, truncated or foreign file stops it;\n"
               "  4. with --replace, a safety backup of the database it replaces, read back whole by pg_restore;\n"
               "  5. only then a new staging database, restored into; the target is dropped or renamed last.\n"
               "Nothing is created before 1-3 pass, and nothing is dropped before 4 does.\n"
               "\n"
               "  --into DATABASE     the database to restore into (default: a new one; it must not exist)\n"
               "  --replace NAME      replace DATABASE, which exists: repeat its name to confirm\n"
               "  --no-safety-backup  do not back the replaced database up first (it is kept, renamed, instead)\n"
               "  --safety-dir DIR    where the safety backup goes (default: the backup's directory)\n"
               "  --table SCHEMA.TABLE  only this table (repeatable), with what it needs (its schema, types,\n"
               "                      sequences) and what hangs on it alone (keys, indexes, defaults, triggers,\n"
               "                      foreign keys between chosen tables); archives only\n"
               "  --jobs N            parallel pg_restore jobs (default: the server's cores and free connections)\n"
               "  --no-owner          leave the backup's owners and grants out: objects belong to the restoring "
               "user\n") +
           yesProductionUsage() + QStringLiteral("\n") + connectionUsage();
}

} // namespace

int runRestoreCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("restore"), restoreUsage());
    if (const std::optional<int> ended = command.parse(
            arguments,
            connectionOptions() + QList<QCommandLineOption>{
                                      {QStringLiteral("into"), QStringLiteral("Target."), QStringLiteral("DATABASE")},
                                      {QStringLiteral("replace"), QStringLiteral("Confirm."), QStringLiteral("NAME")},
                                      {QStringLiteral("no-safety-backup"), QStringLiteral("No safety backup.")},
                                      {QStringLiteral("safety-dir"), QStringLiteral("Dir."), QStringLiteral("DIR")},
                                      {QStringLiteral("table"), QStringLiteral("Table."), QStringLiteral("TABLE")},
                                      {QStringLiteral("jobs"), QStringLiteral("Jobs."), QStringLiteral("N")},
                                      {QStringLiteral("no-owner"), QStringLiteral("No owners.")},
                                      {QStringLiteral("json"), QStringLiteral("JSON.")},
                                      yesProductionOption()}))
        return *ended;
    if (command.positional().isEmpty() || !command.isSet(QStringLiteral("into")))
        return command.usageError(QStringLiteral("restore wants a BACKUP and --into DATABASE"));
    const Result<ConnectionProfile> server = serverFrom(command.parser(), 1);
    if (!server)
        return command.failed(server.error());
    RestoreOptions options;
    options.source = command.positional().first();
    options.targetDatabase = command.value(QStringLiteral("into"));
    if (command.isSet(QStringLiteral("replace"))) {
        ConnectionProfile replaced = server.value();
        replaced.database = options.targetDatabase;
        if (auto refused = confirmProductionWrite(command, replaced, QStringLiteral("restore over")))
            return *refused;
    }
    options.replaceExisting = command.isSet(QStringLiteral("replace"));
    options.confirmedName = command.value(QStringLiteral("replace"));
    options.safetyBackup = !command.isSet(QStringLiteral("no-safety-backup"));
    options.safetyBackupDirectory = command.value(QStringLiteral("safety-dir"));
    if (options.safetyBackupDirectory.isEmpty())
        options.safetyBackupDirectory = QFileInfo(options.source).absolutePath();
    options.toolsDirectory = configuredToolsDirectory();
    options.tables = command.values(QStringLiteral("table"));
    options.keepOwnership = !command.isSet(QStringLiteral("no-owner"));
    if (command.isSet(QStringLiteral("jobs"))) {
        bool number = false;
        options.jobs = command.value(QStringLiteral("jobs")).toInt(&number);
        if (!number || options.jobs < 1)
            return command.usageError(QStringLiteral("--jobs wants a number of 1 or more"));
    }
    auto job = std::make_shared<RestoreJob>(server.value(), options);
    if (Status done = runHeadless(job); !done)
        return jobFailed(done.error());
    const RestoreReport &report = job->result();
    if (command.json()) {
        printJson(report.toJson());
    } else {
        writeOut(QStringLiteral("Restored into %1.\n").arg(report.database));
        if (!report.missingRoles.isEmpty())
            writeOut(QStringLiteral("Objects owned by %1 (missing here) now belong to %2; grants were left out.\n")
                         .arg(report.missingRoles.join(QStringLiteral(", ")), server.value().user));
        if (!report.safetyBackupPath.isEmpty())
            writeOut(QStringLiteral("The replaced database was backed up to %1.\n").arg(report.safetyBackupPath));
        if (!report.keptOriginalAs.isEmpty())
            writeOut(QStringLiteral("The replaced database is kept as %1.\n").arg(report.keptOriginalAs));
    }
    return ExitOk;
}

int runProveRestorableCommand(const QStringList &arguments)
{
    const QString usage =
        QStringLiteral("Usage: netraven-dbctl prove-restorable BACKUP [CONNECTION] [--sandbox] [--json]\n"
                       "\n"
                       "Checks the backup's SHA-256, restores it into a scratch database, verifies it, compares\n"
                       "every table's row count with the manifest, drops the scratch database and records the\n"
                       "result in the manifest. Exits 4 when the backup is not proven.\n"
                       "\n"
                       "  --sandbox    restore in a throwaway local server instead of the one given\n\n") +
        connectionUsage();
    CommandLine command(QStringLiteral("prove-restorable"), usage);
    if (const std::optional<int> ended = command.parse(
            arguments,
            connectionOptions() + QList<QCommandLineOption>{{QStringLiteral("sandbox"), QStringLiteral("Sandbox.")},
                                                            {QStringLiteral("json"), QStringLiteral("JSON.")}}))
        return *ended;
    if (command.positional().isEmpty())
        return command.usageError(QStringLiteral("prove-restorable wants a BACKUP"));
    const bool inSandbox = command.isSet(QStringLiteral("sandbox"));
    ConnectionProfile server;
    if (!inSandbox) {
        const Result<ConnectionProfile> resolved = serverFrom(command.parser(), 1);
        if (!resolved)
            return command.failed(resolved.error());
        server = resolved.value();
    }
    auto job = std::make_shared<ProveRestorableJob>(server, command.positional().first(), inSandbox,
                                                    configuredToolsDirectory());
    if (Status done = runHeadless(job); !done)
        return jobFailed(done.error());
    const ProofReport &report = job->result();
    if (command.json())
        printJson(report.toJson());
    else
        writeOut(report.summary() + QLatin1Char('\n'));
    return report.ok ? ExitOk : ExitDrift;
}

namespace {

QString cleanupUsage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl cleanup [CONNECTION] [--dry-run] [--json]\n"
               "\n"
               "Drops the temporary databases that a restore or a proof of restore left behind when it was\n"
               "killed or its server went away: a restore's staging copy (<name>_restoring_<time>), a proof's\n"
               "scratch copy (nrdb_prove_<time>), a replaced database whose safety backup was taken. They are\n"
               "known by the marker this tool writes in their comment, never by name alone, and one counts as\n"
               "left over when nobody is connected to it and the process that made it on this machine is gone,\n"
               "or, made on another machine, when it is over 6 hours old. A drop, once begun, is not cancelled.\n"
               "\n"
               "  --dry-run  list them, drop nothing\n"
               "  --json     print what was found and dropped as JSON\n\n") +
           connectionUsage();
}

} // namespace

int runCleanupCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("cleanup"), cleanupUsage());
    if (const std::optional<int> ended = command.parse(
            arguments,
            connectionOptions() + QList<QCommandLineOption>{{QStringLiteral("dry-run"), QStringLiteral("List only.")},
                                                            {QStringLiteral("json"), QStringLiteral("JSON.")}}))
        return *ended;
    const Result<ConnectionProfile> server = serverFrom(command.parser(), 0);
    if (!server)
        return command.failed(server.error());
    const bool listOnly = command.isSet(QStringLiteral("dry-run"));
    auto job = std::make_shared<CleanupJob>(server.value(), listOnly);
    if (Status done = runHeadless(job); !done)
        return jobFailed(done.error());
    const CleanupReport &report = job->result();
    if (command.json()) {
        printJson(report.toJson());
    } else if (report.leftovers.isEmpty()) {
        writeOut(QStringLiteral("Nothing left over.\n"));
    } else {
        for (const temporarydatabase::Leftover &leftover : report.leftovers)
            writeOut(leftover.description() + (report.dropped.contains(leftover.database)
                                                   ? QStringLiteral(" (dropped)\n")
                                                   : QStringLiteral("\n")));
    }
    return report.failed.isEmpty() ? ExitOk : ExitFailed;
}

} // namespace nrdb::cli
