#include "jobs/rowpagejob.h"

#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "util/sqlidentifier.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace nrdb {

namespace {

QStringList keyColumns(const RelationInfo &relation)
{
    const ConstraintInfo *primaryKey = relation.primaryKey();
    return primaryKey ? primaryKey->columns : QStringList();
}

// A LIKE pattern that finds text as it is: its %, _ and \ escaped.
QString containsPattern(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

} // namespace

bool RowQuery::filters() const
{
    return !filterColumn.isEmpty() && !filterText.isEmpty() && !maskedColumns.contains(filterColumn);
}

QString RowQuery::whereClause() const
{
    return filters() ? QStringLiteral(" WHERE %1::text ILIKE ?").arg(quoteIdentifier(filterColumn)) : QString();
}

QVariantList RowQuery::boundValues() const
{
    return filters() ? QVariantList{containsPattern(filterText)} : QVariantList{};
}

const QString RowPageJob::kMask = QStringLiteral("••••••");

RowPageJob::RowPageJob(ConnectionProfile target, RelationInfo relation, qint64 offset, RowQuery query, int pageSize)
    : m_target(std::move(target)), m_relation(std::move(relation)), m_offset(offset), m_query(std::move(query)),
      m_pageSize(pageSize)
{
}

QString RowPageJob::title() const
{
    return QStringLiteral("Preview %1").arg(m_relation.qualifiedName());
}

QString RowPageJob::selectList() const
{
    QStringList list;
    for (const ColumnInfo &column : m_relation.columns) {
        const QString name = quoteIdentifier(column.name);
        list << (m_query.maskedColumns.contains(column.name)
                     ? QStringLiteral("CASE WHEN %1 IS NULL THEN NULL ELSE %2 END AS %1").arg(name, quoteLiteral(kMask))
                     : name);
    }
    return list.isEmpty() ? QStringLiteral("*") : list.join(QStringLiteral(", "));
}

QString RowPageJob::orderBy() const
{
    QStringList order;
    if (!m_query.sortColumn.isEmpty())
        order << quoteIdentifier(m_query.sortColumn) + (m_query.descending ? QStringLiteral(" DESC") : QString());
    for (const QString &column : keyColumns(m_relation)) {
        if (column != m_query.sortColumn)
            order << quoteIdentifier(column);
    }
    // Without a key, the physical order is at least stable between pages of an idle table.
    if (keyColumns(m_relation).isEmpty() && m_relation.isTable())
        order << QStringLiteral("ctid");
    return order.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + order.join(QStringLiteral(", "));
}

QString RowPageJob::selectStatement() const
{
    // One row more than the page tells whether another page follows.
    return QStringLiteral("SELECT %1 FROM %2.%3%4%5 LIMIT %6 OFFSET %7")
        .arg(selectList(), quoteIdentifier(m_relation.schema), quoteIdentifier(m_relation.name), m_query.whereClause(),
             orderBy())
        .arg(m_pageSize + 1)
        .arg(m_offset);
}

Result<RowPage> RowPageJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    QSqlQuery query(db.value());
    if (!query.exec(QStringLiteral("BEGIN READ ONLY")))
        return sqlError(query.lastError(), QStringLiteral("Could not begin a read-only transaction"));
    query.setForwardOnly(true);
    RowPage page;
    page.offset = m_offset;
    page.orderedBy = m_query.sortColumn.isEmpty()
                         ? keyColumns(m_relation).join(QStringLiteral(", "))
                         : m_query.sortColumn + (m_query.descending ? QStringLiteral(" (descending)") : QString());
    if (!execPrepared(query, selectStatement(), m_query.boundValues()))
        return sqlError(query.lastError(), QStringLiteral("Could not read %1").arg(m_relation.qualifiedName()));
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i)
        page.columns << record.fieldName(i);
    while (query.next()) {
        if (page.rows.size() == m_pageSize) {
            page.hasMore = true;
            break;
        }
        QVector<QVariant> row(record.count());
        for (int i = 0; i < record.count(); ++i)
            row[i] = query.value(i);
        page.rows << row;
    }
    query.finish();
    (void)query.exec(QStringLiteral("COMMIT"));
    return page;
}

RowCountJob::RowCountJob(ConnectionProfile target, RelationInfo relation, RowQuery query)
    : m_target(std::move(target)), m_relation(std::move(relation)), m_query(std::move(query))
{
}

QString RowCountJob::title() const
{
    return QStringLiteral("Count the rows of %1").arg(m_relation.qualifiedName());
}

Result<qint64> RowCountJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Counting the rows of %1 (reads the whole table)").arg(m_relation.qualifiedName()));
    QSqlQuery query(db.value());
    if (!query.exec(QStringLiteral("BEGIN READ ONLY")))
        return sqlError(query.lastError(), QStringLiteral("Could not begin a read-only transaction"));
    const QString count =
        QStringLiteral("SELECT count(*) FROM %1.%2%3")
            .arg(quoteIdentifier(m_relation.schema), quoteIdentifier(m_relation.name), m_query.whereClause());
    if (!execPrepared(query, count, m_query.boundValues()) || !query.next())
        return sqlError(query.lastError(),
                        QStringLiteral("Could not count the rows of %1").arg(m_relation.qualifiedName()));
    const qint64 rows = query.value(0).toLongLong();
    query.finish();
    (void)query.exec(QStringLiteral("COMMIT"));
    return rows;
}

} // namespace nrdb
