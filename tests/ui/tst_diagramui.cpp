// The relationship diagram as real widgets: NetRaven v1 from a real server, and a synthetic
// 2,000-table schema for export.
#include "diagramexport.h"
#include "diagramoverview.h"
#include "diagrampage.h"
#include "diagramrelationitem.h"
#include "diagramscene.h"
#include "diagramtableitem.h"
#include "diagramview.h"
#include "scratchdatabase.h"

#include "catalog/catalogreader.h"
#include "connection/databasesession.h"
#include "diagram/verifymarks.h"
#include "jobs/initjob.h"
#include "jobs/jobrunner.h"
#include "jobs/verifyjob.h"
#include "model/modelpack.h"

#include <QComboBox>
#include <QFile>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

const QString kNetRaven = QStringLiteral("netraven");

DiagramRelationItem *relationNamed(const DiagramScene &scene, const QString &name)
{
    for (DiagramRelationItem *item : scene.relationItems())
        if (item->relation().name == name)
            return item;
    return nullptr;
}

int visibleTables(const DiagramScene &scene)
{
    int count = 0;
    for (const DiagramTableItem *item : scene.tableItems())
        count += item->isVisible() ? 1 : 0;
    return count;
}

// 2,000 tables, each referencing the one before it and the one at half its number.
DiagramModel syntheticModel(int tables)
{
    DiagramModel model;
    for (int i = 0; i < tables; ++i) {
        DiagramTable table;
        table.oid = quint32(i + 1);
        table.schema = QStringLiteral("bench");
        table.name = QStringLiteral("t%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        for (const char *column : {"id", "name", "parent_id", "other_id"})
            table.columns << DiagramColumn{QString::fromLatin1(column), QStringLiteral("bigint"), false, false, {}};
        model.tables << table;
        if (i > 0) {
            model.relations << DiagramRelation{i, i - 1, QStringLiteral("p%1").arg(i), {}, {}, false, false};
            model.relations << DiagramRelation{i, i / 2, QStringLiteral("o%1").arg(i), {}, {}, false, false};
        }
    }
    return model;
}

} // namespace

class TestDiagramUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        JobRunner runner;
        auto init =
            std::make_shared<InitJob>(m_scratch.profile(), ModelPack::builtIn(QStringLiteral("netraven-v1")).value());
        runner.submit(init);
        QVERIFY(runner.waitForIdle(60000));
        QVERIFY(init->hasResult());
        QVERIFY(m_session.open(m_scratch.profile()));
        readSnapshot();
    }

    void init()
    {
        m_places = std::make_unique<QTemporaryDir>(); // each test lays out from nothing placed
        QVERIFY(m_places->isValid());
        openPage();
    }

    void cleanup()
    {
        m_page.reset();
        m_places.reset();
    }

    void netRavenHasThirteenTablesAndTwelveRelationships()
    {
        QSignalSpy ready(m_page.get(), &DiagramPage::diagramReady);
        m_page->setSchemaFilter(kNetRaven);
        m_page->showSnapshot(m_snapshot);
        QCOMPARE(ready.count(), 0); // laid out on the layout thread, not here
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        const DiagramScene &scene = *m_page->scene();
        QCOMPARE(scene.tableItems().size(), 13);
        QCOMPARE(scene.relationItems().size(), 12);
        QVERIFY2(
            m_page->statusText().startsWith(QStringLiteral("13 tables · 12 relationships · laid out by Graphviz dot")),
            qPrintable(m_page->statusText()));

        const DiagramRelationItem *cascade = relationNamed(scene, QStringLiteral("job_log_entries_job_log_id_fkey"));
        QVERIFY(cascade && cascade->relation().cascadeDelete && !cascade->relation().oneToOne);
        QCOMPARE(cascade->from()->table().name, QStringLiteral("job_log_entries"));
        QCOMPARE(cascade->to()->table().name, QStringLiteral("job_logs"));
        QVERIFY(cascade->hasLayoutRoute());
        QVERIFY(!relationNamed(scene, QStringLiteral("devices_owner_id_fkey"))->relation().cascadeDelete);
        int cascades = 0;
        for (const DiagramRelationItem *item : scene.relationItems())
            cascades += item->relation().cascadeDelete ? 1 : 0;
        QCOMPARE(cascades, 5);
        const DiagramTable &devices = scene.tableItem(QStringLiteral("netraven.devices"))->table();
        QVERIFY(devices.columns.first().primaryKey);
        const auto owner =
            std::find_if(devices.columns.cbegin(), devices.columns.cend(),
                         [](const DiagramColumn &column) { return column.name == QLatin1String("owner_id"); });
        QVERIFY(owner != devices.columns.cend() && owner->foreignKey && !owner->primaryKey);

        // No two tables overlap, and the view starts where their columns read.
        for (const DiagramTableItem *a : scene.tableItems())
            for (const DiagramTableItem *b : scene.tableItems())
                QVERIFY(a == b || !a->sceneBoundingRect().adjusted(3, 3, -3, -3).intersects(b->sceneBoundingRect()));
        QVERIFY(m_page->view()->zoom() >= DiagramView::kReadableZoom);

        // All schemas: the migration history table too.
        m_page->setSchemaFilter(QString());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 20000);
        QCOMPARE(scene.tableItems().size(), 14);
        QVERIFY(scene.tableItem(QStringLiteral("nrdb.schema_history")));
    }

    // A layout still running when another is asked for is replaced: only the newer is drawn. The
    // older is cancelled, unless its worker finished before the cancel reached it (a 13-table
    // layout is quick); its result is dropped either way. tst_jobslot proves the cancel itself.
    void aNewerLayoutReplacesOneStillRunning()
    {
        QSignalSpy ready(m_page.get(), &DiagramPage::diagramReady);
        QSignalSpy submitted(&m_runner, &JobRunner::submitted);
        QMap<JobId, JobState> ends; // the two may end in either order
        connect(&m_runner, &JobRunner::finished, this,
                [&ends](JobId id, JobState state, const Error &) { ends.insert(id, state); });
        m_page->setSchemaFilter(kNetRaven);
        m_page->showSnapshot(m_snapshot);
        QVERIFY(m_page->isLayingOut());
        m_page->setSchemaFilter(QString());
        QVERIFY(m_runner.waitForIdle(20000));
        QTRY_COMPARE_WITH_TIMEOUT(ends.size(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QCoreApplication::processEvents();
        disconnect(&m_runner, &JobRunner::finished, this, nullptr);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(submitted.count(), 2);
        const JobState older = ends.value(submitted.first().at(0).value<JobId>());
        QVERIFY2(older == JobState::Cancelled || older == JobState::Succeeded, qPrintable(jobStateName(older)));
        QCOMPARE(ends.value(submitted.last().at(0).value<JobId>()), JobState::Succeeded);
        QCOMPARE(m_page->scene()->tableItems().size(), 14); // all schemas, not the first request's 13
    }

    // The application's schema alone, this tool's own history aside, is the first view.
    void firstViewIsTheApplicationsSchema()
    {
        QSignalSpy ready(m_page.get(), &DiagramPage::diagramReady);
        m_page->showSnapshot(m_snapshot);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QCOMPARE(m_page->scene()->tableItems().size(), 13);
        QVERIFY(!m_page->scene()->tableItem(QStringLiteral("nrdb.schema_history")));
    }

    void zoomNeverReroutes()
    {
        showNetRaven();
        DiagramRelationItem *relation = relationNamed(*m_page->scene(), QStringLiteral("devices_owner_id_fkey"));
        const QVector<QPointF> route = relation->route();
        m_page->view()->setZoom(0.1);
        QCoreApplication::processEvents();
        m_page->view()->setZoom(2.5);
        m_page->view()->zoomBy(0.5);
        QCOMPARE(relation->route(), route);
        QCOMPARE(m_page->view()->zoom(), 1.25);
    }

    void opensWhereColumnsReadWithAnEditableZoom()
    {
        m_page->resize(700, 450); // too small for NetRaven's tables at a zoom where columns read
        showNetRaven();
        DiagramView *view = m_page->view();
        const QRectF shown = m_page->scene()->visibleItemsRect();
        QCOMPARE(view->zoom(), DiagramView::kReadableZoom);
        QVERIFY(!view->visibleSceneRect().contains(shown));
        QVERIFY(view->visibleSceneRect().contains(shown.topLeft() + QPointF(10, 10))); // where the layout starts
        auto *zoom = m_page->findChild<QComboBox *>(QStringLiteral("diagramZoom"));
        QCOMPARE(zoom->currentText(), QStringLiteral("75%"));

        zoom->lineEdit()->selectAll();
        QTest::keyClicks(zoom->lineEdit(), QStringLiteral("150"));
        QTest::keyClick(zoom->lineEdit(), Qt::Key_Return);
        QCOMPARE(view->zoom(), 1.5);
        QCOMPARE(zoom->currentText(), QStringLiteral("150%"));
        m_page->findChild<QAction *>(QStringLiteral("diagramZoomInAction"))->trigger();
        QCOMPARE(zoom->currentText(), QStringLiteral("188%"));
        zoom->lineEdit()->selectAll();
        QTest::keyClicks(zoom->lineEdit(), QStringLiteral("900"));
        QTest::keyClick(zoom->lineEdit(), Qt::Key_Return);
        QCOMPARE(view->zoom(), DiagramView::kMaximumZoom);
        QCOMPARE(zoom->currentText(), QStringLiteral("400%")); // what it came to

        // One table fits whole, at its natural size.
        QSignalSpy ready(m_page.get(), &DiagramPage::diagramReady);
        m_page->setSchemaFilter(QStringLiteral("nrdb"));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QVERIFY(view->visibleSceneRect().contains(m_page->scene()->visibleItemsRect()));
        QCOMPARE(view->zoom(), 1.0);
        QCOMPARE(zoom->currentText(), QStringLiteral("100%"));
    }

    void theOverviewFollowsNeighboursAndMovesOrHides()
    {
        m_page->resize(700, 450);
        showNetRaven();
        DiagramView *view = m_page->view();
        const DiagramScene &scene = *m_page->scene();
        DiagramOverview *overview = view->overview();
        QVERIFY(overview->isVisible()); // not everything is in sight
        const QRect area = view->viewport()->geometry();
        QVERIFY(overview->geometry().left() > area.center().x() && overview->geometry().top() > area.center().y());
        QTRY_COMPARE(overview->shownRect(), scene.visibleItemsRect());

        m_page->focusTable(QStringLiteral("netraven.devices"), 1);
        view->setZoom(1.5);
        QVERIFY(overview->isVisible());
        QTRY_COMPARE(overview->shownRect(), scene.visibleItemsRect()); // the neighbours, not every table
        QVERIFY(overview->shownRect().width() * overview->shownRect().height() <
                scene.itemsBoundingRect().width() * scene.itemsBoundingRect().height());

        view->setOverviewPlace(OverviewPlace::TopLeft);
        QVERIFY(overview->geometry().right() < area.center().x() && overview->geometry().bottom() < area.center().y());
        auto *toggle = m_page->findChild<QAction *>(QStringLiteral("diagramOverviewAction"));
        QVERIFY(toggle->isChecked());
        toggle->trigger();
        QVERIFY(!overview->isVisible());
        QCOMPARE(view->overviewPlace(), OverviewPlace::Hidden);
        toggle->trigger();
        QVERIFY(overview->isVisible());
        QCOMPARE(view->overviewPlace(), OverviewPlace::TopLeft); // back where it was

        m_page->showAllTables();
        QTRY_COMPARE(overview->shownRect(), scene.visibleItemsRect());
    }

    void findAndFocus()
    {
        showNetRaven();
        const DiagramScene &scene = *m_page->scene();
        m_page->view()->setZoom(0.2);
        m_page->findTable(QStringLiteral("JOB_LOG_ENTRIES"));
        DiagramTableItem *entries = scene.tableItem(QStringLiteral("netraven.job_log_entries"));
        QVERIFY(entries->isSelected());
        QVERIFY(m_page->view()->visibleSceneRect().contains(entries->sceneBoundingRect().center()));
        QCOMPARE(m_page->view()->zoom(), 1.0); // close enough to read
        m_page->findTable(QStringLiteral("no_such_table"));
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("diagramStatus"))->text(),
                 QStringLiteral("No table matches “no_such_table”."));

        m_page->focusTable(QStringLiteral("netraven.devices"), 1);
        QCOMPARE(visibleTables(scene), 6); // users, backups, device_tags, job_logs, scheduled_jobs
        for (const DiagramRelationItem *item : scene.relationItems())
            QCOMPARE(item->isVisible(), item->from()->isVisible() && item->to()->isVisible());
        m_page->focusTable(QStringLiteral("netraven.devices"), 2);
        QCOMPARE(visibleTables(scene), 8); // and tags, job_log_entries
        QVERIFY(m_page->view()->visibleSceneRect().contains(scene.visibleItemsRect()));
        m_page->showAllTables();
        QCOMPARE(visibleTables(scene), 13);
    }

    void activatingATableOpensTheBrowser()
    {
        showNetRaven();
        QSignalSpy open(m_page.get(), &DiagramPage::openInBrowser);
        DiagramTableItem *users = m_page->scene()->tableItem(QStringLiteral("netraven.users"));
        m_page->view()->centerOn(users);
        QCoreApplication::processEvents();
        QTest::mouseDClick(m_page->view()->viewport(), Qt::LeftButton, {},
                           m_page->view()->mapFromScene(users->sceneBoundingRect().center()));
        QTRY_COMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).toUInt(), m_snapshot->relation(kNetRaven, QStringLiteral("users"))->oid);
    }

    void draggedTablesStayAndNewTablesGoBeside()
    {
        showNetRaven();
        DiagramView *view = m_page->view();
        DiagramTableItem *users = m_page->scene()->tableItem(QStringLiteral("netraven.users"));
        view->setZoom(1.0);
        view->centerOn(users);
        QCoreApplication::processEvents();
        const QPoint grab = view->mapFromScene(users->sceneBoundingRect().topLeft() + QPointF(30, 10));
        const QPointF before = users->pos();
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, grab);
        for (int step = 1; step <= 5; ++step)
            QTest::mouseMove(view->viewport(), grab + QPoint(step * 20, step * 12));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, grab + QPoint(100, 60));
        const QPointF moved = users->pos();
        QVERIFY2(QLineF(before, moved).length() > 50, "the table did not follow the mouse");
        QVERIFY(!relationNamed(*m_page->scene(), QStringLiteral("devices_owner_id_fkey"))->hasLayoutRoute());
        QHash<QString, QPointF> places;
        for (const DiagramTableItem *item : m_page->scene()->tableItems())
            places.insert(item->table().qualifiedName(), item->pos());

        // A new table, a refresh, a new page: the kept places hold and the new table stands right of them.
        exec(QStringLiteral("CREATE TABLE netraven.sites (id int PRIMARY KEY, device_id varchar(36) REFERENCES "
                            "netraven.devices (id))"));
        readSnapshot();
        exec(QStringLiteral("DROP TABLE netraven.sites"));
        m_page.reset();
        openPage();
        showNetRaven();
        const DiagramScene &scene = *m_page->scene();
        QCOMPARE(scene.tableItems().size(), 14);
        qreal right = -1e9;
        for (auto place = places.cbegin(); place != places.cend(); ++place) {
            QCOMPARE(scene.tableItem(place.key())->pos(), place.value());
            right = qMax(right, scene.tableItem(place.key())->sceneBoundingRect().right());
        }
        QVERIFY(scene.tableItem(QStringLiteral("netraven.sites"))->sceneBoundingRect().left() > right);
        QVERIFY(m_page->statusText().contains(QLatin1String("laid out by Graphviz"))); // the one new table

        m_page->relayout();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isLayingOut() && scene.tableItems().size() == 14 &&
                                     scene.tableItem(QStringLiteral("netraven.users"))->pos() != moved,
                                 20000);
        readSnapshot();
    }

    void verifyMarksColourTablesAndColumns()
    {
        showNetRaven();
        QSignalSpy ready(m_page.get(), &DiagramPage::diagramReady);
        DiagramMarks marks;
        marks.tables.insert(QStringLiteral("netraven.credentials"), DiagramStatus::Missing);
        marks.columns.insert(QStringLiteral("netraven.devices.hostname"), DiagramStatus::Changed);
        marks.tables.insert(QStringLiteral("netraven.job_notes"), DiagramStatus::Missing);
        m_page->setMarks(marks);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        const DiagramScene &scene = *m_page->scene();
        QCOMPARE(scene.tableItems().size(), 14); // the missing table is drawn, as a ghost
        QCOMPARE(scene.tableItem(QStringLiteral("netraven.job_notes"))->table().status, DiagramStatus::Missing);
        QCOMPARE(scene.tableItem(QStringLiteral("netraven.credentials"))->table().status, DiagramStatus::Missing);
        const DiagramTable &devices = scene.tableItem(QStringLiteral("netraven.devices"))->table();
        QCOMPARE(devices.status, DiagramStatus::Changed);
        for (const DiagramColumn &column : devices.columns)
            QCOMPARE(column.status,
                     column.name == QLatin1String("hostname") ? DiagramStatus::Changed : DiagramStatus::Normal);
        QVERIFY(
            m_page->findChild<QLabel *>(QStringLiteral("diagramLegend"))->text().contains(QLatin1String("missing")));
        m_page->clearMarks();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 20000);
        QCOMPARE(scene.tableItems().size(), 13);
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("diagramLegend"))->text().isEmpty());
    }

    // Verify's findings on a drifted database, drawn: a retyped column, a dropped table, an extra one.
    void verifyReportColoursTheDiagram()
    {
        exec(QStringLiteral("ALTER TABLE netraven.tags ALTER COLUMN color TYPE varchar(32)"));
        exec(QStringLiteral("ALTER TABLE netraven.audit_logs RENAME TO audit_logs_old"));
        readSnapshot();
        JobRunner runner;
        auto verify =
            std::make_shared<VerifyJob>(m_scratch.profile(), ModelPack::builtIn(QStringLiteral("netraven-v1")).value());
        runner.submit(verify);
        QVERIFY(runner.waitForIdle(30000));
        exec(QStringLiteral("ALTER TABLE netraven.audit_logs_old RENAME TO audit_logs"));
        exec(QStringLiteral("ALTER TABLE netraven.tags ALTER COLUMN color TYPE varchar(7)"));
        QVERIFY(verify->hasResult());

        QSignalSpy ready(m_page.get(), &DiagramPage::diagramReady);
        m_page->setSchemaFilter(kNetRaven);
        m_page->setMarks(marksFromVerify(verify->result()));
        m_page->showSnapshot(m_snapshot);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && !m_page->isLayingOut(), 20000);
        const DiagramScene &scene = *m_page->scene();
        QCOMPARE(scene.tableItem(QStringLiteral("netraven.audit_logs"))->table().status, DiagramStatus::Missing);
        QCOMPARE(scene.tableItem(QStringLiteral("netraven.audit_logs"))->table().oid, 0u); // drawn from the model only
        QCOMPARE(scene.tableItem(QStringLiteral("netraven.audit_logs_old"))->table().status, DiagramStatus::Extra);
        const DiagramTable &tags = scene.tableItem(QStringLiteral("netraven.tags"))->table();
        QCOMPARE(tags.status, DiagramStatus::Changed);
        const auto color = std::find_if(tags.columns.cbegin(), tags.columns.cend(), [](const DiagramColumn &column) {
            return column.name == QLatin1String("color");
        });
        QVERIFY(color != tags.columns.cend());
        QCOMPARE(color->status, DiagramStatus::Changed);
        QCOMPARE(scene.tableItem(QStringLiteral("netraven.devices"))->table().status, DiagramStatus::Normal);
        readSnapshot();
    }

    void exportsTheWholeDiagramOrTheVisiblePart()
    {
        showNetRaven();
        QTemporaryDir out;
        m_page->view()->setZoom(0.3); // the export draws every column whatever the zoom on screen
        QVERIFY(m_page->exportTo(out.filePath(QStringLiteral("whole.svg")), false));
        const QString svg = readText(out.filePath(QStringLiteral("whole.svg")));
        for (const DiagramTableItem *item : m_page->scene()->tableItems()) {
            QVERIFY2(svg.contains(item->table().qualifiedName()), qPrintable(item->table().qualifiedName()));
            for (const DiagramColumn &column : item->table().columns)
                QVERIFY2(svg.contains(QLatin1Char('>') + column.name + QLatin1Char('<')), qPrintable(column.name));
        }
        const Result<QString> png = m_page->exportTo(out.filePath(QStringLiteral("whole.png")), false, 2.0);
        QVERIFY(png);
        const QSize pngSize = QImageReader(out.filePath(QStringLiteral("whole.png"))).size();
        const QRectF whole = m_page->scene()->visibleItemsRect().adjusted(-20, -20, 20, 20);
        QVERIFY2(qAbs(pngSize.width() - whole.width() * 2) <= 2, qPrintable(png.value()));
        QVERIFY(qAbs(pngSize.height() - whole.height() * 2) <= 2);
        QVERIFY(m_page->exportTo(out.filePath(QStringLiteral("whole.pdf")), false));
        QVERIFY(readText(out.filePath(QStringLiteral("whole.pdf"))).startsWith(QLatin1String("%PDF-")));

        m_page->view()->setZoom(1.0);
        m_page->view()->centerOn(m_page->scene()->tableItem(QStringLiteral("netraven.devices")));
        QVERIFY(m_page->exportTo(out.filePath(QStringLiteral("visible.png")), true));
        const QSize visible = QImageReader(out.filePath(QStringLiteral("visible.png"))).size();
        const QRectF shown = m_page->view()->visibleSceneRect();
        QVERIFY(qAbs(visible.width() - shown.width()) <= 2 && qAbs(visible.height() - shown.height()) <= 2);
        QVERIFY(visible.width() < pngSize.width() / 2);

        const Result<QString> refused = m_page->exportTo(QStringLiteral("/proc/no/such/dir/x.svg"), false);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.startsWith(QLatin1String("Could not write /proc/no/such/dir/x.svg")));
    }

    void twoThousandTablesExportCompletely()
    {
        DiagramScene scene;
        const DiagramModel model = syntheticModel(2000);
        const QVector<QSizeF> sizes = scene.boxSizes(model);
        const PlacementPlan plan = planPlacement(model, sizes, {});
        const Result<LayoutResult> layout = layoutGraph(plan.input);
        QVERIFY(layout);
        QCOMPARE(layout.value().engine, QStringLiteral("sfdp"));
        scene.build(model, completePlacement(model, sizes, {}, plan, layout.value()));
        QCOMPARE(scene.tableItems().size(), 2000);
        QCOMPARE(scene.relationItems().size(), 3998);
        const QRectF whole = scene.itemsBoundingRect();

        QTemporaryDir out;
        const Result<DiagramExported> svg =
            exportDiagram(scene, whole, out.filePath(QStringLiteral("big.svg")), DiagramExportFormat::Svg);
        QVERIFY(svg);
        const QString text = readText(out.filePath(QStringLiteral("big.svg")));
        for (const DiagramTable &table : model.tables)
            QVERIFY2(text.contains(QLatin1Char('>') + table.qualifiedName() + QLatin1Char('<')),
                     qPrintable(table.name));

        const Result<DiagramExported> png =
            exportDiagram(scene, whole, out.filePath(QStringLiteral("big.png")), DiagramExportFormat::Png, 2.0);
        QVERIFY(png);
        QVERIFY(png.value().scale < 2.0);      // too large at 2 px per point: scaled down, not cropped
        QImageReader::setAllocationLimit(512); // megabytes; the default is for untrusted files
        QImageReader reader(out.filePath(QStringLiteral("big.png")));
        const QImage image = reader.read();
        QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(image.size(), png.value().size);
        QVERIFY(qAbs(qreal(image.width()) / image.height() - whole.width() / whole.height()) < 0.01);
        // Something is drawn near each corner of the drawing: nothing was cut off.
        const QColor background = scene.backgroundBrush().color();
        for (const QPointF corner : {whole.topLeft(), whole.topRight(), whole.bottomLeft(), whole.bottomRight()}) {
            DiagramTableItem *nearest = nullptr;
            qreal distance = 1e18;
            for (DiagramTableItem *item : scene.tableItems()) {
                const qreal d = QLineF(item->sceneBoundingRect().center(), corner).length();
                if (d < distance) {
                    distance = d;
                    nearest = item;
                }
            }
            const QPointF inImage = (nearest->sceneBoundingRect().center() - whole.topLeft()) * png.value().scale;
            QVERIFY(image.pixelColor(inImage.toPoint()) != background);
        }

        const Result<DiagramExported> pdf =
            exportDiagram(scene, whole, out.filePath(QStringLiteral("big.pdf")), DiagramExportFormat::Pdf);
        QVERIFY(pdf);
        QVERIFY(qMax(pdf.value().size.width(), pdf.value().size.height()) <= 14400);
        QVERIFY(QFileInfo(out.filePath(QStringLiteral("big.pdf"))).size() > 100000);
    }

