#include "jobs/copyprogress.h"

#include "connection/databasesession.h"
#include "util/sqlresource.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace nrdb {

namespace {

constexpr int kKeptLines = 20;
constexpr int kPollIntervalMs = 500;

} // namespace

CopyProgress::CopyProgress(QHash<QString, qint64> weights, Measure measure, bool parallelJobs, Report report)
    : m_weights(std::move(weights)), m_measure(measure), m_parallelJobs(parallelJobs), m_report(std::move(report))
{
    for (const qint64 weight : std::as_const(m_weights))
        m_total += weight;
    m_sincePoll.start();
}

void CopyProgress::onLine(const QString &line)
{
    m_lastLines << line;
    if (m_lastLines.size() > kKeptLines)
        m_lastLines.removeFirst();
    static const QRegularExpression started(
        QStringLiteral(R"re((?:dumping contents of|processing data for) table "([^"]+)")re"));
    static const QRegularExpression finished(QStringLiteral(R"re(finished item \d+ TABLE DATA (.+)$)re"));
    // Most lines name no table's data: a plain search first, the expressions only where it hits.
    const bool mayStart = line.contains(QLatin1String(" table \""));
    const bool mayFinish = line.contains(QLatin1String("finished item "));
    if (!mayStart && !mayFinish)
        return;
    if (const QRegularExpressionMatch start = mayStart ? started.match(line) : QRegularExpressionMatch();
        start.hasMatch()) {
        if (!m_parallelJobs) {
            for (const QString &table : m_active.keys())
                finish(table);
        }
        m_active.insert(start.captured(1), m_weights.value(start.captured(1), 0));
    } else if (const QRegularExpressionMatch end = mayFinish ? finished.match(line) : QRegularExpressionMatch();
               end.hasMatch() && m_parallelJobs) {
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
    m_copied = 0; // until the next poll: the COPYs it counted are not those running now
    report();
}

void CopyProgress::finish(const QString &qualifiedName)
{
    m_finished += m_active.take(qualifiedName);
}

void CopyProgress::finishAll()
{
    m_active.clear();
    m_finished = m_total; // tables the tool never named are done too
    report();
}

void CopyProgress::poll(const QSqlDatabase &db, const QString &applicationName)
{
    if (m_sincePoll.elapsed() < kPollIntervalMs)
        return;
    m_sincePoll.restart();
    QSqlQuery progress(db);
    if (!progress.exec(sqlResource(QStringLiteral("clear_stat_snapshot"))))
        return;
    const QString sql = sqlResource(m_measure == Measure::Bytes ? QStringLiteral("copy_progress_bytes")
                                                                : QStringLiteral("copy_progress_rows"));
    if (execPrepared(progress, sql, {applicationName}) && progress.next()) {
        m_copied = progress.value(0).toLongLong();
        report();
    }
}

void CopyProgress::report()
{
    qint64 active = 0;
    for (const qint64 weight : std::as_const(m_active))
        active += weight;
    m_reported = qMax(m_reported, qMin(m_finished + qMin(m_copied, active), m_total));
    m_report(m_reported, m_total);
}

} // namespace nrdb
