#pragma once

#include "jobs/jobwithresult.h"

#include <QStringList>
#include <QVector>

namespace nrdb {

struct BackupCheck {
    QString path;
    bool ok = false;
    QString problem; // why not, when not ok
};

// Verifies backups one after the other (SHA-256 against the manifest, then the archive itself),
// recording each result in its manifest. Needs no database: pg_restore of this machine's newest
// PostgreSQL reads every older archive. Thread: as JobWithResult.
class VerifyBackupsJob : public JobWithResult<QVector<BackupCheck>> {
public:
    explicit VerifyBackupsJob(QStringList paths, QString toolsDirectory = {})
        : m_paths(std::move(paths)), m_toolsDirectory(std::move(toolsDirectory))
    {
    }

    QString title() const override { return QStringLiteral("Verify %1 backup(s)").arg(m_paths.size()); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return {}; }

protected:
    Result<QVector<BackupCheck>> execute(JobContext &context) override;

private:
    QStringList m_paths;
    QString m_toolsDirectory;
};

} // namespace nrdb
