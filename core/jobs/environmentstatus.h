#pragma once

#include "backup/backupcatalog.h"
#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace nrdb {

// What one environment (a saved profile) is like right now: whether its server answers and how
// fast, which NetRaven it holds and how far that has drifted, and how it is backed up. The row of
// the Environments view, of `environments --json` and of the health report. A plain value type.
struct EnvironmentStatus {
    ConnectionProfile profile; // never with its password
    QDateTime readAt;
    bool reached = false;   // the server answered and the database could be read
    Error failure;          // why not (reached is false), or what stopped the read after connecting
    qint64 connectMs = 0;   // until the session was open, password lookup included
    double roundTripMs = 0; // one SELECT 1 on the open session

    QString serverVersion;
    QString pack;            // the pack the catalog shows ("netraven-v2"); empty when none is recognised
    QString packVersion;     // "version 2 (NetRaven main 2f641cc, …)"
    QString packVerdict;     // verify's one line: "Matches netraven-v2 at …", or what the database is instead
    QString alembicRevision; // what alembic_version holds, for a pack Alembic keeps beside us
    int differences = 0;     // drift, missing tables, pending or unknown migrations (verify's count)
    int lintFindings = 0;
    qint64 databaseSizeBytes = 0;
    int connections = 0;     // sessions on the database, the reading one included
    int freeConnections = 0; // slots the server has left for ordinary users

    QString backupDirectory; // where its backups were looked for; empty: not looked
    std::optional<BackupEntry> lastBackup;
    std::optional<BackupEntry> lastProof;

    bool isRecognised() const { return !pack.isEmpty(); }
    // One line on what needs a DBA's eye first: unreachable, drifted, never backed up, unproven…;
    // empty when nothing does.
    QString concern() const;
    QJsonObject toJson() const;
};

} // namespace nrdb
