#include "diagramview.h"

#include "diagramoverview.h"
#include "diagramscene.h"
#include "diagramtableitem.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QWheelEvent>

namespace nrdb {

namespace {
constexpr int kKeptFrames = 1000;
constexpr int kOverviewMargin = 12;
} // namespace

DiagramView::DiagramView(QWidget *parent) : QGraphicsView(parent), m_overview(new DiagramOverview(this))
{
    setObjectName(QStringLiteral("diagramView"));
    setDragMode(ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setFrameShape(QFrame::NoFrame);
    m_overview->hide();
}

void DiagramView::setZoom(qreal zoom)
{
    const qreal bounded = qBound(kMinimumZoom, zoom, kMaximumZoom);
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setTransform(QTransform::fromScale(bounded, bounded));
    setTransformationAnchor(anchor);
    placeOverview();
    emit zoomChanged(bounded);
}

void DiagramView::zoomBy(qreal factor)
{
    const qreal target = qBound(kMinimumZoom, zoom() * factor, kMaximumZoom);
    scale(target / zoom(), target / zoom());
    placeOverview();
    emit zoomChanged(zoom());
}

void DiagramView::fitRect(const QRectF &rect)
{
    if (rect.isEmpty())
        return;
    fitInView(rect.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    if (zoom() > 1.0) // a small diagram is shown at its natural size, not blown up
        setZoom(1.0);
    else if (zoom() < kMinimumZoom)
        setZoom(kMinimumZoom);
    centerOn(rect.center());
    placeOverview();
    emit zoomChanged(zoom());
}

void DiagramView::openAt(const QRectF &rect)
{
    if (rect.isEmpty())
        return;
    fitRect(rect);
    if (zoom() >= kReadableZoom)
        return;
    setZoom(kReadableZoom);
    const QRectF visible = visibleSceneRect();
    centerOn(rect.left() + visible.width() / 2 - 20, rect.top() + visible.height() / 2 - 20);
    placeOverview();
}

void DiagramView::setOverviewPlace(OverviewPlace place)
{
    if (place == m_overviewPlace)
        return;
    m_overviewPlace = place;
    placeOverview();
    emit overviewPlaceChanged(place);
}

void DiagramView::shownTablesChanged()
{
    m_overview->invalidate();
    placeOverview();
}

void DiagramView::centerOnTable(const QString &qualifiedName)
{
    auto *diagram = qobject_cast<DiagramScene *>(scene());
    DiagramTableItem *item = diagram ? diagram->tableItem(qualifiedName) : nullptr;
    if (!item)
        return;
    if (zoom() < 0.6)
        setZoom(1.0);
    diagram->clearSelection();
    item->setVisible(true);
    item->setSelected(true);
    centerOn(item);
}

QRectF DiagramView::visibleSceneRect() const
{
    return mapToScene(viewport()->rect()).boundingRect();
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y();
    if (steps == 0)
        return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.0015, steps));
    event->accept();
}

void DiagramView::paintEvent(QPaintEvent *event)
{
    QElapsedTimer timer;
    timer.start();
    QGraphicsView::paintEvent(event);
    if (m_frameTimes.size() >= kKeptFrames)
        m_frameTimes.remove(0, kKeptFrames / 2);
    m_frameTimes << double(timer.nsecsElapsed()) / 1e6;
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeOverview();
}

void DiagramView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_overview->update();
}

// The overview shows, in its corner, when some of the tables shown are out of sight.
void DiagramView::placeOverview()
{
    const auto *diagram = qobject_cast<DiagramScene *>(scene());
    const QRectF shown = diagram ? diagram->visibleItemsRect() : QRectF();
    const bool needed = m_overviewPlace != OverviewPlace::Hidden && !shown.isEmpty() &&
                        !visibleSceneRect().contains(shown.adjusted(30, 30, -30, -30));
    m_overview->setVisible(needed);
    if (!needed)
        return;
    const QRect area = viewport()->geometry();
    const bool left = m_overviewPlace == OverviewPlace::TopLeft || m_overviewPlace == OverviewPlace::BottomLeft;
    const bool top = m_overviewPlace == OverviewPlace::TopLeft || m_overviewPlace == OverviewPlace::TopRight;
    m_overview->move(left ? area.left() + kOverviewMargin : area.right() - m_overview->width() - kOverviewMargin,
                     top ? area.top() + kOverviewMargin : area.bottom() - m_overview->height() - kOverviewMargin);
    m_overview->update();
}

} // namespace nrdb
