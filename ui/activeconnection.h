#pragma once

#include "connection/connectionprofile.h"
#include "jobs/connectjob.h" // Connected

#include <QList>
#include <QObject>

#include <optional>

namespace nrdb {

class JobRunner;
class JobSlot;

// The database the window is connected to, and whether a job that changes it is running, kept
// once: views and controllers read them here and hear of a change through the signals, instead
// of each keeping a copy. ConnectionController opens and closes it. GUI thread only.
class ActiveConnection : public QObject {
    Q_OBJECT
public:
    explicit ActiveConnection(QObject *parent);

    bool isOpen() const { return m_current.has_value(); }
    const std::optional<Connected> &current() const { return m_current; }
    // The connected database; an empty profile when none is open.
    const ConnectionProfile &profile() const;

    // Emits opened (after closed, for another database that was open).
    void open(const Connected &connection);
    // Emits closed, when one was open.
    void close();

    // The database could not be reached by a job on it (the server stopped or went away, the
    // password is no longer taken): emits lost once, until the next open() or close().
    void markLost(const Error &reason);
    bool isLost() const { return m_lost.has_value(); }
    const std::optional<Error> &lostReason() const { return m_lost; }
    // Marks the connection lost when a job of runner's on this database fails to reach it.
    void watch(JobRunner *runner);

    // The slot's jobs change the database (init, backup, restore...): isBusy() is true while any
    // such slot is busy, and only one of them runs at a time.
    void addWriter(JobSlot *slot);
    bool isBusy() const;

signals:
    void opened(const nrdb::Connected &connection);
    void closed();
    void lost(const nrdb::Error &reason);
    void busyChanged(bool busy); // only when isBusy() changes

private:
    std::optional<Connected> m_current;
    std::optional<Error> m_lost;
    QList<JobSlot *> m_writers;
    bool m_reportedBusy = false;
};

} // namespace nrdb
