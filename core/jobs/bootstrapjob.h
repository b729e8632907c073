#pragma once

#include "jobs/initjob.h"
#include "jobs/seedjob.h"
#include "model/verifyreport.h"

namespace nrdb {

struct BootstrapReport {
    bool createdDatabase = false;
    InitReport init;
    SeedReport seed;
    VerifyReport verify;
    qint64 durationMs = 0;

    bool nothingToDo() const { return !createdDatabase && init.changedNothing() && seed.changedNothing(); }
    QString summary() const;

    QJsonObject toJson() const; // what --json prints
};

// One action from nothing to a verified, seeded database (of the named pack; without one, of the
// pack its catalog shows, or the default pack for an empty database): create it if it is missing, init
// (preflight, extensions, schema, migrations), seed, verify. Run again, it reports that there was
// nothing to do. target must be resolved (password chosen). Thread: as JobWithResult.
class BootstrapJob : public JobWithResult<BootstrapReport> {
public:
    BootstrapJob(ConnectionProfile target, PackChoice pack, QMap<QString, QString> secrets = {});

    QString title() const override { return QStringLiteral("Bootstrap %1").arg(m_target.database); }
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<BootstrapReport> execute(JobContext &context) override;

private:
    Result<bool> createDatabaseIfMissing(JobContext &context);

    ConnectionProfile m_target;
    PackChoice m_pack;
    QMap<QString, QString> m_secrets;
};

} // namespace nrdb
