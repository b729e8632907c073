#include "connectioncontroller.h"

#include "connection/profilestore.h"
#include "jobs/createdatabasejob.h"
#include "jobs/jobrunner.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace nrdb {

ConnectionController::ConnectionController(JobRunner *runner, QWidget *dialogParent)
    : QObject(dialogParent), m_runner(runner), m_dialogParent(dialogParent)
{
    connect(m_runner, &JobRunner::finished, this, &ConnectionController::onJobFinished);
}

void ConnectionController::connectTo(const ConnectionProfile &profile, const RetryPolicy &retry, bool rememberPassword)
{
    if (isConnecting())
        return;
    m_pending = profile;
    m_rememberPassword = rememberPassword;
    m_job = std::make_shared<ConnectJob>(profile, retry, rememberPassword);
    m_jobId = m_runner->submit(m_job);
    emit connectionStarted(profile.name.isEmpty() ? profile.displayName() : profile.name);
}

void ConnectionController::disconnectFromDatabase()
{
    if (!m_current)
        return;
    m_current.reset();
    emit disconnected();
}

void ConnectionController::onJobFinished(JobId id, JobState state, const Error &error)
{
    if (id == m_createJobId) {
        m_createJobId = 0;
        if (state == JobState::Succeeded)
            connectTo(m_pending, RetryPolicy::once(), m_rememberPassword);
        else
            emit failed(error.fullText());
        return;
    }
    if (id != m_jobId)
        return;
    m_jobId = 0;
    if (state == JobState::Succeeded) {
        m_current = m_job->result();
        m_current->profile.name = m_pending.name;
        m_current->profile.tier = m_pending.tier;
        if (!m_pending.name.isEmpty())
            ProfileStore().markUsed(m_pending.name);
        emit connected(*m_current);
        return;
    }
    if (state == JobState::Cancelled) {
        emit failed(tr("Connecting was cancelled"));
        return;
    }
    if (error.kind == ErrorKind::NotFound && offerToCreateDatabase(m_job->resolvedProfile()))
        return;
    if (error.kind == ErrorKind::Authentication && askForPassword(m_job->resolvedProfile(), error.message))
        return;
    emit failed(error.message + (error.detail.isEmpty() ? QString() : QStringLiteral("\n") + error.detail));
}

bool ConnectionController::offerToCreateDatabase(const ConnectionProfile &profile)
{
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Create Database"),
        tr("The database \"%1\" does not exist on %2.\n\nCreate it now, as user %3?")
            .arg(profile.database, profile.host.isEmpty() ? tr("the local server") : profile.host, profile.user),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_pending.password = profile.password;
    m_createJobId = m_runner->submit(std::make_shared<CreateDatabaseJob>(profile));
    return true;
}

bool ConnectionController::askForPassword(const ConnectionProfile &profile, const QString &reason)
{
    bool ok = false;
    const QString password = QInputDialog::getText(
        m_dialogParent, tr("Password"),
        tr("%1\n\nPassword for %2@%3:")
            .arg(reason, profile.user, profile.host.isEmpty() ? tr("local server") : profile.host),
        QLineEdit::Password, {}, &ok);
    if (!ok || password.isEmpty())
        return false;
    ConnectionProfile again = m_pending;
    again.password = password;
    connectTo(again, RetryPolicy::once(), m_rememberPassword);
    return true;
}

} // namespace nrdb
