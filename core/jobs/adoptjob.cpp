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

namespace {

// The database beside the pack's model, with its history (its own and another tool's).
Result<AdoptReport> compareWithPack(QSqlDatabase &db, const ChosenPack &chosen)
{
    const Result<SchemaSnapshot> snapshot = CatalogReader::read(db);
    if (!snapshot)
        return snapshot.error();
    const Result<QVector<AppliedMigration>> history = schemahistory::applied(db, chosen.pack.name);
    if (!history)
        return history.error();
    AdoptReport report;
    report.alreadyManaged = !history.value().isEmpty();
    report.before = VerifyJob::compare(chosen.pack, snapshot.value(), history.value(), report.alreadyManaged);
    report.before.packReason = chosen.why;
    report.before.packNamed = chosen.named;
    report.before.detection = chosen.detection;
    if (Status added = VerifyJob::addForeignHistory(db, chosen.pack, report.before); !added)
        return added.error();
    return report;
}

// Says what the database was recognised as; false when it differs and that was not accepted
// (the differences are listed as warnings then).
bool mayAdopt(JobContext &context, const ModelPack &pack, const AdoptReport &report, bool acceptDifferences)
{
    const QString version = pack.describeVersion(report.before.modelVersion);
    if (report.before.foreignHistory && !report.before.foreignHistory->agrees())
        context.warning(report.before.foreignHistory->describe() + QStringLiteral(" Adopt leaves it as it is."));
    if (report.before.drift.isEmpty()) {
        context.info(QStringLiteral("Recognised as %1 %2, exactly").arg(pack.name, version));
        return true;
    }
    context.info(
        QStringLiteral("Recognised as %1 %2 with %3")
            .arg(pack.name, version,
                 counted(report.before.drift.size(), QStringLiteral("difference"), QStringLiteral("differences"))));
    if (acceptDifferences)
        return true;
    for (const DriftItem &item : report.before.drift)
        context.warning(item.describe());
    return false;
}

// Records the pack's migrations up to the database's version as applied, in one transaction.
Status stampHistory(QSqlDatabase &db, const ModelPack &pack, AdoptReport &report)
{
    if (!db.transaction())
        return sqlError(db.lastError(), QStringLiteral("Could not begin adopting"));
    Status stamped = schemahistory::ensure(db);
    for (const Migration &migration : pack.migrations) {
        if (!stamped || migration.version > report.before.modelVersion)
            break; // what the database does not have yet is a migration to run, not to adopt
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
    return {};
}

} // namespace

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
    Result<AdoptReport> compared = compareWithPack(db, chosen.value());
    if (!compared)
        return compared.error();
    AdoptReport &report = compared.value();
    if (report.alreadyManaged) {
        context.info(QStringLiteral("%1 already has a %2 migration history (version %3): nothing to adopt")
                         .arg(m_target.database, pack.name)
                         .arg(report.before.migrations.currentVersion));
        return report;
    }
    if (!report.recognised())
        return Error::usage(QStringLiteral("This is not a %1 database: required tables are missing (%2)")
                                .arg(pack.name, report.before.requiredMissing.join(QStringLiteral(", "))));
    if (!mayAdopt(context, pack, report, m_acceptDifferences)) {
        report.waitingForConsent = true;
        return report;
    }

    context.setPhase(QStringLiteral("Stamping the history"));
    if (Status stamped = stampHistory(db, pack, report); !stamped)
        return stamped.error();
    context.info(QStringLiteral("Adopted as %1 %2 without running any DDL")
                     .arg(pack.name, pack.describeVersion(report.before.modelVersion)));
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
