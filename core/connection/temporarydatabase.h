#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace nrdb {

// The databases this tool makes for a while (a restore's staging copy, a proof's scratch copy)
// carry a marker in their comment: what made them, for which database, on which machine, in
// which process. What a killed tool leaves behind is recognised by it and offered for clean-up
// by the next run, and a database without the marker is never taken for one. A restore clears
// the marker in the transaction that gives its copy the target's name.
namespace temporarydatabase {

// The comment's beginning; JSON follows it.
inline const QString kMarkerPrefix = QStringLiteral("netraven-dbadmin temporary ");

struct Marker {
    QString purpose;     // "restore staging", "proof scratch"
    QString forDatabase; // the database it was made for
    QString host;        // the machine of the process that made it
    qint64 pid = 0;
    qint64 processStart = 0; // that process's start time (clock ticks since boot), against reused pids
    QDateTime created;

    // The marker of a database this process makes now.
    static Marker ofThisProcess(const QString &purpose, const QString &forDatabase);
    QString comment() const;
    static std::optional<Marker> fromComment(const QString &comment);
};

// CREATE DATABASE, then the marker as its comment; if the comment cannot be set, the database
// is dropped again and the error returned.
Status createMarked(const QSqlDatabase &maintenance, const QString &name, const Marker &marker);

struct Leftover {
    QString database;
    Marker marker;
    int sessions = 0;
    QString why; // "made by process 4242 on this machine, which is gone"

    // "nrdb_x_restoring_…: the restore staging for nrdb_x, made by process 4242 on this machine, which is gone"
    QString description() const;
};

// A marked database is left over when nobody is connected to it and the process that made it on
// this machine is gone, or, made on another machine, when it is older than kForeignAge.
constexpr qint64 kForeignAgeSeconds = 6 * 3600;

// The marked databases on the server, and which of them are left over.
Result<QList<Leftover>> findLeftovers(const QSqlDatabase &maintenance);

} // namespace temporarydatabase
} // namespace nrdb
