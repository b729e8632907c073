#include "jobs/initjob.h"

#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "jobs/schemalock.h"
#include "migrate/migrationrunner.h"
#include "migrate/migrationstatus.h"
#include "migrate/schemahistory.h"
#include "util/sqlidentifier.h"

#include <QJsonArray>

namespace nrdb {

InitJob::InitJob(ConnectionProfile target, PackChoice pack, int targetVersion, int lockTimeoutMs)
    : m_target(std::move(target)), m_pack(std::move(pack)), m_targetVersion(targetVersion),
      m_lockTimeoutMs(lockTimeoutMs)
{
}

QString InitJob::title() const
{
    return m_pack.isNamed() ? QStringLiteral("Initialise %1 (%2)").arg(m_target.database, m_pack.name())
                            : QStringLiteral("Initialise %1").arg(m_target.database);
}

Result<ChosenPack> InitJob::choosePack(JobContext &context, const QSqlDatabase &db) const
{
    Result<ChosenPack> chosen = m_pack.resolve(context, db, PackChoice::Unrecognised::DefaultIfEmpty);
    if (!chosen)
        return chosen;
    const PackDetection &detection = chosen.value().detection;
    if (detection.recognised() && detection.pack == chosen.value().pack.name && !detection.fromHistory)
        return Error::usage(
            QStringLiteral("%1 has the tables of %2 (%3) but no migration history of ours")
                .arg(m_target.database, detection.pack, detection.reason),
            QStringLiteral("Adopt it first (netraven-dbctl adopt, or Database ▸ Adopt…): that stamps the "
                           "history without DDL, and init then has nothing to do."));
    return chosen;
}

Status InitJob::createExtensionsAndSchemas(JobContext &context, const QSqlDatabase &db, const ModelPack &pack,
                                           InitReport &report) const
{
    // Under the lock, look again: whoever held it may have done part of the work.
    const Result<PreflightReport> now = runPreflight(db, pack);
    if (!now)
        return now.error();
    QStringList statements;
    for (const PackExtension &extension : pack.extensions) {
        if (now.value().extensionsToCreate.contains(extension.name)) {
            statements << QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2")
                              .arg(quoteIdentifier(extension.name), quoteIdentifier(extension.schema));
            report.createdExtensions << extension.name;
        }
    }
    if (Status created = migrationrunner::inTransaction(db, statements, QStringLiteral("Creating extensions"));
        !created)
        return created;
    statements.clear();
    for (const QString &schema : now.value().schemasToCreate) {
        statements << QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(quoteIdentifier(schema));
        report.createdSchemas << schema;
    }
    if (Status created = migrationrunner::inTransaction(db, statements, QStringLiteral("Creating schemas")); !created)
        return created;
    if (Status history = schemahistory::ensure(db); !history)
        return history;
    for (const QString &name : report.createdExtensions + report.createdSchemas)
        context.info(QStringLiteral("Created %1").arg(name));
    return {};
}

Result<QVector<Migration>> InitJob::migrationsToApply(const QSqlDatabase &db, const ModelPack &pack,
                                                      InitReport &report) const
{
    const Result<QVector<AppliedMigration>> applied = schemahistory::applied(db, pack.name);
    if (!applied)
        return applied.error();
    const MigrationStatus status = MigrationStatus::compare(pack, applied.value());
    report.versionBefore = report.versionAfter = status.currentVersion;
    if (!status.mismatches.isEmpty())
        return Error::usage(
            QStringLiteral("Migration %1 was applied from a different file (checksum changed); init will "
                           "not build on it. See migrate status.")
                .arg(status.mismatches.first().version));
    QVector<Migration> toApply;
    for (const Migration &migration : status.pending) {
        if (m_targetVersion == 0 || migration.version <= m_targetVersion)
            toApply << migration;
    }
    return toApply;
}

Status InitJob::applyMigrations(JobContext &context, const QSqlDatabase &db, const ModelPack &pack,
                                const QVector<Migration> &toApply, InitReport &report) const
{
    if (toApply.isEmpty())
        context.info(
            QStringLiteral("%1 is at version %2: nothing to do").arg(m_target.database).arg(report.versionBefore));
    for (int i = 0; i < toApply.size(); ++i) {
        const Migration &migration = toApply.at(i);
        if (context.isCancelled())
            return JobContext::cancelledError();
        context.setPhase(QStringLiteral("Migration %1").arg(migration.label()), toApply.size());
        context.setProgress(i, toApply.size());
        const Result<int> took = migrationrunner::apply(db, pack, migration);
        if (!took)
            return took.error();
        report.appliedMigrations << migration.label();
        report.versionAfter = migration.version;
        context.info(QStringLiteral("Applied %1 in %2 ms").arg(migration.label()).arg(took.value()));
    }
    context.setProgress(toApply.size(), toApply.size());
    return {};
}

Result<InitReport> InitJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> connected = context.database();
    if (!connected)
        return connected.error();
    const QSqlDatabase db = connected.value();
    // Locked before anything is read: another init may be half way, its schemas made and its
    // tables not yet, which would read as a database of no known pack.
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockSchemaChanges(context, db, m_lockTimeoutMs);
    if (!lock)
        return lock.error();
    const Result<ChosenPack> chosen = choosePack(context, db);
    if (!chosen)
        return chosen.error();
    const ModelPack &pack = chosen.value().pack;
    InitReport report;
    report.pack = pack.name;
    report.packReason = chosen.value().why;

    context.setPhase(QStringLiteral("Preflight"));
    Result<PreflightReport> preflight = runPreflight(db, pack);
    if (!preflight)
        return preflight.error();
    report.preflight = preflight.value();
    context.info(QStringLiteral("PostgreSQL %1, user %2%3")
                     .arg(report.preflight.serverVersion, report.preflight.user,
                          report.preflight.superuser ? QStringLiteral(" (superuser)") : QString()));
    if (!report.preflight.canProceed())
        return Error::usage(QStringLiteral("Init stopped before changing anything"), report.preflight.explanation());

    context.setPhase(QStringLiteral("Extensions and schemas"));
    if (Status prepared = createExtensionsAndSchemas(context, db, pack, report); !prepared)
        return prepared.error();
    const Result<QVector<Migration>> toApply = migrationsToApply(db, pack, report);
    if (!toApply)
        return toApply.error();
    if (Status applied = applyMigrations(context, db, pack, toApply.value(), report); !applied)
        return applied.error();
    return report;
}

QJsonObject InitReport::toJson() const
{
    return QJsonObject{{QStringLiteral("pack"), pack},
                       {QStringLiteral("pack_reason"), packReason},
                       {QStringLiteral("created_extensions"), QJsonArray::fromStringList(createdExtensions)},
                       {QStringLiteral("created_schemas"), QJsonArray::fromStringList(createdSchemas)},
                       {QStringLiteral("applied_migrations"), QJsonArray::fromStringList(appliedMigrations)},
                       {QStringLiteral("version_before"), versionBefore},
                       {QStringLiteral("version_after"), versionAfter},
                       {QStringLiteral("changed_nothing"), changedNothing()}};
}

} // namespace nrdb
