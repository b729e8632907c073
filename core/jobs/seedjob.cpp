#include "jobs/seedjob.h"

#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "jobs/schemalock.h"
#include "seed/seedplan.h"
#include "seed/seedwriter.h"

#include <QDir>
#include <QJsonArray>

namespace nrdb {

bool SeedReport::changedNothing() const
{
    return std::all_of(tables.cbegin(), tables.cend(),
                       [](const SeedTableResult &table) { return table.inserted == 0 && table.updated == 0; });
}

SeedJob::SeedJob(ConnectionProfile target, PackChoice pack, QMap<QString, QString> secrets, bool resetToDefaults)
    : m_target(std::move(target)), m_pack(std::move(pack)), m_secrets(std::move(secrets)),
      m_resetToDefaults(resetToDefaults)
{
}

Result<SeedReport> SeedJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> connected = context.database();
    if (!connected)
        return connected.error();
    QSqlDatabase db = connected.value();
    const Result<ChosenPack> chosen = m_pack.resolve(context, db, PackChoice::Unrecognised::Refuse);
    if (!chosen)
        return chosen.error();
    const ModelPack &pack = chosen.value().pack;
    const Result<SeedPlan> plan = SeedPlan::load(QDir(pack.directory).filePath(QStringLiteral("seed.json")));
    if (!plan)
        return plan.error();
    const Result<std::unique_ptr<AdvisoryLock>> lock = lockSchemaChanges(context, db, 60000);
    if (!lock)
        return lock.error();

    SeedReport report;
    report.pack = pack.name;
    SeedSecrets secrets(plan.value(), m_secrets, [&context](const QString &line) { context.info(line); });
    const QVector<SeedTable> &tables = plan.value().tables;
    context.setPhase(QStringLiteral("Seeding"), tables.size());
    if (!db.transaction())
        return sqlError(db.lastError(), QStringLiteral("Could not begin seeding"));
    for (int i = 0; i < tables.size(); ++i) {
        const SeedTable &table = tables.at(i);
        Result<SeedTableResult> seeded = seedTable(db, pack.schema, table, secrets, m_resetToDefaults);
        if (!seeded) {
            db.rollback();
            return seeded.error();
        }
        const SeedTableResult &result = seeded.value();
        report.tables << result;
        if (!result.skipped.isEmpty()) {
            context.info(QStringLiteral("%1: %2").arg(table.table, result.skipped));
            continue;
        }
        context.info(QStringLiteral("%1: %2 inserted, %3 already present, %4 reset")
                         .arg(table.table)
                         .arg(result.inserted)
                         .arg(result.present)
                         .arg(result.updated));
        context.setProgress(i + 1, tables.size());
    }
    if (!db.commit())
        return sqlError(db.lastError(), QStringLiteral("Could not commit the seed"));
    report.generatedSecrets = secrets.generated();
    return report;
}

QJsonObject SeedReport::toJson() const
{
    QJsonArray tableObjects;
    for (const SeedTableResult &table : tables)
        tableObjects << QJsonObject{{QStringLiteral("table"), table.table},
                                    {QStringLiteral("inserted"), table.inserted},
                                    {QStringLiteral("present"), table.present},
                                    {QStringLiteral("reset"), table.updated},
                                    {QStringLiteral("skipped"), table.skipped}};
    QJsonObject generated;
    for (auto it = generatedSecrets.cbegin(); it != generatedSecrets.cend(); ++it)
        generated.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("pack"), pack},
                       {QStringLiteral("tables"), tableObjects},
                       {QStringLiteral("generated_secrets"), generated}};
}

} // namespace nrdb
