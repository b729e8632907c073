#include "diagrampage.h"

#include "diagramexport.h"
#include "diagramoverview.h"
#include "diagramrelationitem.h"
#include "diagramscene.h"
#include "diagramtableitem.h"
#include "diagramview.h"
#include "jobslot.h"
#include "placeholderstack.h"

#include "jobs/layoutjob.h"
#include "migrate/schemahistory.h"

#include "util/counting.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace nrdb {

namespace {
constexpr int kDefaultFocusDepth = 1;
const QString kAllSchemas = QStringLiteral("*");
} // namespace

DiagramPage::DiagramPage(JobRunner *runner, QWidget *parent)
    : QWidget(parent), m_scene(new DiagramScene(this)), m_view(new DiagramView(this)),
      m_stack(new PlaceholderStack(m_view, this)), m_layouts(new JobSlot(runner, JobSlot::Policy::NewestWins, this))
{
    setObjectName(QStringLiteral("diagramPage"));
    m_view->setScene(m_scene);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolBar());
    layout->addWidget(m_stack, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("diagramStatus"));
    m_status->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_status);

    connect(m_scene, &DiagramScene::tablesMoved, this, &DiagramPage::savePlacement);
    connect(m_scene, &DiagramScene::tableActivated, this, &DiagramPage::openInBrowser);
    connect(m_scene, &DiagramScene::focusRequested, this,
            [this](int table) { focusTable(m_model.tables.at(table).qualifiedName(), m_depth->value()); });
    clear();
}

namespace {

// Widgets on a tool bar are held by actions of their own; they carry the widget's name.
void addNamedWidget(QToolBar *toolBar, QWidget *widget)
{
    toolBar->addWidget(widget)->setObjectName(widget->objectName() + QStringLiteral("Action"));
}

} // namespace

QWidget *DiagramPage::createToolBar()
{
    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("diagramToolBar"));
    toolBar->setIconSize(QSize(16, 16));
    toolBar->toggleViewAction()->setObjectName(QStringLiteral("toggleDiagramToolBarAction"));
    addFindTools(toolBar);
    toolBar->addSeparator();
    addFocusTools(toolBar);
    toolBar->addSeparator();
    addZoomTools(toolBar);
    toolBar->addSeparator();
    addExportTools(toolBar);
    m_legend = new QLabel(toolBar);
    m_legend->setObjectName(QStringLiteral("diagramLegend"));
    m_legend->setContentsMargins(12, 0, 0, 0);
    addNamedWidget(toolBar, m_legend);
    return toolBar;
}

// The schema shown, and a table found by name.
void DiagramPage::addFindTools(QToolBar *toolBar)
{
    m_schemaFilter = new QComboBox(toolBar);
    m_schemaFilter->setObjectName(QStringLiteral("diagramSchemaFilter"));
    m_schemaFilter->setToolTip(tr("Which schema's tables to draw"));
    m_schemaFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_schemaFilter, &QComboBox::activated, this,
            [this] { setSchemaFilter(m_schemaFilter->currentData().toString()); });
    addNamedWidget(toolBar, m_schemaFilter);

    m_find = new QLineEdit(toolBar);
    m_find->setObjectName(QStringLiteral("diagramFind"));
    m_find->setPlaceholderText(tr("Find a table…"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(260);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findTable(m_find->text().trimmed()); });
    addNamedWidget(toolBar, m_find);
}

// Neighbours of the selected table to a depth, and back to all tables.
void DiagramPage::addFocusTools(QToolBar *toolBar)
{
    QAction *focus = toolBar->addAction(tr("Neighbours"));
    focus->setObjectName(QStringLiteral("diagramFocusAction"));
    focus->setToolTip(tr("Show only the selected table and the tables within the chosen number of foreign-key steps"));
    connect(focus, &QAction::triggered, this, [this] {
        const QList<QGraphicsItem *> selected = m_scene->selectedItems();
        for (QGraphicsItem *item : selected)
            if (item->type() == DiagramTableItem::Type)
                return focusTable(static_cast<DiagramTableItem *>(item)->table().qualifiedName(), m_depth->value());
        setStatus(tr("Select a table first (click it, or find it by name)."));
    });
    m_depth = new QSpinBox(toolBar);
    m_depth->setObjectName(QStringLiteral("diagramFocusDepth"));
    m_depth->setRange(1, 3);
    m_depth->setValue(kDefaultFocusDepth);
    m_depth->setPrefix(tr("depth "));
    m_depth->setToolTip(tr("How many foreign-key steps away a neighbour may be"));
    addNamedWidget(toolBar, m_depth);
    m_showAllAction = toolBar->addAction(tr("Show All"));
    m_showAllAction->setObjectName(QStringLiteral("diagramShowAllAction"));
    m_showAllAction->setEnabled(false);
    connect(m_showAllAction, &QAction::triggered, this, &DiagramPage::showAllTables);
}

