#pragma once

#include "util/result.h"

#include <QPointF>
#include <QSizeF>
#include <QString>
#include <QVector>

namespace nrdb {

// A graph to lay out: boxes of known size (in points) and directed edges between them.
struct LayoutInput {
    QVector<QSizeF> sizes;
    QVector<QPair<int, int>> edges; // (from, to) indexes into sizes
};

// Where Graphviz put the boxes and how it routed the edges, in points with y growing downwards
// and the top-left corner of the drawing at (0, 0).
struct LayoutResult {
    QVector<QPointF> centers;
    // Per edge: a cubic Bézier chain p0, (c1, c2, p)…; empty when the edge could not be routed.
    QVector<QVector<QPointF>> edgePaths;
    QSizeF size;
    QString engine; // "dot" or "sfdp"
};

// Graphs up to this many boxes get dot's layered layout, readable for a schema; larger ones the
// multilevel force-directed sfdp, whose cost grows almost linearly where dot's explodes.
constexpr int kLayeredLayoutLimit = 150;

// Lays the graph out with libgvc. Graphviz keeps global state and is not re-entrant: calls are
// serialised by a lock, so any thread may call this, but one layout runs at a time.
// Meant for a worker thread: a layout of thousands of boxes takes seconds.
Result<LayoutResult> layoutGraph(const LayoutInput &input);

// The same graph in the DOT language, for comparing with the Graphviz command line: with the
// engine's attributes layoutGraph() uses, or (Plain) left to right with dot's own defaults.
// `labels`, when given, become the boxes' text.
enum class DotAttributes { AsLaidOut, Plain };
QByteArray toDot(const LayoutInput &input, DotAttributes attributes, const QStringList &labels = {});

} // namespace nrdb
