#include "productionguard.h"

#include "cliusage.h"
#include "commandline.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "connection/profilestore.h"

#include <unistd.h>

namespace nrdb::cli {

namespace {
const QString kOption = QStringLiteral("yes-production");
} // namespace

QCommandLineOption yesProductionOption()
{
    return {kOption, QStringLiteral("Confirm a write to production."), QStringLiteral("NAME")};
}

QString yesProductionUsage()
{
    return QStringLiteral("  --yes-production NAME  write to a production database from a script: NAME is its name\n"
                          "                     (at a terminal the name is asked for instead)\n");
}

bool isProduction(const ConnectionProfile &target)
{
    return target.isProduction() || ProfileStore().productionProfileFor(target.databaseKey()).has_value();
}

std::optional<int> confirmProductionWrite(const CommandLine &command, const ConnectionProfile &target,
                                          const QString &action)
{
    if (!isProduction(target))
        return std::nullopt;
    const QString database = target.database;
    if (command.isSet(kOption)) {
        if (command.value(kOption) == database)
            return std::nullopt;
        return command.usageError(QStringLiteral("--yes-production names \"%1\", but the production database is \"%2\"")
                                      .arg(command.value(kOption), database));
    }
    if (::isatty(STDIN_FILENO) == 0 || ::isatty(STDERR_FILENO) == 0)
        return command.usageError(QStringLiteral("%1 is a production database: to %2 it from a script, pass "
                                                 "--yes-production %3")
                                      .arg(target.displayName(), action, database));
    writeErr(QStringLiteral("%1 is a production database. Type its name (%2) to %3 it: ")
                 .arg(target.displayName(), database, action));
    if (readLineFromStdin().trimmed() == database)
        return std::nullopt;
    writeErr(QStringLiteral("Not confirmed: nothing was changed.\n"));
    return ExitFailed;
}

} // namespace nrdb::cli
