#include "connection/databasesession.h"

#include "connection/connector.h"

#include "log/secretredactor.h"
#include "util/logging.h"

#include <QAtomicInteger>
#include <QThread>

namespace nrdb {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("nrdb-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The QPSQL driver puts libpq keywords after the host/port/user/password it sets itself;
// values with spaces or quotes need libpq's single-quote escaping.
QString libpqValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

DatabaseSession::DatabaseSession() : m_connectionName(nextConnectionName())
{
}

DatabaseSession::~DatabaseSession()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

Status DatabaseSession::open(const ConnectionProfile &profile, int connectTimeoutSeconds)
{
    if (Status direct = profile.refuseWithoutTunnel(); !direct)
        return direct;
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!db.isValid())
        return Error::notFound(
            QStringLiteral("The Qt PostgreSQL driver (QPSQL) is not available; install libqt6sql6-psql"));
    db.setHostName(profile.host);
    bool singlePort = false;
    const int port = profile.connectPort().toInt(&singlePort);
    db.setPort(singlePort ? port : -1);
    db.setDatabaseName(profile.database);
    db.setUserName(profile.user);
    db.setPassword(profile.password);
    registerSecret(profile.password); // whatever echoes it later (an error, a log line) shows ***** instead
    QMap<QString, QString> options = profile.libpqKeywords();
    for (const char *own : {"host", "dbname", "user", "password"})
        options.remove(QLatin1String(own)); // set above, quoted by the driver
    if (profile.tunnel)
        options.insert(QStringLiteral("hostaddr"), profile.connectHostAddress());
    if (singlePort)
        options.remove(QStringLiteral("port"));
    if (options.value(QStringLiteral("application_name")).isEmpty())
        options.insert(QStringLiteral("application_name"), QStringLiteral("netraven-dbadmin"));
    options.insert(QStringLiteral("connect_timeout"), QString::number(connectTimeoutSeconds));
    QStringList optionList;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        // The driver splits its options at ';', so no value can carry one.
        if (it.value().contains(QLatin1Char(';')))
            return Error::usage(QStringLiteral("The value of %1 may not contain ';'").arg(it.key()));
        optionList << it.key() + QLatin1Char('=') + libpqValue(it.value());
    }
    db.setConnectOptions(optionList.join(QLatin1Char(';')));
    if (!db.open()) {
        const QSqlError failed = db.lastError();
        const QString serverText = failed.databaseText().trimmed().isEmpty() ? failed.text() : failed.databaseText();
        return connectFailureError(profile, serverText.trimmed(), failed.nativeErrorCode());
    }
    qCDebug(lcSql) << "connected" << m_connectionName << profile.displayName() << "on" << QThread::currentThread();
    return {};
}

QSqlDatabase DatabaseSession::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Error serverError(ErrorKind kind, const QString &context, const QString &serverText, const QString &sqlState)
{
    // 57P01-57P03: the server ended the session (pg_terminate_backend, a shutdown); libpq's own
    // "server closed the connection unexpectedly" runs on over three lines of guesses.
    if (sqlState.startsWith(QLatin1String("57P")) ||
        serverText.contains(QLatin1String("server closed the connection unexpectedly")) ||
        serverText.contains(QLatin1String("no connection to the server"))) {
        return Error{ErrorKind::Connection,
                     context + QStringLiteral(": the connection to the server was lost (the server ended the "
                                              "session, or stopped)"),
                     sqlState, serverText};
    }
    return Error{kind, context + QStringLiteral(": ") + serverText, sqlState, {}};
}

Error sqlError(const QSqlError &error, const QString &context)
{
    const QString sqlState = error.nativeErrorCode();
    ErrorKind kind = error.type() == QSqlError::ConnectionError ? ErrorKind::Connection : ErrorKind::Sql;
    // 28P01 invalid_password, 28000 invalid_authorization_specification
    if (sqlState.startsWith(QLatin1String("28")) || error.databaseText().contains(QLatin1String("authentication")))
        kind = ErrorKind::Authentication;
    const QString serverText = error.databaseText().trimmed().isEmpty() ? error.text() : error.databaseText().trimmed();
    return serverError(kind, context, serverText, sqlState);
}

bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

} // namespace nrdb
