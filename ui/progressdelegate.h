#pragma once

#include <QStyledItemDelegate>

namespace nrdb {

// Draws a cell as a progress bar from the model's JobTableModel::PercentRole (-1: busy, no
// percentage). GUI thread only.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace nrdb
