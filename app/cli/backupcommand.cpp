#include "backupcommand.h"

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
#include "jobs/verifybackupsjob.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace nrdb::cli {

namespace {

QString usage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl backup [CONNECTION] --dir DIR [--format FORMAT] [--compress N] [--jobs N]\n"
               "                             [--schema S]... [--exclude-schema S]... [--table T]... [--exclude-table "
               "T]...\n"
               "                             [--shareable] [--json]\n"
               "\n"
               "Backs the database up with pg_dump. The file gets its name (<db>_YYYYMMDD_HHMMSS.dump|.dir|.sql.gz)\n"
               "only after pg_dump succeeded and the archive was checked; a manifest (.manifest.json) goes beside it.\n"
               "\n"
               "  --dir DIR          where the backup goes\n"
               "  --format FORMAT    custom, directory or plain-gzip (default: custom, directory above 256 MiB)\n"
               "  --compress N       gzip level 0-9: 1 fastest (default), 9 smallest, 0 none\n"
               "  --jobs N           parallel jobs for the directory format (default: sized to the machine)\n"
               "  --schema, --exclude-schema, --table, --exclude-table   as pg_dump takes them\n"
               "  --shareable        leave out the rows of the pack's secret tables (credentials)\n") +
           targetUsage();
}

} // namespace

int runBackupCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("backup"), usage());
    if (const std::optional<int> ended = command.parse(
            arguments,
            targetOptions() + QList<QCommandLineOption>{
                                  {QStringLiteral("dir"), QStringLiteral("Directory."), QStringLiteral("DIR")},
                                  {QStringLiteral("format"), QStringLiteral("Format."), QStringLiteral("FORMAT")},
                                  {QStringLiteral("compress"), QStringLiteral("Level."), QStringLiteral("N")},
                                  {QStringLiteral("jobs"), QStringLiteral("Jobs."), QStringLiteral("N")},
                                  {QStringLiteral("schema"), QStringLiteral("Schema."), QStringLiteral("S")},
                                  {QStringLiteral("exclude-schema"), QStringLiteral("Schema."), QStringLiteral("S")},
                                  {QStringLiteral("table"), QStringLiteral("Table."), QStringLiteral("T")},
                                  {QStringLiteral("exclude-table"), QStringLiteral("Table."), QStringLiteral("T")},
                                  {QStringLiteral("shareable"), QStringLiteral("Shareable.")},
                              }))
        return *ended;
    if (!command.isSet(QStringLiteral("dir")))
        return command.usageError(QStringLiteral("--dir is required"));
    BackupOptions options;
    options.outputDirectory = command.value(QStringLiteral("dir"));
    if (command.isSet(QStringLiteral("format"))) {
        const QString format = command.value(QStringLiteral("format"));
        if (format == QLatin1String("custom"))
            options.format = BackupFormat::Custom;
        else if (format == QLatin1String("directory"))
            options.format = BackupFormat::Directory;
        else if (format == QLatin1String("plain-gzip"))
            options.format = BackupFormat::PlainGzip;
        else
            return command.usageError(
                QStringLiteral("--format takes custom, directory or plain-gzip, not '%1'").arg(format));
    }
    bool ok = true;
    if (command.isSet(QStringLiteral("compress"))) {
        options.compression = command.value(QStringLiteral("compress")).toInt(&ok);
        if (!ok || options.compression < 0 || options.compression > 9)
            return command.usageError(QStringLiteral("--compress takes 0 to 9"));
    }
    if (command.isSet(QStringLiteral("jobs"))) {
        options.jobs = command.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || options.jobs < 1)
            return command.usageError(QStringLiteral("--jobs takes a number from 1"));
    }
    options.includeSchemas = command.values(QStringLiteral("schema"));
    options.excludeSchemas = command.values(QStringLiteral("exclude-schema"));
    options.includeTables = command.values(QStringLiteral("table"));
    options.excludeTables = command.values(QStringLiteral("exclude-table"));
    const Result<CommandTarget> target = commandTarget(command.parser());
    if (!target)
        return command.failed(target.error());
    options.shareable = command.isSet(QStringLiteral("shareable"));
    options.toolsDirectory = configuredToolsDirectory();
    auto job = std::make_shared<BackupJob>(target.value().profile, options);
    if (Status done = runHeadless(job); !done)
        return jobFailed(done.error());
    const BackupResult &result = job->result();
    if (command.json())
        printJson(result.toJson());
    else
        writeOut(QStringLiteral("%1\n").arg(result.path));
    return ExitOk;
}

} // namespace nrdb::cli

