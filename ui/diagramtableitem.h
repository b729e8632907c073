#pragma once

#include "diagram/diagrammodel.h"

#include <QGraphicsItem>

namespace nrdb {

class DiagramRelationItem;
class DiagramStyle;

// One table of the diagram: a titled box with its columns (keys marked, types dimmed). Zoomed
// out, only the titled box is drawn. The user can drag it; its relations follow.
class DiagramTableItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    DiagramTableItem(const DiagramTable &table, int index, const DiagramStyle *style);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const DiagramTable &table() const { return m_table; }
    int index() const { return m_index; }
    QRectF box() const { return m_box; } // in item coordinates, centred on (0, 0)
    void addRelation(DiagramRelationItem *relation);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void paintColumns(QPainter *painter) const;
    void paintLargeTitle(QPainter *painter, qreal scale) const;

    DiagramTable m_table;
    int m_index;
    const DiagramStyle *m_style;
    QRectF m_box;
    QSizeF m_titleSize; // the bare name in the title font, for the zoomed-out drawing
    QVector<DiagramRelationItem *> m_relations;
    bool m_moved = false;
};

} // namespace nrdb
