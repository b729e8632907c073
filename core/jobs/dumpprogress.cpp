#include "jobs/dumpprogress.h"

#include "util/childprocess.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace nrdb {

namespace {

constexpr int kKeptLines = 20;
constexpr int kPollIntervalMs = 500;

} // namespace

DumpProgress::DumpProgress(QHash<QString, qint64> tableBytes, Report report)
    : m_tableBytes(std::move(tableBytes)), m_report(std::move(report))
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
    static const QRegularExpression dumping(QStringLiteral(R"re(dumping contents of table "([^"]+)")re"));
    const QRegularExpressionMatch match = dumping.match(line);
    if (!match.hasMatch())
        return;
    m_finishedBytes += m_currentBytes;
    m_currentBytes = m_tableBytes.value(match.captured(1), 0);
    m_copiedBytes = 0;
    report();
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
        m_copiedBytes = qMax(m_copiedBytes, progress.value(0).toLongLong()); // 0 again once the COPY ended
        report();
    }
}

void DumpProgress::report()
{
    m_report(qMin(m_finishedBytes + qMin(m_copiedBytes, m_currentBytes), m_totalBytes), m_totalBytes);
}

} // namespace nrdb
