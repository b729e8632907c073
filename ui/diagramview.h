#pragma once

#include <QGraphicsView>

namespace nrdb {

class DiagramOverview;

// Where the overview sits in the view, or that it is hidden.
enum class OverviewPlace { Hidden, TopLeft, TopRight, BottomLeft, BottomRight };

// The diagram's viewport: the wheel zooms about the pointer, dragging the background pans,
// dragging a table moves it. An overview in a corner (the user's choice, or hidden) shows where
// the view is when the tables shown do not fit. Measures how long each frame takes to draw. GUI
// thread only.
class DiagramView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DiagramView(QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal zoom);
    void zoomBy(qreal factor);
    void fitRect(const QRectF &rect);
    // A diagram just drawn: the whole of rect when it fits at a zoom where the columns read, else
    // that zoom at rect's top-left corner (where the layout starts).
    void openAt(const QRectF &rect);
    void setOverviewPlace(OverviewPlace place);
    OverviewPlace overviewPlace() const { return m_overviewPlace; }
    // The tables shown changed (Neighbours, Show All): the overview draws them, and shows if needed.
    void shownTablesChanged();
    void centerOnTable(const QString &qualifiedName);
    QRectF visibleSceneRect() const;
    DiagramOverview *overview() const { return m_overview; }

    // Milliseconds each of the most recent frames took to draw (at most 1,000 kept).
    const QVector<double> &frameTimes() const { return m_frameTimes; }
    void clearFrameTimes() { m_frameTimes.clear(); }

    static constexpr qreal kMinimumZoom = 0.02;
    static constexpr qreal kMaximumZoom = 4.0;
    static constexpr qreal kReadableZoom = 0.75; // a table's columns read at this size

signals:
    void zoomChanged(qreal zoom);
    void overviewPlaceChanged(nrdb::OverviewPlace place);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void placeOverview();

    DiagramOverview *m_overview;
    OverviewPlace m_overviewPlace = OverviewPlace::BottomRight;
    QVector<double> m_frameTimes;
};

} // namespace nrdb
