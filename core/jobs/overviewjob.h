#pragma once

#include "backup/backupcatalog.h"
#include "catalog/schemasnapshot.h"
#include "connection/serverinfo.h"
#include "jobs/jobwithresult.h"
#include "model/packdetection.h"

#include <memory>

namespace nrdb {

// What the Overview shows of a database as it is now. A plain value type.
struct DatabaseOverview {
    ServerInfo info;
    PackDetection pack;
    QString packVersion;                   // "version 2 (NetRaven main 2f641cc)"; empty when no history records one
    QString backupDirectory;               // where its backups were looked for; empty: not looked
    std::optional<BackupEntry> lastBackup; // the newest there
    std::optional<BackupEntry> lastProof;  // the one proven (or tried) most recently
};

// Reads the server summary and which pack, at which version, the database is, beside a snapshot
// of it just read (the browser's), so that the Overview follows every schema read; and, when given
// a backup directory, the database's newest backup and last proof of restore there. Thread: as
// JobWithResult.
class OverviewJob : public JobWithResult<DatabaseOverview> {
public:
    OverviewJob(ConnectionProfile target, std::shared_ptr<const SchemaSnapshot> snapshot, QString backupDirectory = {})
        : m_target(std::move(target)), m_snapshot(std::move(snapshot)), m_backupDirectory(std::move(backupDirectory))
    {
    }

    QString title() const override { return QStringLiteral("Read the overview"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }
    bool isQuiet() const override { return true; } // follows every schema read and write, unasked

protected:
    Result<DatabaseOverview> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    std::shared_ptr<const SchemaSnapshot> m_snapshot;
    QString m_backupDirectory;
};

} // namespace nrdb