private:
    // A new page on the places kept so far.
    void openPage()
    {
        m_page = std::make_unique<DiagramPage>(&m_runner);
        m_page->setPlacementStore(DiagramPlacementStore(m_places->path()));
        m_page->setDatabaseKey(m_scratch.profile().displayName());
        m_page->resize(1200, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void showNetRaven()
    {
        QSignalSpy ready(m_page.get(), &DiagramPage::diagramReady);
        m_page->setSchemaFilter(kNetRaven);
        m_page->showSnapshot(m_snapshot);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
    }

    void readSnapshot()
    {
        Result<SchemaSnapshot> snapshot = CatalogReader::read(m_session.database());
        QVERIFY(snapshot);
        m_snapshot = std::make_shared<const SchemaSnapshot>(std::move(snapshot).value());
    }

    void exec(const QString &sql)
    {
        QSqlQuery query(m_session.database());
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
    }

    static QString readText(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    test::ScratchDatabase m_scratch;
    DatabaseSession m_session;
    std::shared_ptr<const SchemaSnapshot> m_snapshot;
    std::unique_ptr<QTemporaryDir> m_places;
    JobRunner m_runner; // outlives the page
    std::unique_ptr<DiagramPage> m_page;
};

QTEST_MAIN(TestDiagramUi)
#include "tst_diagramui.moc"
