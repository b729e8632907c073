#include "jobs/createdatabasejob.h"

#include "connection/databaseadmin.h"
#include "jobs/jobcontext.h"

namespace nrdb {

CreateDatabaseJob::CreateDatabaseJob(ConnectionProfile profile) : m_profile(std::move(profile))
{
}

QString CreateDatabaseJob::title() const
{
    return QStringLiteral("Create database %1").arg(m_profile.database);
}

ConnectionProfile CreateDatabaseJob::target() const
{
    return databaseadmin::maintenanceOf(m_profile);
}

Status CreateDatabaseJob::run(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    const Result<bool> exists = databaseadmin::exists(db.value(), m_profile.database);
    if (!exists)
        return exists.error();
    if (exists.value()) {
        context.info(QStringLiteral("Database %1 exists already").arg(m_profile.database));
        return {};
    }
    if (Status created = databaseadmin::create(db.value(), m_profile.database); !created)
        return created;
    context.info(QStringLiteral("Created database %1 on %2").arg(m_profile.database, m_profile.host));
    return {};
}

} // namespace nrdb
