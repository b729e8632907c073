#include "model/verifyreport.h"

#include "catalog/snapshotjson.h"
#include "util/counting.h"
#include "util/htmlpage.h"

#include <QJsonArray>

namespace nrdb {

namespace {

QString h(const QString &text)
{
    return html::escaped(text);
}

} // namespace

int VerifyReport::differenceCount() const
{
    const int foreignProblems = foreignHistory && !foreignHistory->agrees() ? 1 : 0;
    return static_cast<int>(requiredMissing.size() + drift.size() + migrations.pending.size() +
                            migrations.mismatches.size() + migrations.unknown.size()) +
           foreignProblems;
}

bool VerifyReport::hasDifferences() const
{
    return differenceCount() > 0;
}

QString VerifyReport::verdict() const
{
    if (isForeign())
        return detection.describe();
    if (!requiredMissing.isEmpty())
        return QStringLiteral("Not a %1 database: %2 of its %3 required tables are missing")
            .arg(pack)
            .arg(requiredMissing.size())
            .arg(requiredMissing.size() + requiredPresent.size());
    if (!hasDifferences())
        return QStringLiteral("Matches %1 at %2").arg(pack, modelVersionText);
    const bool foreignAgrees = !foreignHistory || foreignHistory->agrees();
    if (!historyExists && drift.isEmpty() && foreignAgrees)
        return QStringLiteral("Matches %1 at %2, but has no migration history yet: adopt it")
            .arg(pack, modelVersionText);
    return QStringLiteral("%1 from %2")
        .arg(counted(differenceCount(), QStringLiteral("difference"), QStringLiteral("differences")), pack);
}

QStringList VerifyReport::differenceLines() const
{
    QStringList lines;
    for (const QString &table : requiredMissing)
        lines << QStringLiteral("missing required table %1").arg(table);
    for (const DriftItem &item : drift)
        lines << item.describe();
    for (const Migration &migration : migrations.pending)
        lines << QStringLiteral("pending migration %1").arg(migration.label());
    for (const ChecksumMismatch &mismatch : migrations.mismatches)
        lines << QStringLiteral("migration %1 changed since it was applied").arg(mismatch.version);
    for (const AppliedMigration &row : migrations.unknown)
        lines << QStringLiteral("unknown migration %1").arg(row.version);
    if (foreignHistory && !foreignHistory->agrees())
        lines << foreignHistory->describe();
    return lines;
}

QJsonObject VerifyReport::toJson() const
{
    QJsonArray driftJson;
    for (const DriftItem &item : drift)
        driftJson << item.toJson();
    QJsonArray pending;
    for (const Migration &migration : migrations.pending)
        pending << migration.label();
    QJsonArray mismatches;
    for (const ChecksumMismatch &mismatch : migrations.mismatches)
        mismatches << QJsonObject{{QStringLiteral("version"), mismatch.version},
                                  {QStringLiteral("name"), mismatch.name},
                                  {QStringLiteral("recorded_checksum"), mismatch.recorded},
                                  {QStringLiteral("pack_checksum"), mismatch.inPack}};
    QJsonArray unknown;
    for (const AppliedMigration &row : migrations.unknown)
        unknown << QStringLiteral("%1_%2").arg(row.version, 4, 10, QLatin1Char('0')).arg(row.name);
    const QJsonArray findingsJson = findingsToJson(findings);
    QJsonObject elsewhere;
    for (auto it = requiredElsewhere.cbegin(); it != requiredElsewhere.cend(); ++it)
        elsewhere.insert(it.key(), it.value());
    QJsonObject json{
        {QStringLiteral("pack"), pack},
        {QStringLiteral("pack_reason"), packReason},
        {QStringLiteral("model_version"), modelVersion},
        {QStringLiteral("schema"), schema},
        {QStringLiteral("database"), database},
        {QStringLiteral("server"), server},
        {QStringLiteral("server_version"), serverVersion},
        {QStringLiteral("checked_at"), checkedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_ms"), durationMs},
        {QStringLiteral("verdict"), verdict()},
        {QStringLiteral("has_differences"), hasDifferences()},
        {QStringLiteral("required_tables"),
         QJsonObject{{QStringLiteral("present"), QJsonArray::fromStringList(requiredPresent)},
                     {QStringLiteral("missing"), QJsonArray::fromStringList(requiredMissing)},
                     {QStringLiteral("found_in_other_schemas"), elsewhere}}},
        {QStringLiteral("migrations"), QJsonObject{{QStringLiteral("history_exists"), historyExists},
                                                   {QStringLiteral("current_version"), migrations.currentVersion},
                                                   {QStringLiteral("head_version"), migrations.headVersion},
                                                   {QStringLiteral("pending"), pending},
                                                   {QStringLiteral("checksum_mismatches"), mismatches},
                                                   {QStringLiteral("unknown"), unknown}}},
        {QStringLiteral("drift"), driftJson},
        {QStringLiteral("lint"), findingsJson},
    };
    if (foreignHistory)
        json.insert(QStringLiteral("foreign_history"),
                    QJsonObject{{QStringLiteral("tool"), foreignHistory->tool},
                                {QStringLiteral("table"), foreignHistory->table},
                                {QStringLiteral("table_exists"), foreignHistory->tableExists},
                                {QStringLiteral("found"), QJsonArray::fromStringList(foreignHistory->found)},
                                {QStringLiteral("expected"), foreignHistory->expected},
                                {QStringLiteral("agrees"), foreignHistory->agrees()},
                                {QStringLiteral("problem"), foreignHistory->problem}});
    return json;
}

QString VerifyReport::toHtml() const
{
    QString html = html::pageStart(QStringLiteral("Verify %1").arg(database));
    html += QStringLiteral("<h1>Verify: %1</h1><p class=\"%2\"><b>%3</b></p>")
                .arg(h(database), hasDifferences() ? QStringLiteral("bad") : QStringLiteral("ok"), h(verdict()));
    html += QStringLiteral("<p>%1 · PostgreSQL %2 · pack %3 (%4), %5 · checked %6 in %7 ms</p>")
                .arg(h(server), h(serverVersion), h(pack), h(packTitle), h(packReason),
                     h(checkedAt.toUTC().toString(Qt::ISODate)))
                .arg(durationMs);
    html += QStringLiteral("<h2>Required tables</h2><p>%1 present").arg(requiredPresent.size());
    if (!requiredMissing.isEmpty())
        html += QStringLiteral(", <span class=\"bad\">missing: %1</span>")
                    .arg(h(requiredMissing.join(QStringLiteral(", "))));
    html += QStringLiteral("</p>");
    for (auto it = requiredElsewhere.cbegin(); it != requiredElsewhere.cend(); ++it)
        html += QStringLiteral("<p>%1 was found in schema %2 instead of %3.</p>")
                    .arg(h(it.key()), h(it.value()), h(schema));
    html += QStringLiteral("<h2>Migrations</h2><p>%1, version %2 of %3</p>")
                .arg(historyExists ? QStringLiteral("History present") : QStringLiteral("No migration history"))
                .arg(migrations.currentVersion)
                .arg(migrations.headVersion);
    QVector<QStringList> migrationRows;
    for (const Migration &migration : migrations.pending)
        migrationRows << QStringList{QStringLiteral("pending"), migration.label(), QString()};
    for (const ChecksumMismatch &mismatch : migrations.mismatches)
        migrationRows << QStringList{
            QStringLiteral("changed since applied"),
            QString::number(mismatch.version) + QLatin1Char('_') + mismatch.name,
            QStringLiteral("recorded %1, pack %2").arg(mismatch.recorded.left(12), mismatch.inPack.left(12))};
    if (!migrationRows.isEmpty())
        html += html::table({QStringLiteral("State"), QStringLiteral("Migration"), QStringLiteral("Detail")},
                            migrationRows);
    if (foreignHistory)
        html +=
            QStringLiteral("<h2>%1</h2><p class=\"%2\">%3</p>")
                .arg(h(foreignHistory->tool), foreignHistory->agrees() ? QStringLiteral("ok") : QStringLiteral("bad"),
                     h(foreignHistory->describe()));
    html += QStringLiteral("<h2>Drift from the expected model at %1</h2>").arg(h(modelVersionText));
    QVector<QStringList> driftRows;
    for (const DriftItem &item : drift)
        driftRows << QStringList{
            driftKindName(item.kind), item.objectType, item.table, item.object, item.expected, item.actual};
    html += driftRows.isEmpty()
                ? QStringLiteral("<p class=\"ok\">None.</p>")
                : html::table({QStringLiteral("Kind"), QStringLiteral("Object"), QStringLiteral("Table"),
                               QStringLiteral("Name"), QStringLiteral("Expected"), QStringLiteral("Actual")},
                              driftRows);
    html += QStringLiteral("<h2>Lint findings (%1)</h2>").arg(findings.size());
    QVector<QStringList> lintRows;
    for (const LintFinding &finding : findings)
        lintRows << QStringList{lintSeverityName(finding.severity), finding.message, finding.fixSql};
    if (!lintRows.isEmpty())
        html += html::table({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Fix")}, lintRows);
    return html + html::pageEnd();
}

} // namespace nrdb
