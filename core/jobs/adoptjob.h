#pragma once

#include "jobs/jobwithresult.h"
#include "model/modelpack.h"
#include "model/verifyreport.h"

namespace nrdb {

struct AdoptReport {
    VerifyReport before;          // what the database looked like
    QStringList adoptedMigrations; // stamped in the history without running them
    bool alreadyManaged = false;  // it had a history for the pack already
    bool waitingForConsent = false; // the baseline, with differences: nothing stamped until accepted

    bool recognised() const { return before.requiredMissing.isEmpty(); }
};

// Takes over a database that the application's own code built (its tables, no migration
// history): if it matches the pack's baseline, stamps the history up to the head without running
// any DDL. With differences it stops and lists them, unless told to accept them.
// Thread: as JobWithResult.
class AdoptJob : public JobWithResult<AdoptReport> {
public:
    AdoptJob(ConnectionProfile target, ModelPack pack, bool acceptDifferences = false, int lockTimeoutMs = 60000);

    QString title() const override { return QStringLiteral("Adopt %1").arg(m_target.database); }
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<AdoptReport> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    ModelPack m_pack;
    bool m_acceptDifferences;
    int m_lockTimeoutMs;
};

} // namespace nrdb
