#include "jobs/cleanupjob.h"

#include "connection/databaseadmin.h"
#include "jobs/jobcontext.h"

#include <QJsonArray>

namespace nrdb {

CleanupJob::CleanupJob(ConnectionProfile server, bool listOnly, QStringList confirmed)
    : m_server(std::move(server)), m_listOnly(listOnly), m_confirmed(std::move(confirmed))
{
}

QString CleanupJob::title() const
{
    return m_listOnly ? QStringLiteral("Look for leftover temporary databases")
                      : QStringLiteral("Drop leftover temporary databases");
}

ConnectionProfile CleanupJob::target() const
{
    return databaseadmin::maintenanceOf(m_server);
}

Result<CleanupReport> CleanupJob::execute(JobContext &context)
{
    const Result<QSqlDatabase> db = context.database();
    if (!db)
        return db.error();
    context.setPhase(QStringLiteral("Looking for leftovers"));
    const Result<QList<temporarydatabase::Leftover>> found = temporarydatabase::findLeftovers(db.value());
    if (!found)
        return found.error();
    CleanupReport report;
    for (const temporarydatabase::Leftover &leftover : found.value()) {
        if (m_confirmed.isEmpty() || m_confirmed.contains(leftover.database))
            report.leftovers << leftover;
    }
    for (const temporarydatabase::Leftover &leftover : std::as_const(report.leftovers))
        context.info(QStringLiteral("Left over: %1").arg(leftover.description()));
    if (m_listOnly)
        return report;
    const ConnectionProfile maintenance = target();
    for (int i = 0; i < report.leftovers.size(); ++i) {
        if (context.isCancelled())
            return JobContext::cancelledError(); // between drops only: one begun is finished
        context.setProgress(i, report.leftovers.size());
        const QString &name = report.leftovers.at(i).database;
        if (Status dropped = databaseadmin::dropOnItsOwnConnection(maintenance, name); dropped) {
            report.dropped << name;
            context.info(QStringLiteral("Dropped %1").arg(name));
        } else {
            report.failed << QStringLiteral("%1: %2").arg(name, dropped.error().message);
            context.warning(QStringLiteral("Could not drop %1: %2").arg(name, dropped.error().message));
        }
    }
    return report;
}

QJsonObject CleanupReport::toJson() const
{
    QJsonArray found;
    for (const temporarydatabase::Leftover &leftover : leftovers)
        found.append(QJsonObject{{QStringLiteral("database"), leftover.database},
                                 {QStringLiteral("purpose"), leftover.marker.purpose},
                                 {QStringLiteral("for"), leftover.marker.forDatabase},
                                 {QStringLiteral("host"), leftover.marker.host},
                                 {QStringLiteral("pid"), leftover.marker.pid},
                                 {QStringLiteral("created"), leftover.marker.created.toString(Qt::ISODate)},
                                 {QStringLiteral("why"), leftover.why}});
    return QJsonObject{{QStringLiteral("leftovers"), found},
                       {QStringLiteral("dropped"), QJsonArray::fromStringList(dropped)},
                       {QStringLiteral("failed"), QJsonArray::fromStringList(failed)}};
}

} // namespace nrdb
