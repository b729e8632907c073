#include "jobs/connectjob.h"

#include "catalog/catalogreader.h"
#include "connection/databasesession.h"
#include "connection/resolvedconnection.h"
#include "connection/secretstore.h"
#include "jobs/jobcontext.h"
#include "jobs/packchoice.h"

namespace nrdb {

ConnectJob::ConnectJob(ConnectionProfile profile, RetryPolicy retry, bool rememberPassword)
    : m_profile(std::move(profile)), m_retry(retry), m_rememberPassword(rememberPassword)
{
}

QString ConnectJob::title() const
{
    return m_profile.name.isEmpty() ? QStringLiteral("Connect") : QStringLiteral("Connect to %1").arg(m_profile.name);
}

namespace {

void rememberPassword(JobContext &context, const ConnectionProfile &profile)
{
    const SecretStore::Answer stored = SecretStore::write(profile, profile.password);
    if (stored.outcome == SecretStore::Outcome::Done)
        context.info(QStringLiteral("The password is stored in the system keychain"));
    else
        context.warning(stored.message + QStringLiteral(": you will be asked for it next time"));
}

// The phase while it waits, e.g. "The server … has no free connection slots: trying again in 3 s
// (attempt 2 of 5)".
void tellWait(JobContext &context, const RetryWait &wait)
{
    const qint64 seconds = (wait.remainingMs + 999) / 1000;
    context.setPhase(QStringLiteral("%1: trying again in %2 s (attempt %3 of %4)")
                         .arg(wait.reason)
                         .arg(seconds)
                         .arg(wait.nextAttempt)
                         .arg(wait.attempts));
}

} // namespace

Result<Connected> ConnectJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Resolving the connection"));
    Result<ResolvedConnection> resolved = resolveConnection(m_profile);
    if (!resolved)
        return resolved.error();
    for (const QString &warning : resolved.value().warnings)
        context.warning(warning);
    Connected connected;
    connected.profile = resolved.value().profile;
    connected.passwordOrigin = resolved.value().passwordOrigin;
    m_resolved = connected.profile;
    m_passwordOrigin = connected.passwordOrigin;
    if (connected.passwordOrigin != PasswordOrigin::None && connected.passwordOrigin != PasswordOrigin::Given)
        context.info(
            QStringLiteral("Using the password from the %1").arg(passwordOriginName(connected.passwordOrigin)));

    context.setPhase(QStringLiteral("Connecting to %1").arg(connected.profile.displayName()));
    DatabaseSession session;
    const Status opened = connectWithRetry(
        session, connected.profile, m_retry, [&context](const QString &line) { context.info(line); },
        [&context] { return context.isCancelled(); }, [&context](const RetryWait &wait) { tellWait(context, wait); });
    if (!opened)
        return opened.error();
    context.setPhase(QStringLiteral("Reading the server summary"));
    Result<ServerInfo> info = ServerInfo::read(session.database());
    if (!info)
        return info.error();
    connected.info = std::move(info).value();
    const Result<SchemaSnapshot> snapshot = CatalogReader::read(
        session.database(), [&context] { return context.isCancelled(); }, CatalogReadOptions{LockedTables::LeaveOut});
    if (!snapshot)
        return snapshot.error();
    const Result<PackDetection> pack = detectKnownPack(session.database(), snapshot.value());
    if (!pack)
        return pack.error();
    connected.pack = pack.value();
    if (m_rememberPassword && connected.passwordOrigin == PasswordOrigin::Given)
        rememberPassword(context, connected.profile);
    context.info(QStringLiteral("Connected to %1: PostgreSQL %2, user %3%4. %5")
                     .arg(connected.profile.displayName(), connected.info.serverVersion, connected.info.currentUser,
                          connected.info.superuser ? QStringLiteral(" (superuser)") : QString(),
                          connected.pack.describe()));
    return connected;
}

} // namespace nrdb
