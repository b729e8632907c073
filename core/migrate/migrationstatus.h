#pragma once

#include "migrate/schemahistory.h"
#include "model/modelpack.h"

namespace nrdb {

// An applied migration whose file has changed since.
struct ChecksumMismatch {
    int version = 0;
    QString name;
    QString recorded;
    QString inPack;
};

// Where a database stands against a pack: what was applied, what is pending, and what does not
// add up. A plain value type.
struct MigrationStatus {
    QVector<AppliedMigration> applied;
    QVector<Migration> pending;           // in the pack, not in the history
    QVector<ChecksumMismatch> mismatches; // applied, but edited since
    QVector<AppliedMigration> unknown;    // in the history, not in the pack (a newer tool's?)
    int currentVersion = 0;
    int headVersion = 0;

    bool isUpToDate() const { return pending.isEmpty(); }
    static MigrationStatus compare(const ModelPack &pack, const QVector<AppliedMigration> &applied);
};

} // namespace nrdb
