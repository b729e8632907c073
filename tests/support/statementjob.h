#pragma once

#include "jobs/jobwithresult.h"

#include <QStringList>
#include <QVariant>

namespace nrdb::test {

// A job that runs SQL statements one by one on its target, checking for cancel between them;
// its result is the first column of the last statement's first row. Thread: as JobWithResult.
class StatementJob : public JobWithResult<QVariant> {
public:
    StatementJob(QString title, JobAccess access, ConnectionProfile target, QStringList statements);

    QString title() const override { return m_title; }
    JobAccess access() const override { return m_access; }
    ConnectionProfile target() const override { return m_target; }

protected:
    Result<QVariant> execute(JobContext &context) override;

private:
    QString m_title;
    JobAccess m_access;
    ConnectionProfile m_target;
    QStringList m_statements;
};

} // namespace nrdb::test
