#include "schemacommands.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "backup/toolsettings.h"
#include "catalog/schemalint.h"
#include "catalog/snapshotjson.h"
#include "jobs/exportmodelsjob.h"
#include "jobs/exportschemajob.h"
#include "jobs/snapshotjob.h"
#include "model/packdetection.h"
#include "util/counting.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>

namespace nrdb::cli {

namespace {

QString inspectUsage()
{
    return QStringLiteral("Usage: netraven-dbctl inspect [CONNECTION] [--schema S]... [--json]\n"
                          "\n"
                          "Reads the schema: a summary per schema (tables, views, rows, size), or with --json the\n"
                          "whole snapshot (every relation with its columns, constraints and indexes).\n"
                          "\n"
                          "  --schema S         only this schema (repeatable)\n") +
           targetUsage();
}

QString lintUsage()
{
    return QStringLiteral("Usage: netraven-dbctl lint [CONNECTION] [--schema S]... [--fix-sql] [--json]\n"
                          "\n"
                          "Finds schema defects: foreign keys without an index, tables without a primary key,\n"
                          "redundant indexes, nullable booleans, isolated tables. Findings are advice: the exit\n"
                          "code is 0 whatever is found.\n"
                          "\n"
                          "  --schema S         only this schema (repeatable)\n"
                          "  --fix-sql          print only the SQL that fixes what can be fixed safely\n") +
           targetUsage();
}

QString exportUsage()
{
    return QStringLiteral("Usage: netraven-dbctl export-schema [CONNECTION] [--output FILE] [--schema S]...\n"
                          "\n"
                          "pg_dump --schema-only turned into a clean init script: \\restrict lines and OWNER TO\n"
                          "statements removed, CREATE SCHEMA made IF NOT EXISTS, this tool's own schema (nrdb) left\n"
                          "out. It loads into an empty database with psql -v ON_ERROR_STOP=1 -f FILE.\n"
                          "\n"
                          "  --output FILE      write it here (atomically); default: standard output\n"
                          "  --schema S         only this schema (repeatable)\n") +
           targetUsage();
}

QString exportModelsUsage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl export-models [CONNECTION] --out DIR [--schema S]... [--tables T]... [--json]\n"
               "\n"
               "SQLAlchemy models (models.py, declarative, Column() style: SQLAlchemy 1.4 and 2.0) and Pydantic\n"
               "schemas (schemas.py: <Class>Read with every column, <Class>Create without what the server fills\n"
               "in) from the live schema: types with length and precision, server defaults, keys, checks,\n"
               "indexes by their real names, enums, comments, sequences, relationships from the foreign keys.\n"
               "The secret columns of the database's pack are marked and left out of the read schemas. What\n"
               "SQLAlchemy cannot express is listed in both headers, and here on standard error.\n"
               "\n"
               "  --out DIR          where models.py and schemas.py go (each written whole, or not at all)\n"
               "  --schema S         only this schema (repeatable); default: every schema with tables\n"
               "  --tables T         only these tables, \"table\" or \"schema.table\" (repeatable, or "
               "comma-separated)\n") +
           targetUsage();
}

// inspect, lint, export-schema: --schema and the target options beside the command's own, and the
// database once resolved.
struct SchemaCommand : TargetCommand {
    using TargetCommand::TargetCommand;

    std::optional<int> parse(const QStringList &arguments, const QList<QCommandLineOption> &options = {})
    {
        const QList<QCommandLineOption> schema{
            {QStringLiteral("schema"), QStringLiteral("Schema."), QStringLiteral("S")}};
        return TargetCommand::parse(arguments, schema + options);
    }
};

