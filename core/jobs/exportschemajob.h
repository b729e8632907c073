#pragma once

#include "backup/initscript.h"
#include "jobs/jobwithresult.h"

#include <QJsonObject>
#include <QStringList>

namespace nrdb {

struct SchemaExportOptions {
    QString outputPath;
    QStringList schemas;                                 // only these; empty: every schema…
    QStringList excludedSchemas{QStringLiteral("nrdb")}; // …but these (our own bookkeeping)
    QString toolsDirectory;                              // where pg_dump is, if not found by itself
    bool privileges = true;                              // false: no GRANT or REVOKE (for a server without the roles)
};

struct SchemaExportResult {
    QString path;
    qint64 bytes = 0;
    InitScript changes; // text left empty: it is in the file

    QJsonObject toJson() const; // what --json prints
};

// pg_dump --schema-only, turned into an init script (see toInitScript) and written to a file
// atomically: the file appears complete or not at all. Thread: as JobWithResult.
class ExportSchemaJob : public JobWithResult<SchemaExportResult> {
public:
    ExportSchemaJob(ConnectionProfile target, SchemaExportOptions options)
        : m_target(std::move(target)), m_options(std::move(options))
    {
    }

    QString title() const override { return QStringLiteral("Export the schema as an init script"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<SchemaExportResult> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    SchemaExportOptions m_options;
};

} // namespace nrdb
