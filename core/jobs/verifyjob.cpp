#include "jobs/verifyjob.h"

#include "catalog/catalogreader.h"
#include "connection/serverinfo.h"
#include "jobs/jobcontext.h"
#include "migrate/schemahistory.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace nrdb {

VerifyReport VerifyJob::compare(const ModelPack &pack, const SchemaSnapshot &snapshot,
                                const QVector<AppliedMigration> &history, bool historyExists)
{
    VerifyReport report;
    report.pack = pack.name;
    report.packTitle = pack.title;
    report.schema = pack.schema;
    for (const QString &table : pack.requiredTables) {
        if (snapshot.relation(pack.schema, table)) {
            report.requiredPresent << table;
            continue;
        }
        report.requiredMissing << table;
        // NetRaven's tables land in "public" when its schema was never made (netraven-schema.md §2.2).
        for (const RelationInfo &relation : snapshot.relations) {
            if (relation.name == table && relation.isTable())
                report.requiredElsewhere.insert(table, relation.schema);
        }
    }
    report.historyExists = historyExists;
    report.migrations = MigrationStatus::compare(pack, history);
    report.drift = compareModels(pack.expectedModel, SchemaModel::fromSnapshot(snapshot, pack.schema));
    for (const LintFinding &finding : lintSnapshot(snapshot)) {
        if (finding.schema == pack.schema)
            report.findings << finding;
    }
    return report;
}

Result<VerifyReport> VerifyJob::execute(JobContext &context)
{
    QElapsedTimer clock;
    clock.start();
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Reading the schema"));
    const Result<SchemaSnapshot> snapshot = CatalogReader::read(db.value(), [&context] { return context.isCancelled(); });
    if (!snapshot)
        return snapshot.error();
    context.setPhase(QStringLiteral("Comparing with %1").arg(m_pack.name));
    const Result<QVector<AppliedMigration>> history = schemahistory::applied(db.value(), m_pack.name);
    if (!history)
        return history.error();
    const Result<ServerInfo> info = ServerInfo::read(db.value());
    if (!info)
        return info.error();
    VerifyReport report = compare(m_pack, snapshot.value(), history.value(),
                                  snapshot.value().relation(QStringLiteral("nrdb"), QStringLiteral("schema_history")) != nullptr);
    report.database = info.value().currentDatabase;
    report.server = m_target.displayName();
    report.serverVersion = info.value().serverVersion;
    report.checkedAt = QDateTime::currentDateTimeUtc();
    report.durationMs = clock.elapsed();
    context.info(report.verdict());
    for (const DriftItem &item : report.drift)
        context.warning(item.describe());
    return report;
}

} // namespace nrdb
