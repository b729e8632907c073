#include "jobs/capturepackjob.h"

#include "jobs/exportschemajob.h"
#include "jobs/jobcontext.h"
#include "jobs/snapshotjob.h"
#include "model/schemacompare.h"
#include "model/schemamodel.h"
#include "util/durablefile.h"
#include "util/jsonfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace nrdb {

namespace {

// The one schema holding tables, unless named.
Result<QString> chosenSchema(const SchemaSnapshot &snapshot, const QString &named)
{
    const QStringList schemas = SchemaSet::schemasIn(snapshot);
    if (!named.isEmpty()) {
        if (!schemas.contains(named))
            return Error::usage(QStringLiteral("The database has no schema %1 with tables in it").arg(named));
        return named;
    }
    if (schemas.size() == 1)
        return schemas.first();
    if (schemas.isEmpty())
        return Error::usage(QStringLiteral("The database has no tables to make a pack of"));
    return Error::usage(QStringLiteral("The database has tables in %1 schemas (%2): name one with --schema")
                            .arg(schemas.size())
                            .arg(schemas.join(QStringLiteral(", "))));
}

Status writeFiles(const QString &directory, const QMap<QString, QByteArray> &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = QDir(directory).filePath(it.key());
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return Error::io(QStringLiteral("Cannot make the directory of %1").arg(path));
        if (Status written = durablefile::writeNew(path, it.value()); !written)
            return written;
    }
    return durablefile::sync(directory);
}

} // namespace

QJsonObject CapturedPack::toJson() const
{
    return QJsonObject{{QStringLiteral("directory"), directory},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("schema"), schema},
                       {QStringLiteral("tables"), QJsonArray::fromStringList(tables)},
                       {QStringLiteral("extensions"), QJsonArray::fromStringList(extensions)}};
}

QString CapturePackJob::asMigration(const QString &initScript)
{
    static const QRegularExpression setting(QStringLiteral("^SET (?!LOCAL )"), QRegularExpression::MultilineOption);
    QString text = initScript;
    text.replace(setting, QStringLiteral("SET LOCAL "));
    text.replace(QStringLiteral("set_config('search_path', '', false)"),
                 QStringLiteral("set_config('search_path', '', true)"));
    return text;
}

Result<QString> CapturePackJob::dumpBaseline(JobContext &context, const QString &schema) const
{
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error::io(QStringLiteral("Cannot make a temporary directory"), scratch.errorString());
    SchemaExportOptions options;
    options.outputPath = scratch.filePath(QStringLiteral("baseline.sql"));
    options.schemas = {schema};
    options.toolsDirectory = m_options.toolsDirectory;
    options.privileges = false; // the roles are the target's own business
    ExportSchemaJob dump(m_source, options);
    if (Status dumped = dump.run(context); !dumped)
        return dumped.error();
    QFile file(options.outputPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("Cannot read %1").arg(options.outputPath), file.errorString());
    return asMigration(QString::fromUtf8(file.readAll()));
}

Result<CapturedPack> CapturePackJob::execute(JobContext &context)
{
    const QDir target(m_options.directory);
    if (target.exists() && !target.isEmpty())
        return Error::usage(QStringLiteral("%1 exists and is not empty: a new pack needs a directory of its own")
                                .arg(m_options.directory));
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    const Result<SchemaSnapshot> snapshot = SnapshotJob::readOn(context, db.value());
    if (!snapshot)
        return snapshot.error();
    const Result<QString> schema = chosenSchema(snapshot.value(), m_options.schema);
    if (!schema)
        return schema.error();
    const Result<QString> baseline = dumpBaseline(context, schema.value());
    if (!baseline)
        return baseline.error();

    CapturedPack pack{QDir(m_options.directory).absolutePath(),
                      m_options.name.isEmpty() ? QFileInfo(m_options.directory).fileName() : m_options.name,
                      schema.value(),
                      {},
                      {}};
    const SchemaModel model = SchemaModel::fromSnapshot(snapshot.value(), pack.schema);
    pack.tables = model.tables.keys();
    QJsonArray extensions;
    for (const ExtensionInfo &extension : snapshot.value().extensions) {
        if (extension.name == QLatin1String("plpgsql"))
            continue;
        extensions << QJsonObject{{QStringLiteral("name"), extension.name},
                                  {QStringLiteral("schema"), extension.schema}};
        pack.extensions << extension.name;
    }
    const QString captured = QStringLiteral("%1 as it was on %2")
                                 .arg(m_source.database, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    const QJsonObject manifest{{QStringLiteral("name"), pack.name},
                               {QStringLiteral("title"), QStringLiteral("%1 (made from %2)").arg(pack.name, captured)},
                               {QStringLiteral("schema"), pack.schema},
                               {QStringLiteral("extensions"), extensions},
                               {QStringLiteral("requiredTables"), QJsonArray::fromStringList(pack.tables)},
                               {QStringLiteral("secretTables"), QJsonArray()},
                               {QStringLiteral("versions"), QJsonObject{{QStringLiteral("1"), captured}}}};
    context.setPhase(QStringLiteral("Writing the pack"));
    // Written beside the directory, then renamed into place: there is a whole pack or none.
    for (const QString &stale : durablefile::removeStalePartials(QFileInfo(pack.directory).absolutePath()))
        context.info(
            QStringLiteral("Removed %1, left by a pack's writer that was killed before it finished").arg(stale));
    const QString staging = durablefile::partialPathFor(pack.directory);
    const Status written = writeFiles(
        staging, {{QStringLiteral("pack.json"), indentedJson(manifest)},
                  {QStringLiteral("migrations/0001_baseline.sql"), baseline.value().toUtf8()},
                  {QStringLiteral("expected-model.json"), indentedJson(model.toJson())},
                  {QStringLiteral("seed.json"), indentedJson(QJsonObject{{QStringLiteral("tables"), QJsonArray()}})}});
    if (written && target.exists())
        QDir().rmdir(pack.directory); // empty: checked above
    const Status placed = written ? durablefile::renameNoReplace(staging, pack.directory) : written;
    if (!placed) {
        QDir(staging).removeRecursively();
        return placed.error();
    }
    context.info(QStringLiteral("Made pack %1 in %2: schema %3, %4 table(s)")
                     .arg(pack.name, pack.directory, pack.schema)
                     .arg(pack.tables.size()));
    return pack;
}

} // namespace nrdb
