#include "connection/connector.h"

#include "connection/databasesession.h"
#include "util/duration.h"

#include <QDeadlineTimer>
#include <QThread>

#include <cmath>
#include <utility>

namespace nrdb {

namespace {

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString explain(ConnectFailure failure, const ConnectionProfile &profile)
{
    const QString where = profile.displayName();
    switch (failure) {
    case ConnectFailure::HostUnreachable:
        return QStringLiteral("The server %1 cannot be reached: check the host name and the network").arg(profile.host);
    case ConnectFailure::ConnectionRefused:
        return QStringLiteral("Nothing accepts connections at %1 port %2: is the server running, and listening there?")
            .arg(profile.host.isEmpty() ? QStringLiteral("the local socket") : profile.host, profile.port);
    case ConnectFailure::ServerStarting:
        return QStringLiteral("The server at %1 is starting up or shutting down").arg(where);
    case ConnectFailure::AuthenticationFailed:
        return QStringLiteral("The server refused user \"%1\": wrong password, or no pg_hba.conf entry allows this "
                              "login")
            .arg(profile.user);
    case ConnectFailure::DatabaseMissing:
        return QStringLiteral("The database \"%1\" does not exist on %2").arg(profile.database, profile.host);
    case ConnectFailure::TlsFailed:
        return QStringLiteral("The TLS (SSL) requirements of the client (sslmode=%1) and the server do not meet")
            .arg(profile.sslMode.isEmpty() ? QStringLiteral("prefer") : profile.sslMode);
    case ConnectFailure::TooManyConnections:
        return QStringLiteral("The server at %1 has no free connection slots (too many connections)").arg(where);
    case ConnectFailure::TimedOut:
        return QStringLiteral("Connecting to %1 timed out").arg(where);
    case ConnectFailure::Other:
        return QStringLiteral("Could not connect to %1").arg(where);
    }
    return {};
}

ErrorKind errorKindOf(ConnectFailure failure)
{
    switch (failure) {
    case ConnectFailure::AuthenticationFailed:
        return ErrorKind::Authentication;
    case ConnectFailure::DatabaseMissing:
        return ErrorKind::NotFound;
    case ConnectFailure::TooManyConnections:
        return ErrorKind::Busy;
    case ConnectFailure::TimedOut:
        return ErrorKind::Timeout;
    default:
        return ErrorKind::Connection;
    }
}

// Sleeps up to wait.remainingMs, waking early when cancelled and telling waiting of each second
// left; false if it was cancelled.
bool waitUnlessCancelled(RetryWait wait, const std::function<bool()> &cancelled,
                         const std::function<void(const RetryWait &)> &waiting)
{
    QDeadlineTimer deadline(wait.remainingMs);
    qint64 toldSecond = -1;
    while (!deadline.hasExpired()) {
        if (cancelled && cancelled())
            return false;
        wait.remainingMs = deadline.remainingTime();
        const qint64 second = (wait.remainingMs + 999) / 1000;
        if (waiting && second != std::exchange(toldSecond, second))
            waiting(wait);
        QThread::msleep(static_cast<unsigned long>(qMin<qint64>(50, qMax<qint64>(1, wait.remainingMs))));
    }
    return !(cancelled && cancelled());
}

} // namespace

ConnectFailure classifyConnectFailure(const QString &message)
{
    if (containsAny(message, {"database \""}) && containsAny(message, {"does not exist"}))
        return ConnectFailure::DatabaseMissing;
    if (containsAny(message, {"authentication failed", "no password supplied", "password is required"}) ||
        (containsAny(message, {"role \""}) && containsAny(message, {"does not exist"})))
        return ConnectFailure::AuthenticationFailed;
    if (containsAny(message, {"no encryption", "SSL", "GSSAPI", "certificate", "TLS"}))
        return ConnectFailure::TlsFailed;
    if (containsAny(message, {"too many connections", "remaining connection slots", "too many clients"}))
        return ConnectFailure::TooManyConnections;
    if (containsAny(message, {"starting up", "shutting down", "in recovery mode", "not yet accepting"}))
        return ConnectFailure::ServerStarting;
    if (containsAny(message, {"Connection refused", "No such file or directory"}))
        return ConnectFailure::ConnectionRefused;
    if (containsAny(message, {"could not translate host name", "Name or service not known", "No route to host",
                              "Network is unreachable", "Temporary failure in name resolution", "Host is unreachable"}))
        return ConnectFailure::HostUnreachable;
    if (containsAny(message, {"timeout expired", "timed out"}))
        return ConnectFailure::TimedOut;
    return ConnectFailure::Other;
}

Error connectFailureError(const ConnectionProfile &profile, const QString &serverText, const QString &sqlState)
{
    const ConnectFailure failure = classifyConnectFailure(serverText);
    return Error{errorKindOf(failure), explain(failure, profile), sqlState, serverText};
}

bool isUnreachable(ConnectFailure failure)
{
    return failure == ConnectFailure::HostUnreachable || failure == ConnectFailure::ConnectionRefused;
}

bool isTransient(ConnectFailure failure)
{
    switch (failure) {
    case ConnectFailure::HostUnreachable:
    case ConnectFailure::ConnectionRefused:
    case ConnectFailure::ServerStarting:
    case ConnectFailure::TooManyConnections:
    case ConnectFailure::TimedOut:
        return true;
    default:
        return false;
    }
}

Status connectWithRetry(DatabaseSession &session, const ConnectionProfile &profile, const RetryPolicy &policy,
                        const std::function<void(const QString &)> &log, const std::function<bool()> &cancelled,
                        const std::function<void(const RetryWait &)> &waiting)
{
    const int attempts = qMax(1, policy.attempts);
    double delayMs = policy.firstDelayMs;
    for (int attempt = 1;; ++attempt) {
        if (cancelled && cancelled())
            return Error::cancelled(QStringLiteral("Cancelled"));
        const Status opened = session.open(profile);
        if (opened) {
            if (attempt > 1 && log)
                log(QStringLiteral("Connected to %1 on attempt %2").arg(profile.displayName()).arg(attempt));
            return {};
        }
        const Error &error = opened.error();
        const ConnectFailure failure = classifyConnectFailure(error.detail);
        const bool retry =
            isTransient(failure) && (policy.retryUnreachable || !isUnreachable(failure)) && attempt < attempts;
        if (log) {
            log(QStringLiteral("Attempt %1 of %2 to connect to %3: %4%5")
                    .arg(attempt)
                    .arg(attempts)
                    .arg(profile.displayName(), error.message,
                         retry
                             ? QStringLiteral("; trying again in %1").arg(formatDuration(static_cast<qint64>(delayMs)))
                             : QString()));
        }
        if (!retry)
            return error;
        if (!waitUnlessCancelled(RetryWait{error.message, attempt + 1, attempts, static_cast<qint64>(delayMs)},
                                 cancelled, waiting))
            return Error::cancelled(QStringLiteral("Cancelled"));
        delayMs = qMin<double>(delayMs * policy.backoff, policy.maxDelayMs);
    }
}

} // namespace nrdb
