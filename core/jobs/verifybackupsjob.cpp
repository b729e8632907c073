#include "verifybackupsjob.h"

#include "backup/backupcatalog.h"
#include "jobs/jobcontext.h"

#include <QFileInfo>

namespace nrdb {

Result<QVector<BackupCheck>> VerifyBackupsJob::execute(JobContext &context)
{
    const Result<ClientTools> tools = ClientTools::forServer(0, m_toolsDirectory); // the newest there is
    if (!tools)
        return tools.error();
    QVector<BackupCheck> checks;
    context.setPhase(QStringLiteral("Verifying"), m_paths.size());
    for (const QString &path : m_paths) {
        if (context.isCancelled())
            return Error::cancelled(
                QStringLiteral("Cancelled after %1 of %2 backups").arg(checks.size()).arg(m_paths.size()));
        BackupEntry entry;
        const QVector<BackupEntry> listed = backupcatalog::list(QFileInfo(path).absolutePath());
        for (const BackupEntry &candidate : listed)
            if (QFileInfo(candidate.path) == QFileInfo(path))
                entry = candidate;
        if (entry.path.isEmpty()) {
            checks << BackupCheck{path, false, QStringLiteral("not a backup this tool knows")};
            continue;
        }
        const Status checked = backupcatalog::verify(entry, tools.value());
        checks << BackupCheck{path, bool(checked), checked ? QString() : checked.error().message};
        if (checked)
            context.info(QStringLiteral("%1: checksum and archive hold").arg(entry.name));
        else
            context.warning(QStringLiteral("%1: %2").arg(entry.name, checked.error().message));
        context.setProgress(checks.size(), m_paths.size());
    }
    return checks;
}

} // namespace nrdb
