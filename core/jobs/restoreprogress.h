#pragma once

#include "jobs/copyprogress.h"

#include <QMap>

namespace nrdb {

class JobContext;

// How far a running pg_restore --verbose is, as two phases of the job: the tables' rows, weighted
// by the backup manifest's row counts (a table without them counts as one row), then the indexes,
// constraints and triggers, counted. The second phase begins once every table's data is in.
class RestoreProgress {
public:
    // entries: the table-of-contents lines being restored.
    RestoreProgress(JobContext &context, const QStringList &entries, const QMap<QString, qint64> &manifestRows,
                    bool parallelJobs);

    void onLine(const QString &line);
    void poll(const QSqlDatabase &db, const QString &applicationName) { m_data.poll(db, applicationName); }

private:
    JobContext &m_context;
    bool m_parallelJobs;
    CopyProgress m_data;
    int m_postDataTotal = 0;
    int m_postDataDone = 0;
    bool m_inPostData = false;
};

// "schema.table" → weight for the TABLE DATA lines of a table of contents.
QHash<QString, qint64> tableDataWeights(const QStringList &entries, const QMap<QString, qint64> &rows);

} // namespace nrdb
