#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace nrdb {

// A PostgreSQL server installation found on this machine (initdb, pg_ctl, postgres). Any thread.
struct ServerInstallation {
    QString binDir;
    QString versionText; // e.g. "15.18"
    int majorVersion = 0;

    QString tool(const QString &name) const;

    // With binDir given, uses exactly that directory. Otherwise $NRDB_PG_BINDIR if set, else the
    // first of /usr/lib/postgresql/<major>/bin (newest first) and PATH that has initdb, pg_ctl
    // and postgres.
    static Result<ServerInstallation> find(const QString &binDir = {});

    // Where find() looks, in order.
    static QStringList searchDirectories(const QString &binDir = {});
};

} // namespace nrdb
