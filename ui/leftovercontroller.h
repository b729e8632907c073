#pragma once

#include "connection/connectionprofile.h"
#include "connection/temporarydatabase.h"

#include <QObject>

class QWidget;

namespace nrdb {

class JobRunner;
class JobSlot;

// On connecting, looks for the temporary databases a killed restore or proof left on the server
// (see CleanupJob) and, when there are some, offers to drop them. check() and drop() do the
// work and are what tests call; offer() asks. GUI thread only.
class LeftoverController : public QObject {
    Q_OBJECT
public:
    LeftoverController(JobRunner *runner, QWidget *dialogParent);

    // Looks on server; a check for another server while one runs cancels the first, whose
    // findings are not shown.
    void check(const ConnectionProfile &server);
    // The connection went: a check still running is cancelled and what it finds never offered.
    // A drop already asked for goes on.
    void forgetServer();
    // Drops, of what the last check found, those still left over.
    void drop();
    const QList<temporarydatabase::Leftover> &leftovers() const { return m_leftovers; }
    // Whether check() asks the user about what it finds (tests say no, and call drop()).
    void setAsking(bool asking) { m_asking = asking; }

signals:
    void found(const QList<nrdb::temporarydatabase::Leftover> &leftovers);
    void dropped(const QStringList &databases, const QStringList &failures);

private:
    void offer();
    void dropConfirmed(const ConnectionProfile &server, const QStringList &databases);

    JobSlot *m_checks;
    JobSlot *m_drops;
    QWidget *m_dialogParent;
    ConnectionProfile m_server;
    QList<temporarydatabase::Leftover> m_leftovers;
    bool m_asking = true;
};

} // namespace nrdb