void DiagramPage::addZoomTools(QToolBar *toolBar)
{
    QAction *fit = toolBar->addAction(tr("Fit"));
    fit->setObjectName(QStringLiteral("diagramFitAction"));
    fit->setToolTip(tr("Zoom to show the whole diagram"));
    connect(fit, &QAction::triggered, this, [this] { m_view->fitRect(m_scene->visibleItemsRect()); });
    addZoomReadout(toolBar);
    QAction *zoomIn = toolBar->addAction(tr("Zoom In"));
    zoomIn->setIconText(tr("+"));
    zoomIn->setObjectName(QStringLiteral("diagramZoomInAction"));
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    zoomIn->setToolTip(tr("Zoom in"));
    connect(zoomIn, &QAction::triggered, this, [this] { m_view->zoomBy(1.25); });
    QAction *zoomOut = toolBar->addAction(tr("Zoom Out"));
    zoomOut->setIconText(tr("−"));
    zoomOut->setObjectName(QStringLiteral("diagramZoomOutAction"));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setToolTip(tr("Zoom out"));
    connect(zoomOut, &QAction::triggered, this, [this] { m_view->zoomBy(0.8); });

    m_overviewAction = toolBar->addAction(tr("Overview"));
    m_overviewAction->setObjectName(QStringLiteral("diagramOverviewAction"));
    m_overviewAction->setCheckable(true);
    m_overviewAction->setChecked(m_view->overviewPlace() != OverviewPlace::Hidden);
    m_overviewAction->setToolTip(tr("Show the overview map when the tables shown do not fit; right-click the map to "
                                    "move it to another corner"));
    connect(m_overviewAction, &QAction::toggled, this, [this](bool shown) {
        if (shown != (m_view->overviewPlace() != OverviewPlace::Hidden))
            m_view->setOverviewPlace(shown ? m_lastOverviewCorner : OverviewPlace::Hidden);
    });
    connect(m_view, &DiagramView::overviewPlaceChanged, this, [this](OverviewPlace place) {
        if (place != OverviewPlace::Hidden)
            m_lastOverviewCorner = place;
        m_overviewAction->setChecked(place != OverviewPlace::Hidden);
    });
}

// The zoom in percent, as it is and to type or pick.
void DiagramPage::addZoomReadout(QToolBar *toolBar)
{
    m_zoom = new QComboBox(toolBar);
    m_zoom->setObjectName(QStringLiteral("diagramZoom"));
    m_zoom->setEditable(true);
    m_zoom->setInsertPolicy(QComboBox::NoInsert);
    m_zoom->setToolTip(tr("Zoom: type a percentage and press Enter, or pick one"));
    for (int percent : {25, 50, 75, 100, 150, 200, 400})
        m_zoom->addItem(QStringLiteral("%1%").arg(percent), percent);
    m_zoom->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\s*\\d{1,3}\\s*%?\\s*")), m_zoom));
    m_zoom->setMinimumContentsLength(5);
    const auto applyTyped = [this] {
        QString digits = m_zoom->currentText();
        digits.remove(QLatin1Char('%'));
        bool ok = false;
        const int percent = digits.trimmed().toInt(&ok);
        if (ok && percent > 0)
            m_view->setZoom(percent / 100.0);
        showZoom(m_view->zoom()); // what it came to: the bounds may have held it
    };
    connect(m_zoom, &QComboBox::activated, this, applyTyped);                 // picked from the list
    connect(m_zoom->lineEdit(), &QLineEdit::returnPressed, this, applyTyped); // typed
    connect(m_view, &DiagramView::zoomChanged, this, &DiagramPage::showZoom);
    addNamedWidget(toolBar, m_zoom);
    showZoom(m_view->zoom());
}

