#pragma once

#include "connection/connectionprofile.h"
#include "jobs/jobwithresult.h"
#include "model/modelpack.h"
#include "model/schemacompare.h"

#include <optional>

namespace nrdb {

// What a compare takes as the schema wanted: a live database, or a pack's expected model at one
// of its versions. A plain value type; any thread.
struct CompareSource {
    ConnectionProfile database;    // used when there is no pack; its password found by the job
    std::optional<ModelPack> pack; // the pack's model instead of a database
    int packVersion = 0;           // 0: the pack's head
};

// Reads the source (on a connection of its own, or a pack's model) and the target, and compares
// them (compareSchemaSets): the schemas named, or every schema either holds (SchemaSet::schemasIn).
// Reads only; the two servers may be of different major versions. A cancel stops the catalog read
// on the server. Thread: as JobWithResult.
class CompareJob : public JobWithResult<CompareReport> {
public:
    CompareJob(CompareSource source, ConnectionProfile target, QStringList schemas, PlanOptions options)
        : m_source(std::move(source)), m_target(std::move(target)), m_schemas(std::move(schemas)), m_options(options)
    {
    }

    QString title() const override;
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<CompareReport> execute(JobContext &context) override;

private:
    struct ReadSide {
        SchemaSnapshot snapshot;
        QString serverVersion;
    };
    static Result<ReadSide> readSide(JobContext &context, const QString &label);
    Result<SchemaSet> sourceSet(JobContext &context, const QStringList &schemas) const;

    CompareSource m_source;
    ConnectionProfile m_target;
    QStringList m_schemas;
    PlanOptions m_options;
};

} // namespace nrdb
