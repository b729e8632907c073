#pragma once

#include "jobs/jobwithresult.h"
#include "jobs/packchoice.h"
#include "seed/seedwriter.h"

#include <QJsonObject>
#include <QMap>

namespace nrdb {

struct SeedReport {
    QString pack;
    QVector<SeedTableResult> tables;
    // Secrets the seed made up because none was given: shown to the user once, never logged.
    QMap<QString, QString> generatedSecrets;

    bool changedNothing() const;

    QJsonObject toJson() const; // what --json prints, the generated secrets with it
};

// Inserts the pack's seed rows that are not there yet, in one transaction: idempotent. Rows that
// exist are left as the DBA made them, unless resetToDefaults, which puts the pack's values back
// into the columns the pack marks resettable. Secrets (passwords) come from `secrets` or are
// generated; secrets such as an application's encryption key are given or read from the variable
// the pack names, and the tables that need them are skipped without. Thread: as JobWithResult.
class SeedJob : public JobWithResult<SeedReport> {
public:
    SeedJob(ConnectionProfile target, PackChoice pack, QMap<QString, QString> secrets = {},
            bool resetToDefaults = false);

    QString title() const override { return QStringLiteral("Seed %1").arg(m_target.database); }
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<SeedReport> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    PackChoice m_pack;
    QMap<QString, QString> m_secrets;
    bool m_resetToDefaults;
};

} // namespace nrdb
