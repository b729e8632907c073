#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace nrdb {

// A one-query summary of the server and database a connection reached. A plain value type.
struct ServerInfo {
    QString serverVersion; // server_version, e.g. "15.18 (Debian 15.18-0+deb12u1)"
    int serverVersionNumber = 0;
    QString currentUser;
    QString currentDatabase;
    bool superuser = false;
    qint64 databaseSizeBytes = 0;
    int userTableCount = 0;
    QStringList schemas;         // the user's schemas, sorted (public included)
    int freeConnections = 0;     // connection slots left for ordinary users
    bool onThisMachine = false;  // reached through a Unix socket or a loopback address
    int databaseConnections = 0; // sessions on this database, this one included

    int majorVersion() const { return serverVersionNumber / 10000; }
    // Parallel pg_dump jobs worth running: one per core, at most 8, and each is a connection of
    // its own (plus one that leads them), so leave the server some.
    int parallelJobs() const;
    // The same for pg_restore, but one per two cores when the server runs here too: a restore's
    // work is the server's (which builds a large index with parallel workers of its own), and on
    // the 2-core benchmark machine two jobs took 1.13-1.25x the time of one.
    int parallelRestoreJobs() const;
    // pg_stat_progress_copy, which says how far a COPY is, came with PostgreSQL 14.
    bool hasCopyProgress() const { return majorVersion() >= 14; }

    // Reads the summary on the calling thread, which must own db.
    static Result<ServerInfo> read(const QSqlDatabase &db);

private:
    int jobsFor(int cores) const;
};

} // namespace nrdb
