#pragma once

#include "jobs/jobwithresult.h"

#include <QJsonObject>
#include <QStringList>

namespace nrdb {

struct PackCaptureOptions {
    QString directory;      // the new pack's directory: must not exist, or be empty
    QString name;           // empty: the directory's name
    QString schema;         // empty: the one schema the database holds tables in
    QString toolsDirectory; // where pg_dump is, if not found by itself
};

struct CapturedPack {
    QString directory;
    QString name;
    QString schema;
    QStringList tables;
    QStringList extensions;
    QJsonObject toJson() const;
};

// A model pack made from a database: its schema (pg_dump --schema-only of that schema, owners
// and privileges left out, its settings local to the migration's transaction) as the baseline
// migration, the snapshot of that schema as the expected model, every table of it required, the
// extensions it has created by init, and an empty seed. So init, bootstrap, verify, repair and
// compare work for any team's database. The directory appears complete or not at all.
// Thread: as JobWithResult.
class CapturePackJob : public JobWithResult<CapturedPack> {
public:
    CapturePackJob(ConnectionProfile source, PackCaptureOptions options)
        : m_source(std::move(source)), m_options(std::move(options))
    {
    }

    QString title() const override { return QStringLiteral("Make a pack of %1").arg(m_source.database); }
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_source; }

    // pg_dump's session settings made local to the transaction a migration runs in.
    static QString asMigration(const QString &initScript);

protected:
    Result<CapturedPack> execute(JobContext &context) override;

private:
    Result<QString> dumpBaseline(JobContext &context, const QString &schema) const;

    ConnectionProfile m_source;
    PackCaptureOptions m_options;
};

} // namespace nrdb
