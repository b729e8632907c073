#pragma once

#include "backup/backupmanifest.h"
#include "jobs/jobwithresult.h"
#include "model/verifyreport.h"

namespace nrdb {

struct ProofReport {
    bool ok = false;
    bool inSandbox = false;
    bool checksumMatches = false;
    QStringList countMismatches; // "netraven.devices: manifest 500, restored 499"
    QString verifyVerdict;       // when the backup holds a model pack's database
    bool verifyOk = true;
    qint64 durationMs = 0;
    QString summary() const;

    QJsonObject toJson() const; // what --json prints
};

// Proves a backup restorable: checks its SHA-256 against the manifest, restores it into a scratch
// database (on the server, or in a throwaway local sandbox), verifies it against its model pack,
// compares every table's row count with the manifest, drops the scratch database, and writes the
// result into the manifest. server: where to restore when not in a sandbox; toolsDirectory: where
// pg_restore is, if not found by itself. Thread: as JobWithResult.
class ProveRestorableJob : public JobWithResult<ProofReport> {
public:
    ProveRestorableJob(ConnectionProfile server, QString backupPath, bool inSandbox, QString toolsDirectory = {});

    QString title() const override
    {
        return QStringLiteral("Prove %1 restorable").arg(m_backupPath.section(QLatin1Char('/'), -1));
    }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override;

protected:
    Result<ProofReport> execute(JobContext &context) override;

private:
    // Restores into a scratch database on server, compares its row counts with the manifest's and
    // verifies it, into report; the scratch database is dropped whatever happens.
    Status proveInScratch(JobContext &context, const ConnectionProfile &server, const BackupManifest &manifest,
                          ProofReport &report) const;

    ConnectionProfile m_server;
    QString m_backupPath;
    bool m_inSandbox;
    QString m_toolsDirectory;
};

} // namespace nrdb
