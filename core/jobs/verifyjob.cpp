#include "jobs/verifyjob.h"

#include "connection/serverinfo.h"
#include "jobs/jobcontext.h"
#include "jobs/snapshotjob.h"
#include "migrate/foreignhistory.h"
#include "migrate/schemahistory.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <limits>

namespace nrdb {

namespace {

// The version whose expected model the database is judged on: the one its history records, or,
// without a history, the one it is closest to (a tie goes to the newer).
int catalogVersion(const ModelPack &pack, const SchemaModel &actual, const QVector<AppliedMigration> &history,
                   const MigrationStatus &status)
{
    if (!history.isEmpty() && status.currentVersion > 0)
        return status.currentVersion;
    int closest = pack.headVersion();
    qsizetype fewest = std::numeric_limits<qsizetype>::max();
    for (const int version : pack.modelVersions()) {
        const qsizetype differences = compareModels(pack.modelAt(version), actual).size();
        if (differences < fewest) {
            fewest = differences;
            closest = version;
        }
    }
    return closest;
}

} // namespace

VerifyReport VerifyJob::compare(const ModelPack &pack, const SchemaSnapshot &snapshot,
                                const QVector<AppliedMigration> &history, bool historyExists)
{
    VerifyReport report;
    report.pack = pack.name;
    report.packTitle = pack.title;
    report.packReason = QStringLiteral("named");
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
    const SchemaModel actual = SchemaModel::fromSnapshot(snapshot, pack.schema);
    report.modelVersion = catalogVersion(pack, actual, history, report.migrations);
    report.modelVersionText = pack.describeVersion(report.modelVersion);
    report.drift = compareModels(pack.modelAt(report.modelVersion), actual);
    for (const LintFinding &finding : lintSnapshot(snapshot)) {
        if (finding.schema == pack.schema)
            report.findings << finding;
    }
    return report;
}

Status VerifyJob::addForeignHistory(const QSqlDatabase &db, const ModelPack &pack, VerifyReport &report)
{
    if (pack.foreignHistory.isEmpty() || !report.requiredMissing.isEmpty())
        return {}; // not this pack's schema: nothing for the other tool to know either
    Result<ForeignHistoryCheck> check = foreignhistory::read(db, pack);
    if (!check)
        return check.error();
    foreignhistory::judge(check.value(), pack, report.modelVersion);
    report.foreignHistory = std::move(check).value();
    return {};
}

Result<Verified> VerifyJob::verifyOn(JobContext &context, const QSqlDatabase &db, const PackChoice &choice,
                                     const ConnectionProfile &target)
{
    QElapsedTimer clock;
    clock.start();
    Result<SchemaSnapshot> snapshot = SnapshotJob::readOn(context, db);
    if (!snapshot)
        return snapshot.error();
    Result<ChosenPack> chosen = choice.resolve(context, db, PackChoice::Unrecognised::Closest, &snapshot.value());
    if (!chosen)
        return chosen.error();
    const ModelPack &pack = chosen.value().pack;
    context.setPhase(QStringLiteral("Comparing with %1").arg(pack.name));
    const Result<QVector<AppliedMigration>> history = schemahistory::applied(db, pack.name);
    if (!history)
        return history.error();
    const Result<ServerInfo> info = ServerInfo::read(db);
    if (!info)
        return info.error();
    VerifyReport report = compare(pack, snapshot.value(), history.value(), schemahistory::existsIn(snapshot.value()));
    report.packReason = chosen.value().why;
    report.packNamed = chosen.value().named;
    report.detection = chosen.value().detection;
    if (Status added = addForeignHistory(db, pack, report); !added)
        return added.error();
    report.database = info.value().currentDatabase;
    report.server = target.displayName();
    report.serverVersion = info.value().serverVersion;
    report.checkedAt = QDateTime::currentDateTimeUtc();
    report.durationMs = clock.elapsed();
    return Verified{std::move(report), std::move(snapshot).value(), std::move(chosen).value().pack};
}

Result<VerifyReport> VerifyJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    Result<Verified> verified = verifyOn(context, db.value(), m_pack, m_target);
    if (!verified)
        return verified.error();
    VerifyReport report = std::move(verified).value().report;
    context.info(report.verdict());
    if (report.foreignHistory)
        context.log(report.foreignHistory->agrees() ? LogLevel::Info : LogLevel::Warning,
                    report.foreignHistory->describe());
    if (!report.isForeign()) {
        for (const DriftItem &item : report.drift)
            context.warning(item.describe());
    }
    return report;
}

} // namespace nrdb
