#pragma once

#include "diagram/diagramplacement.h"
#include "diagramstyle.h"

#include <QGraphicsScene>

namespace nrdb {

class DiagramRelationItem;
class DiagramTableItem;

// The relationship diagram's items: a box per table and a line per foreign key, at the places
// a DiagramPlacement gives. Can show a table's neighbourhood alone. GUI thread only.
class DiagramScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit DiagramScene(QObject *parent = nullptr);

    const DiagramStyle &style() const { return m_style; }
    // The application's palette changed (Settings ▸ Appearance): boxes, lines and marks follow it.
    void followPalette(const QPalette &palette);
    QVector<QSizeF> boxSizes(const DiagramModel &model) const;

    // Replaces every item. Tables without a place in `placement` are put at the origin.
    void build(const DiagramModel &model, const DiagramPlacement &placement);
    const DiagramModel &model() const { return m_model; }
    const QVector<DiagramTableItem *> &tableItems() const { return m_tables; }
    const QVector<DiagramRelationItem *> &relationItems() const { return m_relations; }
    DiagramTableItem *tableItem(const QString &qualifiedName) const;
    // Where every table stands now, with the routes still valid.
    DiagramPlacement placement() const;

    // Shows only these tables (model indexes) and the relations among them; empty shows all.
    void showOnly(const QVector<int> &tables);
    QRectF visibleItemsRect() const;

    // While set, tables draw every column whatever the zoom (for exporting).
    void setFullDetail(bool fullDetail) { m_fullDetail = fullDetail; }
    bool fullDetail() const { return m_fullDetail; }

    // Called by a table item when the user let go of it after dragging.
    void tableDragged();

signals:
    void tablesMoved();
    void tableActivated(quint32 oid);
    void focusRequested(int table);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    DiagramTableItem *tableAt(const QPointF &scenePos) const;

    DiagramStyle m_style;
    DiagramModel m_model;
    QVector<DiagramTableItem *> m_tables;
    QVector<DiagramRelationItem *> m_relations;
    bool m_fullDetail = false;
};

} // namespace nrdb
