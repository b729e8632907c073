#include "comparecommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "connectiontarget.h"
#include "exitcode.h"
#include "headlessjob.h"
#include "plancommandline.h"

#include "connection/resolvedconnection.h"
#include "jobs/comparejob.h"

namespace nrdb::cli {

namespace {

const QString kUsage = QStringLiteral(
    "Usage: netraven-dbctl compare SOURCE TARGET [--schema S ...] [--allow-drop] [--sql FILE] [--json]\n\n"
    "Every difference between SOURCE and TARGET (tables, columns with their type, default and\n"
    "nullability, constraints, indexes, enum types, sequences, views, comments, extensions), and the\n"
    "script that makes TARGET like SOURCE, in an order that works, each statement labelled with its\n"
    "lock and hazard and run with its own lock_timeout and statement_timeout (see repair). Reads only:\n"
    "run the script with psql -v ON_ERROR_STOP=1 -f FILE. The servers may be of different versions.\n"
    "Exits 0 when they are alike, 4 when they differ.\n\n"
    "SOURCE and TARGET: a libpq URI or keyword string, or profile:NAME (a profile saved in the GUI).\n"
    "SOURCE may also be pack:NAME or pack:NAME@VERSION: that pack's expected model (built in: %1).\n\n"
    "  --schema S          compare schema S (repeat for more; default: every schema either holds but\n"
    "                      nrdb, or the pack's schema)\n"
    "  --allow-drop        drop what TARGET has and SOURCE lacks (otherwise only listed)\n"
    "  --sql FILE          write the script to FILE instead of standard output\n"
    "  --lock-timeout MS   how long a statement waits for its lock (default 5000)\n"
    "  --json              print the differences and the plan as JSON\n");

Result<ConnectionProfile> resolvedArgument(const QString &argument)
{
    Result<ConnectionProfile> profile = connectionArgument(argument);
    if (!profile)
        return profile.error();
    Result<ResolvedConnection> resolved = resolveConnection(profile.value());
    if (!resolved)
        return resolved.error();
    for (const QString &warning : resolved.value().warnings)
        writeErr(QStringLiteral("warning: %1\n").arg(warning));
    return resolved.value().profile;
}

// "pack:NAME" or "pack:NAME@VERSION", or a database.
Result<CompareSource> sourceArgument(const QString &argument)
{
    if (!argument.startsWith(QLatin1String("pack:"))) {
        Result<ConnectionProfile> database = resolvedArgument(argument);
        if (!database)
            return database.error();
        return CompareSource{database.value(), std::nullopt, 0};
    }
    const QString spec = argument.mid(int(qstrlen("pack:")));
    const QString name = spec.section(QLatin1Char('@'), 0, 0);
    int version = 0;
    if (spec.contains(QLatin1Char('@'))) {
        bool ok = false;
        version = spec.section(QLatin1Char('@'), 1).toInt(&ok);
        if (!ok || version <= 0)
            return Error::usage(QStringLiteral("pack:%1: the version after @ is a number above 0").arg(name));
    }
    Result<ModelPack> pack = name.contains(QLatin1Char('/')) ? ModelPack::load(name) : ModelPack::builtIn(name);
    if (!pack)
        return Error::usage(pack.error().message);
    return CompareSource{{}, std::move(pack).value(), version};
}

void printDifferences(const CompareReport &report)
{
    for (const SchemaComparison &schema : report.schemas) {
        if (schema.differences.isEmpty() && !schema.missing)
            continue;
        writeOut(schema.missing ? QStringLiteral("schema %1 (missing in the target):\n").arg(schema.schema)
                                : QStringLiteral("schema %1:\n").arg(schema.schema));
        for (const DriftItem &item : schema.differences)
            writeOut(QStringLiteral("  %1\n").arg(item.describe()));
    }
    for (const DriftItem &item : report.extensions)
        writeOut(QStringLiteral("  %1\n").arg(item.describe()));
    printPlanNotes(report.plan, QStringLiteral("not planned"));
}

} // namespace

int runCompareCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("compare"),
                        kUsage.arg(ModelPack::builtIn().join(QStringLiteral(", "))) + connectionUsage());
    if (auto exit = command.parse(arguments,
                                  QList<QCommandLineOption>{{QStringLiteral("schema"),
                                                             QStringLiteral("Schema to compare."), QStringLiteral("S")},
                                                            {QStringLiteral("json"), QStringLiteral("Print JSON.")}} +
                                      planOptions()))
        return *exit;
    const QStringList positional = command.positional();
    if (positional.size() != 2)
        return command.usageError(QStringLiteral("compare takes SOURCE and TARGET"));
    const Result<PlanOptions> options = planOptionsFrom(command);
    if (!options)
        return command.usageError(options.error().message);
    Result<CompareSource> source = sourceArgument(positional.at(0));
    if (!source)
        return command.failed(source.error());
    const Result<ConnectionProfile> target = resolvedArgument(positional.at(1));
    if (!target)
        return command.failed(target.error());
    auto job = std::make_shared<CompareJob>(std::move(source).value(), target.value(),
                                            command.values(QStringLiteral("schema")), options.value());
    if (Status ran = runHeadless(job); !ran)
        return jobFailed(ran.error());
    const CompareReport &report = job->result();
    const QString script = report.plan.toSql(report.scriptTitle());
    if (Status written = writeScriptIfAsked(command, script); !written)
        return jobFailed(written.error());
    const int exitCode = report.isEmpty() ? ExitOk : ExitDrift;
    if (command.json()) {
        printJson(report.toJson());
        return exitCode;
    }
    if (report.isEmpty()) {
        writeOut(QStringLiteral("%1 and %2 are alike.\n").arg(report.target, report.source));
        return exitCode;
    }
    if (!command.isSet(QStringLiteral("sql")))
        writeOut(script);
    writeOut(QStringLiteral("%1 difference(s); %2 statement(s) make %3 like %4.\n")
                 .arg(report.differenceCount())
                 .arg(report.plan.statements.size())
                 .arg(report.target, report.source));
    printDifferences(report);
    return exitCode;
}

} // namespace nrdb::cli
