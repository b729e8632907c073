#include "jobs/jobtablemodel.h"

#include "jobs/jobrunner.h"

namespace nrdb {

JobTableModel::JobTableModel(JobRunner *runner, QObject *parent) : QAbstractTableModel(parent)
{
    connect(runner, &JobRunner::submitted, this, &JobTableModel::onSubmitted);
    connect(runner, &JobRunner::started, this, &JobTableModel::onStarted);
    connect(runner, &JobRunner::progressChanged, this, &JobTableModel::onProgress);
    connect(runner, &JobRunner::finished, this, &JobTableModel::onFinished);
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobTableModel::phaseText(const Row &row)
{
    switch (row.state) {
    case JobState::Failed:
        return row.errorMessage;
    case JobState::Succeeded:
        return tr("Done");
    case JobState::Cancelled:
        return row.progress.phase.isEmpty() ? tr("Cancelled") : tr("Cancelled while: %1").arg(row.progress.phase);
    default:
        return row.progress.phase;
    }
}

qint64 JobTableModel::elapsedMs(const Row &row) const
{
    if (!row.startedAt.isValid())
        return 0;
    const QDateTime end = row.finishedAt.isValid() ? row.finishedAt : QDateTime::currentDateTimeUtc();
    return row.startedAt.msecsTo(end);
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == JobIdRole)
        return row.id;
    if (role == StateRole)
        return static_cast<int>(row.state);
    if (role == PercentRole) {
        if (row.state == JobState::Succeeded)
            return 100;
        return row.state == JobState::Running ? row.progress.percent() : 0;
    }
    if (role == Qt::ToolTipRole)
        return row.errorText.isEmpty() ? QVariant() : QVariant(row.errorText);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TitleColumn:
        return row.title;
    case StateColumn:
        return jobStateName(row.state);
    case ProgressColumn: {
        const int percent = data(index, PercentRole).toInt();
        return percent < 0 ? QString() : QStringLiteral("%1%").arg(percent);
    }
    case PhaseColumn:
        return phaseText(row);
    case ElapsedColumn:
        return row.startedAt.isValid() ? formatDuration(elapsedMs(row)) : QString();
    case RemainingColumn: {
        if (row.state != JobState::Running || !row.phaseStartedAt.isValid())
            return QString();
        const auto remaining = row.progress.remainingMs(row.phaseStartedAt.msecsTo(QDateTime::currentDateTimeUtc()));
        return remaining ? formatDuration(*remaining) : QString();
    }
    }
    return {};
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Job");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case ElapsedColumn:
        return tr("Elapsed");
    case RemainingColumn:
        return tr("Remaining");
    case PhaseColumn:
        return tr("Phase");
    }
    return {};
}

int JobTableModel::activeCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return !isFinished(row.state); }));
}

int JobTableModel::rowOf(JobId id) const
{
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

void JobTableModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobTableModel::onSubmitted(JobId id, const QString &title)
{
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    Row added;
    added.id = id;
    added.title = title;
    m_rows.append(added);
    endInsertRows();
}

void JobTableModel::onStarted(JobId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_rows[row].state = JobState::Running;
    m_rows[row].startedAt = m_rows[row].phaseStartedAt = QDateTime::currentDateTimeUtc();
    rowChanged(row);
}

void JobTableModel::onProgress(JobId id, const JobProgress &progress)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Row &changed = m_rows[row];
    if (progress.phase != changed.progress.phase)
        changed.phaseStartedAt = QDateTime::currentDateTimeUtc();
    changed.progress = progress;
    rowChanged(row);
}

void JobTableModel::onFinished(JobId id, JobState state, const Error &error)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_rows[row].state = state;
    m_rows[row].finishedAt = QDateTime::currentDateTimeUtc();
    m_rows[row].errorMessage = state == JobState::Failed ? error.message.section(QLatin1Char('\n'), 0, 0) : QString();
    m_rows[row].errorText = state == JobState::Failed ? error.fullText() : QString();
    rowChanged(row);
}

void JobTableModel::refreshClock()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).state == JobState::Running)
            emit dataChanged(index(row, ElapsedColumn), index(row, RemainingColumn), {Qt::DisplayRole});
    }
}

void JobTableModel::clearFinished()
{
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (!isFinished(m_rows.at(row).state))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

} // namespace nrdb
