#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace nrdb {

class ChildCommand;

// How far a running pg_dump --verbose is: the tables it finished, by size, plus what COPY has
// sent of those it is on. pg_dump names a table on stderr when it starts it, and with parallel
// jobs says when each finished ("finished item … TABLE DATA name"); without, a table is done when
// the next one starts. The bytes come from pg_stat_progress_copy (PostgreSQL 14+), polled every
// 0.5 s through `db` for the backends named applicationName. Progress never goes back. Keeps
// pg_dump's last lines for an error.
class DumpProgress {
public:
    using Report = std::function<void(qint64 done, qint64 total)>;

    // tableBytes: "schema.table" → bytes on disk, for every table whose rows are dumped.
    DumpProgress(QHash<QString, qint64> tableBytes, bool parallelJobs, Report report);

    // Follows the command's stderr, and on pollCopyProgress its COPY through db.
    void follow(ChildCommand &dump, const QSqlDatabase &db, const QString &applicationName, bool pollCopyProgress);
    qint64 totalBytes() const { return m_totalBytes; }
    QString lastLines() const { return m_lastLines.join(QLatin1Char('\n')); }

private:
    void onLine(const QString &line);
    void finish(const QString &qualifiedName);
    void poll(const QSqlDatabase &db, const QString &applicationName);
    void report();

    QHash<QString, qint64> m_tableBytes;
    bool m_parallelJobs;
    Report m_report;
    qint64 m_totalBytes = 0;
    qint64 m_finishedBytes = 0;
    QHash<QString, qint64> m_active; // tables pg_dump is on → their bytes
    qint64 m_copiedBytes = 0;        // what the active tables' COPYs have sent, at the last poll
    qint64 m_reported = 0;
    QStringList m_lastLines;
    QElapsedTimer m_sincePoll;
};

} // namespace nrdb
