#include "jobs/restoreprogress.h"

#include "jobs/jobcontext.h"

#include <QRegularExpression>

namespace nrdb {

namespace {

const QString kDataPhase = QStringLiteral("Restoring data");
const QString kPostDataPhase = QStringLiteral("Creating indexes and constraints");

// The post-data items of a table of contents ("3204; 1259 16401 INDEX public bulk_a_idx owner").
int postDataItems(const QStringList &entries)
{
    static const QRegularExpression postData(
        QStringLiteral(R"(^\d+; \d+ \d+ (INDEX|CONSTRAINT|FK CONSTRAINT|TRIGGER) )"));
    return static_cast<int>(std::count_if(entries.cbegin(), entries.cend(),
                                          [](const QString &entry) { return postData.match(entry).hasMatch(); }));
}

} // namespace

QHash<QString, qint64> tableDataWeights(const QStringList &entries, const QMap<QString, qint64> &rows)
{
    // "3349; 0 16390 TABLE DATA public bulk owner": the schema, the name (spaces and all), the owner.
    static const QRegularExpression tableData(QStringLiteral(R"(^\d+; \d+ \d+ TABLE DATA (\S+) (.+) \S+$)"));
    QHash<QString, qint64> weights;
    for (const QString &entry : entries) {
        const QRegularExpressionMatch match = tableData.match(entry);
        if (!match.hasMatch())
            continue;
        const QString table = match.captured(1) + QLatin1Char('.') + match.captured(2);
        weights.insert(table, qMax<qint64>(1, rows.value(table, 0)));
    }
    return weights;
}

RestoreProgress::RestoreProgress(JobContext &context, const QStringList &entries,
                                 const QMap<QString, qint64> &manifestRows, bool parallelJobs)
    : m_context(context), m_parallelJobs(parallelJobs),
      m_data(tableDataWeights(entries, manifestRows), CopyProgress::Measure::Rows, parallelJobs,
             [this](qint64 done, qint64 total) {
                 if (!m_inPostData)
                     m_context.setProgress(done, total);
             }),
      m_postDataTotal(postDataItems(entries))
{
    m_context.setPhase(kDataPhase, m_data.total());
}

void RestoreProgress::onLine(const QString &line)
{
    m_data.onLine(line);
    static const QRegularExpression creating(QStringLiteral(R"(creating (INDEX|CONSTRAINT|FK CONSTRAINT|TRIGGER) )"));
    if (!creating.match(line).hasMatch())
        return;
    ++m_postDataDone;
    // One job goes on to the indexes only after the last table's data; jobs in parallel may
    // index a small table while a large one is still loading.
    if (!m_parallelJobs && !m_data.allFinished())
        m_data.finishAll();
    if (!m_inPostData && m_data.allFinished()) {
        m_inPostData = true;
        m_context.setPhase(kPostDataPhase, m_postDataTotal);
    }
    if (m_inPostData)
        m_context.setProgress(qMin(m_postDataDone, m_postDataTotal), m_postDataTotal);
}

} // namespace nrdb
