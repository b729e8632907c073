#include "connection/temporarydatabase.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "util/sqlidentifier.h"
#include "util/sqlresource.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSysInfo>
#include <QVariant>

namespace nrdb::temporarydatabase {

namespace {

// Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot; 0 if it is gone.
qint64 processStartOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0;
}

QString whyLeftOver(const Marker &marker, int sessions)
{
    const QString thisHost = QSysInfo::machineHostName();
    if (marker.host == thisHost) {
        if (marker.makerRuns())
            return {};
        return QStringLiteral("made by process %1 on this machine, which is gone").arg(marker.pid);
    }
    const qint64 age = marker.created.secsTo(QDateTime::currentDateTimeUtc());
    if (sessions > 0 || !marker.created.isValid() || age < kForeignAgeSeconds)
        return {};
    return QStringLiteral("made on %1 %2 hours ago, and nobody is connected to it").arg(marker.host).arg(age / 3600);
}

} // namespace

Marker Marker::ofThisProcess(const QString &purpose, const QString &forDatabase)
{
    const qint64 pid = QCoreApplication::applicationPid();
    return Marker{purpose, forDatabase, QSysInfo::machineHostName(), pid, processStartOf(pid), QDateTime::currentDateTimeUtc()};
}

QString Marker::comment() const
{
    const QJsonObject json{{QStringLiteral("purpose"), purpose},
                           {QStringLiteral("for"), forDatabase},
                           {QStringLiteral("host"), host},
                           {QStringLiteral("pid"), pid},
                           {QStringLiteral("process_start"), QString::number(processStart)},
                           {QStringLiteral("created"), created.toString(Qt::ISODate)}};
    return kMarkerPrefix + QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

std::optional<Marker> Marker::fromComment(const QString &comment)
{
    if (!comment.startsWith(kMarkerPrefix))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(comment.mid(kMarkerPrefix.size()).toUtf8()).object();
    Marker marker{json.value(QStringLiteral("purpose")).toString(),
                  json.value(QStringLiteral("for")).toString(),
                  json.value(QStringLiteral("host")).toString(),
                  static_cast<qint64>(json.value(QStringLiteral("pid")).toDouble()),
                  json.value(QStringLiteral("process_start")).toString().toLongLong(),
                  QDateTime::fromString(json.value(QStringLiteral("created")).toString(), Qt::ISODate)};
    if (marker.purpose.isEmpty() || marker.host.isEmpty() || marker.pid <= 0)
        return std::nullopt;
    return marker;
}

bool Marker::makerRuns() const
{
    const qint64 start = processStartOf(pid);
    return start != 0 && (processStart == 0 || start == processStart);
}

Status createMarked(const QSqlDatabase &maintenance, const QString &name, const Marker &marker)
{
    if (Status created = databaseadmin::create(maintenance, name); !created)
        return created;
    QSqlQuery query(maintenance);
    if (query.exec(QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(quoteIdentifier(name), quoteLiteral(marker.comment()))))
        return {};
    const Error error = sqlError(query.lastError(), QStringLiteral("Could not mark the temporary database %1").arg(name));
    (void)databaseadmin::dropIfExists(maintenance, name);
    return error;
}

Result<QList<Leftover>> findLeftovers(const QSqlDatabase &maintenance)
{
    QSqlQuery query(maintenance);
    query.setForwardOnly(true);
    query.prepare(sqlResource(QStringLiteral("temporary_databases")));
    query.addBindValue(kMarkerPrefix);
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("Could not list the temporary databases"));
    QList<Leftover> leftovers;
    while (query.next()) {
        const std::optional<Marker> marker = Marker::fromComment(query.value(1).toString());
        const int sessions = query.value(2).toInt();
        if (!marker)
            continue; // the prefix with something else after it: not ours to judge
        if (const QString why = whyLeftOver(*marker, sessions); !why.isEmpty())
            leftovers << Leftover{query.value(0).toString(), *marker, sessions, why};
    }
    return leftovers;
}

} // namespace nrdb::temporarydatabase
