#include "profilecommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "exitcode.h"

#include "connection/profilestore.h"
#include "connection/sshtunnel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nrdb::cli {

namespace {

QString usage()
{
    return QStringLiteral(
        "Usage: netraven-dbctl profile add NAME CONNECTION [--tier dev|staging|prod] [--replace]\n"
        "                                   [--ssh [USER@]HOST[:PORT] [--ssh-identity FILE] [--ssh-config FILE]]\n"
        "       netraven-dbctl profile list [--json]\n"
        "       netraven-dbctl profile remove NAME\n"
        "\n"
        "The saved connection profiles, the same the window's Connect dialog keeps (and --profile NAME\n"
        "and profile:NAME name). CONNECTION is a libpq URI or keyword string without a password: the\n"
        "password comes from ~/.pgpass, PGPASSWORD or the keychain when connecting.\n"
        "\n"
        "  --tier T      dev (default), staging or prod: production is marked, and its writes confirmed\n"
        "  --replace     add over a profile of the same name\n"
        "  --ssh H       reach the server through SSH host H (or a Host alias of ~/.ssh/config): the\n"
        "                connection's host and port are then as H sees them. OpenSSH's ssh forwards a\n"
        "                loopback port for as long as a command needs it, with your ssh configuration,\n"
        "                agent and known_hosts, and never asks (BatchMode): accept a new host key with\n"
        "                ssh H at a terminal first\n"
        "  --ssh-identity FILE  the private key to log in with (default: the agent's and the\n"
        "                configuration's)\n"
        "  --ssh-config FILE    the ssh configuration file (default: ~/.ssh/config)\n");
}

Status setSshHop(const CommandLine &command, ConnectionProfile &profile)
{
    if (!command.isSet(QStringLiteral("ssh"))) {
        if (command.isSet(QStringLiteral("ssh-identity")) || command.isSet(QStringLiteral("ssh-config")))
            return Error::usage(QStringLiteral("--ssh-identity and --ssh-config go with --ssh"));
        return {};
    }
    Result<SshHop> hop = SshHop::parse(command.value(QStringLiteral("ssh")));
    if (!hop)
        return hop.error();
    profile.ssh = std::move(hop).value();
    profile.ssh.identityFile = command.value(QStringLiteral("ssh-identity"));
    profile.ssh.configFile = command.value(QStringLiteral("ssh-config"));
    if (const Result<QString> target = sshForwardTarget(profile.host, profile.port); !target)
        return target.error();
    return {};
}

QJsonObject sshJson(const SshHop &hop)
{
    return QJsonObject{{QStringLiteral("host"), hop.host},
                       {QStringLiteral("user"), hop.user},
                       {QStringLiteral("port"), hop.port},
                       {QStringLiteral("identityFile"), hop.identityFile},
                       {QStringLiteral("configFile"), hop.configFile}};
}

int add(const CommandLine &command, ProfileStore &store)
{
    const QStringList positional = command.positional();
    if (positional.size() != 3)
        return command.usageError(QStringLiteral("profile add wants a NAME and a CONNECTION"));
    const QString name = positional.at(1).trimmed();
    Result<ConnectionProfile> parsed = ConnectionProfile::parse(positional.at(2));
    if (!parsed)
        return command.usageError(parsed.error().message);
    ConnectionProfile profile = std::move(parsed).value();
    if (!profile.password.isEmpty())
        return command.usageError(QStringLiteral("the connection string holds a password; profiles never keep one "
                                                 "(use ~/.pgpass, PGPASSWORD or the keychain)"));
    profile.name = name;
    if (command.isSet(QStringLiteral("tier"))) {
        const Result<DeploymentTier> tier = deploymentTierFromName(command.value(QStringLiteral("tier")));
        if (!tier)
            return command.usageError(tier.error().message);
        profile.tier = tier.value();
    }
    if (Status hop = setSshHop(command, profile); !hop)
        return command.usageError(hop.error().message);
    QList<ConnectionProfile> profiles = store.profiles();
    const auto existing = std::find_if(profiles.begin(), profiles.end(),
                                       [&name](const ConnectionProfile &saved) { return saved.name == name; });
    if (existing != profiles.end() && !command.isSet(QStringLiteral("replace")))
        return command.failed(
            Error::process(QStringLiteral("A profile named \"%1\" exists: --replace to change it").arg(name)));
    if (existing != profiles.end())
        *existing = profile;
    else
        profiles << profile;
    if (Status saved = store.saveAll(profiles); !saved)
        return command.failed(saved.error());
    writeOut(QStringLiteral("Saved profile \"%1\": %2 (%3)\n")
                 .arg(name, profile.displayName(), deploymentTierName(profile.tier)));
    return ExitOk;
}

int list(const CommandLine &command, const ProfileStore &store)
{
    const QList<ConnectionProfile> profiles = store.profiles();
    if (command.json()) {
        QJsonArray array;
        for (const ConnectionProfile &profile : profiles) {
            QJsonObject entry{{QStringLiteral("name"), profile.name},
                              {QStringLiteral("tier"), deploymentTierName(profile.tier)},
                              {QStringLiteral("connection"), profile.toUri()}};
            if (profile.ssh.isSet())
                entry.insert(QStringLiteral("ssh"), sshJson(profile.ssh));
            array << entry;
        }
        writeOut(QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    qsizetype width = 0;
    for (const ConnectionProfile &profile : profiles)
        width = qMax(width, profile.name.size());
    for (const ConnectionProfile &profile : profiles)
        writeOut(QStringLiteral("%1  %2  %3\n")
                     .arg(profile.name.leftJustified(width), deploymentTierName(profile.tier).leftJustified(7),
                          profile.displayName()));
    return ExitOk;
}

int remove(const CommandLine &command, ProfileStore &store)
{
    const QStringList positional = command.positional();
    if (positional.size() != 2)
        return command.usageError(QStringLiteral("profile remove wants a NAME"));
    QList<ConnectionProfile> profiles = store.profiles();
    const qsizetype before = profiles.size();
    profiles.removeIf([&positional](const ConnectionProfile &saved) { return saved.name == positional.at(1); });
    if (profiles.size() == before)
        return command.failed(
            Error::notFound(QStringLiteral("There is no profile named \"%1\"").arg(positional.at(1))));
    if (Status saved = store.saveAll(profiles); !saved)
        return command.failed(saved.error());
    writeOut(QStringLiteral("Removed profile \"%1\"\n").arg(positional.at(1)));
    return ExitOk;
}

} // namespace

int runProfileCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("profile"), usage());
    if (const std::optional<int> ended =
            command.parse(arguments, {{QStringLiteral("tier"), QStringLiteral("Tier."), QStringLiteral("T")},
                                      {QStringLiteral("replace"), QStringLiteral("Replace.")},
                                      {QStringLiteral("ssh"), QStringLiteral("SSH host."), QStringLiteral("H")},
                                      {QStringLiteral("ssh-identity"), QStringLiteral("Key."), QStringLiteral("FILE")},
                                      {QStringLiteral("ssh-config"), QStringLiteral("Config."), QStringLiteral("FILE")},
                                      {QStringLiteral("json"), QStringLiteral("JSON.")}}))
        return *ended;
    ProfileStore store;
    const QString action = command.positional().value(0);
    if (action == QLatin1String("add"))
        return add(command, store);
    if (action == QLatin1String("list"))
        return list(command, store);
    if (action == QLatin1String("remove"))
        return remove(command, store);
    return command.usageError(QStringLiteral("profile wants add, list or remove"));
}

} // namespace nrdb::cli
