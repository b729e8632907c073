// netraven-dbctl: wiring only; the jobs live in nrdb_core.
#include "backupcommand.h"
#include "cliusage.h"
#include "connecttestcommand.h"
#include "exitcode.h"
#include "lifecyclecommands.h"
#include "restorecommands.h"
#include "sandboxcommand.h"
#include "schemacommands.h"

#include "nrdb/version.h"

#include <QCoreApplication>

using namespace nrdb::cli;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NetRaven"));
    QCoreApplication::setApplicationName(QStringLiteral("netraven-dbctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NRDB_VERSION_STRING));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty())
        return usageError(QStringLiteral("no command given"), globalUsage());
    const QString &first = arguments.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        writeOut(globalUsage());
        return ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-V")) {
        writeOut(QStringLiteral("netraven-dbctl %1\n").arg(QStringLiteral(NRDB_VERSION_STRING)));
        return ExitOk;
    }
    using Handler = int (*)(const QStringList &);
    static const QList<QPair<QString, Handler>> commands{
        {QStringLiteral("connect-test"), runConnectTestCommand},
        {QStringLiteral("init"), runInitCommand},
        {QStringLiteral("migrate"), runMigrateCommand},
        {QStringLiteral("verify"), runVerifyCommand},
        {QStringLiteral("adopt"), runAdoptCommand},
        {QStringLiteral("seed"), runSeedCommand},
        {QStringLiteral("bootstrap"), runBootstrapCommand},
        {QStringLiteral("sandbox"), runSandboxCommand},
        {QStringLiteral("backup"), runBackupCommand},
        {QStringLiteral("restore"), runRestoreCommand},
        {QStringLiteral("backups"), runBackupsCommand},
        {QStringLiteral("prove-restorable"), runProveRestorableCommand},
        {QStringLiteral("cleanup"), runCleanupCommand},
        {QStringLiteral("inspect"), runInspectCommand},
        {QStringLiteral("lint"), runLintCommand},
        {QStringLiteral("export-schema"), runExportSchemaCommand},
    };
    for (const auto &[name, handler] : commands) {
        if (first == name)
            return handler(arguments.mid(1));
    }
    if (first.startsWith(QLatin1Char('-')))
        return usageError(QStringLiteral("unknown option '%1'").arg(first), globalUsage());
    return usageError(QStringLiteral("unknown command '%1'").arg(first), globalUsage());
}
