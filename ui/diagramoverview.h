#pragma once

#include <QPixmap>
#include <QWidget>

class QTimer;

namespace nrdb {

class DiagramView;

// A miniature of the tables shown (all, or a table's neighbours) with the part the view shows
// framed; click or drag in it to move the view there, right-click to move it to another corner or
// hide it. The miniature is drawn once after the diagram changes, not every frame.
class DiagramOverview : public QWidget {
    Q_OBJECT
public:
    explicit DiagramOverview(DiagramView *view);

    // Draws the miniature again soon (the diagram changed).
    void invalidate();
    // The part of the scene the miniature shows: the tables shown.
    const QRectF &shownRect() const { return m_source; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void renderMiniature();
    QRectF miniatureRect() const; // where the scene's rectangle is drawn, in widget coordinates
    void centerViewAt(const QPointF &position);

    DiagramView *m_view;
    QTimer *m_renderTimer;
    QPixmap m_miniature;
    QRectF m_source;
};

} // namespace nrdb
