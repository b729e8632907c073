#include "migrate/migrationstatus.h"

#include <QSet>

namespace nrdb {

MigrationStatus MigrationStatus::compare(const ModelPack &pack, const QVector<AppliedMigration> &applied)
{
    MigrationStatus status;
    status.applied = applied;
    status.headVersion = pack.headVersion();
    QSet<int> appliedVersions;
    for (const AppliedMigration &row : applied) {
        appliedVersions.insert(row.version);
        status.currentVersion = qMax(status.currentVersion, row.version);
        const Migration *inPack = pack.migration(row.version);
        if (!inPack)
            status.unknown << row;
        else if (inPack->checksum != row.checksum)
            status.mismatches << ChecksumMismatch{row.version, row.name, row.checksum, inPack->checksum};
    }
    for (const Migration &migration : pack.migrations) {
        if (!appliedVersions.contains(migration.version))
            status.pending << migration;
    }
    return status;
}

} // namespace nrdb