// Reads the snapshot, keeping only the schemas asked for.
Result<SchemaSnapshot> readSnapshot(const SchemaCommand &command)
{
    auto job = std::make_shared<SnapshotJob>(command.target.profile);
    if (Status outcome = runHeadless(job); !outcome)
        return outcome.error();
    SchemaSnapshot snapshot = job->takeResult();
    const QStringList wanted = command.values(QStringLiteral("schema"));
    if (!wanted.isEmpty()) {
        for (const QString &schema : wanted)
            if (!snapshot.schema(schema))
                return Error::notFound(QStringLiteral("There is no schema named %1").arg(schema));
        const auto unwanted = [&wanted](const auto &item) { return !wanted.contains(item.schema); };
        snapshot.relations.removeIf(unwanted);
        snapshot.sequences.removeIf(unwanted);
        snapshot.enums.removeIf(unwanted);
        snapshot.domains.removeIf(unwanted);
        snapshot.schemas.removeIf([&wanted](const SchemaInfo &schema) { return !wanted.contains(schema.name); });
        snapshot.index();
    }
    return snapshot;
}

// From the catalog alone: the tables each pack requires (verify also reads the history).
PackDetection packOf(const SchemaSnapshot &snapshot)
{
    const Result<QVector<ModelPack>> packs = ModelPack::all();
    return packs ? detectPack(snapshot, {}, packs.value()) : PackDetection{};
}

void printSummary(const SchemaSnapshot &snapshot)
{
    const QLocale locale;
    for (const SchemaInfo &schema : snapshot.schemas) {
        int tables = 0;
        int views = 0;
        qint64 rows = 0;
        qint64 bytes = 0;
        for (const RelationInfo &relation : snapshot.relations) {
            if (relation.schema != schema.name)
                continue;
            relation.isTable() ? ++tables : ++views;
            rows += qMax<qint64>(0, relation.rowEstimate);
            bytes += qMax<qint64>(0, relation.totalBytes);
        }
        writeOut(QStringLiteral("%1: %2, %3, about %4, %5%6\n")
                     .arg(schema.name, counted(tables, QStringLiteral("table"), QStringLiteral("tables")),
                          counted(views, QStringLiteral("view"), QStringLiteral("views")),
                          counted(rows, QStringLiteral("row"), QStringLiteral("rows")), locale.formattedDataSize(bytes),
                          schema.usable ? QString() : QStringLiteral(" (no USAGE privilege)")));
    }
    writeOut(QStringLiteral("Pack: %1\n").arg(packOf(snapshot).describe()));
    QStringList extensions;
    for (const ExtensionInfo &extension : snapshot.extensions)
        extensions << QStringLiteral("%1 %2").arg(extension.name, extension.version);
    writeOut(QStringLiteral("Extensions: %1\n")
                 .arg(extensions.isEmpty() ? QStringLiteral("none") : extensions.join(QStringLiteral(", "))));
}

} // namespace

int runInspectCommand(const QStringList &arguments)
{
    SchemaCommand command(QStringLiteral("inspect"), inspectUsage());
    if (const std::optional<int> ended = command.parse(arguments))
        return *ended;
    const Result<SchemaSnapshot> snapshot = readSnapshot(command);
    if (!snapshot)
        return jobFailed(snapshot.error());
    if (command.json()) {
        QJsonObject json = snapshotToJson(snapshot.value());
        const PackDetection pack = packOf(snapshot.value());
        json.insert(QStringLiteral("pack"), QJsonObject{{QStringLiteral("name"), pack.pack},
                                                        {QStringLiteral("closest"), pack.closest},
                                                        {QStringLiteral("reason"), pack.describe()}});
        writeOut(QString::fromUtf8(QJsonDocument(json).toJson()));
    } else {
        printSummary(snapshot.value());
    }
    return ExitOk;
}

