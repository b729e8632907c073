#pragma once

#include "backup/backupmanifest.h"
#include "backup/backupsource.h"
#include "jobs/jobwithresult.h"

#include <QStringList>

#include <optional>

namespace nrdb {

// What the Restore dialog shows of a backup before anything is restored. A plain value type.
struct RestorePreview {
    QString path;
    SourceKind kind = SourceKind::Custom;
    qint64 sizeBytes = 0;
    std::optional<BackupManifest> manifest; // when it has one that reads
    QStringList tables;                     // custom and directory archives: "schema.name", to choose from
    QString contentsProblem;                // why the table of contents could not be read (then no tables)
    QStringList databases;                  // the server's, now: a new name must be none of them

    bool isArchive() const { return kind == SourceKind::Custom || kind == SourceKind::Directory; }
};

// Reads a backup's manifest and table of contents (not its data: quick however large it is) and
// the server's databases. Reads only. target: any database of the server. Thread: as JobWithResult.
class RestorePreviewJob : public JobWithResult<RestorePreview> {
public:
    RestorePreviewJob(ConnectionProfile server, QString backupPath)
        : m_server(std::move(server)), m_path(std::move(backupPath))
    {
    }

    QString title() const override { return QStringLiteral("Read the backup %1").arg(m_path); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_server; }

protected:
    Result<RestorePreview> execute(JobContext &context) override;

private:
    ConnectionProfile m_server;
    QString m_path;
};

} // namespace nrdb
