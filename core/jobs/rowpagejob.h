#pragma once

#include "catalog/schemasnapshot.h"
#include "jobs/jobwithresult.h"

#include <QStringList>
#include <QVariant>
#include <QVector>

namespace nrdb {

// One page of a relation's rows, as text.
struct RowPage {
    QStringList columns;
    QVector<QVector<QVariant>> rows; // a null value is a null QVariant
    qint64 offset = 0;
    bool hasMore = false;
    QString orderedBy; // what the rows are sorted by, for the user
};

// What rows, in what order: a plain value type.
struct RowQuery {
    QString sortColumn; // empty: the primary key's order (the physical order without one)
    bool descending = false;
    QString filterColumn;      // with filterText: the rows whose value, as text, contains it (any case)
    QString filterText;        // bound as a value, never written into the SQL
    QStringList maskedColumns; // read as "••••••" (NULL stays NULL): their values never leave the server

    // A filter on a column that is not masked (a filter would tell a secret's value).
    bool filters() const;
    // " WHERE <column>::text ILIKE ?" when it filters, else empty; its value is boundValues().
    QString whereClause() const;
    QVariantList boundValues() const;
};

// Reads `pageSize` rows of a relation from `offset`, as the RowQuery says (the key breaks ties
// of a sort), in a read-only transaction. Only the page crosses the wire.
// Thread: as JobWithResult.
class RowPageJob : public JobWithResult<RowPage> {
public:
    static constexpr int kPageSize = 200;

    static const QString kMask;

    RowPageJob(ConnectionProfile target, RelationInfo relation, qint64 offset, RowQuery query = {},
               int pageSize = kPageSize);

    QString title() const override;
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }
    bool isQuiet() const override { return true; } // one of many, as the user pages

    // The SELECT it runs (a filter's value bound to its one ?), for the log and for tests.
    QString selectStatement() const;

protected:
    Result<RowPage> execute(JobContext &context) override;

private:
    QString selectList() const;
    QString orderBy() const;

    ConnectionProfile m_target;
    RelationInfo m_relation;
    qint64 m_offset;
    RowQuery m_query;
    int m_pageSize;
};

// Counts the rows of a relation that a RowQuery selects, exactly: count(*) reads the whole table,
// so it is a job of its own, asked for, with a cancel that reaches the server. In a read-only
// transaction. Thread: as JobWithResult.
class RowCountJob : public JobWithResult<qint64> {
public:
    RowCountJob(ConnectionProfile target, RelationInfo relation, RowQuery query);

    QString title() const override;
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<qint64> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    RelationInfo m_relation;
    RowQuery m_query;
};

} // namespace nrdb
