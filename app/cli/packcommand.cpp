#include "packcommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "connectiontarget.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "connection/resolvedconnection.h"
#include "jobs/capturepackjob.h"

namespace nrdb::cli {

namespace {

const QString kUsage =
    QStringLiteral("Usage: netraven-dbctl pack new DIR --from CONNECTION [--schema S] [--name NAME] [--json]\n\n"
                   "Makes a model pack of any database, so that init, bootstrap, verify, repair and compare work for\n"
                   "it (--pack DIR): the schema's pg_dump --schema-only as the baseline migration (owners and\n"
                   "privileges left out), its snapshot as the expected model, every table of it required, its\n"
                   "extensions created by init, and an empty seed.json to fill in. DIR must not exist, or be empty;\n"
                   "the pack appears in it whole or not at all.\n\n"
                   "  --from CONNECTION   the database: a libpq URI or keyword string, or profile:NAME\n"
                   "  --schema S          the schema (default: the one schema that holds tables)\n"
                   "  --name NAME         the pack's name (default: DIR's name)\n"
                   "  --json              print what was made as JSON\n\n");

} // namespace

int runPackCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("pack"), kUsage + connectionUsage());
    if (arguments.isEmpty())
        return command.usageError(QStringLiteral("pack wants an action: new"));
    const QString action = arguments.first();
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        writeOut(command.usage());
        return ExitOk;
    }
    if (action != QLatin1String("new"))
        return command.usageError(QStringLiteral("unknown pack action '%1' (new)").arg(action));
    if (auto exit = command.parse(arguments.mid(1),
                                  {{QStringLiteral("from"), QStringLiteral("Database."), QStringLiteral("CONNECTION")},
                                   {QStringLiteral("schema"), QStringLiteral("Schema."), QStringLiteral("S")},
                                   {QStringLiteral("name"), QStringLiteral("Pack name."), QStringLiteral("NAME")},
                                   {QStringLiteral("json"), QStringLiteral("Print JSON.")}}))
        return *exit;
    if (command.positional().size() != 1)
        return command.usageError(QStringLiteral("pack new takes one directory"));
    if (!command.isSet(QStringLiteral("from")))
        return command.usageError(QStringLiteral("pack new needs --from CONNECTION"));
    const Result<ConnectionProfile> source = connectionArgument(command.value(QStringLiteral("from")));
    if (!source)
        return command.failed(source.error());
    const Result<ResolvedConnection> resolved = resolveConnection(source.value());
    if (!resolved)
        return command.failed(resolved.error());
    PackCaptureOptions options;
    options.directory = command.positional().first();
    options.schema = command.value(QStringLiteral("schema"));
    options.name = command.value(QStringLiteral("name"));
    auto job = std::make_shared<CapturePackJob>(resolved.value().profile, options);
    if (Status ran = runHeadless(job); !ran)
        return jobFailed(ran.error());
    const CapturedPack &pack = job->result();
    if (command.json()) {
        printJson(pack.toJson());
        return ExitOk;
    }
    writeOut(QStringLiteral("Made pack %1 in %2: schema %3, %4 table(s)%5.\nUse it with --pack %2; "
                            "'netraven-dbctl adopt CONNECTION --pack %2' records the database as at its version 1.\n")
                 .arg(pack.name, pack.directory, pack.schema)
                 .arg(pack.tables.size())
                 .arg(pack.extensions.isEmpty()
                          ? QString()
                          : QStringLiteral(", extensions %1").arg(pack.extensions.join(QStringLiteral(", ")))));
    return ExitOk;
}

} // namespace nrdb::cli
