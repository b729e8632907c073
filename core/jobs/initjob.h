#pragma once

#include "jobs/jobwithresult.h"
#include "jobs/packchoice.h"
#include "migrate/migrationstatus.h"
#include "migrate/preflight.h"

#include <QJsonObject>

namespace nrdb {

// What init did.
struct InitReport {
    QString pack;       // the pack it initialised with
    QString packReason; // "named", or why the catalog says this pack
    PreflightReport preflight;
    QStringList createdExtensions;
    QStringList createdSchemas;
    QStringList appliedMigrations; // labels, e.g. 0001_baseline
    int versionBefore = 0;
    int versionAfter = 0;

    bool changedNothing() const
    {
        return createdExtensions.isEmpty() && createdSchemas.isEmpty() && appliedMigrations.isEmpty();
    }

    QJsonObject toJson() const; // what --json prints
};

// Brings a database to a pack's head (or to a given version); without a named pack, to that of the
// pack its catalog shows, or the default pack's for an empty database. Preflight, then under the pack's
// advisory lock the history table, the extensions, the schema, and each pending migration, every
// step in its own transaction. A failed or interrupted step leaves the database as it was before
// that step; running it again continues from there. Thread: as JobWithResult.
class InitJob : public JobWithResult<InitReport> {
public:
    InitJob(ConnectionProfile target, PackChoice pack, int targetVersion = 0, int lockTimeoutMs = 60000);

    QString title() const override;
    JobAccess access() const override { return JobAccess::Write; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<InitReport> execute(JobContext &context) override;

private:
    // The pack to initialise with; a database that has a pack's tables but no history of ours is
    // one to adopt, not to initialise.
    Result<ChosenPack> choosePack(JobContext &context, const QSqlDatabase &db) const;
    // The pack's extensions and schemas that are missing, each kind in one transaction, and the
    // history table: under the lock, as the preflight sees them now.
    Status createExtensionsAndSchemas(JobContext &context, const QSqlDatabase &db, const ModelPack &pack,
                                      InitReport &report) const;
    // The pending migrations up to the target version; none when one applied has changed since.
    Result<QVector<Migration>> migrationsToApply(const QSqlDatabase &db, const ModelPack &pack,
                                                 InitReport &report) const;
    // Each in its own transaction (migrationrunner::apply), cancel checked between them.
    Status applyMigrations(JobContext &context, const QSqlDatabase &db, const ModelPack &pack,
                           const QVector<Migration> &toApply, InitReport &report) const;

    ConnectionProfile m_target;
    PackChoice m_pack;
    int m_targetVersion; // 0: head
    int m_lockTimeoutMs;
};

} // namespace nrdb
