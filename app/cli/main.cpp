// netraven-dbctl: wiring only; the jobs live in nrdb_core.
#include "cliusage.h"
#include "commandtable.h"
#include "exitcode.h"

#include "model/packdirectories.h"

#include "nrdb/version.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstring>
#include <optional>

using namespace nrdb::cli;

namespace {

// Takes the leading --pack-dir DIR (or --pack-dir=DIR) options off the arguments: directories of
// model packs for this run, beside the built-in ones and those the window's settings name.
std::optional<QString> takePackDirectories(QStringList &arguments)
{
    static const QString option = QStringLiteral("--pack-dir");
    while (!arguments.isEmpty() && arguments.first().startsWith(option)) {
        QString directory;
        if (arguments.first() == option) {
            if (arguments.size() < 2)
                return QStringLiteral("--pack-dir needs a directory");
            directory = arguments.at(1);
            arguments.remove(0, 2);
        } else if (arguments.first().startsWith(option + QLatin1Char('='))) {
            directory = arguments.takeFirst().mid(option.size() + 1);
        } else {
            return std::nullopt; // another option; the command table says what it is
        }
        if (!QFileInfo(directory).isDir())
            return QStringLiteral("--pack-dir %1: no such directory").arg(directory);
        nrdb::addPackDirectoryForThisRun(directory);
    }
    return std::nullopt;
}

QtMessageHandler qtsOwnHandler = nullptr;

// Only the tool's own categories reach stderr: Qt's internal warnings ("QSqlQuery::prepare:
// database not open" after the server ended a session) say nothing the error does not say better.
void printOwnMessagesOnly(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    const char *category = context.category ? context.category : "";
    if (type == QtFatalMsg || std::strncmp(category, "nrdb.", 5) == 0)
        qtsOwnHandler(type, context, text);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("NetRaven"));
    QCoreApplication::setApplicationName(QStringLiteral("netraven-dbctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NRDB_VERSION_STRING));
    // What the jobs log reaches stderr as their own lines; the same said again by the logging
    // categories would print each line twice. QT_LOGGING_RULES turns them, and Qt's own, back on.
    QLoggingCategory::setFilterRules(QStringLiteral("nrdb.*.info=false"));
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        qtsOwnHandler = qInstallMessageHandler(printOwnMessagesOnly);

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (const std::optional<QString> wrong = takePackDirectories(arguments))
        return usageError(*wrong, globalUsage());
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
