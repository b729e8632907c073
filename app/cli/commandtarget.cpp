#include "commandtarget.h"

#include "cliusage.h"
#include "commandline.h"
#include "connectiontarget.h"
#include "exitcode.h"
#include "productionguard.h"

#include "connection/resolvedconnection.h"

namespace nrdb::cli {

QList<QCommandLineOption> targetOptions()
{
    return connectionOptions() +
           QList<QCommandLineOption>{{QStringLiteral("pack"), QStringLiteral("Model pack."), QStringLiteral("NAME")},
                                     {QStringLiteral("json"), QStringLiteral("Print the result as JSON.")},
                                     yesProductionOption()};
}

QString targetUsage()
{
    return QStringLiteral("  --pack NAME        the model pack, built in (%1) or a pack directory (default: the\n"
                          "                     one the database's catalog shows; an empty database gets %2)\n"
                          "  --json             print the result as JSON on stdout\n")
               .arg(ModelPack::names().join(QStringLiteral(", ")), ModelPack::defaultName()) +
           yesProductionUsage() + QStringLiteral("\n") + connectionUsage();
}

Result<CommandTarget> commandTarget(const QCommandLineParser &parser)
{
    Result<ConnectionProfile> profile = connectionTarget(parser);
    if (!profile)
        return Error::usage(profile.error().message);
    const QString packName = parser.value(QStringLiteral("pack"));
    std::optional<PackChoice> pack;
    if (packName.isEmpty()) {
        pack = PackChoice::fromCatalog();
    } else {
        Result<ModelPack> named = ModelPack::named(packName);
        if (!named)
            return Error::usage(named.error().message);
        pack = PackChoice(std::move(named).value());
    }
    Result<ResolvedConnection> resolved = resolveConnection(profile.value());
    if (!resolved)
        return resolved.error();
    for (const QString &warning : resolved.value().warnings)
        writeErr(QStringLiteral("warning: %1\n").arg(warning));
    return CommandTarget{resolved.value().profile, std::move(*pack)};
}

std::optional<int> TargetCommand::parse(const QStringList &arguments, const QList<QCommandLineOption> &options)
{
    if (const std::optional<int> ended = CommandLine::parse(arguments, targetOptions() + options))
        return ended;
    Result<CommandTarget> resolved = commandTarget(parser());
    if (!resolved)
        return failed(resolved.error());
    target = std::move(resolved).value();
    return std::nullopt;
}

std::optional<int> TargetCommand::confirmWrite(const QString &action) const
{
    return confirmProductionWrite(*this, target.profile, action);
}

int jobExitCode(const Error &error)
{
    switch (error.kind) {
    case ErrorKind::Cancelled:
        return ExitCancelled;
    case ErrorKind::Connection:
    case ErrorKind::Authentication:
    case ErrorKind::Timeout:
    case ErrorKind::Busy:
        return ExitConnection; // too many connections
    default:
        return ExitFailed;
    }
}

int jobFailed(const Error &error)
{
    writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(error.fullText()));
    return jobExitCode(error);
}

} // namespace nrdb::cli
