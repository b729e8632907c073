#pragma once

#include "util/result.h"

#include <QRectF>
#include <QSize>
#include <QString>

namespace nrdb {

class DiagramScene;

enum class DiagramExportFormat { Svg, Png, Pdf };

struct DiagramExported {
    QString path;
    DiagramExportFormat format = DiagramExportFormat::Svg;
    QSize size;        // pixels (PNG) or points (SVG, PDF)
    qreal scale = 1.0; // what was used: less than asked when the picture would be too large
};

// Writes the part `source` of the diagram (in scene coordinates) to a file, with every column
// drawn whatever the zoom on screen, independent of the window. PNG is drawn at `scale` pixels
// per point; PNG and PDF are scaled down to fit their formats' limits, and the result says so.
Result<DiagramExported> exportDiagram(DiagramScene &scene, const QRectF &source, const QString &path,
                                      DiagramExportFormat format, qreal scale = 1.0);

// The format a file name asks for (by its suffix, any case); Svg when it says nothing known.
DiagramExportFormat diagramExportFormatFor(const QString &path);

} // namespace nrdb
