#include "backupcommand.h"

#include "cliusage.h"
#include "commandtarget.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "jobs/backupjob.h"

#include <QJsonDocument>

namespace nrdb::cli {

namespace {

QString usage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl backup [CONNECTION] --dir DIR [--format FORMAT] [--compress N] [--jobs N]\n"
               "                             [--schema S]... [--exclude-schema S]... [--table T]... [--exclude-table T]...\n"
               "                             [--shareable] [--json]\n"
               "\n"
               "Backs the database up with pg_dump. The file gets its name (<db>_YYYYMMDD_HHMMSS.dump|.dir|.sql.gz)\n"
               "only after pg_dump succeeded and the archive was checked; a manifest (.manifest.json) goes beside it.\n"
               "\n"
               "  --dir DIR          where the backup goes\n"
               "  --format FORMAT    custom, directory or plain-gzip (default: custom, directory above 1 GiB)\n"
               "  --compress N       compression level 0-9\n"
               "  --jobs N           parallel jobs for the directory format (default: sized to the machine)\n"
               "  --schema, --exclude-schema, --table, --exclude-table   as pg_dump takes them\n"
               "  --shareable        leave out the rows of the pack's secret tables (credentials)\n") +
           targetUsage();
}

} // namespace

int runBackupCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Help.")},
        {QStringLiteral("dir"), QStringLiteral("Directory."), QStringLiteral("DIR")},
        {QStringLiteral("format"), QStringLiteral("Format."), QStringLiteral("FORMAT")},
        {QStringLiteral("compress"), QStringLiteral("Level."), QStringLiteral("N")},
        {QStringLiteral("jobs"), QStringLiteral("Jobs."), QStringLiteral("N")},
        {QStringLiteral("schema"), QStringLiteral("Schema."), QStringLiteral("S")},
        {QStringLiteral("exclude-schema"), QStringLiteral("Schema."), QStringLiteral("S")},
        {QStringLiteral("table"), QStringLiteral("Table."), QStringLiteral("T")},
        {QStringLiteral("exclude-table"), QStringLiteral("Table."), QStringLiteral("T")},
        {QStringLiteral("shareable"), QStringLiteral("Shareable.")},
    });
    addTargetOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("backup")} + arguments))
        return usageError(parser.errorText(), usage(), QStringLiteral("backup"));
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(usage());
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("dir")))
        return usageError(QStringLiteral("--dir is required"), usage(), QStringLiteral("backup"));
    BackupOptions options;
    options.outputDirectory = parser.value(QStringLiteral("dir"));
    if (parser.isSet(QStringLiteral("format"))) {
        const QString format = parser.value(QStringLiteral("format"));
        if (format == QLatin1String("custom"))
            options.format = BackupFormat::Custom;
        else if (format == QLatin1String("directory"))
            options.format = BackupFormat::Directory;
        else if (format == QLatin1String("plain-gzip"))
            options.format = BackupFormat::PlainGzip;
        else
            return usageError(QStringLiteral("--format takes custom, directory or plain-gzip, not '%1'").arg(format), usage(),
                              QStringLiteral("backup"));
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("compress"))) {
        options.compression = parser.value(QStringLiteral("compress")).toInt(&ok);
        if (!ok || options.compression < 0 || options.compression > 9)
            return usageError(QStringLiteral("--compress takes 0 to 9"), usage(), QStringLiteral("backup"));
    }
    if (parser.isSet(QStringLiteral("jobs"))) {
        options.jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || options.jobs < 1)
            return usageError(QStringLiteral("--jobs takes a number from 1"), usage(), QStringLiteral("backup"));
    }
    options.includeSchemas = parser.values(QStringLiteral("schema"));
    options.excludeSchemas = parser.values(QStringLiteral("exclude-schema"));
    options.includeTables = parser.values(QStringLiteral("table"));
    options.excludeTables = parser.values(QStringLiteral("exclude-table"));
    const Result<CommandTarget> target = commandTarget(parser);
    if (!target)
        return target.error().kind == ErrorKind::Usage ? usageError(target.error().message, usage(), QStringLiteral("backup"))
                                                       : jobFailed(target.error());
    if (parser.isSet(QStringLiteral("shareable"))) {
        for (const QString &table : target.value().pack.secretTables)
            options.excludeTableData << target.value().pack.schema + QLatin1Char('.') + table;
    }
    auto job = std::make_shared<BackupJob>(target.value().profile, options);
    if (Status done = runHeadless(job); !done)
        return jobFailed(done.error());
    const BackupResult &result = job->result();
    if (parser.isSet(QStringLiteral("json")))
        writeOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("path"), result.path},
                                                             {QStringLiteral("manifest_path"), result.manifestPath},
                                                             {QStringLiteral("manifest"), result.manifest.toJson()}})
                                       .toJson()));
    else
        writeOut(QStringLiteral("%1\n").arg(result.path));
    return ExitOk;
}

} // namespace nrdb::cli
