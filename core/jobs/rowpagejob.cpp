#include "jobs/rowpagejob.h"

#include "connection/databasesession.h"
#include "jobs/jobcontext.h"
#include "util/sqlidentifier.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace nrdb {

namespace {

QStringList orderColumns(const RelationInfo &relation)
{
    const ConstraintInfo *primaryKey = relation.primaryKey();
    return primaryKey ? primaryKey->columns : QStringList();
}

} // namespace

RowPageJob::RowPageJob(ConnectionProfile target, RelationInfo relation, qint64 offset, int pageSize)
    : m_target(std::move(target)), m_relation(std::move(relation)), m_offset(offset), m_pageSize(pageSize)
{
}

QString RowPageJob::title() const
{
    return QStringLiteral("Preview %1").arg(m_relation.qualifiedName());
}

QString RowPageJob::selectStatement() const
{
    QStringList order;
    for (const QString &column : orderColumns(m_relation))
        order << quoteIdentifier(column);
    // Without a key, the physical order is at least stable between pages of an idle table.
    const bool physical = order.isEmpty() && m_relation.isTable();
    if (physical)
        order << QStringLiteral("ctid");
    // One row more than the page tells whether another page follows.
    return QStringLiteral("SELECT * FROM %1.%2%3 LIMIT %4 OFFSET %5")
        .arg(quoteIdentifier(m_relation.schema), quoteIdentifier(m_relation.name),
             order.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + order.join(QStringLiteral(", ")))
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
    page.orderedBy = orderColumns(m_relation).join(QStringLiteral(", "));
    if (!query.exec(selectStatement()))
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

} // namespace nrdb
