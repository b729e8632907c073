#include "jobs/restorepreviewjob.h"

#include "backup/dumparchive.h"
#include "backup/restoresubset.h"
#include "connection/databasesession.h"
#include "jobs/jobcontext.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace nrdb {

Result<RestorePreview> RestorePreviewJob::execute(JobContext &context)
{
    RestorePreview preview;
    preview.path = m_path;
    context.setPhase(QStringLiteral("Reading the backup's manifest and table of contents"));
    const Result<SourceKind> kind = BackupSource::kindOf(m_path);
    if (!kind)
        return kind.error();
    preview.kind = kind.value();
    preview.sizeBytes = sizeOf(m_path);
    if (QFileInfo::exists(BackupManifest::pathFor(m_path))) {
        if (Result<BackupManifest> manifest = BackupManifest::load(BackupManifest::pathFor(m_path)))
            preview.manifest = std::move(manifest).value();
    }
    if (preview.isArchive()) {
        const dumparchive::Proof contents = dumparchive::readContents(m_path);
        if (contents.whole())
            preview.tables = restoresubset::tablesOf(contents.archive.entries);
        else
            preview.contentsProblem = contents.reason;
    }
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Listing the server's databases"));
    QSqlQuery query(db.value());
    if (!query.exec(QStringLiteral("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname")))
        return sqlError(query.lastError(), QStringLiteral("Could not list the server's databases"));
    while (query.next())
        preview.databases << query.value(0).toString();
    return preview;
}

} // namespace nrdb
