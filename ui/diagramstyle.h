#pragma once

#include "diagram/diagrammodel.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPalette>
#include <QSizeF>

namespace nrdb {

// Zoomed out further than this, the diagram is drawn without antialiasing: thousands of thin
// lines and boxes cost several times as much smoothed, and at that size nobody sees the difference.
constexpr qreal kAntialiasedScale = 0.3;

// How a table box of the diagram is measured and coloured. One instance per scene; the fonts are
// the application's, the colours follow the palette (light or dark) except the status marks.
class DiagramStyle {
public:
    explicit DiagramStyle(const QFont &font = QFont(), const QPalette &palette = QPalette());

    QSizeF boxSize(const DiagramTable &table) const;

    const QFont &titleFont() const { return m_titleFont; }
    const QFont &columnFont() const { return m_columnFont; }
    const QFont &markerFont() const { return m_markerFont; }
    const QPalette &palette() const { return m_palette; }
    qreal padding() const { return 6; }
    qreal headerHeight() const { return m_headerHeight; }
    qreal rowHeight() const { return m_rowHeight; }
    qreal markerWidth() const { return m_markerWidth; }
    qreal typeOffset(const DiagramTable &table) const; // where the type column starts, from the box's left

    QColor boxFill() const;
    QColor headerFill() const;
    QColor border() const;
    QColor text() const;
    QColor dimText() const;
    QColor edge() const;
    QColor cascadeEdge() const;
    QColor selection() const;
    QColor statusColor(DiagramStatus status) const { return statusColor(status, m_palette); }
    static QColor statusColor(DiagramStatus status, const QPalette &palette); // invalid for Normal

private:
    QFont m_titleFont;
    QFont m_columnFont;
    QFont m_markerFont;
    QFontMetricsF m_titleMetrics;
    QFontMetricsF m_columnMetrics;
    QPalette m_palette;
    qreal m_headerHeight;
    qreal m_rowHeight;
    qreal m_markerWidth;
};

} // namespace nrdb
