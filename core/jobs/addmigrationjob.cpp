#include "jobs/addmigrationjob.h"

#include "jobs/jobcontext.h"
#include "jobs/snapshotjob.h"
#include "model/modelpack.h"
#include "model/schemacompare.h"
#include "util/durablefile.h"
#include "util/jsonfile.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>

namespace nrdb {

namespace {

// In staging (a copy of the pack): the migration, the models, the version's title.
Status writeVersion(const QString &staging, const ModelPack &pack, const AddedMigration &added,
                    const SchemaModel &model, const QString &title, const QString &script)
{
    const QDir dir(staging);
    if (Status written = durablefile::writeNew(added.path, script.toUtf8()); !written)
        return written;
    const QString earlier = QStringLiteral("expected-model.%1.json").arg(pack.headVersion(), 4, 10, QLatin1Char('0'));
    if (QFileInfo::exists(dir.filePath(QStringLiteral("expected-model.json")))) {
        if (Status kept = durablefile::renameNoReplace(dir.filePath(QStringLiteral("expected-model.json")),
                                                       dir.filePath(earlier));
            !kept)
            return kept;
    }
    if (Status written =
            durablefile::writeNew(dir.filePath(QStringLiteral("expected-model.json")), indentedJson(model.toJson()));
        !written)
        return written;
    Result<QJsonObject> manifest =
        readJsonObject(dir.filePath(QStringLiteral("pack.json")), QStringLiteral("the pack manifest"));
    if (!manifest)
        return manifest.error();
    QJsonObject versions = manifest.value().value(QStringLiteral("versions")).toObject();
    versions.insert(QString::number(added.version), title);
    manifest.value().insert(QStringLiteral("versions"), versions);
    return durablefile::write(dir.filePath(QStringLiteral("pack.json")), indentedJson(manifest.value()), true);
}

} // namespace

QJsonObject AddedMigration::toJson() const
{
    return QJsonObject{
        {QStringLiteral("path"), path}, {QStringLiteral("version"), version}, {QStringLiteral("plan"), plan.toJson()}};
}

Result<SchemaModel> AddMigrationJob::readSourceModel(JobContext &context, const ModelPack &pack) const
{
    // A saved profile's password is found here, on the worker.
    const Result<std::unique_ptr<JobContext>> sourceContext = context.forResolvedTarget(m_source);
    if (!sourceContext)
        return sourceContext.error();
    const Result<QSqlDatabase> db = sourceContext.value()->database();
    if (!db)
        return db.error();
    const Result<SchemaSnapshot> snapshot = SnapshotJob::readOn(*sourceContext.value(), db.value());
    if (!snapshot)
        return snapshot.error();
    return SchemaModel::fromSnapshot(snapshot.value(), pack.schema);
}

// The pack is copied, the copy edited and checked to load, then swapped in for the pack.
Status AddMigrationJob::writeIntoPack(JobContext &context, const ModelPack &pack, AddedMigration &added,
                                      const SchemaModel &model) const
{
    const QString title = QStringLiteral("%1, captured from %2 on %3")
                              .arg(m_name, m_source.database, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    const QString file = QStringLiteral("%1_%2.sql").arg(added.version, 4, 10, QLatin1Char('0')).arg(m_name);
    context.setPhase(QStringLiteral("Writing %1").arg(file));
    const QString directory = QDir(m_packDirectory).absolutePath();
    for (const QString &stale : durablefile::removeStalePartials(QFileInfo(directory).absolutePath()))
        context.info(
            QStringLiteral("Removed %1, left by a pack's writer that was killed before it finished").arg(stale));
    const QString staging = durablefile::partialPathFor(directory);
    added.path = QDir(staging).filePath(QStringLiteral("migrations/") + file);
    Status done = durablefile::copyTree(directory, staging);
    if (done)
        done = writeVersion(staging, pack, added, model, title, added.plan.toMigration(title));
    if (done) {
        const Result<ModelPack> edited = ModelPack::load(staging);
        done = edited ? Status() : Status(edited.error());
    }
    if (done)
        done = durablefile::exchange(staging, directory);
    QDir(staging).removeRecursively(); // the edited copy on failure, the old pack once swapped
    added.path = QDir(directory).filePath(QStringLiteral("migrations/") + file);
    return done;
}

Result<AddedMigration> AddMigrationJob::execute(JobContext &context)
{
    static const QRegularExpression validName(QStringLiteral("^[a-z0-9_]+$"));
    if (!validName.match(m_name).hasMatch())
        return Error::usage(
            QStringLiteral("A migration's name is lower-case letters, digits and _: '%1' is not").arg(m_name));
    const Result<ModelPack> pack = ModelPack::load(m_packDirectory);
    if (!pack)
        return pack.error();
    const Result<SchemaModel> model = readSourceModel(context, pack.value());
    if (!model)
        return model.error();
    AddedMigration added;
    added.version = pack.value().headVersion() + 1;
    added.plan = planMigration(model.value(), pack.value().expectedModel, m_options);
    if (added.plan.isEmpty())
        return Error::usage(QStringLiteral("Nothing to capture: schema %1 of %2 is like %3 %4")
                                .arg(pack.value().schema, m_source.database, pack.value().name,
                                     pack.value().describeVersion(pack.value().headVersion())));
    if (Status written = writeIntoPack(context, pack.value(), added, model.value()); !written)
        return written.error();
    context.info(QStringLiteral("Wrote %1: %2 statement(s), version %3 of %4")
                     .arg(added.path)
                     .arg(added.plan.statements.size())
                     .arg(added.version)
                     .arg(pack.value().name));
    return added;
}

} // namespace nrdb
