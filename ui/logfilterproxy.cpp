#include "logfilterproxy.h"

#include "log/logmodel.h"

#include <QApplication>
#include <QStyle>

namespace nrdb {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent), m_infoIcon(qApp->style()->standardIcon(QStyle::SP_MessageBoxInformation)),
      m_warningIcon(qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning)),
      m_errorIcon(qApp->style()->standardIcon(QStyle::SP_MessageBoxCritical))
{
}

void LogFilterProxy::setMinimumLevel(LogLevel level)
{
    m_minimumLevel = level;
    invalidateRowsFilter();
}

void LogFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool LogFilterProxy::isFiltering() const
{
    return m_minimumLevel != LogLevel::Debug || !m_text.isEmpty();
}

QVariant LogFilterProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == LogModel::LevelColumn) {
        switch (static_cast<LogLevel>(QSortFilterProxyModel::data(index, LogModel::LevelRole).toInt())) {
        case LogLevel::Debug:
            return {};
        case LogLevel::Info:
            return m_infoIcon;
        case LogLevel::Warning:
            return m_warningIcon;
        case LogLevel::Error:
            return m_errorIcon;
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    const auto *model = static_cast<const LogModel *>(sourceModel());
    const LogRecord &record = model->record(sourceRow);
    if (record.level() < m_minimumLevel)
        return false;
    return m_text.isEmpty() || record.text().contains(m_text, Qt::CaseInsensitive) ||
           record.jobTitle().contains(m_text, Qt::CaseInsensitive);
}

} // namespace nrdb
