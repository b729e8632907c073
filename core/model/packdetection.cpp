#include "model/packdetection.h"

#include "migrate/schemahistory.h"

namespace nrdb {

namespace {

int presentTables(const SchemaSnapshot &snapshot, const ModelPack &pack)
{
    int present = 0;
    for (const QString &table : pack.requiredTables) {
        if (snapshot.relation(pack.schema, table))
            ++present;
    }
    return present;
}

bool hasNoTables(const SchemaSnapshot &snapshot)
{
    for (const RelationInfo &relation : snapshot.relations) {
        if (relation.schema != schemahistory::kSchema && relation.isTable())
            return false;
    }
    return true;
}

} // namespace

QString PackDetection::describe() const
{
    if (recognised())
        return QStringLiteral("%1: %2").arg(pack, reason);
    if (empty)
        return QStringLiteral("An empty database: no tables yet");
    if (closest.isEmpty())
        return QStringLiteral("Not a database of any known pack");
    return QStringLiteral("Not a database of any known pack: the closest is %1, with %2 of its %3 required tables")
        .arg(closest)
        .arg(present)
        .arg(required);
}

PackDetection detectPack(const SchemaSnapshot &snapshot, const QStringList &recordedPacks,
                         const QVector<ModelPack> &candidates)
{
    PackDetection detection;
    detection.empty = hasNoTables(snapshot);
    double bestShare = -1;
    for (const ModelPack &pack : candidates) {
        const int present = presentTables(snapshot, pack);
        const int required = static_cast<int>(pack.requiredTables.size());
        if (recordedPacks.contains(pack.name)) {
            detection.pack = detection.closest = pack.name;
            detection.present = present;
            detection.required = required;
            detection.reason = QStringLiteral("recorded in nrdb.schema_history");
            detection.fromHistory = true;
            return detection;
        }
        const double share = required == 0 ? 0 : double(present) / required;
        if (share > bestShare) {
            bestShare = share;
            detection.closest = pack.name;
            detection.present = present;
            detection.required = required;
            detection.reason =
                QStringLiteral("%1 of its %2 required tables in schema %3").arg(present).arg(required).arg(pack.schema);
        }
    }
    if (bestShare >= 0.5)
        detection.pack = detection.closest;
    return detection;
}

} // namespace nrdb