void DiagramPage::showZoom(qreal zoom)
{
    m_zoom->setEditText(QStringLiteral("%1%").arg(qRound(zoom * 100)));
}

// Export of the whole diagram or the part in view, and a fresh layout.
void DiagramPage::addExportTools(QToolBar *toolBar)
{
    auto *exportButton = new QToolButton(toolBar);
    exportButton->setObjectName(QStringLiteral("diagramExportButton"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    QAction *exportWhole = exportMenu->addAction(tr("Whole Diagram…"));
    exportWhole->setObjectName(QStringLiteral("diagramExportWholeAction"));
    connect(exportWhole, &QAction::triggered, this, [this] { exportInteractively(false); });
    QAction *exportVisible = exportMenu->addAction(tr("Visible Part…"));
    exportVisible->setObjectName(QStringLiteral("diagramExportVisibleAction"));
    connect(exportVisible, &QAction::triggered, this, [this] { exportInteractively(true); });
    exportButton->setMenu(exportMenu);
    addNamedWidget(toolBar, exportButton);
    QAction *relayoutAction = toolBar->addAction(tr("Re-layout"));
    relayoutAction->setObjectName(QStringLiteral("diagramRelayoutAction"));
    relayoutAction->setToolTip(tr("Forget where tables were moved and lay the diagram out afresh"));
    connect(relayoutAction, &QAction::triggered, this, &DiagramPage::relayout);
}

void DiagramPage::focusFind()
{
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

void DiagramPage::setDatabaseKey(const QString &key)
{
    m_databaseKey = key;
}

void DiagramPage::clear()
{
    m_layouts->drop();
    m_snapshot.reset();
    m_rebuildPending = false;
    m_model = {};
    m_scene->build({}, {});
    m_schemaFilter->clear();
    m_stack->setPlaceholder(tr("Connect to a database to see how its tables relate."));
    setStatus({});
}

void DiagramPage::showSnapshot(const std::shared_ptr<const SchemaSnapshot> &snapshot)
{
    m_snapshot = snapshot;
    m_fitWhenBuilt = true;
    fillSchemaFilter();
    rebuildWhenShown();
}

// Laying out thousands of tables nobody looks at is wasted work: it waits until the tab shows.
void DiagramPage::rebuildWhenShown()
{
    m_rebuildPending = !isVisible();
    if (m_rebuildPending) {
        m_stack->setPlaceholder(tr("The diagram is drawn when you open this tab."));
        return;
    }
    rebuild();
}

void DiagramPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_rebuildPending) {
        m_rebuildPending = false;
        rebuild();
    }
}

void DiagramPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_scene->followPalette(palette());
        m_view->overview()->invalidate();
        updateLegend();
    }
}

void DiagramPage::fillSchemaFilter()
{
    QStringList schemas;
    for (const RelationInfo &relation : m_snapshot->relations)
        if (relation.isTable() && !schemas.contains(relation.schema))
            schemas << relation.schema;
    schemas.sort();
    // A single schema with tables (NetRaven's case), this tool's own history aside, is the natural
    // first view; otherwise all.
    if (!m_schema.isEmpty() && !schemas.contains(m_schema))
        m_schema.clear();
    QStringList application = schemas;
    application.removeAll(schemahistory::kSchema);
    if (m_schema.isEmpty() && application.size() == 1)
        m_schema = application.first();
    m_schemaFilter->clear();
    m_schemaFilter->addItem(tr("All schemas"), QString());
    for (const QString &schema : std::as_const(schemas))
        m_schemaFilter->addItem(tr("Schema %1").arg(schema), schema);
    m_schemaFilter->setCurrentIndex(qMax(0, m_schemaFilter->findData(m_schema)));
}

void DiagramPage::setSchemaFilter(const QString &schema)
{
    if (schema == m_schema && !m_model.tables.isEmpty())
        return;
    m_schema = schema;
    m_schemaFilter->setCurrentIndex(qMax(0, m_schemaFilter->findData(schema)));
    m_fitWhenBuilt = true;
    rebuild();
}

QString DiagramPage::placementKey() const
{
    return m_databaseKey + QLatin1Char('|') + (m_schema.isEmpty() ? kAllSchemas : m_schema);
}

