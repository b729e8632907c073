#include "diagramstyle.h"

#include "appearance.h"

namespace nrdb {

namespace {

QFont withBold(QFont font)
{
    font.setBold(true);
    return font;
}

QFont smaller(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.75);
    font.setBold(true);
    return font;
}

QColor mix(const QColor &a, const QColor &b, qreal share)
{
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
                            float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}

} // namespace

DiagramStyle::DiagramStyle(const QFont &font, const QPalette &palette)
    : m_titleFont(withBold(font)), m_columnFont(font), m_markerFont(smaller(font)), m_titleMetrics(m_titleFont),
      m_columnMetrics(m_columnFont), m_palette(palette), m_headerHeight(m_titleMetrics.height() + 2 * padding()),
      m_rowHeight(m_columnMetrics.height() + 2),
      m_markerWidth(QFontMetricsF(m_markerFont).horizontalAdvance(QStringLiteral("PK FK")) + padding())
{
}

qreal DiagramStyle::typeOffset(const DiagramTable &table) const
{
    qreal widest = 0;
    for (const DiagramColumn &column : table.columns)
        widest = qMax(widest, m_columnMetrics.horizontalAdvance(column.name));
    return padding() + m_markerWidth + widest + 2 * padding();
}

QSizeF DiagramStyle::boxSize(const DiagramTable &table) const
{
    qreal widestType = 0;
    for (const DiagramColumn &column : table.columns)
        widestType = qMax(widestType, m_columnMetrics.horizontalAdvance(column.type));
    const qreal titleWidth = m_titleMetrics.horizontalAdvance(table.qualifiedName()) + 2 * padding();
    const qreal width = qMax(qMax(titleWidth, typeOffset(table) + widestType + padding()), qreal(120));
    const qreal height = m_headerHeight + qMax(1, int(table.columns.size())) * m_rowHeight + padding();
    return {std::ceil(width), std::ceil(height)};
}

QColor DiagramStyle::boxFill() const
{
    return m_palette.color(QPalette::Base);
}

QColor DiagramStyle::headerFill() const
{
    return mix(m_palette.color(QPalette::Base), m_palette.color(QPalette::Highlight), 0.22);
}

QColor DiagramStyle::border() const
{
    return mix(m_palette.color(QPalette::Base), m_palette.color(QPalette::Text), 0.45);
}

QColor DiagramStyle::text() const
{
    return m_palette.color(QPalette::Text);
}

QColor DiagramStyle::dimText() const
{
    return mix(m_palette.color(QPalette::Base), m_palette.color(QPalette::Text), 0.55);
}

QColor DiagramStyle::edge() const
{
    return mix(m_palette.color(QPalette::Base), m_palette.color(QPalette::Text), 0.6);
}

QColor DiagramStyle::cascadeEdge() const
{
    return toneColor(Tone::Cascade, m_palette);
}

QColor DiagramStyle::selection() const
{
    return m_palette.color(QPalette::Highlight);
}

QColor DiagramStyle::statusColor(DiagramStatus status, const QPalette &palette)
{
    switch (status) {
    case DiagramStatus::Normal:
        return {};
    case DiagramStatus::Missing:
        return toneColor(Tone::Bad, palette);
    case DiagramStatus::Changed:
        return toneColor(Tone::Warning, palette);
    case DiagramStatus::Extra:
        return toneColor(Tone::Info, palette);
    }
    return {};
}

} // namespace nrdb
