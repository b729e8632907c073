#include "diagramexport.h"

#include "diagramscene.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace nrdb {

namespace {

constexpr qreal kLargestPngSide = 16384; // pixels; beyond this painting and viewers struggle
constexpr qreal kLargestPngArea = 60e6;  // pixels: 240 MB in memory
constexpr qreal kLargestPdfSide = 14400; // points: the largest page PDF readers accept (200 in)

qreal fittingScale(const QSizeF &size, qreal wanted, qreal largestSide, qreal largestArea = 0)
{
    qreal scale = wanted;
    const qreal largest = qMax(size.width(), size.height()) * scale;
    if (largest > largestSide)
        scale *= largestSide / largest;
    const qreal area = size.width() * size.height() * scale * scale;
    if (largestArea > 0 && area > largestArea)
        scale *= std::sqrt(largestArea / area);
    return scale;
}

Error writeError(const QString &path, const QString &why)
{
    return Error::io(QStringLiteral("Could not write %1: %2").arg(path, why));
}

// The scene draws every column while it is exported, and no selection highlight.
class ExportRendering {
public:
    explicit ExportRendering(DiagramScene &scene) : m_scene(scene), m_selection(scene.selectedItems())
    {
        m_scene.clearSelection();
        m_scene.setFullDetail(true);
    }
    ~ExportRendering()
    {
        m_scene.setFullDetail(false);
        for (QGraphicsItem *item : std::as_const(m_selection))
            item->setSelected(true);
    }
    ExportRendering(const ExportRendering &) = delete;
    ExportRendering &operator=(const ExportRendering &) = delete;

    void render(QPainter &painter, const QRectF &target, const QRectF &source)
    {
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene.render(&painter, target, source, Qt::KeepAspectRatio);
    }

private:
    DiagramScene &m_scene;
    QList<QGraphicsItem *> m_selection;
};

Result<DiagramExported> exportSvg(DiagramScene &scene, const QRectF &source, const QString &path)
{
    const QSize size = source.size().toSize();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(QStringLiteral("Relationship diagram"));
    QPainter painter;
    if (!painter.begin(&generator))
        return writeError(path, QStringLiteral("the SVG writer could not start"));
    ExportRendering(scene).render(painter, QRectF(QPointF(0, 0), source.size()), source);
    if (!painter.end())
        return writeError(path, QStringLiteral("the SVG writer failed"));
    return DiagramExported{path, DiagramExportFormat::Svg, size, 1.0};
}

Result<DiagramExported> exportPng(DiagramScene &scene, const QRectF &source, const QString &path, qreal wanted)
{
    const qreal scale = fittingScale(source.size(), wanted, kLargestPngSide, kLargestPngArea);
    const QSize size = (source.size() * scale).toSize().expandedTo(QSize(1, 1));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return writeError(path,
                          QStringLiteral("not enough memory for %1 × %2 pixels").arg(size.width()).arg(size.height()));
    image.fill(scene.backgroundBrush().color());
    QPainter painter(&image);
    ExportRendering(scene).render(painter, QRectF(QPointF(0, 0), QSizeF(size)), source);
    painter.end();
    QImageWriter writer(path, "png");
    if (!writer.write(image))
        return writeError(path, writer.errorString());
    return DiagramExported{path, DiagramExportFormat::Png, size, scale};
}

Result<DiagramExported> exportPdf(DiagramScene &scene, const QRectF &source, const QString &path)
{
    const qreal scale = fittingScale(source.size(), 1.0, kLargestPdfSide);
    const QSizeF page = source.size() * scale;
    QPdfWriter writer(path);
    writer.setResolution(72); // one painter unit is one point
    writer.setPageSize(QPageSize(page, QPageSize::Point, QStringLiteral("Diagram"), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(QStringLiteral("Relationship diagram"));
    QPainter painter;
    if (!painter.begin(&writer))
        return writeError(path, QStringLiteral("the PDF writer could not start"));
    painter.fillRect(QRectF(QPointF(0, 0), page), scene.backgroundBrush());
    ExportRendering(scene).render(painter, QRectF(QPointF(0, 0), page), source);
    if (!painter.end())
        return writeError(path, QStringLiteral("the PDF writer failed"));
    return DiagramExported{path, DiagramExportFormat::Pdf, page.toSize(), scale};
}

} // namespace

DiagramExportFormat diagramExportFormatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return DiagramExportFormat::Png;
    if (suffix == QLatin1String("pdf"))
        return DiagramExportFormat::Pdf;
    return DiagramExportFormat::Svg;
}

Result<DiagramExported> exportDiagram(DiagramScene &scene, const QRectF &source, const QString &path,
                                      DiagramExportFormat format, qreal scale)
{
    if (source.isEmpty())
        return Error::usage(QStringLiteral("There is nothing to export: the diagram is empty"));
    switch (format) {
    case DiagramExportFormat::Svg:
        return exportSvg(scene, source, path);
    case DiagramExportFormat::Png:
        return exportPng(scene, source, path, scale);
    case DiagramExportFormat::Pdf:
        return exportPdf(scene, source, path);
    }
    return exportSvg(scene, source, path);
}

} // namespace nrdb
