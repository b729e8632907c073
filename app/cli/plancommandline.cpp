#include "plancommandline.h"

#include "cliusage.h"

#include "util/durablefile.h"

namespace nrdb::cli {

QList<QCommandLineOption> planOptions()
{
    return {{QStringLiteral("allow-drop"), QStringLiteral("Drop extra objects.")},
            {QStringLiteral("sql"), QStringLiteral("Script file."), QStringLiteral("FILE")},
            {QStringLiteral("lock-timeout"), QStringLiteral("Lock wait."), QStringLiteral("MS")}};
}

Result<PlanOptions> planOptionsFrom(const CommandLine &command)
{
    PlanOptions options;
    options.allowDrop = command.isSet(QStringLiteral("allow-drop"));
    if (command.isSet(QStringLiteral("lock-timeout"))) {
        bool ok = false;
        options.lockTimeoutMs = command.value(QStringLiteral("lock-timeout")).toInt(&ok);
        if (!ok || options.lockTimeoutMs <= 0)
            return Error::usage(QStringLiteral("--lock-timeout takes a number of milliseconds above 0"));
    }
    return options;
}

Status writeScriptIfAsked(const CommandLine &command, const QString &script)
{
    if (!command.isSet(QStringLiteral("sql")))
        return {};
    return durablefile::write(command.value(QStringLiteral("sql")), script.toUtf8(), true);
}

void printPlanNotes(const MigrationPlan &plan, const QString &refusedLabel)
{
    for (const PlanRefusal &refusal : plan.refused)
        writeOut(QStringLiteral("  %1: %2: %3\n").arg(refusedLabel, refusal.item.describe(), refusal.reason));
    for (const DriftItem &extra : plan.keptExtras)
        writeOut(QStringLiteral("  kept: %1 (--allow-drop drops it)\n").arg(extra.describe()));
    for (const QString &hint : plan.hints)
        writeOut(QStringLiteral("  hint: %1\n").arg(hint));
}

} // namespace nrdb::cli
