#include "connection/secretstore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace nrdb {

namespace {

const QString kService = QStringLiteral("netraven-dbadmin");
constexpr int kTimeoutMs = 10000;

SecretStore::Answer runJob(QKeychain::Job &job)
{
    // Every Linux keychain is a D-Bus service: without a session bus there is none to ask.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return SecretStore::Answer{SecretStore::Outcome::Unavailable,
                                   {},
                                   QStringLiteral("No system keychain is available (there is no D-Bus session); "
                                                  "nothing was stored")};
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // a password in a plain file is worse than asking again
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    SecretStore::Answer answer;
    switch (job.error()) {
    case QKeychain::NoError:
        answer.outcome = SecretStore::Outcome::Done;
        break;
    case QKeychain::EntryNotFound:
        answer.outcome = SecretStore::Outcome::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        answer.outcome = SecretStore::Outcome::Unavailable;
        answer.message =
            QStringLiteral("No system keychain is available (%1); nothing was stored").arg(job.errorString());
        break;
    default:
        answer.outcome = SecretStore::Outcome::Failed;
        answer.message = QStringLiteral("The keychain failed (error %1): %2").arg(job.error()).arg(job.errorString());
    }
    return answer;
}

} // namespace

QString SecretStore::keyFor(const ConnectionProfile &profile)
{
    return QStringLiteral("postgresql://%1@%2:%3").arg(profile.user, profile.host, profile.port);
}

SecretStore::Answer SecretStore::read(const ConnectionProfile &profile)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(keyFor(profile));
    Answer answer = runJob(job);
    if (answer.outcome == Outcome::Done)
        answer.password = job.textData();
    return answer;
}

SecretStore::Answer SecretStore::write(const ConnectionProfile &profile, const QString &password)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(keyFor(profile));
    job.setTextData(password);
    return runJob(job);
}

SecretStore::Answer SecretStore::remove(const ConnectionProfile &profile)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(keyFor(profile));
    return runJob(job);
}

} // namespace nrdb
