// How a MigrationPlan is written out: the script for psql, and JSON.
#include "model/migrationplan.h"

#include <QJsonArray>

namespace nrdb {

namespace {

QString costName(StatementCost cost)
{
    switch (cost) {
    case StatementCost::Catalog:
        return QStringLiteral("catalog");
    case StatementCost::Scans:
        return QStringLiteral("scans");
    case StatementCost::Rewrites:
        return QStringLiteral("rewrites");
    }
    return {};
}

QString commented(const QString &text)
{
    return QStringLiteral("-- ") + QString(text).replace(QLatin1Char('\n'), QStringLiteral("\n-- "));
}

QJsonObject itemToJson(const DriftItem &item)
{
    return QJsonObject{{QStringLiteral("kind"), driftKindName(item.kind)},
                       {QStringLiteral("objectType"), item.objectType},
                       {QStringLiteral("table"), item.table},
                       {QStringLiteral("object"), item.object},
                       {QStringLiteral("describe"), item.describe()}};
}

} // namespace

QStringList MigrationPlan::settingsFor(const PlannedStatement &statement) const
{
    // Scans and rewrites take as long as the table is big: bounded by the lock wait only.
    const int statementTimeout = statement.cost == StatementCost::Catalog ? options.statementTimeoutMs : 0;
    return {QStringLiteral("SET lock_timeout = '%1ms'").arg(options.lockTimeoutMs),
            QStringLiteral("SET statement_timeout = '%1ms'").arg(statementTimeout)};
}

QString MigrationPlan::toSql(const QString &title) const
{
    QStringList lines;
    lines << commented(title);
    lines << QStringLiteral("-- %1 statement(s). Run with: psql -v ON_ERROR_STOP=1 -f FILE").arg(statements.size());
    lines << QStringLiteral("-- Each statement commits on its own; a statement marked \"on its own\" cannot run "
                            "inside BEGIN ... COMMIT.");
    for (const PlanRefusal &refusal : refused)
        lines << commented(QStringLiteral("NOT REPAIRED: %1: %2").arg(refusal.item.describe(), refusal.reason));
    for (const DriftItem &extra : keptExtras)
        lines << commented(QStringLiteral("KEPT: %1 (dropped only when drops are allowed)").arg(extra.describe()));
    for (const QString &hint : hints)
        lines << commented(QStringLiteral("HINT: ") + hint);
    int number = 0;
    for (const PlannedStatement &statement : statements) {
        lines << QString();
        lines << QStringLiteral("-- %1. %2").arg(++number).arg(statement.item.describe());
        QString label = QStringLiteral("--    lock: %1; cost: %2").arg(statement.lock, costName(statement.cost));
        if (!statement.inTransaction)
            label += QStringLiteral("; on its own (outside a transaction)");
        lines << label;
        if (!statement.hazard.isEmpty())
            lines << QStringLiteral("--    hazard: ") + statement.hazard;
        for (const QString &setting : settingsFor(statement))
            lines << setting + QLatin1Char(';');
        lines << statement.sql + QLatin1Char(';');
    }
    lines << QString();
    return lines.join(QLatin1Char('\n'));
}

QJsonObject MigrationPlan::toJson() const
{
    QJsonArray statementsJson;
    for (const PlannedStatement &statement : statements)
        statementsJson << QJsonObject{{QStringLiteral("sql"), statement.sql},
                                      {QStringLiteral("difference"), itemToJson(statement.item)},
                                      {QStringLiteral("lock"), statement.lock},
                                      {QStringLiteral("hazard"), statement.hazard},
                                      {QStringLiteral("cost"), costName(statement.cost)},
                                      {QStringLiteral("inTransaction"), statement.inTransaction},
                                      {QStringLiteral("dropsData"), statement.dropsData}};
    QJsonArray refusedJson;
    for (const PlanRefusal &refusal : refused)
        refusedJson << QJsonObject{{QStringLiteral("difference"), itemToJson(refusal.item)},
                                   {QStringLiteral("reason"), refusal.reason}};
    QJsonArray keptJson;
    for (const DriftItem &extra : keptExtras)
        keptJson << itemToJson(extra);
    return QJsonObject{{QStringLiteral("schema"), schema},
                       {QStringLiteral("allowDrop"), options.allowDrop},
                       {QStringLiteral("statements"), statementsJson},
                       {QStringLiteral("refused"), refusedJson},
                       {QStringLiteral("keptExtras"), keptJson},
                       {QStringLiteral("hints"), QJsonArray::fromStringList(hints)}};
}

} // namespace nrdb
