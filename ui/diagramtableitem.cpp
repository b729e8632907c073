#include "diagramtableitem.h"

#include "diagramrelationitem.h"
#include "diagramscene.h"
#include "diagramstyle.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace nrdb {

namespace {
// Below this scale the column text would be too small to read: the box is drawn with its title only.
constexpr qreal kColumnDetailScale = 0.45;
// Zoomed out, a title is drawn at least this many pixels high if the box is wide enough…
constexpr qreal kReadableTitlePixels = 11.0;
// …and not at all below this.
constexpr qreal kSmallestReadableTitle = 3.0;
} // namespace

DiagramTableItem::DiagramTableItem(const DiagramTable &table, int index, const DiagramStyle *style)
    : m_table(table), m_index(index), m_style(style)
{
    const QSizeF size = style->boxSize(table);
    const QFontMetricsF titleMetrics(style->titleFont());
    m_titleSize = QSizeF(titleMetrics.horizontalAdvance(table.name), titleMetrics.height());
    m_box = QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setToolTip(table.status == DiagramStatus::Normal
                   ? table.qualifiedName()
                   : QStringLiteral("%1 (%2)").arg(table.qualifiedName(), diagramStatusName(table.status)));
}

QRectF DiagramTableItem::boundingRect() const
{
    return m_box.adjusted(-2, -2, 2, 2);
}

void DiagramTableItem::addRelation(DiagramRelationItem *relation)
{
    m_relations << relation;
}

void DiagramTableItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const auto *diagram = static_cast<const DiagramScene *>(scene());
    const qreal scale =
        diagram && diagram->fullDetail() ? 1.0 : option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, scale >= kAntialiasedScale);
    const QColor status = m_style->statusColor(m_table.status);
    QPen border(isSelected() ? m_style->selection() : (status.isValid() ? status : m_style->border()));
    border.setWidthF(isSelected() || status.isValid() ? 2.0 : 1.0);
    border.setCosmetic(scale < 1);
    if (m_table.status == DiagramStatus::Missing)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(m_style->boxFill());
    painter->drawRect(m_box);

    const QRectF header(m_box.topLeft(), QSizeF(m_box.width(), m_style->headerHeight()));
    QColor headerFill = m_style->headerFill();
    if (status.isValid())
        headerFill = QColor::fromRgbF(float(headerFill.redF() * 0.7 + status.redF() * 0.3),
                                      float(headerFill.greenF() * 0.7 + status.greenF() * 0.3),
                                      float(headerFill.blueF() * 0.7 + status.blueF() * 0.3));
    painter->fillRect(header.adjusted(1, 1, -1, 0), headerFill);
    painter->setPen(m_style->text());
    if (scale >= kColumnDetailScale) {
        painter->setFont(m_style->titleFont());
        painter->drawText(header.adjusted(m_style->padding(), 0, -m_style->padding(), 0),
                          Qt::AlignVCenter | Qt::AlignLeft, m_table.qualifiedName());
        paintColumns(painter);
    } else {
        paintLargeTitle(painter, scale);
    }
}

// Zoomed out, the columns are left out and the name grows to stay readable, as far as the box
// is wide; when even that would be too small to read, the box stays blank.
void DiagramTableItem::paintLargeTitle(QPainter *painter, qreal scale) const
{
    // Text width and height grow in proportion to the point size: measured once, at the base size.
    const QFont &base = m_style->titleFont();
    const QRectF room = m_box.adjusted(m_style->padding(), 2, -m_style->padding(), -2);
    qreal size = qMax(base.pointSizeF(), kReadableTitlePixels / scale);
    const qreal growth = size / base.pointSizeF();
    const qreal shrink = qMin(room.width() / qMax(m_titleSize.width() * growth, qreal(1)),
                              room.height() / (m_titleSize.height() * growth));
    if (shrink < 1)
        size *= shrink * 0.95;
    if (m_titleSize.height() * size / base.pointSizeF() * scale < kSmallestReadableTitle)
        return;
    QFont font = base;
    font.setPointSizeF(size);
    painter->setFont(font);
    painter->drawText(room, Qt::AlignCenter, m_table.name);
}

void DiagramTableItem::paintColumns(QPainter *painter) const
{
    const qreal padding = m_style->padding();
    const qreal typeX = m_box.left() + m_style->typeOffset(m_table);
    qreal y = m_box.top() + m_style->headerHeight();
    for (const DiagramColumn &column : m_table.columns) {
        const QRectF row(m_box.left() + 1, y, m_box.width() - 2, m_style->rowHeight());
        const QColor status = m_style->statusColor(column.status);
        if (status.isValid()) {
            QColor tint = status;
            tint.setAlphaF(0.22f);
            painter->fillRect(row, tint);
        }
        if (column.primaryKey || column.foreignKey) {
            painter->setFont(m_style->markerFont());
            painter->setPen(column.primaryKey ? m_style->selection() : m_style->dimText());
            const QString marker = column.primaryKey && column.foreignKey ? QStringLiteral("PK FK")
                                   : column.primaryKey                    ? QStringLiteral("PK")
                                                                          : QStringLiteral("FK");
            painter->drawText(row.adjusted(padding, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, marker);
        }
        QFont nameFont = m_style->columnFont();
        nameFont.setStrikeOut(column.status == DiagramStatus::Missing);
        nameFont.setUnderline(column.primaryKey);
        painter->setFont(nameFont);
        painter->setPen(status.isValid() ? status : m_style->text());
        painter->drawText(row.adjusted(padding + m_style->markerWidth(), 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          column.name);
        painter->setFont(m_style->columnFont());
        painter->setPen(m_style->dimText());
        painter->drawText(QRectF(typeX, y, m_box.right() - typeX - padding, row.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, column.type);
        y += m_style->rowHeight();
    }
}

QVariant DiagramTableItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (scene() && scene()->mouseGrabberItem())
            m_moved = true; // the user drags it (or a selection it belongs to)
        for (DiagramRelationItem *relation : std::as_const(m_relations))
            relation->endpointMoved();
    }
    return QGraphicsItem::itemChange(change, value);
}

void DiagramTableItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (auto *diagram = qobject_cast<DiagramScene *>(scene()); diagram && m_moved)
        diagram->tableDragged();
}

} // namespace nrdb
