#include "jobs/adoptjob.h"

#include "catalog/catalogreader.h"
#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "jobs/schemalock.h"
#include "jobs/verifyjob.h"
#include "migrate/schemahistory.h"
#include "util/counting.h"

#include <QJsonArray>

namespace nrdb {

AdoptJob::AdoptJob(ConnectionProfile target, PackChoice pack, bool acceptDifferences, int lockTimeoutMs)
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
    const Result<ChosenPack> chosen = m_pack.resolve(context, db, PackChoice::Unrecognised::Refuse);
    if (!chosen)
        return chosen.error();
    const ModelPack &pack = chosen.value().pack;
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockSchemaChanges(context, db, m_lockTimeoutMs);
    if (!lock)
        return lock.error();

    context.setPhase(QStringLiteral("Comparing with %1").arg(pack.name));
    const Result<SchemaSnapshot> snapshot = CatalogReader::read(db);
    if (!snapshot)
        return snapshot.error();
    const Result<QVector<AppliedMigration>> history = schemahistory::applied(db, pack.name);
    if (!history)
        return history.error();
    AdoptReport report;
    report.before = VerifyJob::compare(pack, snapshot.value(), history.value(), !history.value().isEmpty());
    report.before.packReason = chosen.value().why;
    report.before.packNamed = chosen.value().named;
    report.before.detection = chosen.value().detection;
    if (Status added = VerifyJob::addForeignHistory(db, pack, report.before); !added)
        return added.error();
    if (!history.value().isEmpty()) {
        report.alreadyManaged = true;
        context.info(QStringLiteral("%1 already has a %2 migration history (version %3): nothing to adopt")
                         .arg(m_target.database, pack.name)
                         .arg(report.before.migrations.currentVersion));
        return report;
    }
    if (!report.recognised())
        return Error::usage(QStringLiteral("This is not a %1 database: required tables are missing (%2)")
                                .arg(pack.name, report.before.requiredMissing.join(QStringLiteral(", "))));
    const QString version = pack.describeVersion(report.before.modelVersion);
    if (report.before.foreignHistory && !report.before.foreignHistory->agrees())
        context.warning(report.before.foreignHistory->describe() + QStringLiteral(" Adopt leaves it as it is."));
    if (!report.before.drift.isEmpty()) {
        QStringList lines;
        for (const DriftItem &item : report.before.drift)
            lines << item.describe();
        context.info(
            QStringLiteral("Recognised as %1 %2 with %3")
                .arg(pack.name, version,
                     counted(report.before.drift.size(), QStringLiteral("difference"), QStringLiteral("differences"))));
        if (!m_acceptDifferences) {
            for (const QString &line : std::as_const(lines))
                context.warning(line);
            report.waitingForConsent = true;
            return report;
        }
    } else {
        context.info(QStringLiteral("Recognised as %1 %2, exactly").arg(pack.name, version));
    }

    context.setPhase(QStringLiteral("Stamping the history"));
    if (!db.transaction())
        return sqlError(db.lastError(), QStringLiteral("Could not begin adopting"));
    Status stamped = schemahistory::ensure(db);
    for (const Migration &migration : pack.migrations) {
        if (migration.version > report.before.modelVersion)
            break; // what the database does not have yet is a migration to run, not to adopt
        if (stamped)
            stamped = schemahistory::record(db, pack.name, migration, 0, QStringLiteral("adopted"));
        if (stamped)
            report.adoptedMigrations << migration.label();
    }
    if (!stamped) {
        db.rollback();
        return stamped.error();
    }
    if (!db.commit())
        return sqlError(db.lastError(), QStringLiteral("Could not commit the adoption"));
    context.info(QStringLiteral("Adopted as %1 %2 without running any DDL").arg(pack.name, version));
    return report;
}

QJsonObject AdoptReport::toJson() const
{
    return QJsonObject{{QStringLiteral("already_managed"), alreadyManaged},
                       {QStringLiteral("waiting_for_consent"), waitingForConsent},
                       {QStringLiteral("adopted_migrations"), QJsonArray::fromStringList(adoptedMigrations)},
                       {QStringLiteral("before"), before.toJson()}};
}

} // namespace nrdb
