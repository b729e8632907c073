#include "jobs/packchoice.h"

#include "catalog/catalogreader.h"
#include "jobs/jobcontext.h"
#include "migrate/schemahistory.h"

#include <algorithm>

namespace nrdb {

namespace {

Result<PackDetection> detectAmong(const QSqlDatabase &db, const SchemaSnapshot &snapshot,
                                  const QVector<ModelPack> &candidates)
{
    const Result<QStringList> recorded = schemahistory::recordedPacks(db);
    if (!recorded)
        return recorded.error();
    return detectPack(snapshot, recorded.value(), candidates);
}

} // namespace

Result<PackDetection> detectKnownPack(const QSqlDatabase &db, const SchemaSnapshot &snapshot)
{
    const Result<QVector<ModelPack>> candidates = ModelPack::all();
    if (!candidates)
        return candidates.error();
    return detectAmong(db, snapshot, candidates.value());
}

Result<ChosenPack> PackChoice::resolve(JobContext &context, const QSqlDatabase &db, Unrecognised unrecognised,
                                       const SchemaSnapshot *snapshot) const
{
    SchemaSnapshot read;
    if (!snapshot) {
        Result<SchemaSnapshot> fresh = CatalogReader::read(db, [&context] { return context.isCancelled(); });
        if (!fresh)
            return fresh.error();
        read = std::move(fresh).value();
        snapshot = &read;
    }
    const Result<QVector<ModelPack>> candidates = ModelPack::all();
    if (!candidates)
        return candidates.error();
    const Result<PackDetection> detected = detectAmong(db, *snapshot, candidates.value());
    if (!detected)
        return detected.error();
    const PackDetection &detection = detected.value();
    if (m_pack) {
        // Writing one NetRaven's schema into a database that is the other's builds a second schema beside it.
        const bool otherBuiltIn =
            detection.recognised() && detection.pack != m_pack->name &&
            std::any_of(candidates.value().cbegin(), candidates.value().cend(),
                        [this](const ModelPack &candidate) { return candidate.name == m_pack->name; });
        if (otherBuiltIn && unrecognised != Unrecognised::Closest)
            return Error::usage(
                QStringLiteral("This database is %1 (%2), not %3").arg(detection.pack, detection.reason, m_pack->name),
                QStringLiteral("Leave out --pack to work with %1.").arg(detection.pack));
        return ChosenPack{*m_pack, detection, QStringLiteral("named"), true};
    }

    QString name = detection.pack;
    if (name.isEmpty() && detection.empty && unrecognised != Unrecognised::Refuse)
        name = ModelPack::defaultName();
    else if (name.isEmpty() && unrecognised == Unrecognised::Closest)
        name = detection.closest;
    if (name.isEmpty())
        return Error::usage(detection.describe(), QStringLiteral("Name the pack with --pack (built in: %1).")
                                                      .arg(ModelPack::names().join(QStringLiteral(", "))));
    const auto pack = std::find_if(candidates.value().cbegin(), candidates.value().cend(),
                                   [&name](const ModelPack &candidate) { return candidate.name == name; });
    Q_ASSERT(pack != candidates.value().cend()); // detection names only candidates, and the default is built in
    const QString why = detection.recognised() ? detection.reason
                        : detection.empty      ? QStringLiteral("an empty database takes the default pack")
                                               : QStringLiteral("the closest pack, with %1 of its %2 required tables")
                                                .arg(detection.present)
                                                .arg(detection.required);
    context.info(QStringLiteral("Model pack %1 (%2)").arg(name, why));
    return ChosenPack{*pack, detection, why, false};
}

} // namespace nrdb