// Builds the model, then either draws it at once (every table has a kept place) or asks Graphviz,
// on the layout thread, to place the tables that have none.
void DiagramPage::rebuild()
{
    if (!m_snapshot)
        return;
    m_layouts->drop();
    m_model = DiagramModel::fromSnapshot(*m_snapshot, m_schema.isEmpty() ? QStringList() : QStringList{m_schema});
    m_model.applyMarks(m_marks);
    m_sizes = m_scene->boxSizes(m_model);
    if (m_model.tables.isEmpty()) {
        m_scene->build({}, {});
        m_stack->setPlaceholder(m_schema.isEmpty() ? tr("This database has no tables yet.")
                                                   : tr("Schema %1 has no tables.").arg(m_schema));
        setStatus({});
        emit diagramReady();
        return;
    }
    m_placed = m_store.load(placementKey());
    m_plan = planPlacement(m_model, m_sizes, m_placed);
    m_layoutStartedMs = QDateTime::currentMSecsSinceEpoch();
    m_engine.clear();
    if (m_plan.isEmpty()) {
        buildScene(m_placed);
        return;
    }
    m_stack->setPlaceholder(tr("Laying out %1…").arg(counted(m_plan.tables.size(), tr("table"), tr("tables"))));
    m_layouts->start(std::make_shared<LayoutJob>(m_plan.input),
                     [this](LayoutJob &job, const JobEnd &end) { onLayoutFinished(job, end); });
}

void DiagramPage::onLayoutFinished(LayoutJob &job, const JobEnd &end)
{
    if (!end.succeeded()) {
        m_stack->setPlaceholder(tr("The diagram could not be laid out: %1").arg(end.error.message));
        emit diagramReady();
        return;
    }
    const LayoutResult &layout = job.result();
    const DiagramPlacement placement = completePlacement(m_model, m_sizes, m_placed, m_plan, layout);
    if (Status saved = m_store.save(placementKey(), placement); !saved)
        qWarning("%s", qPrintable(saved.error().message));
    m_engine = layout.engine;
    buildScene(placement);
}

void DiagramPage::buildScene(const DiagramPlacement &placement)
{
    m_scene->build(m_model, placement);
    m_drawnInMs = QDateTime::currentMSecsSinceEpoch() - m_layoutStartedMs;
    m_stack->setPlaceholder({});
    m_showAllAction->setEnabled(false);
    auto *completer = new QCompleter(m_model.tables.isEmpty() ? QStringList() : [this] {
        QStringList names;
        for (const DiagramTable &table : std::as_const(m_model.tables))
            names << table.qualifiedName();
        return names;
    }(), m_find);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    delete m_find->completer();
    m_find->setCompleter(completer);
    if (m_fitWhenBuilt)
        m_view->openAt(m_scene->visibleItemsRect());
    m_fitWhenBuilt = false;
    m_view->shownTablesChanged();
    updateLegend();
    setStatus(statusText());
    emit diagramReady();
}

QString DiagramPage::statusText() const
{
    if (m_model.tables.isEmpty())
        return {};
    QString text = counted(m_model.tables.size(), tr("table"), tr("tables")) + QStringLiteral(" · ") +
                   counted(m_model.relations.size(), tr("relationship"), tr("relationships"));
    if (!m_engine.isEmpty())
        text += tr(" · laid out by Graphviz %1 and drawn in %2 ms").arg(m_engine).arg(m_drawnInMs);
    return text;
}

bool DiagramPage::isLayingOut() const
{
    return m_layouts->isBusy();
}

void DiagramPage::savePlacement()
{
    DiagramPlacement placement = m_scene->placement();
    if (Status saved = m_store.save(placementKey(), placement); !saved)
        setStatus(saved.error().message);
    m_view->overview()->invalidate();
}

void DiagramPage::relayout()
{
    m_store.remove(placementKey());
    m_fitWhenBuilt = true;
    rebuild();
}

void DiagramPage::setMarks(const DiagramMarks &marks)
{
    m_marks = marks;
    if (m_snapshot)
        rebuildWhenShown();
}

void DiagramPage::clearMarks()
{
    setMarks({});
}

