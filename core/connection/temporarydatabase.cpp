#include "connection/temporarydatabase.h"

#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "util/processidentity.h"
#include "util/sqlidentifier.h"
#include "util/sqlresource.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace nrdb::temporarydatabase {

namespace {

QString whyLeftOver(const Marker &marker, int sessions)
{
    const ProcessIdentity maker{marker.host, marker.pid, marker.processStart};
    if (maker.onThisMachine()) {
        if (maker.runs() || sessions > 0) // someone still works in it, whatever the pid says
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
    const ProcessIdentity self = ProcessIdentity::ofThisProcess();
    return Marker{purpose, forDatabase, self.host, self.pid, self.start, QDateTime::currentDateTimeUtc()};
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

QString Leftover::description() const
{
    return QStringLiteral("%1: the %2 for %3, %4").arg(database, marker.purpose, marker.forDatabase, why);
}

Status createMarked(const QSqlDatabase &maintenance, const QString &name, const Marker &marker)
{
    if (Status created = databaseadmin::create(maintenance, name); !created)
        return created;
    QSqlQuery query(maintenance);
    if (query.exec(
            QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(quoteIdentifier(name), quoteLiteral(marker.comment()))))
        return {};
    const Error error =
        sqlError(query.lastError(), QStringLiteral("Could not mark the temporary database %1").arg(name));
    (void)databaseadmin::dropIfExists(maintenance, name);
    return error;
}

Result<QList<Leftover>> findLeftovers(const QSqlDatabase &maintenance)
{
    QSqlQuery query(maintenance);
    query.setForwardOnly(true);
    if (!execPrepared(query, sqlResource(QStringLiteral("temporary_databases")), {kMarkerPrefix}))
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
