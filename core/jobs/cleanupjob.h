#pragma once

#include "connection/temporarydatabase.h"
#include "jobs/jobwithresult.h"

#include <QJsonObject>

namespace nrdb {

struct CleanupReport {
    QList<temporarydatabase::Leftover> leftovers; // what was found left over
    QStringList dropped;
    QStringList failed; // "name: why"

    QJsonObject toJson() const; // what cleanup --json prints
};

// Finds the temporary databases a killed or crashed run of this tool left on a server (see
// temporarydatabase) and, unless only listing, drops them: all of them, or only those of
// confirmed that are still left over (what a user was shown and agreed to). A drop, once begun,
// is not cancelled: each runs on a connection of its own. Thread: as JobWithResult.
class CleanupJob : public JobWithResult<CleanupReport> {
public:
    CleanupJob(ConnectionProfile server, bool listOnly, QStringList confirmed = {});

    const ConnectionProfile &server() const { return m_server; }

    QString title() const override;
    JobAccess access() const override { return m_listOnly ? JobAccess::ReadOnly : JobAccess::Write; }
    ConnectionProfile target() const override;

protected:
    Result<CleanupReport> execute(JobContext &context) override;

private:
    ConnectionProfile m_server;
    bool m_listOnly;
    QStringList m_confirmed;
};

} // namespace nrdb
