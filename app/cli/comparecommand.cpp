#include "comparecommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "connectiontarget.h"
#include "exitcode.h"
#include "headlessjob.h"
#include "plancommandline.h"
#include "productionguard.h"

#include "backup/backupcatalog.h"
#include "connection/resolvedconnection.h"
#include "jobs/applyplanjob.h"
#include "jobs/comparejob.h"
#include "jobs/rehearsejob.h"

#include <QFileInfo>

namespace nrdb::cli {

namespace {

const QString kUsage =
    QStringLiteral("Usage: netraven-dbctl compare SOURCE TARGET [--schema S ...] [--allow-drop] [--sql FILE]\n"
                   "                              [--rehearse | --apply] [--on-backup PATH] [--json]\n\n"
                   "Every difference between SOURCE and TARGET (tables, columns with their type, default and\n"
                   "nullability, constraints, indexes, enum types, sequences, views, comments, extensions), and the\n"
                   "script that makes TARGET like SOURCE, in an order that works, each statement labelled with its\n"
                   "lock and hazard and run with its own lock_timeout and statement_timeout (see repair). Reads only:\n"
                   "run the script with psql -v ON_ERROR_STOP=1 -f FILE. The servers may be of different versions.\n"
                   "Exits 0 when they are alike (after --apply: nothing left to do), 4 when they differ, 1 when the\n"
                   "rehearsal or the apply failed.\n\n"
                   "SOURCE and TARGET: a libpq URI or keyword string, or profile:NAME (a profile saved in the GUI).\n"
                   "SOURCE may also be pack:NAME or pack:NAME@VERSION: that pack's expected model (built in: %1).\n\n"
                   "  --schema S          compare schema S (repeat for more; default: every schema either holds but\n"
                   "                      nrdb, or the pack's schema)\n"
                   "  --allow-drop        drop what TARGET has and SOURCE lacks (otherwise only listed)\n"
                   "  --sql FILE          write the script to FILE instead of standard output\n"
                   "  --lock-timeout MS   how long a statement waits for its lock (default 5000)\n"
                   "  --rehearse          run the script on a copy of TARGET's schema in a throwaway sandbox server,\n"
                   "                      with each statement's time and the locks it held; TARGET is only read\n"
                   "  --apply             rehearse, then, when the rehearsal left nothing to do, run the script on\n"
                   "                      TARGET one statement after another (Ctrl-C stops the running one)\n"
                   "  --on-backup PATH    rehearse on a restore of a backup of TARGET, rows and all, so that each\n"
                   "                      statement takes as long as it will there: a backup file, or a directory\n"
                   "                      (its newest backup of TARGET's database)\n"
                   "  --json              print the differences and the plan (and rehearsal, apply) as JSON\n");

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
        Result<ConnectionProfile> database = connectionArgument(argument); // the job finds its password
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
    Result<ModelPack> pack = ModelPack::named(name);
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

void printReport(const CompareReport &report, const QString &script)
{
    if (report.isEmpty()) {
        writeOut(QStringLiteral("%1 and %2 are alike.\n").arg(report.target, report.source));
        return;
    }
    writeOut(script);
    writeOut(QStringLiteral("%1 difference(s); %2 statement(s) make %3 like %4.\n")
                 .arg(report.differenceCount())
                 .arg(report.plan.statements.size())
                 .arg(report.target, report.source));
    printDifferences(report);
}

// One line per statement run: its number, time, first line and the locks it held.
void printRun(const MigrationPlan &plan, const PlanRun &run)
{
    for (int i = 0; i < run.statements.size(); ++i) {
        const StatementRun &statement = run.statements.at(i);
        writeOut(QStringLiteral("  %1. %2 ms  %3\n")
                     .arg(i + 1, 3)
                     .arg(statement.ms, 6)
                     .arg(plan.statements.at(i).sql.section(QLatin1Char('\n'), 0, 0)));
        if (!statement.locks.isEmpty())
            writeOut(QStringLiteral("            held: %1\n").arg(statement.locks.join(QStringLiteral(", "))));
    }
    if (run.failure)
        writeOut(QStringLiteral("  FAILED: %1\n").arg(run.failure->fullText()));
}

// The script on a copy of the target's schema first; with apply, on the target once that went
// clean. Returns the exit code: 0 nothing left to do, 4 differences left, 1 a failure.
// The backup --on-backup names: the file itself, or a directory's newest backup of the target.
Result<QString> backupToRehearseOn(const CommandLine &command, const ConnectionProfile &target)
{
    const QString path = command.value(QStringLiteral("on-backup"));
    if (path.isEmpty() || !QFileInfo(path).isDir() || QFileInfo(path).fileName().endsWith(QLatin1String(".dir")))
        return path;
    const std::optional<BackupEntry> newest = backupcatalog::newestOf(path, target.database);
    if (!newest)
        return Error::usage(QStringLiteral("%1 holds no backup of %2").arg(path, target.database));
    return newest->path;
}

int rehearseAndApply(const CommandLine &command, const ConnectionProfile &target, const CompareReport &report,
                     bool apply, QJsonObject &json)
{
    const Result<QString> backup = backupToRehearseOn(command, target);
    if (!backup)
        return command.failed(backup.error());
    auto rehearsal = std::make_shared<RehearseJob>(target, report.plan, report.wanted);
    if (!backup.value().isEmpty())
        rehearsal->rehearseOnBackup(backup.value());
    if (Status ran = runHeadless(rehearsal); !ran)
        return jobFailed(ran.error());
    const RehearsalReport &rehearsed = rehearsal->result();
    json.insert(QStringLiteral("rehearsal"), rehearsed.toJson());
    if (!command.json()) {
        writeOut(QStringLiteral("Rehearsal on a copy of %1 (PostgreSQL %2, made in %3 ms):\n")
                     .arg(rehearsed.loadedFrom, rehearsed.server)
                     .arg(rehearsed.loadMs));
        printRun(report.plan, rehearsed.run);
        if (rehearsed.after && !rehearsed.after->plan.isEmpty())
            writeOut(QStringLiteral("  %1 statement(s) would still be needed afterwards\n")
                         .arg(rehearsed.after->plan.statements.size()));
    }
    if (!rehearsed.ok()) {
        writeErr(QStringLiteral("netraven-dbctl: the rehearsal did not end clean; nothing was applied to %1\n")
                     .arg(report.target));
        return ExitFailed;
    }
    if (!apply)
        return ExitDrift;
    auto applying = std::make_shared<ApplyPlanJob>(target, report.plan, report.wanted);
    const Status applied = runHeadless(applying);
    if (!command.json()) {
        writeOut(QStringLiteral("Applied to %1:\n").arg(report.target));
        printRun(report.plan, applying->statementsRun());
    }
    if (!applied)
        return jobFailed(applied.error());
    const CompareReport &after = *applying->result().after;
    json.insert(QStringLiteral("applied"), applying->result().toJson());
    if (!command.json())
        writeOut(after.plan.isEmpty()
                     ? QStringLiteral("%1 is now like %2 (%3 difference(s) kept).\n")
                           .arg(report.target, report.source)
                           .arg(after.differenceCount())
                     : QStringLiteral("%1 statement(s) are still needed.\n").arg(after.plan.statements.size()));
    return after.isEmpty() ? ExitOk : ExitDrift;
}

} // namespace

int runCompareCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("compare"), kUsage.arg(ModelPack::names().join(QStringLiteral(", "))) +
                                                       yesProductionUsage() + QStringLiteral("\n") + connectionUsage());
    if (auto exit = command.parse(
            arguments,
            QList<QCommandLineOption>{
                {QStringLiteral("schema"), QStringLiteral("Schema to compare."), QStringLiteral("S")},
                {QStringLiteral("json"), QStringLiteral("Print JSON.")},
                {QStringLiteral("rehearse"), QStringLiteral("Rehearse.")},
                {QStringLiteral("on-backup"), QStringLiteral("Rehearse on a backup."), QStringLiteral("PATH")},
                {QStringLiteral("apply"), QStringLiteral("Apply.")},
                yesProductionOption()} +
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
    if (command.isSet(QStringLiteral("apply"))) {
        if (auto refused = confirmProductionWrite(command, target.value(), QStringLiteral("apply the plan to")))
            return *refused;
    }
    auto job = std::make_shared<CompareJob>(std::move(source).value(), target.value(),
                                            command.values(QStringLiteral("schema")), options.value());
    if (Status ran = runHeadless(job); !ran)
        return jobFailed(ran.error());
    const CompareReport &report = job->result();
    const QString script = report.plan.toSql(report.scriptTitle());
    if (Status written = writeScriptIfAsked(command, script); !written)
        return jobFailed(written.error());
    const bool apply = command.isSet(QStringLiteral("apply"));
    if (!command.json())
        printReport(report, command.isSet(QStringLiteral("sql")) || apply ? QString() : script);
    QJsonObject json = report.toJson();
    int exitCode = report.isEmpty() ? ExitOk : ExitDrift;
    const bool rehearse = command.isSet(QStringLiteral("rehearse")) || command.isSet(QStringLiteral("on-backup"));
    if ((apply || rehearse) && !report.plan.isEmpty())
        exitCode = rehearseAndApply(command, target.value(), report, apply, json);
    if (command.json())
        printJson(json);
    return exitCode;
}

} // namespace nrdb::cli
