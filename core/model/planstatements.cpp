#include "model/planstatements.h"

#include "util/sqlidentifier.h"

#include <QRegularExpression>

namespace nrdb::plan {

const QString kAccessExclusive = QStringLiteral("ACCESS EXCLUSIVE");
const QString kSequenceLock = QStringLiteral("SHARE ROW EXCLUSIVE");

QString lockOn(const QString &level, const QString &object)
{
    return QStringLiteral("%1 on %2").arg(level, object);
}

QString qualifiedIn(const QString &schema, const QString &name)
{
    return quoteIdentifier(schema) + QLatin1Char('.') + quoteIdentifier(name);
}

QString sequenceType(const QString &description)
{
    return description.section(QStringLiteral(" owned by "), 0, 0);
}

QString sequenceOwner(const QString &description)
{
    return description.section(QStringLiteral(" owned by "), 1);
}

bool isVarcharWidening(const QString &from, const QString &to)
{
    static const QRegularExpression varchar(QStringLiteral("^character varying\\((\\d+)\\)$"));
    const QRegularExpressionMatch before = varchar.match(from);
    if (!before.hasMatch())
        return false;
    if (to == QLatin1String("text") || to == QLatin1String("character varying"))
        return true;
    const QRegularExpressionMatch after = varchar.match(to);
    return after.hasMatch() && after.captured(1).toInt() >= before.captured(1).toInt();
}

bool isVolatileDefault(const QString &expression)
{
    static const QRegularExpression volatileCall(
        QStringLiteral("\\b(nextval|random|gen_random_uuid|uuid_generate_v\\d|clock_timestamp|timeofday)\\s*\\("));
    return volatileCall.match(expression).hasMatch();
}

QString referencedTable(const QString &definition)
{
    static const QRegularExpression references(QStringLiteral("REFERENCES ([^(]+)\\("));
    const QRegularExpressionMatch match = references.match(definition);
    return match.hasMatch() ? QStringLiteral(" and ") + match.captured(1) : QString();
}

PlannedStatement dropConstraintStatement(const QString &schema, const DriftItem &item, const QString &hazard)
{
    PlannedStatement statement;
    statement.sql = QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2")
                        .arg(qualifiedIn(schema, item.table), quoteIdentifier(item.object));
    statement.item = item;
    statement.lock = lockOn(kAccessExclusive, item.table);
    statement.hazard = hazard;
    return statement;
}

PlannedStatement dropIndexStatement(const QString &schema, const DriftItem &item, const QString &hazard)
{
    PlannedStatement statement;
    statement.sql = QStringLiteral("DROP INDEX CONCURRENTLY %1").arg(qualifiedIn(schema, item.object));
    statement.item = item;
    statement.lock = lockOn(QStringLiteral("SHARE UPDATE EXCLUSIVE"), item.table);
    statement.hazard = hazard;
    statement.inTransaction = false;
    return statement;
}

PlannedStatement dropObjectStatement(const QString &schema, const DriftItem &item, Phase &phase)
{
    const QString &type = item.objectType;
    PlannedStatement statement;
    statement.item = item;
    statement.dropsData = type != QLatin1String("enum");
    phase = DropTypes;
    if (type == QLatin1String("table")) {
        phase = DropTables;
        statement.sql = QStringLiteral("DROP TABLE %1").arg(qualifiedIn(schema, item.table));
        statement.hazard = QStringLiteral("DATA LOSS: every row of %1").arg(item.table);
    } else if (type == QLatin1String("column")) {
        phase = DropColumns;
        statement.sql = QStringLiteral("ALTER TABLE %1 DROP COLUMN %2")
                            .arg(qualifiedIn(schema, item.table), quoteIdentifier(item.object));
        statement.hazard = QStringLiteral("DATA LOSS: the values of %1.%2").arg(item.table, item.object);
    } else if (type == QLatin1String("view")) {
        phase = DropViews;
        statement.sql = QStringLiteral("DROP VIEW %1").arg(qualifiedIn(schema, item.object));
        statement.hazard = QStringLiteral("queries and views that read %1 fail").arg(item.object);
        statement.dropsData = false;
    } else if (type == QLatin1String("sequence")) {
        phase = DropSequences;
        statement.sql = QStringLiteral("DROP SEQUENCE %1").arg(qualifiedIn(schema, item.object));
        statement.hazard = QStringLiteral("DATA LOSS: the sequence's position");
    } else {
        statement.sql = QStringLiteral("DROP TYPE %1").arg(qualifiedIn(schema, item.object));
        statement.hazard = QStringLiteral("fails while a column uses the type");
    }
    statement.lock = lockOn(kAccessExclusive, item.table.isEmpty() ? item.object : item.table);
    return statement;
}

} // namespace nrdb::plan
