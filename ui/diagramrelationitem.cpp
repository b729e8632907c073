#include "diagramrelationitem.h"

#include "diagramscene.h"
#include "diagramstyle.h"
#include "diagramtableitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace nrdb {

namespace {
constexpr qreal kEndMarkSize = 9;
constexpr qreal kEndMarkScale = 0.3; // below this zoom the ends are plain lines
constexpr qreal kCascadeLabelScale = 0.6;

// Where a line from the box's centre towards `target` leaves the box, and the side's normal.
QPair<QPointF, QPointF> exitPoint(const QRectF &box, const QPointF &target)
{
    const QPointF centre = box.center();
    const qreal dx = target.x() - centre.x();
    const qreal dy = target.y() - centre.y();
    if (qAbs(dx) * box.height() >= qAbs(dy) * box.width()) {
        const qreal side = dx >= 0 ? 1 : -1;
        return {QPointF(centre.x() + side * box.width() / 2, centre.y()), QPointF(side, 0)};
    }
    const qreal side = dy >= 0 ? 1 : -1;
    return {QPointF(centre.x(), centre.y() + side * box.height() / 2), QPointF(0, side)};
}

} // namespace

DiagramRelationItem::DiagramRelationItem(const DiagramRelation &relation, DiagramTableItem *from, DiagramTableItem *to,
                                         const DiagramStyle *style)
    : m_relation(relation), m_from(from), m_to(to), m_style(style)
{
    setZValue(-1);
    setToolTip(relation.describe(from->table().qualifiedName(), to->table().qualifiedName()));
    from->addRelation(this);
    if (to != from)
        to->addRelation(this);
    routeDirectly();
}

void DiagramRelationItem::setRoute(const QVector<QPointF> &chain)
{
    if (chain.size() < 4 || (chain.size() - 1) % 3 != 0)
        return routeDirectly();
    prepareGeometryChange();
    m_route = chain;
    QPainterPath path(chain.first());
    for (int i = 1; i + 2 < chain.size(); i += 3) {
        // Graphviz writes a straight edge as a curve whose control points lie on the line; a line
        // strokes many times faster than a curve.
        const QLineF segment(chain.at(i - 1), chain.at(i + 2));
        if (isOnLine(segment, chain.at(i)) && isOnLine(segment, chain.at(i + 1)))
            path.lineTo(chain.at(i + 2));
        else
            path.cubicTo(chain.at(i), chain.at(i + 1), chain.at(i + 2));
    }
    setPath(path);
}

void DiagramRelationItem::endpointMoved()
{
    routeDirectly();
}

void DiagramRelationItem::routeDirectly()
{
    prepareGeometryChange();
    m_route.clear();
    const QRectF fromBox = m_from->box().translated(m_from->pos());
    const QRectF toBox = m_to->box().translated(m_to->pos());
    if (m_from == m_to) { // a table that references itself: a loop on its right side
        const QPointF start(fromBox.right(), fromBox.top() + fromBox.height() * 0.35);
        const QPointF end(fromBox.right(), fromBox.top() + fromBox.height() * 0.65);
        QPainterPath loop(start);
        loop.cubicTo(start + QPointF(60, -20), end + QPointF(60, 20), end);
        setPath(loop);
        return;
    }
    const auto [start, startNormal] = exitPoint(fromBox, toBox.center());
    const auto [end, endNormal] = exitPoint(toBox, fromBox.center());
    const qreal reach = qMax(30.0, QLineF(start, end).length() / 3);
    QPainterPath curve(start);
    curve.cubicTo(start + startNormal * reach, end + endNormal * reach, end);
    setPath(curve);
}

// The path and what paint() needs of it, computed once per route instead of once per frame.
void DiagramRelationItem::setPath(const QPainterPath &path)
{
    m_path = path;
    m_startEnd = endAt(0);
    m_finishEnd = endAt(1);
    m_middle = m_path.pointAtPercent(0.5);
}

DiagramRelationItem::End DiagramRelationItem::endAt(qreal percent) const
{
    const qreal angle = qDegreesToRadians(m_path.angleAtPercent(percent));
    QPointF inward(qCos(angle), -qSin(angle)); // along the path, i.e. into the box at the far end
    if (percent == 0)
        inward = -inward;
    return End{m_path.pointAtPercent(percent), inward};
}

QRectF DiagramRelationItem::boundingRect() const
{
    const qreal margin = kEndMarkSize + 2;
    QRectF bounds = m_path.boundingRect().adjusted(-margin, -margin, margin, margin);
    if (m_relation.cascadeDelete)
        bounds |= cascadeLabelRect();
    return bounds;
}

QRectF DiagramRelationItem::cascadeLabelRect() const
{
    const QFontMetricsF metrics(m_style->markerFont());
    const QPointF anchor = m_middle + QPointF(4, -4);
    return QRectF(anchor.x(), anchor.y() - metrics.ascent(), metrics.horizontalAdvance(cascadeLabel()),
                  metrics.height());
}

QString DiagramRelationItem::cascadeLabel()
{
    return QStringLiteral("ON DELETE CASCADE");
}

QPainterPath DiagramRelationItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(m_path);
}

void DiagramRelationItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const auto *diagram = static_cast<const DiagramScene *>(scene());
    const qreal scale =
        diagram && diagram->fullDetail() ? 1.0 : option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, scale >= kAntialiasedScale);
    const bool highlighted = m_from->isSelected() || m_to->isSelected();
    QPen pen(highlighted ? m_style->selection()
                         : (m_relation.cascadeDelete ? m_style->cascadeEdge() : m_style->edge()));
    pen.setWidthF(highlighted ? 2.0 : 1.2);
    pen.setCosmetic(scale < 1);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    if (scale < kEndMarkScale)
        return;
    paintEnd(painter, m_startEnd, !m_relation.oneToOne, false);
    paintEnd(painter, m_finishEnd, false, true);
    if (m_relation.cascadeDelete && scale >= kCascadeLabelScale) {
        painter->setFont(m_style->markerFont());
        painter->drawText(cascadeLabelRect(), Qt::AlignLeft | Qt::AlignVCenter, cascadeLabel());
    }
}

// The mark at one end: a crow's foot for "many", otherwise a bar; the referenced end gets a
// second bar ("exactly one").
void DiagramRelationItem::paintEnd(QPainter *painter, const End &end, bool many, bool exactlyOne) const
{
    const QPointF &tip = end.tip;
    const QPointF &inward = end.inward;
    const QPointF across(-inward.y(), inward.x());
    const QPointF base = tip - inward * kEndMarkSize;
    if (many) {
        painter->drawLine(base, tip + across * (kEndMarkSize / 2));
        painter->drawLine(base, tip - across * (kEndMarkSize / 2));
        painter->drawLine(base, tip);
    } else {
        const QPointF bar = tip - inward * (kEndMarkSize * 0.6);
        painter->drawLine(bar + across * (kEndMarkSize / 2), bar - across * (kEndMarkSize / 2));
    }
    if (exactlyOne) {
        const QPointF bar = tip - inward * (kEndMarkSize * 1.1);
        painter->drawLine(bar + across * (kEndMarkSize / 2), bar - across * (kEndMarkSize / 2));
    }
}

bool DiagramRelationItem::isOnLine(const QLineF &line, const QPointF &point)
{
    const QPointF direction = line.p2() - line.p1();
    const QPointF offset = point - line.p1();
    const qreal cross = direction.x() * offset.y() - direction.y() * offset.x();
    return qAbs(cross) <= 0.5 * qMax(line.length(), qreal(1)); // within half a point of the line
}

} // namespace nrdb
