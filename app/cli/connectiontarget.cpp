#include "connectiontarget.h"

#include "connection/profilestore.h"

namespace nrdb::cli {

QList<QCommandLineOption> connectionOptions()
{
    return {{QStringLiteral("profile"), QStringLiteral("A saved connection profile."), QStringLiteral("NAME")}};
}

QString connectionUsage()
{
    return QStringLiteral(
        "Connection: --profile NAME (a profile saved in the GUI), or a libpq URI or keyword string\n"
        "(postgresql://user@host:5432/db, \"host=… dbname=…\"), or nothing: then the PG* variables and\n"
        "pg_service.conf decide, as for psql. Passwords come from the system keychain, PGPASSWORD,\n"
        "~/.pgpass (PGPASSFILE), or a prompt when run interactively; never from the command line.\n");
}

Result<ConnectionProfile> connectionTarget(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("profile"))) {
        if (!positional.isEmpty())
            return Error::usage(QStringLiteral("Give either --profile or a connection string, not both"));
        return ProfileStore().profile(parser.value(QStringLiteral("profile")));
    }
    if (positional.size() > 1)
        return Error::usage(QStringLiteral("Unexpected argument '%1'").arg(positional.at(1)));
    if (positional.isEmpty())
        return ConnectionProfile{};
    return connectionArgument(positional.first());
}

Result<ConnectionProfile> connectionArgument(const QString &argument)
{
    if (argument.startsWith(QLatin1String("profile:")))
        return ProfileStore().profile(argument.mid(int(qstrlen("profile:"))));
    Result<ConnectionProfile> parsed = ConnectionProfile::parse(argument);
    if (!parsed)
        return Error::usage(parsed.error().message);
    if (!parsed.value().password.isEmpty())
        return Error::usage(
            QStringLiteral("The connection string holds a password, which other users can read from the "
                           "process list. Use ~/.pgpass, PGPASSWORD or the keychain instead, or leave it out "
                           "to be asked."));
    return parsed;
}

} // namespace nrdb::cli
