#pragma once

#include "jobs/jobwithresult.h"
#include "jobs/packchoice.h"
#include "model/verifyreport.h"

namespace nrdb {

struct AdoptReport {
    VerifyReport before;            // what the database looked like
    QStringList adoptedMigrations;  // stamped in the history without running them
    bool alreadyManaged = false;    // it had a history for the pack already
    bool waitingForConsent = false; // the baseline, with differences: nothing stamped until accepted

    bool recognised() const { return before.requiredMissing.isEmpty(); }

    QJsonObject toJson() const; // what --json prints
};

// Takes over a database that the application's own code built (its tables, no migration
// history): if it matches the expected model of one of the pack's versions, stamps the history up
// to that version without running any DDL (another tool's history, such as Alembic's, is left as
// it is). With differences it stops and lists them, unless told to accept them.
// Thread: as JobWithResult.
class AdoptJob : public JobWithResult<AdoptReport> {
public:
    AdoptJob(ConnectionProfile target, PackChoice pack, bool acceptDifferences = false, int lockTimeoutMs = 60000);

    QString title() const override { return QStringLiteral("Adopt %1").arg(m_target.database); }
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<AdoptReport> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    PackChoice m_pack;
    bool m_acceptDifferences;
    int m_lockTimeoutMs;
};

} // namespace nrdb
