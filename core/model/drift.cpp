#include "model/drift.h"

#include <QSet>

namespace nrdb {

namespace {

void compareNamed(const QString &objectType, const QString &table, const QMap<QString, QString> &expected,
                  const QMap<QString, QString> &actual, QVector<DriftItem> &drift)
{
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!actual.contains(it.key()))
            drift << DriftItem{DriftKind::Missing, objectType, table, it.key(), it.value(), {}};
        else if (actual.value(it.key()) != it.value())
            drift << DriftItem{DriftKind::Changed, objectType, table, it.key(), it.value(), actual.value(it.key())};
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        if (!expected.contains(it.key()))
            drift << DriftItem{DriftKind::Extra, objectType, table, it.key(), {}, it.value()};
    }
}

void compareTables(const SchemaModel::Table &expected, const SchemaModel::Table &actual, QVector<DriftItem> &drift)
{
    const QString &table = expected.name;
    for (const SchemaModel::Column &column : expected.columns) {
        const SchemaModel::Column *found = actual.column(column.name);
        if (!found) {
            drift << DriftItem{DriftKind::Missing, QStringLiteral("column"), table, column.name, column.describe(), {}};
            continue;
        }
        if (found->type != column.type || found->notNull != column.notNull ||
            found->defaultExpression != column.defaultExpression)
            drift << DriftItem{DriftKind::Changed, QStringLiteral("column"), table,
                               column.name,        column.describe(),        found->describe()};
        if (found->comment != column.comment)
            drift << DriftItem{DriftKind::Changed, QStringLiteral("comment"), table, column.name, column.comment,
                               found->comment};
    }
    for (const SchemaModel::Column &column : actual.columns) {
        if (!expected.column(column.name))
            drift << DriftItem{DriftKind::Extra, QStringLiteral("column"), table, column.name, {}, column.describe()};
    }
    compareNamed(QStringLiteral("constraint"), table, expected.constraints, actual.constraints, drift);
    compareNamed(QStringLiteral("index"), table, expected.indexes, actual.indexes, drift);
    if (expected.comment != actual.comment)
        drift << DriftItem{DriftKind::Changed, QStringLiteral("comment"), table, {}, expected.comment, actual.comment};
}

} // namespace

QString driftKindName(DriftKind kind)
{
    switch (kind) {
    case DriftKind::Missing:
        return QStringLiteral("missing");
    case DriftKind::Extra:
        return QStringLiteral("extra");
    case DriftKind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString DriftItem::describe() const
{
    if (objectType == QLatin1String("table"))
        return QStringLiteral("%1 table %2").arg(driftKindName(kind), table);
    if (table.isEmpty())
        return QStringLiteral("%1 %2 %3").arg(driftKindName(kind), objectType, object);
    if (object.isEmpty()) // a table's own comment
        return QStringLiteral("%1 %2 on %3").arg(driftKindName(kind), objectType, table);
    return QStringLiteral("%1 %2 %3 on %4").arg(driftKindName(kind), objectType, object, table);
}

QJsonObject DriftItem::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), driftKindName(kind)},
                       {QStringLiteral("object_type"), objectType},
                       {QStringLiteral("table"), table},
                       {QStringLiteral("object"), object},
                       {QStringLiteral("expected"), expected},
                       {QStringLiteral("actual"), actual},
                       {QStringLiteral("describe"), describe()}};
}

QVector<DriftItem> compareModels(const SchemaModel &expected, const SchemaModel &actual)
{
    QVector<DriftItem> drift;
    for (const SchemaModel::Table &table : expected.tables) {
        const auto found = actual.tables.constFind(table.name);
        if (found == actual.tables.constEnd())
            drift << DriftItem{DriftKind::Missing, QStringLiteral("table"), table.name, {}, table.name, {}};
        else
            compareTables(table, *found, drift);
    }
    for (const SchemaModel::Table &table : actual.tables) {
        if (!expected.tables.contains(table.name))
            drift << DriftItem{DriftKind::Extra, QStringLiteral("table"), table.name, {}, {}, table.name};
    }
    QMap<QString, QString> expectedEnums;
    QMap<QString, QString> actualEnums;
    for (auto it = expected.enums.cbegin(); it != expected.enums.cend(); ++it)
        expectedEnums.insert(it.key(), it.value().join(QStringLiteral(", ")));
    for (auto it = actual.enums.cbegin(); it != actual.enums.cend(); ++it)
        actualEnums.insert(it.key(), it.value().join(QStringLiteral(", ")));
    compareNamed(QStringLiteral("enum"), {}, expectedEnums, actualEnums, drift);
    // A serial column's sequence comes and goes with its table: said once, as the table.
    const auto ownedByTableOnlyIn = [](const QMap<QString, QString> &sequences, const SchemaModel &other) {
        QMap<QString, QString> kept;
        for (auto it = sequences.cbegin(); it != sequences.cend(); ++it) {
            const QString owner = it.value().section(QStringLiteral(" owned by "), 1).section(QLatin1Char('.'), 0, 0);
            if (owner.isEmpty() || other.tables.contains(owner))
                kept.insert(it.key(), it.value());
        }
        return kept;
    };
    compareNamed(QStringLiteral("sequence"), {}, ownedByTableOnlyIn(expected.sequences, actual),
                 ownedByTableOnlyIn(actual.sequences, expected), drift);
    compareNamed(QStringLiteral("view"), {}, expected.views, actual.views, drift);
    return drift;
}

} // namespace nrdb