int runLintCommand(const QStringList &arguments)
{
    SchemaCommand command(QStringLiteral("lint"), lintUsage());
    if (const std::optional<int> ended =
            command.parse(arguments, {{QStringLiteral("fix-sql"), QStringLiteral("Only the fixing SQL.")}}))
        return *ended;
    const Result<SchemaSnapshot> snapshot = readSnapshot(command);
    if (!snapshot)
        return jobFailed(snapshot.error());
    const QVector<LintFinding> findings = lintSnapshot(snapshot.value());
    if (command.json()) {
        writeOut(QString::fromUtf8(QJsonDocument(findingsToJson(findings)).toJson()));
    } else if (command.isSet(QStringLiteral("fix-sql"))) {
        for (const LintFinding &finding : findings)
            if (!finding.fixSql.isEmpty())
                writeOut(QStringLiteral("-- %1\n%2\n").arg(finding.message, finding.fixSql));
    } else {
        for (const LintFinding &finding : findings)
            writeOut(QStringLiteral("%1\t%2\t%3.%4\t%5\n")
                         .arg(lintSeverityName(finding.severity), finding.rule, finding.schema, finding.table,
                              finding.message));
        writeErr(QStringLiteral("%1\n").arg(
            counted(findings.size(), QStringLiteral("finding"), QStringLiteral("findings"))));
    }
    return ExitOk;
}

int runExportSchemaCommand(const QStringList &arguments)
{
    SchemaCommand command(QStringLiteral("export-schema"), exportUsage());
    if (const std::optional<int> ended = command.parse(
            arguments,
            {{{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("File."), QStringLiteral("FILE")}}))
        return *ended;
    const bool toStandardOutput = !command.isSet(QStringLiteral("output"));
    QTemporaryDir scratch;
    SchemaExportOptions options;
    options.schemas = command.values(QStringLiteral("schema"));
    options.toolsDirectory = configuredToolsDirectory();
    options.outputPath =
        toStandardOutput ? scratch.filePath(QStringLiteral("schema.sql")) : command.value(QStringLiteral("output"));
    auto job = std::make_shared<ExportSchemaJob>(command.target.profile, options);
    if (Status outcome = runHeadless(job); !outcome)
        return jobFailed(outcome.error());
    const SchemaExportResult &result = job->result();
    if (toStandardOutput) {
        QFile file(result.path);
        if (!file.open(QIODevice::ReadOnly))
            return jobFailed(Error::io(QStringLiteral("Cannot read %1").arg(result.path)));
        writeOut(QString::fromUtf8(file.readAll()));
    } else if (command.json()) {
        printJson(result.toJson());
    } else {
        writeOut(QStringLiteral("Wrote %1 (%2)\n").arg(result.path, QLocale().formattedDataSize(result.bytes)));
    }
    return ExitOk;
}

int runExportModelsCommand(const QStringList &arguments)
{
    SchemaCommand command(QStringLiteral("export-models"), exportModelsUsage());
    if (const std::optional<int> ended =
            command.parse(arguments, {{QStringLiteral("out"), QStringLiteral("Directory."), QStringLiteral("DIR")},
                                      {QStringLiteral("tables"), QStringLiteral("Tables."), QStringLiteral("T")}}))
        return *ended;
    if (!command.isSet(QStringLiteral("out")))
        return command.usageError(QStringLiteral("export-models wants --out DIR"));
    ModelExportOptions options;
    options.outputDirectory = command.value(QStringLiteral("out"));
    options.schemas = command.values(QStringLiteral("schema"));
    for (const QString &tables : command.values(QStringLiteral("tables")))
        options.tables += tables.split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto job = std::make_shared<ExportModelsJob>(command.target.profile, options);
    if (Status outcome = runHeadless(job); !outcome)
        return jobFailed(outcome.error());
    const ModelExportResult &result = job->result();
    for (const QString &line : result.notExpressed)
        writeErr(QStringLiteral("Not expressed: %1\n").arg(line));
    if (command.json())
        printJson(result.toJson());
    else
        writeOut(QStringLiteral("Wrote %1 and %2 (%3)\n")
                     .arg(result.modelsPath, result.schemasPath,
                          counted(result.tableCount, QStringLiteral("table"), QStringLiteral("tables"))));
    return ExitOk;
}

} // namespace nrdb::cli
