#include "commandtable.h"

#include "backupcommand.h"
#include "comparecommand.h"
#include "connecttestcommand.h"
#include "environmentscommand.h"
#include "lifecyclecommands.h"
#include "packcommand.h"
#include "profilecommand.h"
#include "repaircommand.h"
#include "restorecommands.h"
#include "sandboxcommand.h"
#include "schedulecommand.h"
#include "schemacommands.h"

namespace nrdb::cli {

namespace {

constexpr int kNameWidth = 16;

QString usageLine(const QString &name, const QString &summary)
{
    return QStringLiteral("  %1 %2\n").arg(name, -kNameWidth).arg(summary);
}

} // namespace

const QList<CommandEntry> &commandTable()
{
    static const QList<CommandEntry> table{
        {QStringLiteral("profile"),
         QStringLiteral("add, list or remove the saved connection profiles (the window's too)"),
         runProfileCommand,
         {}},
        {QStringLiteral("environments"),
         QStringLiteral("every saved profile's status at once: reachable, pack, drift, last backup and proof"),
         runEnvironmentsCommand,
         {}},
        {QStringLiteral("connect-test"),
         QStringLiteral("connect and say which server, version and user it reached"),
         runConnectTestCommand,
         {}},
        {QStringLiteral("inspect"),
         QStringLiteral("summarise the schema, or print the whole snapshot as JSON"),
         runInspectCommand,
         {}},
        {QStringLiteral("lint"),
         QStringLiteral("find schema defects: unindexed foreign keys, missing primary keys, ..."),
         runLintCommand,
         {}},
        {QStringLiteral("export-schema"),
         QStringLiteral("the schema as a clean init script (pg_dump --schema-only, tidied)"),
         runExportSchemaCommand,
         {}},
        {QStringLiteral("export-models"),
         QStringLiteral("SQLAlchemy models and Pydantic schemas of the live schema (models.py, schemas.py)"),
         runExportModelsCommand,
         {}},
        {QStringLiteral("bootstrap"),
         QStringLiteral("create the database if missing, init, seed and verify, in one go"),
         runBootstrapCommand,
         {}},
        {QStringLiteral("init"),
         QStringLiteral("preflight, extensions, schema and migrations, under a lock"),
         runInitCommand,
         {}},
        {QStringLiteral("migrate"), QStringLiteral("status, up [--to N], dry-run"), runMigrateCommand, {}},
        {QStringLiteral("verify"),
         QStringLiteral("required tables, migrations, drift and lint (exit 4 on drift)"),
         runVerifyCommand,
         {}},
        {QStringLiteral("repair"),
         QStringLiteral("the script that brings a database back to its pack's model, or run it"),
         runRepairCommand,
         {}},
        {QStringLiteral("compare"),
         QStringLiteral("the differences between two databases (or a pack), and the script to align them"),
         runCompareCommand,
         {}},
        {QStringLiteral("adopt"),
         QStringLiteral("take over a database the application's own code built"),
         runAdoptCommand,
         {}},
        {QStringLiteral("seed"), QStringLiteral("insert the pack's default rows that are missing"), runSeedCommand, {}},
        {QStringLiteral("backup"),
         QStringLiteral("pg_dump to a checked archive with a manifest beside it"),
         runBackupCommand,
         {}},
        {QStringLiteral("backups"),
         QStringLiteral("list, verify or prune (by retention) the backups of a directory"),
         runBackupsCommand,
         {}},
        {QStringLiteral("schedule"),
         {},
         runScheduleCommand,
         {{QStringLiteral("install"),
           QStringLiteral("back a profile up on a timer (systemd, or cron): retention, and a proof every N")},
          {QStringLiteral("list"), QStringLiteral("the schedules, their next run and how the last one went")},
          {QStringLiteral("remove"), QStringLiteral("take a profile's schedule away (its backups stay)")},
          {QStringLiteral("run"), QStringLiteral("what the timer runs: back up, prune, prove, record")}}},
        {QStringLiteral("restore"),
         QStringLiteral("restore a backup into a new database (or replace one, by name)"),
         runRestoreCommand,
         {}},
        {QStringLiteral("prove-restorable"),
         QStringLiteral("restore into a scratch database, verify, compare with the manifest"),
         runProveRestorableCommand,
         {}},
        {QStringLiteral("cleanup"),
         QStringLiteral("drop the temporary databases an interrupted restore or proof left behind"),
         runCleanupCommand,
         {}},
        {QStringLiteral("pack"),
         {},
         runPackCommand,
         {{QStringLiteral("new"),
           QStringLiteral("make a model pack of any database: baseline, expected model, tables")},
          {QStringLiteral("add-migration"),
           QStringLiteral("capture what a database has beyond its pack's head as the pack's next migration")}}},
        {QStringLiteral("sandbox"),
         {},
         runSandboxCommand,
         {{QStringLiteral("start"),
           QStringLiteral("start a throwaway local PostgreSQL server (for rehearsals and tests)")},
          {QStringLiteral("stop"), QStringLiteral("stop it and remove its files")},
          {QStringLiteral("status"), QStringLiteral("say whether it runs, and how to reach it")}}},
    };
    return table;
}

const CommandEntry *findCommand(const QString &name)
{
    for (const CommandEntry &command : commandTable()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString globalUsage()
{
    QString commands;
    for (const CommandEntry &command : commandTable()) {
        if (command.actions.isEmpty())
            commands += usageLine(command.name, command.summary);
        for (const CommandEntry::Action &action : command.actions)
            commands += usageLine(command.name + QLatin1Char(' ') + action.name, action.summary);
    }
    return QStringLiteral("Usage: netraven-dbctl [--help] [--version] [--pack-dir DIR]... <command> [<args>]\n"
                          "\n"
                          "Runs NetRaven DB Admin's jobs without a window.\n"
                          "\n"
                          "  --pack-dir DIR  model packs in DIR (a pack, or a directory of packs) are known\n"
                          "                  besides the built-in ones and the window's pack directories\n"
                          "\n"
                          "Commands:\n") +
           commands +
           QStringLiteral("\n"
                          "Run 'netraven-dbctl <command> --help' for a command's options.\n"
                          "\n"
                          "Exit codes: 0 ok, 1 the job failed, 2 usage error, 3 connection or authentication "
                          "failed,\n"
                          "4 verify found drift, 130 cancelled (Ctrl-C, SIGTERM or SIGHUP).\n");
}

} // namespace nrdb::cli
