#include "diagramoverview.h"

#include "diagramscene.h"
#include "diagramview.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>

namespace nrdb {

DiagramOverview::DiagramOverview(DiagramView *view) : QWidget(view), m_view(view), m_renderTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("diagramOverview"));
    setFixedSize(220, 160);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view; right-click to move or hide it"));
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(250);
    connect(m_renderTimer, &QTimer::timeout, this, &DiagramOverview::renderMiniature);
}

void DiagramOverview::invalidate()
{
    m_renderTimer->start();
}

void DiagramOverview::renderMiniature()
{
    auto *scene = qobject_cast<DiagramScene *>(m_view->scene());
    if (!scene)
        return;
    m_source = scene->visibleItemsRect();
    m_miniature = QPixmap(size() * devicePixelRatioF());
    m_miniature.setDevicePixelRatio(devicePixelRatioF());
    m_miniature.fill(Qt::transparent);
    QPainter painter(&m_miniature);
    scene->render(&painter, miniatureRect(), m_source, Qt::KeepAspectRatio);
    update();
}

QRectF DiagramOverview::miniatureRect() const
{
    if (m_source.isEmpty())
        return rect();
    QSizeF size = m_source.size();
    size.scale(QSizeF(width() - 8, height() - 8), Qt::KeepAspectRatio);
    return {(width() - size.width()) / 2, (height() - size.height()) / 2, size.width(), size.height()};
}

void DiagramOverview::paintEvent(QPaintEvent *)
{
    if (m_miniature.isNull() && m_view->scene())
        renderMiniature();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window)); // opaque: what is under it does not show through
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    painter.drawPixmap(0, 0, m_miniature);
    if (m_source.isEmpty())
        return;
    const QRectF target = miniatureRect();
    const qreal scale = target.width() / m_source.width();
    const QRectF visible = m_view->visibleSceneRect();
    const QRectF frame((visible.left() - m_source.left()) * scale + target.left(),
                       (visible.top() - m_source.top()) * scale + target.top(), visible.width() * scale,
                       visible.height() * scale);
    QColor highlight = palette().color(QPalette::Highlight);
    painter.setPen(QPen(highlight, 1.5));
    highlight.setAlpha(40);
    painter.setBrush(highlight);
    painter.drawRect(frame.intersected(QRectF(rect())));
}

void DiagramOverview::centerViewAt(const QPointF &position)
{
    const QRectF target = miniatureRect();
    if (m_source.isEmpty() || target.isEmpty())
        return;
    const qreal scale = m_source.width() / target.width();
    m_view->centerOn(QPointF((position.x() - target.left()) * scale + m_source.left(),
                             (position.y() - target.top()) * scale + m_source.top()));
}

void DiagramOverview::mousePressEvent(QMouseEvent *event)
{
    centerViewAt(event->position());
}

void DiagramOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centerViewAt(event->position());
}

void DiagramOverview::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const QList<QPair<QString, OverviewPlace>> places{{tr("Move to Top Left"), OverviewPlace::TopLeft},
                                                      {tr("Move to Top Right"), OverviewPlace::TopRight},
                                                      {tr("Move to Bottom Left"), OverviewPlace::BottomLeft},
                                                      {tr("Move to Bottom Right"), OverviewPlace::BottomRight}};
    for (const auto &[text, place] : places) {
        QAction *action = menu.addAction(text);
        action->setEnabled(place != m_view->overviewPlace());
        connect(action, &QAction::triggered, m_view, [this, place = place] { m_view->setOverviewPlace(place); });
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Hide Overview")), &QAction::triggered, m_view,
            [this] { m_view->setOverviewPlace(OverviewPlace::Hidden); });
    menu.exec(event->globalPos());
}

} // namespace nrdb
