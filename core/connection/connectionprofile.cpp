#include "connection/connectionprofile.h"

#include "connection/sshtunnel.h"

#include <QRegularExpression>
#include <QUrl>

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

namespace nrdb {

namespace {

// Keywords that are fields of the profile, in the order the string forms write them.
const QStringList kFieldKeywords{
    QStringLiteral("host"),     QStringLiteral("port"),    QStringLiteral("dbname"),          QStringLiteral("user"),
    QStringLiteral("password"), QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),     QStringLiteral("sslcert"),
    QStringLiteral("sslkey"),   QStringLiteral("service"), QStringLiteral("application_name")};

QString quoteKeywordValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    // libpq ends an unquoted value at any white space (isspace: tab and newline too).
    const bool plain = !value.isEmpty() &&
                       std::none_of(value.cbegin(), value.cend(), [](QChar c) { return c.isSpace(); }) &&
                       escaped == value;
    return plain ? value : QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString percentEncoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// Whether host and port can stand in a URI's authority part as libpq reads it back: names and
// addresses (IPv6 ones in brackets), numeric ports, one per host (or none for a single host). A
// socket directory, or anything stranger, goes in the query part (?host=…&port=…) instead.
bool authorityCanHold(const QString &host, const QString &port)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9._-]*$"));
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"));
    static const QRegularExpression number(QStringLiteral("^[0-9]*$"));
    const QStringList hosts = host.split(QLatin1Char(','));
    const QStringList ports = port.split(QLatin1Char(','));
    // libpq gives every host of an authority a port, if only an empty one ("a,b" reads as port ",").
    if (ports.size() != hosts.size() || (hosts.size() > 1 && port.isEmpty()))
        return false;
    for (const QString &h : hosts) {
        if ((h.isEmpty() && hosts.size() > 1) || !(name.match(h).hasMatch() || ipv6.match(h).hasMatch()))
            return false;
    }
    return std::all_of(ports.cbegin(), ports.cend(), [](const QString &p) { return number.match(p).hasMatch(); });
}

QString uriHostPart(const QString &host, const QString &port)
{
    const QStringList hosts = host.split(QLatin1Char(','));
    const QStringList ports = port.split(QLatin1Char(','));
    QStringList parts;
    for (int i = 0; i < hosts.size(); ++i) {
        const QString &h = hosts.at(i);
        QString part = h.contains(QLatin1Char(':')) ? QLatin1Char('[') + h + QLatin1Char(']') : h;
        if (!port.isEmpty() && !ports.at(i).isEmpty())
            part += QLatin1Char(':') + ports.at(i);
        parts << part;
    }
    return parts.join(QLatin1Char(','));
}

} // namespace

QString deploymentTierName(DeploymentTier tier)
{
    switch (tier) {
    case DeploymentTier::Development:
        return QStringLiteral("dev");
    case DeploymentTier::Staging:
        return QStringLiteral("staging");
    case DeploymentTier::Production:
        return QStringLiteral("prod");
    }
    return QStringLiteral("dev");
}

Result<DeploymentTier> deploymentTierFromName(const QString &name)
{
    for (const DeploymentTier tier :
         {DeploymentTier::Development, DeploymentTier::Staging, DeploymentTier::Production}) {
        if (deploymentTierName(tier) == name)
            return tier;
    }
    return Error::usage(QStringLiteral("Unknown environment '%1': use dev, staging or prod").arg(name));
}

QString ConnectionProfile::databaseKey() const
{
    return QStringLiteral("%1:%2/%3").arg(host, port, database);
}

QString ConnectionProfile::displayName() const
{
    QString text = user.isEmpty() ? QString() : user + QLatin1Char('@');
    text += host.isEmpty() ? QStringLiteral("(default host)") : host;
    if (!port.isEmpty())
        text += QLatin1Char(':') + port;
    text += QLatin1Char('/') + database;
    return ssh.isSet() ? text + QStringLiteral(" through SSH ") + ssh.displayName() : text;
}

Result<ConnectionProfile> ConnectionProfile::parse(const QString &connectionString)
{
    if (connectionString.contains(QChar(0))) // libpq would read only what comes before it
        return Error::usage(QStringLiteral("Not a valid connection string: it holds a NUL character"));
    char *rawError = nullptr;
    const QByteArray utf8 = connectionString.trimmed().toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(utf8.constData(), &rawError),
                                                                         &PQconninfoFree);
    if (!options) {
        QString message = rawError ? QString::fromUtf8(rawError).trimmed() : QStringLiteral("out of memory");
        PQfreemem(rawError);
        return Error::usage(QStringLiteral("Not a valid connection string: %1").arg(message));
    }
    ConnectionProfile profile;
    for (const PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (option->val)
            profile.setLibpqKeyword(QString::fromUtf8(option->keyword), QString::fromUtf8(option->val));
    }
    return profile;
}

