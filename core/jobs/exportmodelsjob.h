#pragma once

#include "codegen/modelcode.h"
#include "jobs/jobwithresult.h"

#include <QJsonObject>

namespace nrdb {

struct ModelExportOptions {
    QString outputDirectory; // models.py and schemas.py go here
    QStringList schemas;     // empty: every schema with tables
    QStringList tables;      // "schema.table" or "table"; empty: all
};

struct ModelExportResult {
    QString modelsPath;
    QString schemasPath;
    int tableCount = 0;
    QStringList notExpressed;
    qint64 snapshotMs = 0;   // reading the catalog
    qint64 generationMs = 0; // writing the code, beyond the snapshot

    QJsonObject toJson() const; // what --json prints
};

// export-models: reads the database's catalog, generates SQLAlchemy models and Pydantic schemas
// (generateModelCode; the pack the database is names its secret columns) and writes both files
// atomically: each appears whole or not at all. Reads only. Thread: as JobWithResult.
class ExportModelsJob : public JobWithResult<ModelExportResult> {
public:
    ExportModelsJob(ConnectionProfile target, ModelExportOptions options)
        : m_target(std::move(target)), m_options(std::move(options))
    {
    }

    QString title() const override { return QStringLiteral("Export model code of %1").arg(m_target.database); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<ModelExportResult> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    ModelExportOptions m_options;
};

} // namespace nrdb
