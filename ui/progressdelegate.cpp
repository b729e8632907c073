#include "progressdelegate.h"

#include "jobs/jobtablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace nrdb {

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto state = static_cast<JobState>(index.data(JobTableModel::StateRole).toInt());
    if (state == JobState::Queued) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const int percent = index.data(JobTableModel::PercentRole).toInt();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 3, -2, -3);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qMax(0, percent);
    bar.text = percent < 0 ? QString() : QStringLiteral("%1%").arg(percent);
    bar.textVisible = percent >= 0;
    bar.palette = option.palette;
    QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
}

} // namespace nrdb
