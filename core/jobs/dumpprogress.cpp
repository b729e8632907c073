#include "jobs/dumpprogress.h"

#include "util/childprocess.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace nrdb {

namespace {

constexpr int kKeptLines = 20;
constexpr int kPollIntervalMs = 500;

} // namespace

DumpProgress::DumpProgress(QHash<QString, qint64> tableBytes, bool parallelJobs, Report report)
    : m_tableBytes(std::move(tableBytes)), m_parallelJobs(parallelJobs), m_report(std::move(report))
{
    for (const qint64 bytes : std::as_const(m_tableBytes))
        m_totalBytes += bytes;
}

void DumpProgress::follow(ChildCommand &dump, const QSqlDatabase &db, const QString &applicationName, bool pollCopyProgress)
{
    dump.onStandardErrorLine = [this](const QString &line) { onLine(line); };
    if (!pollCopyProgress)
        return;
    m_sincePoll.start();
    dump.onWaiting = [this, db, applicationName] { poll(db, applicationName); };
}

void DumpProgress::onLine(const QString &line)
{
    m_lastLines << line;
    if (m_lastLines.size() > kKeptLines)
        m_lastLines.removeFirst();
    static const QRegularExpression started(QStringLiteral(R"re(dumping contents of table "([^"]+)")re"));
    static const QRegularExpression finished(QStringLiteral(R"re(finished item \d+ TABLE DATA (.+)$)re"));
    if (const QRegularExpressionMatch start = started.match(line); start.hasMatch()) {
        if (!m_parallelJobs) {
            for (const QString &table : m_active.keys())
                finish(table);
        }
        m_active.insert(start.captured(1), m_tableBytes.value(start.captured(1), 0));
    } else if (const QRegularExpressionMatch end = finished.match(line); end.hasMatch() && m_parallelJobs) {
        // The item's tag is the table's name without its schema.
        const QString suffix = QLatin1Char('.') + end.captured(1);
        for (const QString &table : m_active.keys()) {
            if (table.endsWith(suffix)) {
                finish(table);
                break;
            }
        }
    } else {
        return;
    }
    m_copiedBytes = 0; // until the next poll: the COPYs it counted are not those running now
    report();
}

void DumpProgress::finish(const QString &qualifiedName)
{
    m_finishedBytes += m_active.take(qualifiedName);
}

void DumpProgress::poll(const QSqlDatabase &db, const QString &applicationName)
{
    if (m_sincePoll.elapsed() < kPollIntervalMs)
        return;
    m_sincePoll.restart();
    QSqlQuery progress(db);
    // Statistics views are read once per transaction unless the snapshot is cleared.
    if (!progress.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()")))
        return;
    progress.prepare(QStringLiteral("SELECT coalesce(sum(c.bytes_processed), 0) FROM pg_stat_progress_copy c "
                                    "JOIN pg_stat_activity a USING (pid) WHERE a.application_name = ?"));
    progress.addBindValue(applicationName);
    if (progress.exec() && progress.next()) {
        m_copiedBytes = progress.value(0).toLongLong();
        report();
    }
}

void DumpProgress::report()
{
    qint64 activeBytes = 0;
    for (const qint64 bytes : std::as_const(m_active))
        activeBytes += bytes;
    m_reported = qMax(m_reported, qMin(m_finishedBytes + qMin(m_copiedBytes, activeBytes), m_totalBytes));
    m_report(m_reported, m_totalBytes);
}

} // namespace nrdb
