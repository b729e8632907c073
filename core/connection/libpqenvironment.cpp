#include "connection/libpqenvironment.h"

#include <QDir>
#include <QFile>

#include <pwd.h>
#include <unistd.h>

namespace nrdb {

namespace {

// libpq's environment variables and the keywords they stand for.
const QList<QPair<QString, QString>> kEnvironmentKeywords{
    {QStringLiteral("PGHOST"), QStringLiteral("host")},
    {QStringLiteral("PGHOSTADDR"), QStringLiteral("hostaddr")},
    {QStringLiteral("PGPORT"), QStringLiteral("port")},
    {QStringLiteral("PGDATABASE"), QStringLiteral("dbname")},
    {QStringLiteral("PGUSER"), QStringLiteral("user")},
    {QStringLiteral("PGPASSFILE"), QStringLiteral("passfile")},
    {QStringLiteral("PGSSLMODE"), QStringLiteral("sslmode")},
    {QStringLiteral("PGSSLROOTCERT"), QStringLiteral("sslrootcert")},
    {QStringLiteral("PGSSLCERT"), QStringLiteral("sslcert")},
    {QStringLiteral("PGSSLKEY"), QStringLiteral("sslkey")},
    {QStringLiteral("PGSSLCRL"), QStringLiteral("sslcrl")},
    {QStringLiteral("PGAPPNAME"), QStringLiteral("application_name")},
    {QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("connect_timeout")},
    {QStringLiteral("PGOPTIONS"), QStringLiteral("options")},
    {QStringLiteral("PGTARGETSESSIONATTRS"), QStringLiteral("target_session_attrs")},
};

// Debian's libpq is built with --sysconfdir=/etc/postgresql-common.
const QString kSystemConfigDir = QStringLiteral("/etc/postgresql-common");

QString systemUserName()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

bool isSet(const ConnectionProfile &profile, const QString &keyword)
{
    return profile.libpqKeywords().contains(keyword);
}

// Looks for [service] in one file; an empty map with no error when the file or section is absent.
Result<QMap<QString, QString>> readServiceFile(const QString &path, const QString &service, bool *found)
{
    *found = false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QMap<QString, QString>();
    QMap<QString, QString> keywords;
    bool inService = false;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (inService)
                break; // the next section begins
            inService = line == QLatin1Char('[') + service + QLatin1Char(']');
            *found = *found || inService;
            continue;
        }
        if (!inService)
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Error::usage(
                QStringLiteral("Syntax error in service file \"%1\", line %2").arg(path).arg(lineNumber), line);
        keywords.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return keywords;
}

} // namespace

Result<QMap<QString, QString>> serviceDefinition(const QString &service, const QProcessEnvironment &environment)
{
    const QString userFile = environment.contains(QStringLiteral("PGSERVICEFILE"))
                                 ? environment.value(QStringLiteral("PGSERVICEFILE"))
                                 : QDir::home().filePath(QStringLiteral(".pg_service.conf"));
    const QString systemFile = QDir(environment.value(QStringLiteral("PGSYSCONFDIR"), kSystemConfigDir))
                                   .filePath(QStringLiteral("pg_service.conf"));
    for (const QString &path : {userFile, systemFile}) {
        bool found = false;
        Result<QMap<QString, QString>> keywords = readServiceFile(path, service, &found);
        if (!keywords || found)
            return keywords;
    }
    return Error::notFound(QStringLiteral("Definition of service \"%1\" not found (looked in %2 and %3)")
                               .arg(service, userFile, systemFile));
}

Result<ConnectionProfile> resolveProfile(const ConnectionProfile &profile, const QProcessEnvironment &environment)
{
    ConnectionProfile resolved = profile;
    const QString service =
        !profile.service.isEmpty() ? profile.service : environment.value(QStringLiteral("PGSERVICE"));
    if (!service.isEmpty()) {
        const Result<QMap<QString, QString>> definition = serviceDefinition(service, environment);
        if (!definition)
            return definition.error();
        for (auto it = definition.value().cbegin(); it != definition.value().cend(); ++it) {
            if (!isSet(resolved, it.key()))
                resolved.setLibpqKeyword(it.key(), it.value());
        }
        resolved.service.clear(); // expanded: the profile now says everything itself
    }
    for (const auto &[variable, keyword] : kEnvironmentKeywords) {
        if (!isSet(resolved, keyword) && environment.contains(variable))
            resolved.setLibpqKeyword(keyword, environment.value(variable));
    }
    if (resolved.port.isEmpty())
        resolved.port = QStringLiteral("5432");
    if (resolved.user.isEmpty())
        resolved.user = systemUserName();
    if (resolved.database.isEmpty())
        resolved.database = resolved.user;
    return resolved;
}

} // namespace nrdb