void ConnectionProfile::setLibpqKeyword(const QString &keyword, const QString &value)
{
    if (keyword == QLatin1String("host"))
        host = value;
    else if (keyword == QLatin1String("port"))
        port = value;
    else if (keyword == QLatin1String("dbname"))
        database = value;
    else if (keyword == QLatin1String("user"))
        user = value;
    else if (keyword == QLatin1String("password"))
        password = value;
    else if (keyword == QLatin1String("sslmode"))
        sslMode = value;
    else if (keyword == QLatin1String("sslrootcert"))
        sslRootCert = value;
    else if (keyword == QLatin1String("sslcert"))
        sslCert = value;
    else if (keyword == QLatin1String("sslkey"))
        sslKey = value;
    else if (keyword == QLatin1String("service"))
        service = value;
    else if (keyword == QLatin1String("application_name"))
        applicationName = value;
    else
        otherOptions.insert(keyword, value);
}

QMap<QString, QString> ConnectionProfile::libpqKeywords() const
{
    const QMap<QString, QString> fields{
        {QStringLiteral("host"), host},
        {QStringLiteral("port"), port},
        {QStringLiteral("dbname"), database},
        {QStringLiteral("user"), user},
        {QStringLiteral("password"), password},
        {QStringLiteral("sslmode"), sslMode},
        {QStringLiteral("sslrootcert"), sslRootCert},
        {QStringLiteral("sslcert"), sslCert},
        {QStringLiteral("sslkey"), sslKey},
        {QStringLiteral("service"), service},
        {QStringLiteral("application_name"), applicationName},
    };
    QMap<QString, QString> keywords = otherOptions;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!it.value().isEmpty())
            keywords.insert(it.key(), it.value());
    }
    return keywords;
}

QString ConnectionProfile::toKeywordString() const
{
    const QMap<QString, QString> keywords = libpqKeywords();
    QStringList parts;
    for (const QString &keyword : kFieldKeywords) {
        if (keyword != QLatin1String("password") && keywords.contains(keyword))
            parts << keyword + QLatin1Char('=') + quoteKeywordValue(keywords.value(keyword));
    }
    for (auto it = otherOptions.cbegin(); it != otherOptions.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + quoteKeywordValue(it.value());
    return parts.join(QLatin1Char(' '));
}

QString ConnectionProfile::toUri() const
{
    QString uri = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        uri += percentEncoded(user) + QLatin1Char('@');
    const bool inAuthority = authorityCanHold(host, port);
    if (inAuthority)
        uri += uriHostPart(host, port);
    uri += QLatin1Char('/') + percentEncoded(database);
    QStringList query;
    const QMap<QString, QString> keywords = libpqKeywords();
    for (auto it = keywords.cbegin(); it != keywords.cend(); ++it) {
        const QString &keyword = it.key();
        const bool written = keyword == QLatin1String("user") || keyword == QLatin1String("dbname") ||
                             (inAuthority && (keyword == QLatin1String("host") || keyword == QLatin1String("port")));
        if (written || keyword == QLatin1String("password"))
            continue;
        query << keyword + QLatin1Char('=') + percentEncoded(it.value());
    }
    if (!query.isEmpty())
        uri += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return uri;
}

QString ConnectionProfile::connectHostAddress() const
{
    return tunnel ? QStringLiteral("127.0.0.1") : otherOptions.value(QStringLiteral("hostaddr"));
}

QString ConnectionProfile::connectPort() const
{
    return tunnel ? tunnel->localPort() : port;
}

Status ConnectionProfile::refuseWithoutTunnel() const
{
    if (!needsTunnel())
        return {};
    return Error::usage(QStringLiteral("%1 is reached through SSH host %2, and no tunnel to it is open")
                            .arg(displayName(), ssh.displayName()));
}

bool operator==(const ConnectionProfile &a, const ConnectionProfile &b)
{
    return a.name == b.name && a.tier == b.tier && a.libpqKeywords() == b.libpqKeywords() && a.ssh == b.ssh;
}

} // namespace nrdb
