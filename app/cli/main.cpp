// netraven-dbctl: wiring only; the jobs live in nrdb_core.
#include "cliusage.h"
#include "commandtable.h"
#include "exitcode.h"

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
    if (const CommandEntry *command = findCommand(first))
        return command->run(arguments.mid(1));
    if (first.startsWith(QLatin1Char('-')))
        return usageError(QStringLiteral("unknown option '%1'").arg(first), globalUsage());
    return usageError(QStringLiteral("unknown command '%1'").arg(first), globalUsage());
}
