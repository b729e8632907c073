#pragma once

#include "catalog/schemasnapshot.h"
#include "jobs/jobwithresult.h"

#include <QStringList>
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

// Reads `pageSize` rows of a relation from `offset`, ordered by its primary key (by its
// physical order when it has none), in a read-only transaction. Only the page crosses the wire.
// Thread: as JobWithResult.
class RowPageJob : public JobWithResult<RowPage> {
public:
    static constexpr int kPageSize = 200;

    RowPageJob(ConnectionProfile target, RelationInfo relation, qint64 offset, int pageSize = kPageSize);

    QString title() const override;
    JobAccess access() const override { return JobAccess::ReadOnly; }
    ConnectionProfile target() const override { return m_target; }

    // The SELECT it runs, for the log and for tests.
    QString selectStatement() const;

protected:
    Result<RowPage> execute(JobContext &context) override;

private:
    ConnectionProfile m_target;
    RelationInfo m_relation;
    qint64 m_offset;
    int m_pageSize;
};

} // namespace nrdb
