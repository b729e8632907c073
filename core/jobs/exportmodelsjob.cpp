#include "jobs/exportmodelsjob.h"

#include "catalog/catalogreader.h"
#include "jobs/jobcontext.h"
#include "jobs/packchoice.h"
#include "model/modelpack.h"
#include "util/counting.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSaveFile>

namespace nrdb {

namespace {

Status writeWhole(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return Error::io(QStringLiteral("Could not write %1: %2").arg(path, file.errorString()));
    return {};
}

// "schema.table.column" of every column the database's pack calls secret.
QStringList secretColumnsOf(const QSqlDatabase &db, const SchemaSnapshot &snapshot)
{
    const Result<PackDetection> detected = detectKnownPack(db, snapshot);
    if (!detected || !detected.value().recognised())
        return {};
    const Result<ModelPack> pack = ModelPack::named(detected.value().pack);
    if (!pack)
        return {};
    QStringList secrets;
    for (const RelationInfo &relation : snapshot.relations)
        for (const QString &column : pack.value().secretColumnsOf(relation))
            secrets << relation.qualifiedName() + QLatin1Char('.') + column;
    return secrets;
}

} // namespace

QJsonObject ModelExportResult::toJson() const
{
    return {{QStringLiteral("models"), modelsPath},
            {QStringLiteral("schemas"), schemasPath},
            {QStringLiteral("tables"), tableCount},
            {QStringLiteral("not_expressed"), QJsonArray::fromStringList(notExpressed)},
            {QStringLiteral("snapshot_ms"), snapshotMs},
            {QStringLiteral("generation_ms"), generationMs}};
}

Result<ModelExportResult> ExportModelsJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Reading the catalog"));
    QElapsedTimer clock;
    clock.start();
    const Result<SchemaSnapshot> snapshot =
        CatalogReader::read(db.value(), [&context] { return context.isCancelled(); });
    if (!snapshot)
        return snapshot.error();
    for (const QString &schema : m_options.schemas)
        if (!snapshot.value().schema(schema))
            return Error::notFound(QStringLiteral("There is no schema named %1").arg(schema));
    ModelExportResult result;
    result.snapshotMs = clock.restart();

    context.setPhase(QStringLiteral("Generating the model code"));
    ModelCodeOptions options;
    options.schemas = m_options.schemas;
    options.tables = m_options.tables;
    options.secretColumns = secretColumnsOf(db.value(), snapshot.value());
    options.source = m_target.displayName();
    options.generatedAt = QDateTime::currentDateTimeUtc();
    const ModelCode code = generateModelCode(snapshot.value(), options);
    if (code.tableCount == 0)
        return Error::notFound(QStringLiteral("No table matches what was asked for: nothing to generate"));
    if (!QDir().mkpath(m_options.outputDirectory))
        return Error::io(QStringLiteral("Could not create the directory %1").arg(m_options.outputDirectory));
    const QDir out(m_options.outputDirectory);
    result.modelsPath = out.filePath(QStringLiteral("models.py"));
    result.schemasPath = out.filePath(QStringLiteral("schemas.py"));
    if (Status written = writeWhole(result.modelsPath, code.models); !written)
        return written.error();
    if (Status written = writeWhole(result.schemasPath, code.schemas); !written)
        return written.error();
    result.generationMs = clock.elapsed();
    result.tableCount = code.tableCount;
    result.notExpressed = code.notExpressed;
    context.info(QStringLiteral("Wrote %1 and %2: %3")
                     .arg(result.modelsPath, result.schemasPath,
                          counted(code.tableCount, QStringLiteral("table"), QStringLiteral("tables"))));
    return result;
}

} // namespace nrdb
