#pragma once

#include "connection/connector.h"
#include "jobs/connectjob.h" // Connected

#include <QObject>

class QWidget;

namespace nrdb {

class ActiveConnection;
class JobRunner;
class JobSlot;
struct JobEnd;

// Connects the window to a database: runs a ConnectJob, offers to create a database that does
// not exist, asks for a password the server wants and nothing supplied (or no longer takes), and
// keeps the current connection open in the window's ActiveConnection. Its questions go on top of
// the dialog that is open, if any. GUI thread only.
class ConnectionController : public QObject {
    Q_OBJECT
public:
    ConnectionController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent);

    void connectTo(const ConnectionProfile &profile, const RetryPolicy &retry = RetryPolicy{},
                   bool rememberPassword = false);
    // The open connection's database again (after it was lost), with its password and name.
    void reconnect();
    void disconnectFromDatabase();
    bool isConnecting() const; // connecting, or creating the database to connect to
    void cancel();             // the attempt under way ends, saying it was cancelled

signals:
    void connectionStarted(const QString &what);
    void progress(const QString &phase); // e.g. a retry's countdown
    void connected(const nrdb::Connected &connection);
    void failed(const nrdb::Error &error);

private:
    void onConnectEnded(ConnectJob &job, const JobEnd &end);
    bool offerToCreateDatabase(const ConnectionProfile &profile);
    bool askForPassword(const ConnectionProfile &profile, const QString &reason);
    QWidget *questionParent() const;

    JobSlot *m_slot;
    ActiveConnection *m_connection;
    QWidget *m_dialogParent;
    ConnectionProfile m_pending; // what is being connected to, as the user gave it
    bool m_rememberPassword = false;
};

} // namespace nrdb
