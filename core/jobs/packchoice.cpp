#include "jobs/packchoice.h"

#include "catalog/catalogreader.h"
#include "jobs/jobcontext.h"
#include "migrate/schemahistory.h"

namespace nrdb {

Result<PackDetection> detectBuiltInPack(const QSqlDatabase &db, const SchemaSnapshot &snapshot)
{
    const Result<QStringList> recorded = schemahistory::recordedPacks(db);
    if (!recorded)
        return recorded.error();
    const Result<QVector<ModelPack>> candidates = ModelPack::allBuiltIn();
    if (!candidates)
        return candidates.error();
    return detectPack(snapshot, recorded.value(), candidates.value());
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
    const Result<PackDetection> detected = detectBuiltInPack(db, *snapshot);
    if (!detected)
        return detected.error();
    const PackDetection &detection = detected.value();
    if (m_pack) {
        // Writing one NetRaven's schema into a database that is the other's builds a second schema beside it.
        const bool otherBuiltIn =
            detection.recognised() && detection.pack != m_pack->name && ModelPack::builtIn().contains(m_pack->name);
        if (otherBuiltIn && unrecognised != Unrecognised::Closest)
            return Error{
                ErrorKind::Usage,
                QStringLiteral("This database is %1 (%2), not %3").arg(detection.pack, detection.reason, m_pack->name),
                {},
                QStringLiteral("Leave out --pack to work with %1.").arg(detection.pack)};
        return ChosenPack{*m_pack, detection, QStringLiteral("named"), true};
    }

    QString name = detection.pack;
    if (name.isEmpty() && detection.empty && unrecognised != Unrecognised::Refuse)
        name = ModelPack::defaultName();
    else if (name.isEmpty() && unrecognised == Unrecognised::Closest)
        name = detection.closest;
    if (name.isEmpty())
        return Error{ErrorKind::Usage,
                     detection.describe(),
                     {},
                     QStringLiteral("Name the pack with --pack (built in: %1).")
                         .arg(ModelPack::builtIn().join(QStringLiteral(", ")))};
    Result<ModelPack> pack = ModelPack::builtIn(name);
    if (!pack)
        return pack.error();
    const QString why = detection.recognised() ? detection.reason
                        : detection.empty      ? QStringLiteral("an empty database takes the default pack")
                                               : QStringLiteral("the closest pack, with %1 of its %2 required tables")
                                                .arg(detection.present)
                                                .arg(detection.required);
    context.info(QStringLiteral("Model pack %1 (%2)").arg(name, why));
    return ChosenPack{std::move(pack).value(), detection, why, false};
}

} // namespace nrdb
