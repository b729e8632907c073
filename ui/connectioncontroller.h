#pragma once

#include "connection/connector.h"
#include "jobs/connectjob.h"
#include "jobs/jobtypes.h"

#include <QObject>

#include <memory>
#include <optional>

class QWidget;

namespace nrdb {

class JobRunner;
struct Error;

// Connects the window to a database: runs a ConnectJob, offers to create a database that does
// not exist, asks for a password the server wants and nothing supplied, and keeps the current
// connection. GUI thread only.
class ConnectionController : public QObject {
    Q_OBJECT
public:
    ConnectionController(JobRunner *runner, QWidget *dialogParent);

    void connectTo(const ConnectionProfile &profile, const RetryPolicy &retry = RetryPolicy{},
                   bool rememberPassword = false);
    void disconnectFromDatabase();
    bool isConnecting() const { return m_jobId != 0; }
    const std::optional<Connected> &current() const { return m_current; }

signals:
    void connectionStarted(const QString &what);
    void connected(const nrdb::Connected &connection);
    void failed(const QString &message);
    void disconnected();

private:
    void onJobFinished(JobId id, JobState state, const Error &error);
    bool offerToCreateDatabase(const ConnectionProfile &profile);
    bool askForPassword(const ConnectionProfile &profile, const QString &reason);

    JobRunner *m_runner;
    QWidget *m_dialogParent;
    std::shared_ptr<ConnectJob> m_job;
    JobId m_jobId = 0;
    JobId m_createJobId = 0;
    ConnectionProfile m_pending; // what is being connected to, as the user gave it
    bool m_rememberPassword = false;
    std::optional<Connected> m_current;
};

} // namespace nrdb
