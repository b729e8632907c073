// How a MigrationPlan is written out: the script for psql, and JSON.
#include "model/migrationplan.h"

#include <QJsonArray>
#include <QRegularExpression>

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

// A statement that runs on its own (CONCURRENTLY), as it runs inside a migration's transaction.
PlannedStatement inTransaction(const PlannedStatement &statement)
{
    static const QRegularExpression concurrently(QStringLiteral("^((CREATE (UNIQUE )?|DROP )INDEX) CONCURRENTLY "));
    if (statement.inTransaction)
        return statement;
    PlannedStatement changed = statement;
    changed.sql.replace(concurrently, QStringLiteral("\\1 "));
    changed.inTransaction = true;
    const QString table = statement.lock.section(QStringLiteral(" on "), 1);
    const bool drops = statement.sql.startsWith(QLatin1String("DROP"));
    changed.lock =
        QStringLiteral("%1 on %2").arg(drops ? QStringLiteral("ACCESS EXCLUSIVE") : QStringLiteral("SHARE"), table);
    if (!drops)
        changed.hazard = QStringLiteral("writes to %1 wait while the index builds").arg(table);
    return changed;
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
    return script(title, false);
}

QString MigrationPlan::toMigration(const QString &title) const
{
    return script(title, true);
}

QString MigrationPlan::script(const QString &title, bool migration) const
{
    QStringList lines;
    lines << commented(title);
    if (migration)
        lines << QStringLiteral("-- %1 statement(s), run in the migration's one transaction with its history row; "
                                "indexes are built inside it, blocking writes to their table while they build.")
                     .arg(statements.size());
    else
        lines << QStringLiteral("-- %1 statement(s). Run with: psql -v ON_ERROR_STOP=1 -f FILE").arg(statements.size())
              << QStringLiteral("-- Each statement commits on its own; a statement marked \"on its own\" cannot run "
                                "inside BEGIN ... COMMIT.");
    for (const PlanRefusal &refusal : refused)
        lines << commented(QStringLiteral("NOT REPAIRED: %1: %2").arg(refusal.item.describe(), refusal.reason));
    for (const DriftItem &extra : keptExtras)
        lines << commented(QStringLiteral("KEPT: %1 (dropped only when drops are allowed)").arg(extra.describe()));
    for (const QString &hint : hints)
        lines << commented(QStringLiteral("HINT: ") + hint);
    int number = 0;
    for (const PlannedStatement &planned : statements) {
        const PlannedStatement statement = migration ? inTransaction(planned) : planned;
        lines << QString();
        lines << QStringLiteral("-- %1. %2").arg(++number).arg(statement.item.describe());
        QString label = QStringLiteral("--    lock: %1; cost: %2").arg(statement.lock, costName(statement.cost));
        if (!statement.inTransaction && !migration)
            label += QStringLiteral("; on its own (outside a transaction)");
        lines << label;
        if (!statement.hazard.isEmpty())
            lines << QStringLiteral("--    hazard: ") + statement.hazard;
        for (const QString &setting : settingsFor(statement))
            lines << (migration ? QString(setting).replace(QStringLiteral("SET "), QStringLiteral("SET LOCAL "))
                                : setting) +
                         QLatin1Char(';');
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
                                      {QStringLiteral("schema"), statement.schema},
                                      {QStringLiteral("difference"), statement.item.toJson()},
                                      {QStringLiteral("lock"), statement.lock},
                                      {QStringLiteral("hazard"), statement.hazard},
                                      {QStringLiteral("cost"), costName(statement.cost)},
                                      {QStringLiteral("inTransaction"), statement.inTransaction},
                                      {QStringLiteral("dropsData"), statement.dropsData}};
    QJsonArray refusedJson;
    for (const PlanRefusal &refusal : refused)
        refusedJson << QJsonObject{{QStringLiteral("difference"), refusal.item.toJson()},
                                   {QStringLiteral("reason"), refusal.reason}};
    QJsonArray keptJson;
    for (const DriftItem &extra : keptExtras)
        keptJson << extra.toJson();
    return QJsonObject{{QStringLiteral("schema"), schema},
                       {QStringLiteral("allowDrop"), options.allowDrop},
                       {QStringLiteral("statements"), statementsJson},
                       {QStringLiteral("refused"), refusedJson},
                       {QStringLiteral("keptExtras"), keptJson},
                       {QStringLiteral("hints"), QJsonArray::fromStringList(hints)}};
}

} // namespace nrdb
