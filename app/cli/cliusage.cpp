#include "cliusage.h"

#include "exitcode.h"

#include <cstdio>

namespace nrdb::cli {

QString globalUsage()
{
    return QStringLiteral(
        "Usage: netraven-dbctl [--help] [--version] <command> [<args>]\n"
        "\n"
        "Runs NetRaven DB Admin's jobs without a window.\n"
        "\n"
        "Commands:\n"
        "  connect-test     connect and say which server, version and user it reached\n"
        "  inspect          summarise the schema, or print the whole snapshot as JSON\n"
        "  lint             find schema defects: unindexed foreign keys, missing primary keys, ...\n"
        "  export-schema    the schema as a clean init script (pg_dump --schema-only, tidied)\n"
        "  bootstrap        create the database if missing, init, seed and verify, in one go\n"
        "  init             preflight, extensions, schema and migrations, under a lock\n"
        "  migrate          status, up [--to N], dry-run\n"
        "  verify           required tables, migrations, drift and lint (exit 4 on drift)\n"
        "  adopt            take over a database the application's own code built\n"
        "  seed             insert the pack's default rows that are missing\n"
        "  backup           pg_dump to a checked archive with a manifest beside it\n"
        "  backups          list, verify or prune (by retention) the backups of a directory\n"
        "  restore          restore a backup into a new database (or replace one, by name)\n"
        "  prove-restorable restore into a scratch database, verify, compare with the manifest\n"
        "  cleanup          drop the temporary databases an interrupted restore or proof left behind\n"
        "  sandbox start    start a throwaway local PostgreSQL server (for rehearsals and tests)\n"
        "  sandbox stop     stop it and remove its files\n"
        "  sandbox status   say whether it runs, and how to reach it\n"
        "\n"
        "Run 'netraven-dbctl <command> --help' for a command's options.\n"
        "\n"
        "Exit codes: 0 ok, 1 the job failed, 2 usage error, 3 connection or authentication failed,\n"
        "4 verify found drift, 130 cancelled (Ctrl-C, SIGTERM or SIGHUP).\n");
}

void writeOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void writeErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message, const QString &usage, const QString &command)
{
    writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(message));
    writeErr(usage.section(QStringLiteral("\n\n"), 0, 0) + QLatin1Char('\n'));
    writeErr(QStringLiteral("Try 'netraven-dbctl %1--help' for more.\n")
                 .arg(command.isEmpty() ? QString() : command + QLatin1Char(' ')));
    return ExitUsage;
}

} // namespace nrdb::cli
