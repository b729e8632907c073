#pragma once

#include "jobs/jobtypes.h"
#include "util/result.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QVector>

namespace nrdb {

class JobRunner;

// The jobs a runner has seen, newest last: title, state, progress, elapsed time, the time
// remaining where it can be estimated, and the phase (or the error of a failed job). Call refreshClock() periodically
// to move the clocks of running jobs. Thread: the runner's.
class JobTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TitleColumn, StateColumn, ProgressColumn, ElapsedColumn, RemainingColumn, PhaseColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, StateRole, PercentRole };

    explicit JobTableModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    JobId jobId(int row) const { return m_rows.at(row).id; }
    int activeCount() const;

public slots:
    void refreshClock();
    void clearFinished();

private:
    struct Row {
        JobId id = 0;
        QString title;
        JobState state = JobState::Queued;
        JobProgress progress;
        QDateTime startedAt;
        QDateTime finishedAt;
        QDateTime phaseStartedAt;
        QString errorMessage; // the sentence (its first line), shown in the row
        QString errorText;    // with the details, in its tooltip
    };
    // What a running job is doing; what a finished one came to.
    static QString phaseText(const Row &row);
    int rowOf(JobId id) const;
    void onSubmitted(JobId id, const QString &title);
    void onStarted(JobId id);
    void onProgress(JobId id, const JobProgress &progress);
    void onFinished(JobId id, JobState state, const Error &error);
    void rowChanged(int row);
    qint64 elapsedMs(const Row &row) const;

    QVector<Row> m_rows;
};

} // namespace nrdb
