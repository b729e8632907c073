#pragma once

#include "jobs/job.h"

#include <QStringList>
#include <QVariant>

namespace nrdb::test {

// A job that runs SQL statements one by one on its target, checking for cancel between them,
// and keeps the first column of the last statement's first row. Worker thread, per Job.
class StatementJob : public Job {
public:
    StatementJob(QString title, JobAccess access, ConnectionProfile target, QStringList statements);

    QString title() const override { return m_title; }
    JobAccess access() const override { return m_access; }
    ConnectionProfile target() const override { return m_target; }
    Status run(JobContext &context) override;

    const QVariant &lastValue() const { return m_lastValue; }

private:
    QString m_title;
    JobAccess m_access;
    ConnectionProfile m_target;
    QStringList m_statements;
    QVariant m_lastValue;
};

} // namespace nrdb::test
