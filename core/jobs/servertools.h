#pragma once

#include "backup/clienttools.h"
#include "connection/serverinfo.h"

#include <QSqlDatabase>

namespace nrdb {

class JobContext;

// What a job that runs pg_dump, pg_restore or psql starts with: its connection, what the server
// is, and the client tools that fit it (at least its major version; userDir first).
struct ServerTools {
    QSqlDatabase db;
    ServerInfo server;
    ClientTools tools;

    static Result<ServerTools> connect(JobContext &context, const QString &userDir);
};

} // namespace nrdb
