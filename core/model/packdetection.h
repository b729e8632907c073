#pragma once

#include "catalog/schemasnapshot.h"
#include "model/modelpack.h"

#include <QStringList>
#include <QVector>

namespace nrdb {

// Which pack a database is, read from its catalog, and why. A plain value type; any thread.
struct PackDetection {
    QString pack;    // the pack recognised; empty when none is
    QString reason;  // "recorded in nrdb.schema_history", "12 of its 12 required tables in schema public"
    QString closest; // the candidate with the largest share of its required tables present
    int present = 0; // of the closest (or recognised) pack's required tables
    int required = 0;
    bool empty = false;       // no table outside this tool's own schema: a database to initialise
    bool fromHistory = false; // the pack is the one our migration history records

    bool recognised() const { return !pack.isEmpty(); }
    // One line: "netraven-v2: 12 of its 12 required tables in schema public", "an empty database",
    // or "Not a database of any known pack: the closest is netraven-v1, 3 of its 11 required tables".
    QString describe() const;
};

// A pack the history records wins; otherwise the candidate with the largest share of its required
// tables in its schema, if that is at least half of them.
PackDetection detectPack(const SchemaSnapshot &snapshot, const QStringList &recordedPacks,
                         const QVector<ModelPack> &candidates);

} // namespace nrdb
