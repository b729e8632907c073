#include "jobs/bootstrapjob.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "jobs/schemalock.h"
#include "jobs/verifyjob.h"

#include <QElapsedTimer>

namespace nrdb {

QString BootstrapReport::summary() const
{
    if (nothingToDo())
        return QStringLiteral("Nothing to do: %1").arg(verify.verdict());
    QStringList done;
    if (createdDatabase)
        done << QStringLiteral("created the database");
    if (!init.appliedMigrations.isEmpty())
        done << QStringLiteral("applied %1").arg(init.appliedMigrations.join(QStringLiteral(", ")));
    int inserted = 0;
    for (const SeedTableResult &table : seed.tables)
        inserted += table.inserted;
    if (inserted > 0)
        done << QStringLiteral("seeded %1 rows").arg(inserted);
    return QStringLiteral("Bootstrapped %1 in %2 ms (%3): %4")
        .arg(init.pack)
        .arg(durationMs)
        .arg(done.join(QStringLiteral(", ")), verify.verdict());
}

BootstrapJob::BootstrapJob(ConnectionProfile target, PackChoice pack, QMap<QString, QString> secrets)
    : m_target(std::move(target)), m_pack(std::move(pack)), m_secrets(std::move(secrets))
{
}

Result<bool> BootstrapJob::createDatabaseIfMissing(JobContext &context)
{
    if (Status valid = databaseadmin::validateName(m_target.database); !valid)
        return valid.error();
    const ConnectionProfile maintenance = databaseadmin::maintenanceOf(m_target);
    DatabaseSession session;
    if (Status opened = session.open(maintenance); !opened)
        return opened.error();
    const Result<bool> created = databaseadmin::createIfMissing(session.database(), m_target.database);
    if (created && created.value())
        context.info(QStringLiteral("Created database %1").arg(m_target.database));
    return created;
}

Result<BootstrapReport> BootstrapJob::execute(JobContext &context)
{
    QElapsedTimer clock;
    clock.start();
    BootstrapReport report;
    context.setPhase(QStringLiteral("Database"));
    const Result<bool> created = createDatabaseIfMissing(context);
    if (!created)
        return created.error();
    report.createdDatabase = created.value();
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    // Held through init and seed (they take it again on this connection): a second bootstrap
    // reads the database only once the first is done with it.
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockSchemaChanges(context, db.value(), kSchemaLockTimeoutMs);
    if (!lock)
        return lock.error();
    const Result<ChosenPack> chosen = m_pack.resolve(context, db.value(), PackChoice::Unrecognised::DefaultIfEmpty);
    if (!chosen)
        return chosen.error();
    const ModelPack &pack = chosen.value().pack;

    // The steps are jobs of their own, run here on this job's connection and cancel flag.
    InitJob init(m_target, pack);
    if (Status done = init.run(context); !done)
        return done.error();
    report.init = init.result();
    report.init.packReason = chosen.value().why;
    if (context.isCancelled())
        return JobContext::cancelledError();
    SeedJob seed(m_target, pack, m_secrets);
    if (Status done = seed.run(context); !done)
        return done.error();
    report.seed = seed.result();
    VerifyJob verify(m_target, pack);
    if (Status done = verify.run(context); !done)
        return done.error();
    report.verify = verify.result();
    report.verify.packReason = chosen.value().why;
    report.durationMs = clock.elapsed();
    context.info(report.summary());
    return report;
}

QJsonObject BootstrapReport::toJson() const
{
    return QJsonObject{{QStringLiteral("created_database"), createdDatabase},
                       {QStringLiteral("nothing_to_do"), nothingToDo()},
                       {QStringLiteral("duration_ms"), durationMs},
                       {QStringLiteral("init"), init.toJson()},
                       {QStringLiteral("seed"), seed.toJson()},
                       {QStringLiteral("verify"), verify.toJson()}};
}

} // namespace nrdb
