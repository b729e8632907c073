#pragma once

#include "log/logrecord.h"

#include <QIcon>
#include <QSortFilterProxyModel>

namespace nrdb {

// The log as the Log dock shows it: records at or above a level whose message or job contains a
// text, with an icon per level. GUI thread only (it holds icons).
class LogFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    void setMinimumLevel(LogLevel level);
    void setText(const QString &text);
    bool isFiltering() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    LogLevel m_minimumLevel = LogLevel::Debug;
    QString m_text;
    QIcon m_infoIcon;
    QIcon m_warningIcon;
    QIcon m_errorIcon;
};

} // namespace nrdb
