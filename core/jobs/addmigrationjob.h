#pragma once

#include "jobs/jobwithresult.h"
#include "model/migrationplan.h"
#include "model/modelpack.h"

#include <QJsonObject>

namespace nrdb {

struct AddedMigration {
    QString path;       // the new migration's file
    int version = 0;    // its version: the pack's head before it, plus one
    MigrationPlan plan; // what it holds
    QJsonObject toJson() const;
};

// Captures what a database has that its pack's head does not as the pack's next migration (the
// script planMigration writes, as a migration: one transaction, no CONCURRENTLY): the migration
// file, the database's schema as the new head's expected model (the old one kept as
// expected-model.NNNN.json for databases still at it) and the version's title. The pack must be a
// directory; it is changed in one step (a copy, edited, checked to load, then swapped in).
// Thread: as JobWithResult.
class AddMigrationJob : public JobWithResult<AddedMigration> {
public:
    AddMigrationJob(ConnectionProfile source, QString packDirectory, QString name, PlanOptions options)
        : m_source(std::move(source)), m_packDirectory(std::move(packDirectory)), m_name(std::move(name)),
          m_options(options)
    {
    }

    QString title() const override { return QStringLiteral("Capture %1 as a migration").arg(m_source.database); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_source; }

protected:
    Result<AddedMigration> execute(JobContext &context) override;

private:
    Result<SchemaModel> readSourceModel(JobContext &context, const ModelPack &pack) const;
    Status writeIntoPack(JobContext &context, const ModelPack &pack, AddedMigration &added,
                         const SchemaModel &model) const;

    ConnectionProfile m_source;
    QString m_packDirectory;
    QString m_name;
    PlanOptions m_options;
};

} // namespace nrdb
