#include "exportschemajob.h"

#include "backup/clientenvironment.h"
#include "backup/clienttools.h"
#include "catalog/catalogreader.h"
#include "connection/serverinfo.h"
#include "jobs/jobcontext.h"
#include "jobs/packchoice.h"
#include "jobs/servertools.h"
#include "migrate/foreignhistory.h"
#include "util/sqlidentifier.h"

#include <QDir>
#include <QSaveFile>

namespace nrdb {

namespace {

// The rows of the pack's foreign history (Alembic's revision), as INSERTs for the end of the
// script: a schema loaded from it is then one that the other tool knows, as the original is.
Result<QString> foreignHistoryRows(const QSqlDatabase &db, const QStringList &schemas, const QStringList &excluded)
{
    // Only to know the pack: pg_dump waits for a table someone holds locked, as it always has.
    const Result<SchemaSnapshot> snapshot = CatalogReader::read(db, {}, CatalogReadOptions{LockedTables::LeaveOut});
    if (!snapshot)
        return snapshot.error();
    const Result<PackDetection> detected = detectKnownPack(db, snapshot.value());
    if (!detected)
        return detected.error();
    const Result<ModelPack> pack = ModelPack::named(detected.value().pack);
    if (!detected.value().recognised() || !pack || pack.value().foreignHistory.isEmpty() ||
        (!schemas.isEmpty() && !schemas.contains(pack.value().schema)) || excluded.contains(pack.value().schema))
        return QString();
    const Result<ForeignHistoryCheck> history = foreignhistory::read(db, pack.value());
    if (!history)
        return history.error();
    const ForeignHistory &foreign = pack.value().foreignHistory;
    QString rows;
    for (const QString &revision : history.value().found)
        rows += QStringLiteral("INSERT INTO %1.%2 (%3) VALUES (%4);\n")
                    .arg(quoteIdentifier(pack.value().schema), quoteIdentifier(foreign.table),
                         quoteIdentifier(foreign.column), quoteLiteral(revision));
    return rows.isEmpty() ? rows
                          : QStringLiteral("\n-- %1's revision, as the database has it\n").arg(foreign.tool) + rows;
}

} // namespace

Result<SchemaExportResult> ExportSchemaJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Preparing"));
    const Result<ServerTools> prepared = ServerTools::connect(context, m_options.toolsDirectory);
    if (!prepared)
        return prepared.error();
    const ServerInfo &server = prepared.value().server;
    const ClientTools &tools = prepared.value().tools;
    const Result<ClientEnvironment> environment =
        ClientEnvironment::create(m_target, context.clientName(QStringLiteral("export-schema")));
    if (!environment)
        return environment.error();

    QStringList arguments{QStringLiteral("--no-password"), QStringLiteral("--schema-only")};
    for (const QString &schema : m_options.schemas)
        arguments << QStringLiteral("--schema=") + schema;
    for (const QString &schema : m_options.excludedSchemas)
        arguments << QStringLiteral("--exclude-schema=") + schema;
    if (!m_options.privileges)
        arguments << QStringLiteral("--no-privileges");
    context.setPhase(QStringLiteral("Dumping the schema"));
    context.info(QStringLiteral("pg_dump %1 --schema-only from %2").arg(tools.versionText, server.currentDatabase));
    ChildCommand dump(tools.pgDump(), arguments, {}, environment.value().environment());
    dump.timeoutMs = -1;
    const Result<ChildOutcome> outcome = context.runChild(dump);
    if (!outcome)
        return outcome.error();
    if (outcome.value().crashed || outcome.value().exitCode != 0)
        return Error::process(QStringLiteral("pg_dump failed (exit code %1)").arg(outcome.value().exitCode),
                              outcome.value().standardError.trimmed());
    if (!outcome.value().standardOutput.contains(QLatin1String("-- PostgreSQL database dump complete")))
        return Error::process(QStringLiteral("pg_dump's output ended early: no completion line"),
                              outcome.value().standardError.trimmed());

    const Result<QString> foreignRows =
        foreignHistoryRows(prepared.value().db, m_options.schemas, m_options.excludedSchemas);
    if (!foreignRows)
        return foreignRows.error();

    context.setPhase(QStringLiteral("Writing the init script"));
    SchemaExportResult result;
    result.changes = toInitScript(outcome.value().standardOutput);
    result.changes.text += foreignRows.value();
    const QByteArray text = result.changes.text.toUtf8();
    result.changes.text.clear();
    QSaveFile file(m_options.outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Error::io(QStringLiteral("Cannot write %1: %2").arg(m_options.outputPath, file.errorString()));
    result.path = m_options.outputPath;
    result.bytes = text.size();
    context.info(QStringLiteral("Wrote %1 (%2 bytes): removed %3 \\restrict lines and %4 OWNER TO statements, "
                                "%5 CREATE SCHEMA made IF NOT EXISTS")
                     .arg(result.path)
                     .arg(result.bytes)
                     .arg(result.changes.restrictLinesRemoved)
                     .arg(result.changes.ownerStatementsRemoved)
                     .arg(result.changes.schemasMadeIdempotent));
    return result;
}

QJsonObject SchemaExportResult::toJson() const
{
    return QJsonObject{{QStringLiteral("path"), QDir(path).absolutePath()},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("restrict_lines_removed"), changes.restrictLinesRemoved},
                       {QStringLiteral("owner_statements_removed"), changes.ownerStatementsRemoved},
                       {QStringLiteral("schemas_made_if_not_exists"), changes.schemasMadeIdempotent}};
}

} // namespace nrdb
