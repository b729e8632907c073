#pragma once

#include "model/modelpack.h"
#include "util/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace nrdb {

// What a pack's foreign history table (NetRaven v2's alembic_version) holds, and whether that
// agrees with the version the catalog is at. A plain value type.
struct ForeignHistoryCheck {
    QString tool;  // "Alembic"
    QString table; // "alembic_version"
    bool tableExists = false;
    QStringList found; // the revisions the table holds (one, when all is well)
    QString expected;  // the revision that goes with the catalog's version
    QString problem;   // empty when the table agrees with the catalog

    bool agrees() const { return problem.isEmpty(); }
    QString describe() const; // "Alembic: alembic_version = a3992da91329", then the problem
};

// The foreign history table of a pack. Thread: the one that owns db.
namespace foreignhistory {

// The table's revisions; an empty list, not an error, when the table does not exist.
Result<ForeignHistoryCheck> read(const QSqlDatabase &db, const ModelPack &pack);
// Compares what read() found with the revision of the pack version the catalog is at.
void judge(ForeignHistoryCheck &check, const ModelPack &pack, int catalogVersion);
// Makes the table hold exactly the revision of that pack version; in the caller's transaction.
Status stamp(const QSqlDatabase &db, const ModelPack &pack, int version);

} // namespace foreignhistory
} // namespace nrdb
