// The relationship diagram on the synthetic schemas: layout plus first paint against Graphviz's
// own command line on the same graph, and the frame time while panning and zooming.
//   bench_diagram [TABLES...]     default: 100 500 2000
// NRDB_BENCH_DOT_LIMIT_S (default 120) stops a `dot -Tsvg` that runs longer; the ratio is then a bound.
#include "benchfigure.h"
#include "syntheticschema.h"

#include "diagrampage.h"
#include "diagramscene.h"
#include "diagramview.h"

#include "catalog/catalogreader.h"
#include "connection/databaseadmin.h"
#include "connection/databasesession.h"
#include "diagram/diagramplacement.h"
#include "diagram/graphlayout.h"
#include "jobs/jobrunner.h"
#include "sandbox/sandboxcluster.h"
#include "util/eventwait.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <vector>

using namespace nrdb;

namespace {

// Graphviz's command line on the graph we lay out, with each box labelled with the table and its
// columns as an ER drawing would be. Milliseconds, or a negative number when stopped at the limit.
double graphvizCommand(const QString &engine, const QByteArray &dot, const QString &directory, int limitMs)
{
    const QString input = directory + QStringLiteral("/graph.dot");
    QFile file(input);
    if (!file.open(QIODevice::WriteOnly) || file.write(dot) != dot.size())
        qFatal("cannot write %s", qPrintable(input));
    file.close();
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(engine,
                  {QStringLiteral("-Tsvg"), input, QStringLiteral("-o"), directory + QStringLiteral("/graph.svg")});
    if (!process.waitForFinished(limitMs)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(engine), process.readAllStandardError().constData());
    return double(clock.nsecsElapsed()) / 1e6;
}

QStringList boxLabels(const DiagramModel &model)
{
    QStringList labels;
    for (const DiagramTable &table : model.tables) {
        QString label = table.qualifiedName() + QStringLiteral("\\l");
        for (const DiagramColumn &column : table.columns)
            label += column.name + QLatin1Char(' ') + column.type + QStringLiteral("\\l");
        labels << label;
    }
    return labels;
}

void compare(const QString &name, double ours, const QString &engine, const QByteArray &dot, const QString &directory,
             int limitMs, const QString &goal)
{
    const double raw = graphvizCommand(engine, dot, directory, limitMs);
    if (raw < 0)
        bench::printFigureBeyondLimit(name, ours, limitMs, QStringLiteral("ms"), goal);
    else
        bench::printFigure(name, ours, raw, QStringLiteral("ms"), goal);
}

// Pans and zooms the view step by step, drawing each frame synchronously; the median frame time.
void measureFrames(DiagramView &view, int tables)
{
    const QRectF whole = view.scene()->itemsBoundingRect();
    view.clearFrameTimes();
    view.fitRect(whole);
    const qreal fitted = view.zoom();
    for (int step = 0; step < 60; ++step) { // zoom in from the whole diagram to 100%, about its centre
        view.setZoom(fitted * std::pow(1.0 / fitted, step / 59.0));
        view.viewport()->repaint();
    }
    for (int step = 0; step < 60; ++step) { // pan across at 100%
        view.centerOn(whole.left() + whole.width() * step / 59.0, whole.center().y());
        view.viewport()->repaint();
    }
    view.setZoom(0.25);
    for (int step = 0; step < 60; ++step) { // pan at an overview zoom, where most boxes are in sight
        view.centerOn(whole.center().x(), whole.top() + whole.height() * step / 59.0);
        view.viewport()->repaint();
    }
    std::vector<double> frames(view.frameTimes().cbegin(), view.frameTimes().cend());
    std::sort(frames.begin(), frames.end());
    bench::printPlainFigure(QStringLiteral("diagram frame while panning and zooming, %1 tables, median of %2")
                                .arg(tables)
                                .arg(frames.size()),
                            frames[frames.size() / 2], QStringLiteral("ms"), QStringLiteral("<= 16 ms"));
    bench::printPlainFigure(
        QStringLiteral("diagram frame while panning and zooming, %1 tables, 95th percentile").arg(tables),
        frames[frames.size() * 95 / 100], QStringLiteral("ms"), QStringLiteral("-"));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes << QString::fromLocal8Bit(argv[i]).toInt();
    if (sizes.isEmpty())
        sizes = {100, 500, 2000};
    const int limitMs = qEnvironmentVariableIntValue("NRDB_BENCH_DOT_LIMIT_S") > 0
                            ? qEnvironmentVariableIntValue("NRDB_BENCH_DOT_LIMIT_S") * 1000
                            : 120000;

    SandboxCluster cluster;
    if (!cluster.start())
        qFatal("sandbox failed");
    DatabaseSession maintenance;
    if (!maintenance.open(cluster.state().profile()) ||
        !databaseadmin::create(maintenance.database(), QStringLiteral("bench")))
        qFatal("create database failed");
    DatabaseSession session;
    if (!session.open(cluster.state().profile(QStringLiteral("bench"))))
        qFatal("connect failed");
    QTemporaryDir work;

    for (const int tables : std::as_const(sizes)) {
        if (!bench::createSyntheticSchema(session.database(), tables))
            qFatal("generate failed");
        Result<SchemaSnapshot> read = CatalogReader::read(session.database());
        if (!read)
            qFatal("catalog read failed");
        const auto snapshot = std::make_shared<const SchemaSnapshot>(std::move(read).value());

        // From the snapshot to the first painted frame, as the Diagram tab does it.
        JobRunner runner;
        DiagramPage page(&runner);
        page.setPlacementStore(DiagramPlacementStore(work.path() + QStringLiteral("/places%1").arg(tables)));
        page.setDatabaseKey(QStringLiteral("bench"));
        page.resize(1280, 800);
        page.show();
        bool ready = false;
        QObject::connect(&page, &DiagramPage::diagramReady, [&ready] { ready = true; });
        QElapsedTimer clock;
        clock.start();
        page.showSnapshot(snapshot);
        while (!ready)
            waitForEvents(20);
        page.view()->viewport()->repaint();
        const double ours = double(clock.nsecsElapsed()) / 1e6;

        const DiagramModel &model = page.scene()->model();
        const LayoutInput input = planPlacement(model, page.scene()->boxSizes(model), {}).input;
        const QStringList labels = boxLabels(model);
        const QString engine = tables <= kLayeredLayoutLimit ? QStringLiteral("dot") : QStringLiteral("sfdp");
        compare(QStringLiteral("diagram layout + first paint, %1 tables, vs dot -Tsvg").arg(tables), ours,
                QStringLiteral("dot"), toDot(input, DotAttributes::Plain, labels), work.path(), limitMs,
                QStringLiteral("<= 0.5x"));
        compare(QStringLiteral("diagram layout + first paint, %1 tables, vs %2 -Tsvg with our settings")
                    .arg(tables)
                    .arg(engine),
                ours, engine, toDot(input, DotAttributes::AsLaidOut, labels), work.path(), limitMs,
                QStringLiteral("-"));
        if (tables == sizes.last())
            measureFrames(*page.view(), tables);
    }
    return 0;
}
