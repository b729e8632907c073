#include "exportschemajob.h"

#include "backup/clientenvironment.h"
#include "backup/clienttools.h"
#include "connection/serverinfo.h"
#include "jobs/jobcontext.h"
#include "jobs/servertools.h"

#include <QSaveFile>

namespace nrdb {

Result<SchemaExportResult> ExportSchemaJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Preparing"));
    const Result<ServerTools> prepared = ServerTools::connect(context, m_options.toolsDirectory);
    if (!prepared)
        return prepared.error();
    const ServerInfo &server = prepared.value().server;
    const ClientTools &tools = prepared.value().tools;
    const Result<ClientEnvironment> environment =
        ClientEnvironment::create(m_target, QStringLiteral("netraven-dbadmin export-schema %1").arg(context.id()));
    if (!environment)
        return environment.error();

    QStringList arguments{QStringLiteral("--no-password"), QStringLiteral("--schema-only")};
    for (const QString &schema : m_options.schemas)
        arguments << QStringLiteral("--schema=") + schema;
    for (const QString &schema : m_options.excludedSchemas)
        arguments << QStringLiteral("--exclude-schema=") + schema;
    context.setPhase(QStringLiteral("Dumping the schema"));
    context.info(QStringLiteral("pg_dump %1 --schema-only from %2").arg(tools.versionText, server.currentDatabase));
    ChildCommand dump(tools.pgDump(), arguments, {}, environment.value().environment());
    dump.timeoutMs = -1;
    const Result<ChildOutcome> outcome = context.runChild(dump);
    if (!outcome)
        return outcome.error();
    if (outcome.value().crashed || outcome.value().exitCode != 0)
        return Error{ErrorKind::Process,
                     QStringLiteral("pg_dump failed (exit code %1)").arg(outcome.value().exitCode),
                     {},
                     outcome.value().standardError.trimmed()};
    if (!outcome.value().standardOutput.contains(QLatin1String("-- PostgreSQL database dump complete")))
        return Error{ErrorKind::Process, QStringLiteral("pg_dump's output ended early: no completion line"), {},
                     outcome.value().standardError.trimmed()};

    context.setPhase(QStringLiteral("Writing the init script"));
    SchemaExportResult result;
    result.changes = toInitScript(outcome.value().standardOutput);
    const QByteArray text = result.changes.text.toUtf8();
    result.changes.text.clear();
    QSaveFile file(m_options.outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(m_options.outputPath, file.errorString()), {}, {}};
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

} // namespace nrdb
