#include "connecttestcommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "commandtarget.h"
#include "connectiontarget.h"
#include "exitcode.h"
#include "headlessjob.h"

#include "jobs/connectjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nrdb::cli {

namespace {

QString usage()
{
    return QStringLiteral("Usage: netraven-dbctl connect-test [--profile NAME | CONNECTION] [--wait SECONDS] [--json]\n"
                          "\n"
                          "Connects, and says which server, version and user it reached.\n"
                          "\n"
                          "Options:\n"
                          "  --wait SECONDS  keep trying while the server is not up yet (every 3 s; NetRaven's own\n"
                          "                  start-up waits 30 s)\n"
                          "  --json          print the result as JSON\n"
                          "\n") +
           connectionUsage();
}

void printResult(const Connected &connected, bool json)
{
    const ServerInfo &info = connected.info;
    if (json) {
        const QJsonObject object{
            {QStringLiteral("connection"), connected.profile.toUri()},
            {QStringLiteral("server_version"), info.serverVersion},
            {QStringLiteral("server_version_num"), info.serverVersionNumber},
            {QStringLiteral("database"), info.currentDatabase},
            {QStringLiteral("user"), info.currentUser},
            {QStringLiteral("superuser"), info.superuser},
            {QStringLiteral("schemas"), QJsonArray::fromStringList(info.schemas)},
            {QStringLiteral("tables"), info.userTableCount},
            {QStringLiteral("password_from"), passwordOriginName(connected.passwordOrigin)},
        };
        writeOut(QString::fromUtf8(QJsonDocument(object).toJson()));
        return;
    }
    writeOut(QStringLiteral("Connected to %1\nPostgreSQL %2\nUser %3%4\nSchemas: %5\n")
                 .arg(connected.profile.displayName(), info.serverVersion, info.currentUser,
                      info.superuser ? QStringLiteral(" (superuser)") : QString(),
                      info.schemas.join(QStringLiteral(", "))));
}

} // namespace

int runConnectTestCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("connect-test"), usage());
    if (const std::optional<int> ended =
            command.parse(arguments, connectionOptions() +
                                         QList<QCommandLineOption>{
                                             {QStringLiteral("wait"), QStringLiteral("Seconds to wait for the server."),
                                              QStringLiteral("SECONDS")},
                                             {QStringLiteral("json"), QStringLiteral("JSON output.")},
                                         }))
        return *ended;
    RetryPolicy retry = RetryPolicy::once();
    if (command.isSet(QStringLiteral("wait"))) {
        bool ok = false;
        const int seconds = command.value(QStringLiteral("wait")).toInt(&ok);
        if (!ok || seconds < 0)
            return command.usageError(QStringLiteral("--wait wants a number of seconds"));
        retry = RetryPolicy{qMax(1, seconds / 3 + 1), 3000, 1.0, 3000};
    }
    Result<ConnectionProfile> target = connectionTarget(command.parser());
    if (!target) // a bad connection string, or no saved profile of that name
        return command.usageError(target.error().message);

    auto job = std::make_shared<ConnectJob>(target.value(), retry);
    Status outcome = runHeadless(job);
    if (!outcome && outcome.error().kind == ErrorKind::Authentication &&
        job->passwordOrigin() == PasswordOrigin::None) {
        const ConnectionProfile &resolved = job->resolvedProfile();
        const QString password =
            promptForPassword(QStringLiteral("Password for %1@%2: ").arg(resolved.user, resolved.host));
        if (!password.isEmpty()) {
            ConnectionProfile again = target.value();
            again.password = password;
            job = std::make_shared<ConnectJob>(again, RetryPolicy::once());
            outcome = runHeadless(job);
        }
    }
    if (!outcome) {
        // Reaching the server and finding no such database is a connection problem too.
        if (outcome.error().kind == ErrorKind::NotFound) {
            writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(outcome.error().fullText()));
            return ExitConnection;
        }
        return jobFailed(outcome.error());
    }
    printResult(job->result(), command.json());
    return ExitOk;
}

} // namespace nrdb::cli
