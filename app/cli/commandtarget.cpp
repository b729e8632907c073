#include "commandtarget.h"

#include "cliusage.h"
#include "connectiontarget.h"
#include "exitcode.h"

#include "connection/resolvedconnection.h"

namespace nrdb::cli {

void addTargetOptions(QCommandLineParser &parser)
{
    addConnectionOptions(parser);
    parser.addOption({QStringLiteral("pack"), QStringLiteral("Model pack."), QStringLiteral("NAME"),
                      ModelPack::defaultName()});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString targetUsage()
{
    return QStringLiteral("  --pack NAME        the model pack (default netraven-v1; built in: %1)\n"
                          "  --json             print the result as JSON on stdout\n\n")
               .arg(ModelPack::builtIn().join(QStringLiteral(", "))) +
           connectionUsage();
}

Result<CommandTarget> commandTarget(const QCommandLineParser &parser)
{
    Result<ConnectionProfile> profile = connectionTarget(parser);
    if (!profile)
        return Error{ErrorKind::Usage, profile.error().message, {}, {}};
    Result<ModelPack> pack = ModelPack::builtIn(parser.value(QStringLiteral("pack")));
    if (!pack)
        return Error{ErrorKind::Usage, pack.error().message, {}, {}};
    Result<ResolvedConnection> resolved = resolveConnection(profile.value());
    if (!resolved)
        return resolved.error();
    for (const QString &warning : resolved.value().warnings)
        writeErr(QStringLiteral("warning: %1\n").arg(warning));
    return CommandTarget{resolved.value().profile, std::move(pack).value()};
}

int jobExitCode(const Error &error)
{
    switch (error.kind) {
    case ErrorKind::Cancelled: return ExitCancelled;
    case ErrorKind::Connection:
    case ErrorKind::Authentication:
    case ErrorKind::Timeout:
    case ErrorKind::Busy: return ExitConnection; // too many connections
    default: return ExitFailed;
    }
}

int jobFailed(const Error &error)
{
    writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(error.fullText()));
    return jobExitCode(error);
}

} // namespace nrdb::cli
