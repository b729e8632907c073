#pragma once

#include "util/result.h"

#include <QString>
#include <QVector>

namespace nrdb {

// pg_dump, pg_restore and psql of one PostgreSQL version, found on this machine.
struct ClientTools {
    QString binDir;
    int majorVersion = 0;
    QString versionText; // "15.18"

    QString pgDump() const;
    QString pgRestore() const;
    QString psql() const;

    // Every directory with all three tools: userDir first (if set), /usr/lib/postgresql/<major>/bin
    // (newest first), then PATH unless it leads to Debian's pg_wrapper. Any thread.
    static QVector<ClientTools> discover(const QString &userDir = {});
    // The newest version at least as new as the server (pg_dump refuses newer servers);
    // otherwise an error that names what was found and what is needed.
    static Result<ClientTools> forServer(int serverMajorVersion, const QString &userDir = {});
};

} // namespace nrdb
