#include "packcommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "connectiontarget.h"
#include "exitcode.h"
#include "headlessjob.h"
#include "plancommandline.h"

#include "connection/resolvedconnection.h"
#include "jobs/addmigrationjob.h"
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
                   "add-migration captures what the database has that the pack's head does not as the pack's next\n"
                   "migration, migrations/NNNN_NAME.sql (the compare script, run in one transaction), and makes the\n"
                   "database's schema the new head's expected model (the old one is kept for databases still at it).\n"
                   "Databases at the old head then take it with init. The pack changes in one step.\n\n"
                   "  --from CONNECTION   the database: a libpq URI or keyword string, or profile:NAME\n"
                   "  --schema S          the schema (default: the one schema that holds tables)\n"
                   "  --name NAME         new: the pack's name (default: DIR's name); add-migration: the migration's\n"
                   "  --allow-drop        add-migration: drop what the database no longer has (otherwise only listed)\n"
                   "  --json              print what was made as JSON\n\n");

int newPack(const CommandLine &command, const ConnectionProfile &source)
{
    PackCaptureOptions options;
    options.directory = command.positional().first();
    options.schema = command.value(QStringLiteral("schema"));
    options.name = command.value(QStringLiteral("name"));
    auto job = std::make_shared<CapturePackJob>(source, options);
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

int addMigration(const CommandLine &command, const ConnectionProfile &source)
{
    PlanOptions options;
    options.allowDrop = command.isSet(QStringLiteral("allow-drop"));
    auto job = std::make_shared<AddMigrationJob>(source, command.positional().first(),
                                                 command.value(QStringLiteral("name")), options);
    if (Status ran = runHeadless(job); !ran)
        return command.failed(ran.error());
    const AddedMigration &added = job->result();
    if (command.json()) {
        printJson(added.toJson());
        return ExitOk;
    }
    writeOut(QStringLiteral("Wrote %1: version %2, %3 statement(s).\n")
                 .arg(added.path)
                 .arg(added.version)
                 .arg(added.plan.statements.size()));
    printPlanNotes(added.plan, QStringLiteral("not captured"));
    return ExitOk;
}

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
    const bool isNew = action == QLatin1String("new");
    if (!isNew && action != QLatin1String("add-migration"))
        return command.usageError(QStringLiteral("unknown pack action '%1' (new, add-migration)").arg(action));
    if (auto exit = command.parse(arguments.mid(1),
                                  {{QStringLiteral("from"), QStringLiteral("Database."), QStringLiteral("CONNECTION")},
                                   {QStringLiteral("schema"), QStringLiteral("Schema."), QStringLiteral("S")},
                                   {QStringLiteral("name"), QStringLiteral("Name."), QStringLiteral("NAME")},
                                   {QStringLiteral("allow-drop"), QStringLiteral("Drop.")},
                                   {QStringLiteral("json"), QStringLiteral("Print JSON.")}}))
        return *exit;
    if (command.positional().size() != 1)
        return command.usageError(QStringLiteral("pack %1 takes one directory").arg(action));
    if (!command.isSet(QStringLiteral("from")))
        return command.usageError(QStringLiteral("pack %1 needs --from CONNECTION").arg(action));
    if (!isNew && !command.isSet(QStringLiteral("name")))
        return command.usageError(QStringLiteral("pack add-migration needs --name NAME"));
    const Result<ConnectionProfile> source = connectionArgument(command.value(QStringLiteral("from")));
    if (!source)
        return command.failed(source.error());
    const Result<ResolvedConnection> resolved = resolveConnection(source.value());
    if (!resolved)
        return command.failed(resolved.error());
    return isNew ? newPack(command, resolved.value().profile) : addMigration(command, resolved.value().profile);
}

} // namespace nrdb::cli
