#include "graphlayout.h"

#include <QMutex>

#include <graphviz/gvc.h>

#include <memory>

namespace nrdb {

namespace {

constexpr double kPointsPerInch = 72.0;

QMutex &graphvizLock()
{
    static QMutex lock;
    return lock;
}

struct Attribute {
    int kind;
    const char *name;
    const char *value;
};

QString engineFor(const LayoutInput &input)
{
    return input.sizes.size() <= kLayeredLayoutLimit ? QStringLiteral("dot") : QStringLiteral("sfdp");
}

// dot: left to right like reading a foreign key, with the search effort of network simplex and
// crossing minimisation capped (on schemas the default effort costs seconds for no visible gain).
// sfdp: overlaps removed with a margin, straight edges.
QVector<Attribute> attributesFor(const QString &engine)
{
    QVector<Attribute> attributes{{AGNODE, "shape", "box"}, {AGNODE, "fixedsize", "true"},
                                  {AGNODE, "label", ""},    {AGNODE, "width", "1"},
                                  {AGNODE, "height", "1"},  {AGEDGE, "arrowhead", "none"}};
    if (engine == QLatin1String("dot")) {
        attributes << Attribute{AGRAPH, "rankdir", "TB"} << Attribute{AGRAPH, "nodesep", "0.4"}
                   << Attribute{AGRAPH, "ranksep", "0.8"} << Attribute{AGRAPH, "nslimit", "1"}
                   << Attribute{AGRAPH, "searchsize", "10"} << Attribute{AGRAPH, "mclimit", "0.5"};
    } else {
        attributes << Attribute{AGRAPH, "overlap", "prism"} << Attribute{AGRAPH, "sep", "+24"}
                   << Attribute{AGRAPH, "splines", "line"} << Attribute{AGRAPH, "K", "3"};
    }
    return attributes;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', 3);
}

QByteArray nodeName(int index)
{
    return "n" + QByteArray::number(index);
}

struct GraphDeleter {
    void operator()(Agraph_t *graph) const { agclose(graph); }
};

struct ContextDeleter {
    void operator()(GVC_t *context) const { gvFreeContext(context); }
};

LayoutResult readLayout(Agraph_t *graph, const QVector<Agnode_t *> &nodes, const QVector<Agedge_t *> &edges)
{
    LayoutResult result;
    const boxf box = GD_bb(graph);
    const auto toScene = [&box](pointf point) { return QPointF(point.x - box.LL.x, box.UR.y - point.y); };
    result.size = QSizeF(box.UR.x - box.LL.x, box.UR.y - box.LL.y);
    result.centers.reserve(nodes.size());
    for (Agnode_t *node : nodes)
        result.centers << toScene(ND_coord(node));
    result.edgePaths.reserve(edges.size());
    for (Agedge_t *edge : edges) {
        QVector<QPointF> path;
        const splines *routed = edge ? ED_spl(edge) : nullptr;
        if (routed && routed->size > 0) {
            const bezier &curve = routed->list[0];
            path.reserve(int(curve.size));
            for (int i = 0; i < curve.size; ++i)
                path << toScene(curve.list[i]);
        }
        result.edgePaths << path;
    }
    return result;
}

} // namespace

Result<LayoutResult> layoutGraph(const LayoutInput &input)
{
    if (input.sizes.isEmpty())
        return LayoutResult{};
    const QString engine = engineFor(input);
    const QMutexLocker locker(&graphvizLock());
    const std::unique_ptr<GVC_t, ContextDeleter> context(gvContext());
    if (!context)
        return Error::process(QStringLiteral("Graphviz could not start (gvContext failed)"));
    const std::unique_ptr<Agraph_t, GraphDeleter> graph(agopen(const_cast<char *>("schema"), Agdirected, nullptr));
    for (const Attribute &attribute : attributesFor(engine))
        agattr(graph.get(), attribute.kind, const_cast<char *>(attribute.name), const_cast<char *>(attribute.value));
    Agsym_t *width = agattr(graph.get(), AGNODE, const_cast<char *>("width"), nullptr);
    Agsym_t *height = agattr(graph.get(), AGNODE, const_cast<char *>("height"), nullptr);

    QVector<Agnode_t *> nodes;
    nodes.reserve(input.sizes.size());
    for (int i = 0; i < input.sizes.size(); ++i) {
        Agnode_t *node = agnode(graph.get(), nodeName(i).data(), 1);
        agxset(node, width, number(input.sizes.at(i).width() / kPointsPerInch).data());
        agxset(node, height, number(input.sizes.at(i).height() / kPointsPerInch).data());
        nodes << node;
    }
    QVector<Agedge_t *> edges;
    edges.reserve(input.edges.size());
    for (const auto &[from, to] : input.edges) {
        if (from < 0 || to < 0 || from >= nodes.size() || to >= nodes.size())
            return Error::usage(QStringLiteral("An edge names a box that does not exist"));
        // A second edge between the same boxes gets its own key, so it is routed on its own.
        const QByteArray key = QByteArray::number(edges.size());
        edges << agedge(graph.get(), nodes.at(from), nodes.at(to), const_cast<char *>(key.data()), 1);
    }

    if (gvLayout(context.get(), graph.get(), engine.toLatin1().constData()) != 0)
        return Error::process(QStringLiteral("Graphviz could not lay out the diagram with %1").arg(engine));
    LayoutResult result = readLayout(graph.get(), nodes, edges);
    result.engine = engine;
    gvFreeLayout(context.get(), graph.get());
    return result;
}

QByteArray toDot(const LayoutInput &input, DotAttributes attributes, const QStringList &labels)
{
    QByteArray dot = "digraph schema {\n";
    const QVector<Attribute> chosen =
        attributes == DotAttributes::AsLaidOut
            ? attributesFor(engineFor(input))
            : QVector<Attribute>{{AGRAPH, "rankdir", "LR"}, {AGNODE, "shape", "box"}, {AGNODE, "fixedsize", "true"}};
    for (const Attribute &attribute : chosen) {
        const QByteArray assignment = QByteArray(attribute.name) + "=\"" + attribute.value + "\"";
        if (attribute.kind == AGRAPH)
            dot += "  " + assignment + ";\n";
        else if (!(labels.size() == input.sizes.size() && qstrcmp(attribute.name, "label") == 0))
            dot += QByteArray(attribute.kind == AGNODE ? "  node [" : "  edge [") + assignment + "];\n";
    }
    for (int i = 0; i < input.sizes.size(); ++i) {
        dot += "  " + nodeName(i) + " [width=" + number(input.sizes.at(i).width() / kPointsPerInch) +
               ", height=" + number(input.sizes.at(i).height() / kPointsPerInch);
        if (labels.size() == input.sizes.size())
            dot += ", label=\"" + labels.at(i).toUtf8().replace('\\', "\\\\").replace('"', "\\\"") + "\"";
        dot += "];\n";
    }
    for (const auto &[from, to] : input.edges)
        dot += "  " + nodeName(from) + " -> " + nodeName(to) + ";\n";
    return dot + "}\n";
}

} // namespace nrdb
