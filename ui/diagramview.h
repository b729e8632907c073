#pragma once

#include <QGraphicsView>

namespace nrdb {

class DiagramOverview;

// The diagram's viewport: the wheel zooms about the pointer, dragging the background pans,
// dragging a table moves it. An overview in the corner shows where the view is when the diagram
// does not fit. Measures how long each frame takes to draw. GUI thread only.
class DiagramView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DiagramView(QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal zoom);
    void zoomBy(qreal factor);
    void fitRect(const QRectF &rect);
    void centerOnTable(const QString &qualifiedName);
    QRectF visibleSceneRect() const;
    DiagramOverview *overview() const { return m_overview; }

    // Milliseconds each of the most recent frames took to draw (at most 1,000 kept).
    const QVector<double> &frameTimes() const { return m_frameTimes; }
    void clearFrameTimes() { m_frameTimes.clear(); }

    static constexpr qreal kMinimumZoom = 0.02;
    static constexpr qreal kMaximumZoom = 4.0;

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void placeOverview();

    DiagramOverview *m_overview;
    QVector<double> m_frameTimes;
};

} // namespace nrdb
