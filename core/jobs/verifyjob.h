#pragma once

#include "jobs/jobwithresult.h"
#include "jobs/packchoice.h"
#include "model/verifyreport.h"

namespace nrdb {

// A verify's report with what it was made of: the snapshot read and the pack compared with.
struct Verified {
    VerifyReport report;
    SchemaSnapshot snapshot;
    ModelPack pack;
};

// Compares a database with a model pack (named, or the one its catalog shows): required tables,
// history, the other tool's history beside ours, drift, lint. Read-only. Thread: as JobWithResult.
class VerifyJob : public JobWithResult<VerifyReport> {
public:
    VerifyJob(ConnectionProfile target, PackChoice pack) : m_target(std::move(target)), m_pack(std::move(pack)) {}

    QString title() const override { return QStringLiteral("Verify %1").arg(m_target.database); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

    // The comparison itself, on a snapshot and a history already read; for tests and adopt.
    static VerifyReport compare(const ModelPack &pack, const SchemaSnapshot &snapshot,
                                const QVector<AppliedMigration> &history, bool historyExists);
    // Reads the database's schema and history and compares them with the pack, on db (the target's
    // session in context), for verify itself and for the jobs that start from a verify (repair).
    static Result<Verified> verifyOn(JobContext &context, const QSqlDatabase &db, const PackChoice &choice,
                                     const ConnectionProfile &target);
    // Reads the pack's foreign history table (if it keeps one) and adds it to the report, judged
    // against the report's version.
    static Status addForeignHistory(const QSqlDatabase &db, const ModelPack &pack, VerifyReport &report);

protected:
    Result<VerifyReport> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    PackChoice m_pack;
};

} // namespace nrdb
