#pragma once

#include "jobs/jobwithresult.h"
#include "jobs/planrunner.h"
#include "model/schemacompare.h"
#include "sandbox/sandboxstate.h"

#include <optional>

namespace nrdb {

// How a migration script went on a copy of its target's schema.
struct RehearsalReport {
    QString server;                     // the rehearsal server's version
    QString loadedFrom;                 // "the schema of …", or the backup restored
    qint64 loadMs = 0;                  // the copy made
    PlanRun run;                        // per statement its time and the locks it held
    std::optional<CompareReport> after; // the copy against the wanted schemas, once the script ran

    // The script ran to its end and left nothing to do.
    bool ok() const { return run.complete && (!after || after->plan.isEmpty()); }
    QJsonObject toJson() const;
};

// Rehearses a plan: the target's schema (pg_dump --schema-only, without owners and privileges),
// or a backup of the target with its rows when told so (statements then take as long as they
// will on the target), is loaded into a database on a throwaway sandbox server started for the purpose, the plan runs
// there statement by statement with the locks each held recorded, and the copy is compared with
// the wanted schemas. Only reads the target; the sandbox and its copy are gone when the job ends,
// however it ends. A statement that fails is the rehearsal's finding, not the job's error.
// Thread: as JobWithResult.
class RehearseJob : public JobWithResult<RehearsalReport> {
public:
    RehearseJob(ConnectionProfile target, MigrationPlan plan, std::optional<SchemaSet> wanted,
                QString toolsDirectory = {})
        : m_target(std::move(target)), m_plan(std::move(plan)), m_wanted(std::move(wanted)),
          m_toolsDirectory(std::move(toolsDirectory))
    {
    }

    // Before it is submitted: rehearse on a restore of this backup of the target (a file or a
    // directory archive, or a plain SQL dump) instead of the schema alone.
    void rehearseOnBackup(const QString &path) { m_backupPath = path; }

    QString title() const override;
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<RehearsalReport> execute(JobContext &context) override;

private:
    Result<QString> dumpSchema(JobContext &context) const;
    // The copy made on the sandbox: the schema loaded into a new database, or the backup restored.
    Status makeCopy(JobContext &context, const SandboxState &sandbox, const std::optional<QString> &schema) const;
    Status compareAfter(JobContext &copy, const QSqlDatabase &db, RehearsalReport &report) const;

    ConnectionProfile m_target;
    MigrationPlan m_plan;
    std::optional<SchemaSet> m_wanted;
    QString m_toolsDirectory;
    QString m_backupPath;
};

} // namespace nrdb
