#include "connection/sshhop.h"

#include <QStringList>

#include <algorithm>

namespace nrdb {

QString SshHop::displayName() const
{
    QString name = user.isEmpty() ? host : user + QLatin1Char('@') + host;
    return port.isEmpty() ? name : name + QLatin1Char(':') + port;
}

Result<SshHop> SshHop::parse(const QString &text)
{
    SshHop hop;
    QString rest = text.trimmed();
    if (rest.isEmpty() || std::any_of(rest.cbegin(), rest.cend(), [](QChar c) { return c.isSpace(); }))
        return Error::usage(QStringLiteral("An SSH host is [USER@]HOST[:PORT], not '%1'").arg(text));
    if (const qsizetype at = rest.lastIndexOf(QLatin1Char('@')); at >= 0) {
        hop.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    // host:port, but a bare IPv6 address keeps its colons ([::1]:2222 names a port).
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Error::usage(QStringLiteral("The SSH host '%1' opens a bracket it does not close").arg(text));
        hop.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (after.startsWith(QLatin1Char(':')))
            hop.port = after.mid(1);
        else if (!after.isEmpty())
            return Error::usage(QStringLiteral("An SSH host is [USER@]HOST[:PORT], not '%1'").arg(text));
    } else if (rest.count(QLatin1Char(':')) == 1) {
        hop.host = rest.section(QLatin1Char(':'), 0, 0);
        hop.port = rest.section(QLatin1Char(':'), 1);
    } else {
        hop.host = rest;
    }
    bool numeric = false;
    const int port = hop.port.toInt(&numeric);
    if (!hop.port.isEmpty() && (!numeric || port < 1 || port > 65535))
        return Error::usage(QStringLiteral("The SSH port must be a number from 1 to 65535, not '%1'").arg(hop.port));
    if (hop.host.isEmpty() || hop.host.startsWith(QLatin1Char('-')))
        return Error::usage(QStringLiteral("An SSH host is [USER@]HOST[:PORT], not '%1'").arg(text));
    return hop;
}

QStringList SshHop::clientOptions() const
{
    QStringList options;
    if (!configFile.isEmpty())
        options << QStringLiteral("-F") << configFile;
    if (!port.isEmpty())
        options << QStringLiteral("-p") << port;
    if (!user.isEmpty())
        options << QStringLiteral("-l") << user;
    if (!identityFile.isEmpty())
        options << QStringLiteral("-i") << identityFile << QStringLiteral("-o") << QStringLiteral("IdentitiesOnly=yes");
    return options;
}

} // namespace nrdb