namespace nrdb::cli {

namespace {

QString backupsUsage()
{
    return QStringLiteral(
        "Usage: netraven-dbctl backups list DIR [--json]\n"
        "       netraven-dbctl backups verify DIR\n"
        "       netraven-dbctl backups prune DIR [--keep N] [--keep-days D] [--dry-run] [--yes-production NAME]\n"
        "\n"
        "list: the backups in DIR, newest first, with date, size, format and verified state.\n"
        "verify: check each one's SHA-256 against its manifest, then its archive (its table of contents, and\n"
        "every data block where that says); exits 4 if any fails.\n"
        "prune: remove what the retention rule lets go (keep the newest N and/or those younger than D\n"
        "days); the only verified backup is never removed. Backups of a production database (a saved\n"
        "production profile's) are removed only when its name is typed, or given with --yes-production.\n");
}

} // namespace

int runBackupsCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("backups"), backupsUsage());
    if (const std::optional<int> ended =
            command.parse(arguments, {{QStringLiteral("keep"), QStringLiteral("Keep."), QStringLiteral("N")},
                                      {QStringLiteral("keep-days"), QStringLiteral("Days."), QStringLiteral("D")},
                                      {QStringLiteral("dry-run"), QStringLiteral("Dry run.")},
                                      {QStringLiteral("json"), QStringLiteral("JSON.")},
                                      yesProductionOption()}))
        return *ended;
    const QStringList positional = command.positional();
    const QString action = positional.value(0);
    if (positional.size() != 2 ||
        !(action == QLatin1String("list") || action == QLatin1String("verify") || action == QLatin1String("prune")))
        return command.usageError(QStringLiteral("backups wants list, verify or prune, and a directory"));
    QVector<BackupEntry> entries = backupcatalog::list(positional.at(1));
    const QLocale locale;
    if (action == QLatin1String("list")) {
        if (command.json()) {
            QJsonArray array;
            for (const BackupEntry &entry : std::as_const(entries))
                array << entry.toJson();
            writeOut(QString::fromUtf8(QJsonDocument(array).toJson())); // a list, not an object
        } else {
            for (const BackupEntry &entry : std::as_const(entries))
                writeOut(QStringLiteral("%1  %2  %3  %4  %5\n")
                             .arg(entry.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                  locale.formattedDataSize(entry.sizeBytes).rightJustified(10),
                                  entry.formatName().leftJustified(10),
                                  entry.isVerified() ? QStringLiteral("verified  ") : QStringLiteral("unverified"),
                                  entry.name));
        }
        return ExitOk;
    }
    if (action == QLatin1String("verify")) {
        QStringList paths;
        for (const BackupEntry &entry : std::as_const(entries))
            paths << entry.path;
        auto job = std::make_shared<VerifyBackupsJob>(paths, configuredToolsDirectory());
        if (Status done = runHeadless(job); !done)
            return jobFailed(done.error());
        int failed = 0;
        for (const BackupCheck &check : job->result()) {
            writeOut(QStringLiteral("%1  %2\n")
                         .arg(check.ok ? QStringLiteral("ok    ") : QStringLiteral("FAILED"),
                              check.ok ? QFileInfo(check.path).fileName() : check.problem));
            failed += check.ok ? 0 : 1;
        }
        return failed == 0 ? ExitOk : ExitDrift;
    }
    bool ok = true;
    const RetentionRule rule{command.value(QStringLiteral("keep")).toInt(&ok),
                             command.value(QStringLiteral("keep-days")).toInt()};
    if (rule.keepsAll())
        return command.usageError(QStringLiteral("prune wants --keep N and/or --keep-days D"));
    const bool dryRun = command.isSet(QStringLiteral("dry-run"));
    const QVector<BackupEntry> doomed = backupcatalog::toPrune(entries, rule, QDateTime::currentDateTimeUtc());
    const ProfileStore store;
    for (const BackupEntry &entry : doomed) {
        const std::optional<ConnectionProfile> production = store.productionProfileFor(entry.manifest.origin);
        if (dryRun || !production)
            continue;
        if (auto refused = confirmProductionWrite(command, *production, QStringLiteral("prune the backups of")))
            return *refused;
        break; // one confirmation for the lot
    }
    for (const BackupEntry &entry : doomed) {
        if (!dryRun) {
            if (Status removed = backupcatalog::remove(entry); !removed)
                return jobFailed(removed.error());
        }
        writeOut(QStringLiteral("%1 %2\n").arg(dryRun ? QStringLiteral("would remove") : QStringLiteral("removed"),
                                               entry.name));
    }
    return ExitOk;
}

} // namespace nrdb::cli
