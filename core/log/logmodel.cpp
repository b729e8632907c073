#include "log/logmodel.h"

namespace nrdb {

LogModel::LogModel(int maxRecords, QObject *parent) : QAbstractTableModel(parent), m_maxRecords(maxRecords)
{
    Q_ASSERT(maxRecords >= 10);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogRecord &record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return record.time().toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return logLevelName(record.level());
        case JobColumn:
            return record.jobId() == 0 ? QString()
                                       : QStringLiteral("%1 #%2").arg(record.jobTitle()).arg(record.jobId());
        case MessageColumn:
            return record.text();
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? record.text() : QVariant();
    case LevelRole:
        return static_cast<int>(record.level());
    case JobIdRole:
        return record.jobId();
    case LineRole:
        return record.toLine();
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case JobColumn:
        return tr("Job");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

void LogModel::append(const LogRecord &record)
{
    if (m_records.size() >= m_maxRecords) {
        const int drop = qMax(1, m_maxRecords / 10);
        beginRemoveRows({}, 0, drop - 1);
        m_records.remove(0, drop);
        endRemoveRows();
    }
    const int row = static_cast<int>(m_records.size());
    beginInsertRows({}, row, row);
    m_records.append(record);
    endInsertRows();
}

void LogModel::clear()
{
    if (m_records.isEmpty())
        return;
    beginResetModel();
    m_records.clear();
    endResetModel();
}

} // namespace nrdb
