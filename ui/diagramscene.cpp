#include "diagramscene.h"

#include "diagramrelationitem.h"
#include "diagramtableitem.h"

#include <QApplication>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>
#include <QSet>

namespace nrdb {

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent), m_style(QApplication::font(), QApplication::palette())
{
    setBackgroundBrush(m_style.palette().color(QPalette::Base).darker(104));
}

void DiagramScene::followPalette(const QPalette &palette)
{
    m_style = DiagramStyle(QApplication::font(), palette); // the items hold m_style's address: it stays
    setBackgroundBrush(palette.color(QPalette::Base).darker(104));
    update();
}

QVector<QSizeF> DiagramScene::boxSizes(const DiagramModel &model) const
{
    QVector<QSizeF> sizes;
    sizes.reserve(model.tables.size());
    for (const DiagramTable &table : model.tables)
        sizes << m_style.boxSize(table);
    return sizes;
}

void DiagramScene::build(const DiagramModel &model, const DiagramPlacement &placement)
{
    clear();
    m_tables.clear();
    m_relations.clear();
    m_model = model;
    m_tables.reserve(model.tables.size());
    for (int i = 0; i < model.tables.size(); ++i) {
        auto *item = new DiagramTableItem(model.tables.at(i), i, &m_style);
        item->setPos(placement.centers.value(model.tables.at(i).qualifiedName()));
        addItem(item);
        m_tables << item;
    }
    m_relations.reserve(model.relations.size());
    for (const DiagramRelation &relation : model.relations) {
        auto *item = new DiagramRelationItem(relation, m_tables.at(relation.from), m_tables.at(relation.to), &m_style);
        const auto route = placement.routes.constFind(DiagramPlacement::relationKey(model, relation));
        if (route != placement.routes.constEnd())
            item->setRoute(*route);
        addItem(item);
        m_relations << item;
    }
    const QRectF bounds = itemsBoundingRect();
    setSceneRect(bounds.adjusted(-40, -40, 40, 40));
}

DiagramTableItem *DiagramScene::tableItem(const QString &qualifiedName) const
{
    const int index = m_model.indexOf(qualifiedName);
    return index < 0 ? nullptr : m_tables.at(index);
}

DiagramPlacement DiagramScene::placement() const
{
    DiagramPlacement placement;
    for (const DiagramTableItem *item : m_tables)
        placement.centers.insert(item->table().qualifiedName(), item->pos());
    for (const DiagramRelationItem *item : m_relations)
        if (item->hasLayoutRoute())
            placement.routes.insert(DiagramPlacement::relationKey(m_model, item->relation()), item->route());
    return placement;
}

void DiagramScene::showOnly(const QVector<int> &tables)
{
    const QSet<int> shown(tables.cbegin(), tables.cend());
    for (DiagramTableItem *item : std::as_const(m_tables))
        item->setVisible(tables.isEmpty() || shown.contains(item->index()));
    for (DiagramRelationItem *item : std::as_const(m_relations))
        item->setVisible(item->from()->isVisible() && item->to()->isVisible());
}

QRectF DiagramScene::visibleItemsRect() const
{
    QRectF bounds;
    for (const DiagramTableItem *item : m_tables)
        if (item->isVisible())
            bounds |= item->sceneBoundingRect();
    return bounds;
}

void DiagramScene::tableDragged()
{
    const QRectF bounds = itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (!sceneRect().contains(bounds))
        setSceneRect(sceneRect() | bounds);
    emit tablesMoved();
}

DiagramTableItem *DiagramScene::tableAt(const QPointF &scenePos) const
{
    const QList<QGraphicsItem *> hits = items(scenePos);
    for (QGraphicsItem *hit : hits)
        if (hit->type() == DiagramTableItem::Type)
            return static_cast<DiagramTableItem *>(hit);
    return nullptr;
}

void DiagramScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (DiagramTableItem *table = tableAt(event->scenePos()); table && table->table().oid != 0) {
        emit tableActivated(table->table().oid);
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void DiagramScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    DiagramTableItem *table = tableAt(event->scenePos());
    if (!table)
        return;
    QMenu menu;
    QAction *open = menu.addAction(tr("Open in Schema Browser"));
    open->setEnabled(table->table().oid != 0);
    QAction *focus = menu.addAction(tr("Show Only This Table and Its Neighbours"));
    QAction *chosen = menu.exec(event->screenPos());
    if (chosen == open)
        emit tableActivated(table->table().oid);
    else if (chosen == focus)
        emit focusRequested(table->index());
}

} // namespace nrdb
