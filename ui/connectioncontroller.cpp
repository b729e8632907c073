#include "connectioncontroller.h"

#include "activeconnection.h"
#include "jobslot.h"

#include "connection/profilestore.h"
#include "jobs/connectjob.h"
#include "jobs/createdatabasejob.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace nrdb {

ConnectionController::ConnectionController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_slot(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_connection(connection),
      m_dialogParent(dialogParent)
{
    connect(m_slot, &JobSlot::phaseChanged, this, &ConnectionController::progress);
}

void ConnectionController::cancel()
{
    m_slot->cancel();
}

QWidget *ConnectionController::questionParent() const
{
    QWidget *modal = QApplication::activeModalWidget();
    return modal ? modal : m_dialogParent;
}

bool ConnectionController::isConnecting() const
{
    return m_slot->isBusy();
}

void ConnectionController::connectTo(const ConnectionProfile &profile, const RetryPolicy &retry, bool rememberPassword)
{
    if (isConnecting())
        return;
    m_pending = profile;
    m_rememberPassword = rememberPassword;
    m_slot->start(std::make_shared<ConnectJob>(profile, retry, rememberPassword),
                  [this](ConnectJob &job, const JobEnd &end) { onConnectEnded(job, end); });
    emit connectionStarted(profile.name.isEmpty() ? profile.displayName() : profile.name);
}

void ConnectionController::reconnect()
{
    if (m_connection->isOpen())
        connectTo(m_connection->profile(), RetryPolicy::interactive());
}

void ConnectionController::disconnectFromDatabase()
{
    m_connection->close();
}

void ConnectionController::onConnectEnded(ConnectJob &job, const JobEnd &end)
{
    if (end.succeeded()) {
        Connected connection = job.result();
        connection.profile.name = m_pending.name;
        connection.profile.tier = m_pending.tier;
        ProfileStore().markUsed(m_pending);
        m_connection->open(connection);
        emit connected(connection);
        return;
    }
    if (end.state == JobState::Cancelled) {
        emit failed(Error::cancelled(tr("Connecting was cancelled")));
        return;
    }
    const Error &error = end.error;
    if (error.kind == ErrorKind::NotFound && offerToCreateDatabase(job.resolvedProfile()))
        return;
    if (error.kind == ErrorKind::Authentication && askForPassword(job.resolvedProfile(), error.message))
        return;
    emit failed(error);
}

bool ConnectionController::offerToCreateDatabase(const ConnectionProfile &profile)
{
    const auto answer = QMessageBox::question(
        questionParent(), tr("Create Database"),
        tr("The database \"%1\" does not exist on %2.\n\nCreate it now, as user %3?")
            .arg(profile.database, profile.host.isEmpty() ? tr("the local server") : profile.host, profile.user),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_pending.password = profile.password;
    m_slot->start(std::make_shared<CreateDatabaseJob>(profile), [this](const Job &, const JobEnd &end) {
        if (end.succeeded())
            connectTo(m_pending, RetryPolicy::once(), m_rememberPassword);
        else
            emit failed(end.error);
    });
    return true;
}

bool ConnectionController::askForPassword(const ConnectionProfile &profile, const QString &reason)
{
    bool ok = false;
    const QString password = QInputDialog::getText(
        questionParent(), tr("Password"),
        tr("%1.\n\nPassword for user \"%2\" on %3, port %4, database \"%5\":")
            .arg(reason, profile.user, profile.host.isEmpty() ? tr("the local socket") : profile.host, profile.port,
                 profile.database),
        QLineEdit::Password, {}, &ok);
    if (!ok || password.isEmpty())
        return false;
    ConnectionProfile again = m_pending;
    again.password = password;
    connectTo(again, RetryPolicy::once(), m_rememberPassword);
    return true;
}

} // namespace nrdb
