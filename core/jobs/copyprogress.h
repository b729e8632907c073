#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace nrdb {

// How far a running pg_dump or pg_restore --verbose is through the rows it copies: the tables it
// finished, by weight, plus what COPY has done of those it is on. The tool names a table when it
// starts its data ("dumping contents of table", "processing data for table"), and with parallel
// jobs says when each finished ("finished item … TABLE DATA name"); without, a table is done when
// the next one starts, or on finishAll(). What COPY has done comes from pg_stat_progress_copy
// (PostgreSQL 14+), polled at most every 0.5 s. Progress never goes back. Keeps the last lines.
class CopyProgress {
public:
    enum class Measure { Bytes, Rows }; // what the weights count, and what is read of COPY's progress
    using Report = std::function<void(qint64 done, qint64 total)>;

    // weights: "schema.table" → its bytes or rows, for every table whose rows are copied.
    CopyProgress(QHash<QString, qint64> weights, Measure measure, bool parallelJobs, Report report);

    void onLine(const QString &line);
    // Reads COPY's progress through db for the backends named applicationName.
    void poll(const QSqlDatabase &db, const QString &applicationName);
    void finishAll();
    bool allFinished() const { return m_finished == m_total; }
    qint64 total() const { return m_total; }
    QString lastLines() const { return m_lastLines.join(QLatin1Char('\n')); }

private:
    void finish(const QString &qualifiedName);
    void report();

    QHash<QString, qint64> m_weights;
    Measure m_measure;
    bool m_parallelJobs;
    Report m_report;
    qint64 m_total = 0;
    qint64 m_finished = 0;
    QHash<QString, qint64> m_active; // tables being copied → their weight
    qint64 m_copied = 0;             // what the active tables' COPYs have done, at the last poll
    qint64 m_reported = 0;
    QStringList m_lastLines;
    QElapsedTimer m_sincePoll;
};

} // namespace nrdb