void DiagramPage::updateLegend()
{
    if (m_marks.isEmpty()) {
        m_legend->clear();
        return;
    }
    QStringList parts;
    for (DiagramStatus status : {DiagramStatus::Missing, DiagramStatus::Changed, DiagramStatus::Extra})
        parts << QStringLiteral("<span style='color:%1'>■</span> %2")
                     .arg(m_scene->style().statusColor(status).name(), diagramStatusName(status));
    m_legend->setText(tr("Verify: ") + parts.join(QStringLiteral("&nbsp;&nbsp;")));
}

void DiagramPage::findTable(const QString &name)
{
    if (name.isEmpty())
        return;
    QString found;
    for (const DiagramTable &table : std::as_const(m_model.tables)) {
        if (table.qualifiedName().compare(name, Qt::CaseInsensitive) == 0 ||
            table.name.compare(name, Qt::CaseInsensitive) == 0) {
            found = table.qualifiedName();
            break;
        }
        if (found.isEmpty() && table.qualifiedName().contains(name, Qt::CaseInsensitive))
            found = table.qualifiedName();
    }
    if (found.isEmpty()) {
        setStatus(tr("No table matches “%1”.").arg(name));
        return;
    }
    DiagramTableItem *item = m_scene->tableItem(found);
    if (item && !item->isVisible())
        showAllTables();
    m_view->centerOnTable(found);
    setStatus(statusText());
}

void DiagramPage::focusTable(const QString &qualifiedName, int depth)
{
    const int table = m_model.indexOf(qualifiedName);
    if (table < 0)
        return;
    m_depth->setValue(depth);
    const QVector<int> shown = m_model.neighbourhood(table, depth);
    m_scene->showOnly(shown);
    m_showAllAction->setEnabled(true);
    m_view->fitRect(m_scene->visibleItemsRect());
    m_view->shownTablesChanged();
    m_scene->clearSelection();
    m_scene->tableItem(qualifiedName)->setSelected(true);
    setStatus(tr("%1 and %2 within %3")
                  .arg(qualifiedName, counted(shown.size() - 1, tr("neighbour"), tr("neighbours")),
                       counted(depth, tr("foreign-key step"), tr("foreign-key steps"))));
}

void DiagramPage::showAllTables()
{
    m_scene->showOnly({});
    m_view->shownTablesChanged();
    m_showAllAction->setEnabled(false);
    setStatus(statusText());
}

Result<QString> DiagramPage::exportTo(const QString &path, bool visiblePartOnly, qreal pngScale)
{
    const QRectF source =
        visiblePartOnly ? m_view->visibleSceneRect() : m_scene->visibleItemsRect().adjusted(-20, -20, 20, 20);
    const Result<DiagramExported> exported =
        exportDiagram(*m_scene, source, path, diagramExportFormatFor(path), pngScale);
    if (!exported)
        return exported.error();
    QString message =
        tr("Exported to %1 (%2 × %3)").arg(path).arg(exported.value().size.width()).arg(exported.value().size.height());
    if (exported.value().format != DiagramExportFormat::Svg && exported.value().scale < pngScale - 1e-9)
        message +=
            tr(", scaled to %1% to stay within the format's size limit").arg(qRound(exported.value().scale * 100));
    return message;
}

void DiagramPage::exportInteractively(bool visiblePartOnly)
{
    if (m_model.tables.isEmpty())
        return;
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(
        this, visiblePartOnly ? tr("Export the Visible Part") : tr("Export the Diagram"),
        QStringLiteral("%1.svg").arg(m_schema.isEmpty() ? QStringLiteral("diagram") : m_schema),
        tr("SVG image (*.svg);;PNG image (*.png);;PDF document (*.pdf)"), &selectedFilter);
    if (path.isEmpty())
        return;
    qreal scale = 1.0;
    if (diagramExportFormatFor(path) == DiagramExportFormat::Png) {
        bool ok = false;
        scale = QInputDialog::getDouble(this, tr("PNG Scale"), tr("Pixels per point (2 for a sharp print):"), 2.0, 0.25,
                                        8.0, 2, &ok);
        if (!ok)
            return;
    }
    const Result<QString> exported = exportTo(path, visiblePartOnly, scale);
    if (!exported)
        QMessageBox::warning(this, tr("Export Failed"), exported.error().message);
    else
        setStatus(exported.value());
}

void DiagramPage::setStatus(const QString &text)
{
    m_status->setText(text);
}

} // namespace nrdb
