#include "connection/serverinfo.h"

#include "connection/databasesession.h"
#include "util/sqlresource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace nrdb {

Result<ServerInfo> ServerInfo::read(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const bool ok = query.exec(sqlResource(QStringLiteral("server_info")));
    if (!ok || !query.next())
        return sqlError(query.lastError(), QStringLiteral("Could not read the server summary"));
    ServerInfo info;
    info.serverVersion = query.value(0).toString();
    info.serverVersionNumber = query.value(1).toInt();
    info.currentUser = query.value(2).toString();
    info.currentDatabase = query.value(3).toString();
    info.superuser = query.value(4).toBool();
    info.databaseSizeBytes = query.value(5).toLongLong();
    info.userTableCount = query.value(6).toInt();
    const QJsonArray schemas = QJsonDocument::fromJson(query.value(7).toString().toUtf8()).array();
    for (const QJsonValue &schema : schemas)
        info.schemas << schema.toString();
    info.freeConnections = query.value(8).toInt();
    info.onThisMachine = query.value(9).toBool();
    info.databaseConnections = query.value(10).toInt();
    return info;
}

int ServerInfo::parallelJobs() const
{
    return jobsFor(QThread::idealThreadCount());
}

int ServerInfo::parallelRestoreJobs() const
{
    const int cores = QThread::idealThreadCount();
    return jobsFor(onThisMachine ? cores / 2 : cores);
}

int ServerInfo::jobsFor(int cores) const
{
    return qBound(1, qMin(cores, freeConnections - 2), 8);
}

} // namespace nrdb
