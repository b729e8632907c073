#include "repaircommand.h"

#include "cliusage.h"
#include "commandtarget.h"
#include "exitcode.h"
#include "headlessjob.h"
#include "plancommandline.h"

#include "jobs/repairjob.h"

namespace nrdb::cli {

namespace {

const QString kUsage = QStringLiteral(
    "Usage: netraven-dbctl repair [CONNECTION] [--dry-run | --apply] [--allow-drop] [--sql FILE] [--json]\n\n"
    "From a verify against the pack, the script that brings the database back to the pack's model:\n"
    "missing tables, columns, constraints, indexes, enum labels, sequences and comments are added,\n"
    "changed ones altered. Each statement is labelled with its lock and hazard and runs with its own\n"
    "lock_timeout and statement_timeout; indexes are built CONCURRENTLY, foreign keys and checks\n"
    "added NOT VALID, then validated. Extra objects are listed and dropped only with --allow-drop.\n"
    "Exits 4 when differences remain (a dry run with statements to run, or what was refused).\n\n"
    "  --dry-run           print the script, change nothing (the default)\n"
    "  --apply             run the script, one statement after another, then verify again\n"
    "  --allow-drop        drop extra tables, columns, constraints, indexes, sequences and types\n"
    "  --sql FILE          write the script to FILE instead of standard output\n"
    "  --lock-timeout MS   how long a statement waits for its lock (default 5000)\n");

} // namespace

int runRepairCommand(const QStringList &arguments)
{
    TargetCommand command(QStringLiteral("repair"), kUsage + targetUsage());
    if (auto exit = command.parse(
            arguments, QList<QCommandLineOption>{{QStringLiteral("dry-run"), QStringLiteral("Print the script only.")},
                                                 {QStringLiteral("apply"), QStringLiteral("Run the script.")}} +
                           planOptions()))
        return *exit;
    const bool apply = command.isSet(QStringLiteral("apply"));
    if (apply && command.isSet(QStringLiteral("dry-run")))
        return command.usageError(QStringLiteral("--dry-run and --apply exclude each other"));
    const Result<PlanOptions> options = planOptionsFrom(command);
    if (!options)
        return command.usageError(options.error().message);
    const CommandTarget &target = command.target;
    if (apply) {
        if (auto refused = command.confirmWrite(QStringLiteral("repair")))
            return *refused;
    }
    auto job = std::make_shared<RepairJob>(target.profile, target.pack, options.value(), apply);
    if (Status ran = runHeadless(job); !ran)
        return jobFailed(ran.error());
    const RepairReport &report = job->result();
    const QString script =
        report.plan.toSql(QStringLiteral("Repair of %1 to %2 %3")
                              .arg(report.before.server, report.before.pack, report.before.modelVersionText));
    if (Status written = writeScriptIfAsked(command, script); !written)
        return jobFailed(written.error());
    const bool remains = report.after ? report.after->hasDifferences() : report.before.hasDifferences();
    if (command.json()) {
        printJson(report.toJson());
        return remains ? ExitDrift : ExitOk;
    }
    if (!apply && !command.isSet(QStringLiteral("sql")))
        writeOut(script);
    if (report.plan.isEmpty() && !report.before.hasDifferences())
        writeOut(QStringLiteral("Nothing to repair: %1\n").arg(report.before.verdict()));
    else if (apply)
        writeOut(QStringLiteral("Repaired %1 with %2 statement(s). %3\n")
                     .arg(target.profile.database)
                     .arg(report.run.statements.size())
                     .arg(report.after ? report.after->verdict() : report.before.verdict()));
    else
        writeOut(QStringLiteral("%1 statement(s) would repair %2.\n")
                     .arg(report.plan.statements.size())
                     .arg(target.profile.database));
    printPlanNotes(report.plan, QStringLiteral("not repaired"));
    return remains ? ExitDrift : ExitOk;
}

} // namespace nrdb::cli
