#include "backup/clientenvironment.h"

#include "util/childprocess.h"

namespace nrdb {

namespace {

// A pgpass field: ':' and '\' escaped.
QString passField(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char(':'), QStringLiteral("\\:"));
    return escaped.isEmpty() ? QStringLiteral("*") : escaped;
}

} // namespace

Result<ClientEnvironment> ClientEnvironment::create(const ConnectionProfile &profile, const QString &applicationName)
{
    if (Status direct = profile.refuseWithoutTunnel(); !direct)
        return direct.error();
    ClientEnvironment client;
    client.m_environment = environmentWithoutLibpqVariables();
    // The tools' messages in English whatever the desktop's language: progress and errors are
    // read from them. LC_ALL would override LC_MESSAGES, so its value moves to LANG.
    if (client.m_environment.contains(QStringLiteral("LC_ALL"))) {
        client.m_environment.insert(QStringLiteral("LANG"), client.m_environment.value(QStringLiteral("LC_ALL")));
        client.m_environment.remove(QStringLiteral("LC_ALL"));
    }
    client.m_environment.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    const QList<QPair<QString, QString>> variables{
        {QStringLiteral("PGHOST"), profile.host},
        {QStringLiteral("PGPORT"), profile.connectPort()},
        {QStringLiteral("PGHOSTADDR"), profile.connectHostAddress()},
        {QStringLiteral("PGDATABASE"), profile.database},
        {QStringLiteral("PGUSER"), profile.user},
        {QStringLiteral("PGSSLMODE"), profile.sslMode},
        {QStringLiteral("PGSSLROOTCERT"), profile.sslRootCert},
        {QStringLiteral("PGSSLCERT"), profile.sslCert},
        {QStringLiteral("PGSSLKEY"), profile.sslKey},
        {QStringLiteral("PGAPPNAME"), applicationName},
    };
    for (const auto &[name, value] : variables) {
        if (!value.isEmpty())
            client.m_environment.insert(name, value);
    }
    if (profile.password.isEmpty())
        return client;
    // One line that matches whatever host, port and database the tool uses for this user.
    Result<std::shared_ptr<MemoryFile>> passFile = MemoryFile::create(
        QStringLiteral("pgpass"),
        QStringLiteral("*:*:*:%1:%2\n").arg(passField(profile.user), passField(profile.password)).toUtf8());
    if (!passFile)
        return passFile.error();
    client.m_passFile = std::move(passFile).value();
    client.m_environment.insert(QStringLiteral("PGPASSFILE"), client.m_passFile->path());
    return client;
}

} // namespace nrdb
