#pragma once

#include "jobs/jobwithresult.h"

namespace nrdb {

// Looks for the PostgreSQL client tools (pg_dump, pg_restore and psql) as backups and restores
// would: each set found with its version, whether a given directory holds a whole set, and which
// set a server of serverMajorVersion (0: none connected) gets. The result is that, in words.
// Runs each tool's --version. Thread: as JobWithResult.
class FindToolsJob : public JobWithResult<QString> {
public:
    FindToolsJob(QString directory, int serverMajorVersion)
        : m_directory(std::move(directory)), m_serverMajorVersion(serverMajorVersion)
    {
    }

    QString title() const override { return QStringLiteral("Find the PostgreSQL client tools"); }
    JobAccess access() const override { return JobAccess::ReadOnly; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    QString m_directory;
    int m_serverMajorVersion;
};

} // namespace nrdb
