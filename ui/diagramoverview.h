#pragma once

#include <QPixmap>
#include <QWidget>

class QTimer;

namespace nrdb {

class DiagramView;

// A miniature of the whole diagram with the part the view shows framed; click or drag in it to
// move the view there. The miniature is drawn once after the diagram changes, not every frame.
class DiagramOverview : public QWidget {
    Q_OBJECT
public:
    explicit DiagramOverview(DiagramView *view);

    // Draws the miniature again soon (the diagram changed).
    void invalidate();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

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
