#include "repaircommand.h"

#include "cliusage.h"
#include "commandtarget.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "jobs/repairjob.h"

#include <QFile>

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

void printPlanSummary(const RepairReport &report)
{
    const MigrationPlan &plan = report.plan;
    for (const PlanRefusal &refusal : plan.refused)
        writeOut(QStringLiteral("  not repaired: %1: %2\n").arg(refusal.item.describe(), refusal.reason));
    for (const DriftItem &extra : plan.keptExtras)
        writeOut(QStringLiteral("  kept: %1 (--allow-drop drops it)\n").arg(extra.describe()));
    for (const QString &hint : plan.hints)
        writeOut(QStringLiteral("  hint: %1\n").arg(hint));
}

Status writeScript(const QString &path, const QString &script)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(script.toUtf8()) < 0)
        return Error::io(QStringLiteral("Cannot write %1").arg(path), file.errorString());
    return {};
}

} // namespace

int runRepairCommand(const QStringList &arguments)
{
    TargetCommand command(QStringLiteral("repair"), kUsage + targetUsage());
    if (auto exit = command.parse(
            arguments, {{QStringLiteral("dry-run"), QStringLiteral("Print the script only.")},
                        {QStringLiteral("apply"), QStringLiteral("Run the script.")},
                        {QStringLiteral("allow-drop"), QStringLiteral("Drop extra objects.")},
                        {QStringLiteral("sql"), QStringLiteral("Script file."), QStringLiteral("FILE")},
                        {QStringLiteral("lock-timeout"), QStringLiteral("Lock wait."), QStringLiteral("MS")}}))
        return *exit;
    const bool apply = command.isSet(QStringLiteral("apply"));
    if (apply && command.isSet(QStringLiteral("dry-run")))
        return command.usageError(QStringLiteral("--dry-run and --apply exclude each other"));
    PlanOptions options;
    options.allowDrop = command.isSet(QStringLiteral("allow-drop"));
    if (command.isSet(QStringLiteral("lock-timeout"))) {
        bool ok = false;
        options.lockTimeoutMs = command.value(QStringLiteral("lock-timeout")).toInt(&ok);
        if (!ok || options.lockTimeoutMs <= 0)
            return command.usageError(QStringLiteral("--lock-timeout takes a number of milliseconds above 0"));
    }
    const CommandTarget &target = command.target;
    auto job = std::make_shared<RepairJob>(target.profile, target.pack, options, apply);
    if (Status ran = runHeadless(job); !ran)
        return jobFailed(ran.error());
    const RepairReport &report = job->result();
    const QString script =
        report.plan.toSql(QStringLiteral("Repair of %1 to %2 %3")
                              .arg(report.before.server, report.before.pack, report.before.modelVersionText));
    if (command.isSet(QStringLiteral("sql"))) {
        if (Status written = writeScript(command.value(QStringLiteral("sql")), script); !written)
            return jobFailed(written.error());
    }
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
                     .arg(report.statementMs.size())
                     .arg(report.after ? report.after->verdict() : report.before.verdict()));
    else
        writeOut(QStringLiteral("%1 statement(s) would repair %2.\n")
                     .arg(report.plan.statements.size())
                     .arg(target.profile.database));
    printPlanSummary(report);
    return remains ? ExitDrift : ExitOk;
}

} // namespace nrdb::cli
