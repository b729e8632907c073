#pragma once

#include "diagram/diagrammodel.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace nrdb {

class DiagramStyle;
class DiagramTableItem;

// One foreign key of the diagram: a line from the referencing table to the referenced one, a
// crow's foot at the referencing end (a bar when it is one-to-one), a double bar at the other,
// purple and labelled when deleting the referenced row cascades. Its route is Graphviz's,
// computed once; when the user drags one of its tables it is drawn as a simple curve instead.
class DiagramRelationItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    DiagramRelationItem(const DiagramRelation &relation, DiagramTableItem *from, DiagramTableItem *to,
                        const DiagramStyle *style);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const DiagramRelation &relation() const { return m_relation; }
    DiagramTableItem *from() const { return m_from; }
    DiagramTableItem *to() const { return m_to; }
    // A Bézier chain p0, (c1, c2, p)… from the referencing table to the referenced one.
    void setRoute(const QVector<QPointF> &chain);
    QVector<QPointF> route() const { return m_route; }
    bool hasLayoutRoute() const { return !m_route.isEmpty(); }
    void endpointMoved();

private:
    struct End {
        QPointF tip;    // where the line meets the box
        QPointF inward; // unit vector pointing into the box
    };

    void routeDirectly();
    void setPath(const QPainterPath &path);
    End endAt(qreal percent) const;
    static bool isOnLine(const QLineF &line, const QPointF &point);
    QRectF cascadeLabelRect() const;
    static QString cascadeLabel();
    void paintEnd(QPainter *painter, const End &end, bool many, bool exactlyOne) const;

    DiagramRelation m_relation;
    DiagramTableItem *m_from;
    DiagramTableItem *m_to;
    const DiagramStyle *m_style;
    QVector<QPointF> m_route; // empty: routed directly
    QPainterPath m_path;
    End m_startEnd;
    End m_finishEnd;
    QPointF m_middle;
};

} // namespace nrdb
