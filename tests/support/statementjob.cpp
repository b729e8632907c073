#include "statementjob.h"

#include "connection/databasesession.h"
#include "jobs/jobcontext.h"

#include <QSqlQuery>
#include <QVariant>

namespace nrdb::test {

StatementJob::StatementJob(QString title, JobAccess access, ConnectionProfile target, QStringList statements)
    : m_title(std::move(title)), m_access(access), m_target(std::move(target)), m_statements(std::move(statements))
{
}

Result<QVariant> StatementJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Running statements"), m_statements.size());
    QVariant lastValue;
    for (int i = 0; i < m_statements.size(); ++i) {
        if (context.isCancelled())
            return JobContext::cancelledError();
        QSqlQuery query(db.value());
        query.setForwardOnly(true);
        if (!query.exec(m_statements.at(i)))
            return sqlError(query.lastError(), QStringLiteral("Statement %1 failed").arg(i + 1));
        if (query.next())
            lastValue = query.value(0);
        context.info(QStringLiteral("Ran statement %1 of %2").arg(i + 1).arg(m_statements.size()));
        context.setProgress(i + 1, m_statements.size());
    }
    return lastValue;
}

} // namespace nrdb::test
