#include "verifybackupsjob.h"

#include "backup/backupcatalog.h"
#include "jobs/jobcontext.h"

#include <QFileInfo>
#include <QHash>

namespace nrdb {

Result<QVector<BackupCheck>> VerifyBackupsJob::execute(JobContext &context)
{
    const Result<ClientTools> tools = ClientTools::forServer(0, m_toolsDirectory); // the newest there is
    if (!tools)
        return tools.error();
    QVector<BackupCheck> checks;
    QHash<QString, QVector<BackupEntry>> listings;
    context.setPhase(QStringLiteral("Verifying"), m_paths.size());
    for (const QString &path : m_paths) {
        if (context.isCancelled())
            return Error::cancelled(
                QStringLiteral("Cancelled after %1 of %2 backups").arg(checks.size()).arg(m_paths.size()));
        BackupEntry entry;
        const QString directory = QFileInfo(path).absolutePath();
        if (!listings.contains(directory)) // each directory listed once, however many of its backups
            listings.insert(directory, backupcatalog::list(directory));
        for (const BackupEntry &candidate : std::as_const(listings[directory]))
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
