#include "jobs/connectjob.h"

#include "connection/databasesession.h"
#include "connection/libpqenvironment.h"
#include "connection/secretstore.h"
#include "jobs/jobcontext.h"

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

} // namespace

Result<Connected> ConnectJob::execute(JobContext &context)
{
    context.setPhase(QStringLiteral("Resolving the connection"));
    Result<ConnectionProfile> resolved = resolveProfile(m_profile);
    if (!resolved)
        return resolved.error();
    Connected connected;
    connected.profile = std::move(resolved).value();
    const PasswordChoice password = choosePassword(connected.profile, true);
    for (const QString &warning : password.warnings)
        context.warning(warning);
    connected.profile.password = password.password;
    connected.passwordOrigin = password.origin;
    m_resolved = connected.profile;
    m_passwordOrigin = password.origin;
    if (password.origin != PasswordOrigin::None && password.origin != PasswordOrigin::Given)
        context.info(QStringLiteral("Using the password from the %1").arg(passwordOriginName(password.origin)));

    context.setPhase(QStringLiteral("Connecting to %1").arg(connected.profile.displayName()));
    DatabaseSession session;
    const Status opened = connectWithRetry(
        session, connected.profile, m_retry, [&context](const QString &line) { context.info(line); },
        [&context] { return context.isCancelled(); });
    if (!opened)
        return opened.error();
    context.setPhase(QStringLiteral("Reading the server summary"));
    Result<ServerInfo> info = ServerInfo::read(session.database());
    if (!info)
        return info.error();
    connected.info = std::move(info).value();
    if (m_rememberPassword && password.origin == PasswordOrigin::Given)
        rememberPassword(context, connected.profile);
    context.info(QStringLiteral("Connected to %1: PostgreSQL %2, user %3%4")
                     .arg(connected.profile.displayName(), connected.info.serverVersion, connected.info.currentUser,
                          connected.info.superuser ? QStringLiteral(" (superuser)") : QString()));
    return connected;
}

} // namespace nrdb
