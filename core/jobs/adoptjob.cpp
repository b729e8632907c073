#include "jobs/adoptjob.h"

#include "catalog/catalogreader.h"
#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "jobs/verifyjob.h"
#include "jobs/packlock.h"
#include "migrate/schemahistory.h"

namespace nrdb {

AdoptJob::AdoptJob(ConnectionProfile target, ModelPack pack, bool acceptDifferences, int lockTimeoutMs)
    : m_target(std::move(target)), m_pack(std::move(pack)), m_acceptDifferences(acceptDifferences),
      m_lockTimeoutMs(lockTimeoutMs)
{
}

Result<AdoptReport> AdoptJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> connected = context.database();
    if (!connected)
        return connected.error();
    QSqlDatabase db = connected.value();
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockPack(context, db, m_pack, m_lockTimeoutMs);
    if (!lock)
        return lock.error();

    context.setPhase(QStringLiteral("Comparing with the %1 baseline").arg(m_pack.name));
    const Result<SchemaSnapshot> snapshot = CatalogReader::read(db);
    if (!snapshot)
        return snapshot.error();
    const Result<QVector<AppliedMigration>> history = schemahistory::applied(db, m_pack.name);
    if (!history)
        return history.error();
    AdoptReport report;
    report.before = VerifyJob::compare(m_pack, snapshot.value(), history.value(), !history.value().isEmpty());
    if (!history.value().isEmpty()) {
        report.alreadyManaged = true;
        context.info(QStringLiteral("%1 already has a %2 migration history (version %3): nothing to adopt")
                         .arg(m_target.database, m_pack.name)
                         .arg(report.before.migrations.currentVersion));
        return report;
    }
    if (!report.recognised())
        return Error{ErrorKind::Usage,
                     QStringLiteral("This is not a %1 database: required tables are missing (%2)")
                         .arg(m_pack.name, report.before.requiredMissing.join(QStringLiteral(", "))),
                     {}, {}};
    if (!report.before.drift.isEmpty()) {
        QStringList lines;
        for (const DriftItem &item : report.before.drift)
            lines << item.describe();
        context.info(QStringLiteral("Recognised as the %1 baseline with %2 difference(s)")
                         .arg(m_pack.name)
                         .arg(report.before.drift.size()));
        if (!m_acceptDifferences) {
            for (const QString &line : std::as_const(lines))
                context.warning(line);
            report.waitingForConsent = true;
            return report;
        }
    } else {
        context.info(QStringLiteral("Recognised as the %1 baseline, exactly").arg(m_pack.name));
    }

    context.setPhase(QStringLiteral("Stamping the history"));
    if (!db.transaction())
        return sqlError(db.lastError(), QStringLiteral("Could not begin adopting"));
    Status stamped = schemahistory::ensure(db);
    for (const Migration &migration : m_pack.migrations) {
        if (stamped)
            stamped = schemahistory::record(db, m_pack.name, migration, 0, QStringLiteral("adopted"));
        if (stamped)
            report.adoptedMigrations << migration.label();
    }
    if (!stamped) {
        db.rollback();
        return stamped.error();
    }
    if (!db.commit())
        return sqlError(db.lastError(), QStringLiteral("Could not commit the adoption"));
    context.info(QStringLiteral("Adopted at version %1 without running any DDL").arg(m_pack.headVersion()));
    return report;
}

} // namespace nrdb
