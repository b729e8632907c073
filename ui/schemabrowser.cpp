#include "schemabrowser.h"

#include "activeconnection.h"
#include "datapreview.h"
#include "jobslot.h"
#include "schemafilterproxy.h"
#include "tabledetailsview.h"

#include "catalog/schematreemodel.h"
#include "catalog/tableddl.h"
#include "util/counting.h"
#include "util/sqlidentifier.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace nrdb {

namespace {

// A name as it is typed in SQL: bare when PostgreSQL would keep it as it is, else quoted.
QString sqlName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return plain.match(name).hasMatch() ? name : quoteIdentifier(name);
}

} // namespace

SchemaBrowser::SchemaBrowser(JobRunner *runner, const ActiveConnection *connection, QWidget *parent)
    : QWidget(parent), m_refreshes(new JobSlot(runner, JobSlot::Policy::NewestWins, this)), m_connection(connection),
      m_model(new SchemaTreeModel(this)), m_proxy(new SchemaFilterProxy(this)), m_tabs(new QTabWidget(this)),
      m_details(new TableDetailsView(this)), m_data(new DataPreview(runner, connection, this))
{
    setObjectName(QStringLiteral("schemaBrowser"));
    m_proxy->setSourceModel(m_model);
    m_tabs->setObjectName(QStringLiteral("relationTabs"));
    m_tabs->addTab(m_details, tr("Details"));
    m_tabs->addTab(m_data, tr("Data"));

    auto *splitter = new QSplitter(this);
    splitter->addWidget(createTreePane());
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_details, &TableDetailsView::relationActivated, this, &SchemaBrowser::showRelation);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_data && m_shownOid != 0 && snapshot())
            if (const RelationInfo *relation = snapshot()->relation(m_shownOid))
                m_data->showRelation(*relation);
    });
    connect(m_connection, &ActiveConnection::opened, this, &SchemaBrowser::showOpened);
    connect(m_connection, &ActiveConnection::closed, this, &SchemaBrowser::showClosed);
    m_details->showEmpty(tr("Connect to a database to browse its schema."));
}

QWidget *SchemaBrowser::createTreePane()
{
    auto *pane = new QWidget(this);
    m_search = new QLineEdit(pane);
    m_search->setObjectName(QStringLiteral("schemaSearch"));
    m_search->setPlaceholderText(tr("Find a table, view or column…"));
    m_search->setClearButtonEnabled(true);
    m_tree = new QTreeView(pane);
    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->resizeSection(SchemaTreeModel::NameColumn, 210);
    m_tree->header()->resizeSection(SchemaTreeModel::DetailColumn, 85);
    m_tree->header()->resizeSection(SchemaTreeModel::RowsColumn, 90); // "not analysed" whole
    m_tree->header()->resizeSection(SchemaTreeModel::SizeColumn, 70);
    m_summary = new QLabel(pane);
    m_summary->setObjectName(QStringLiteral("schemaSummary"));
    // A long line (a server's error) must not widen the pane: it is cut, and whole in the tooltip.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_summary);

    // Filtering 20,000 tables on every keystroke is wasted work while the user is still typing.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &SchemaBrowser::applySearch);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (QMenu *menu = createContextMenu(m_tree->indexAt(at), this)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_tree->viewport()->mapToGlobal(at));
        }
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    return pane;
}

const std::shared_ptr<const SchemaSnapshot> &SchemaBrowser::snapshot() const
{
    return m_model->snapshot();
}

void SchemaBrowser::showOpened()
{
    m_shownOid = 0;
    m_findings.clear();
    m_model->setSnapshot(nullptr);
    m_details->showEmpty(tr("Reading the schema…"));
    refresh();
}

void SchemaBrowser::showClosed()
{
    m_refreshes->drop();
    m_shownOid = 0;
    m_findings.clear();
    m_model->setSnapshot(nullptr);
    m_details->showEmpty(tr("Connect to a database to browse its schema."));
    setSummary({});
}

void SchemaBrowser::focusFind()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void SchemaBrowser::refresh()
{
    m_refreshes->start(std::make_shared<SnapshotJob>(m_connection->profile()),
                       [this](SnapshotJob &job, const JobEnd &end) { showSnapshot(job, end); });
    setSummary(tr("Reading the schema…"));
}

void SchemaBrowser::showSnapshot(SnapshotJob &job, const JobEnd &end)
{
    if (!end.succeeded()) {
        setSummary(end.state == JobState::Cancelled ? tr("Reading the schema was cancelled.") : end.error.message);
        return;
    }
    auto snapshot = std::make_shared<const SchemaSnapshot>(job.takeResult());
    m_findings = lintSnapshot(*snapshot);
    const quint32 previouslyShown = m_shownOid;
    m_model->setSnapshot(snapshot);
    int tables = 0;
    for (const RelationInfo &relation : snapshot->relations)
        tables += relation.isTable() ? 1 : 0;
    setSummary(tr("%1, %2 in %3 · %4")
                   .arg(counted(tables, tr("table"), tr("tables")),
                        counted(snapshot->relations.size(), tr("relation"), tr("relations")),
                        counted(snapshot->schemas.size(), tr("schema"), tr("schemas")),
                        counted(m_findings.size(), tr("finding"), tr("findings"))));
    if (snapshot->schemas.size() <= 8)
        m_tree->expandToDepth(0);
    if (!m_proxy->searchText().isEmpty())
        showSearchResult();
    if (previouslyShown != 0 && snapshot->relation(previouslyShown))
        showRelation(previouslyShown);
    else
        m_details->showEmpty(snapshot->relations.isEmpty() ? tr("This database has no tables or views yet.")
                                                           : tr("Choose a table or view on the left."));
    emit snapshotLoaded();
}

void SchemaBrowser::setSummary(const QString &text)
{
    m_summaryText = text;
    if (m_proxy->searchText().isEmpty())
        showSummaryLine(text);
}

void SchemaBrowser::showSummaryLine(const QString &text)
{
    m_summary->setText(text.section(QLatin1Char('\n'), 0, 0));
    m_summary->setToolTip(text);
}

void SchemaBrowser::applySearch()
{
    const QString text = m_search->text().trimmed();
    const bool wasSearching = !m_proxy->searchText().isEmpty();
    if (!wasSearching && !text.isEmpty())
        m_expandedBeforeSearch = expandedNodes();
    m_proxy->setSearchText(text);
    if (!text.isEmpty()) {
        showSearchResult();
    } else if (wasSearching) {
        m_tree->collapseAll();
        for (const QPersistentModelIndex &node : std::as_const(m_expandedBeforeSearch))
            m_tree->expand(m_proxy->mapFromSource(node));
        showSummaryLine(m_summaryText);
    }
}

void SchemaBrowser::showSearchResult()
{
    m_tree->expandToDepth(0);
    int relations = 0;
    for (int schemaRow = 0; schemaRow < m_proxy->rowCount(); ++schemaRow) {
        const QModelIndex schema = m_proxy->index(schemaRow, 0);
        for (int row = 0; row < m_proxy->rowCount(schema); ++row) {
            const QModelIndex relation = m_proxy->index(row, 0, schema);
            ++relations;
            if (m_proxy->matchesByColumnOnly(relation)) { // show the columns it was found by
                m_tree->expand(relation);
                m_tree->expand(m_proxy->index(SchemaTreeModel::ColumnsGroup, 0, relation));
            }
        }
    }
    const QString text = m_proxy->searchText();
    showSummaryLine(relations == 0
                        ? tr("No table, view or column matches “%1”.").arg(text)
                        : tr("%1 “%2”.").arg(counted(relations, tr("relation matches"), tr("relations match")), text));
}

QVector<QPersistentModelIndex> SchemaBrowser::expandedNodes() const
{
    QVector<QPersistentModelIndex> expanded;
    const std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex node = m_proxy->index(row, 0, parent);
            if (!m_tree->isExpanded(node))
                continue;
            expanded.append(m_proxy->mapToSource(node));
            visit(node);
        }
    };
    visit({});
    return expanded;
}

QMenu *SchemaBrowser::createContextMenu(const QModelIndex &index, QWidget *parent)
{
    const auto kind = static_cast<SchemaTreeModel::NodeKind>(index.data(SchemaTreeModel::NodeKindRole).toInt());
    const RelationInfo *relation =
        snapshot() ? snapshot()->relation(index.data(SchemaTreeModel::RelationOidRole).toUInt()) : nullptr;
    if (!index.isValid() || !relation || kind == SchemaTreeModel::NodeKind::Group)
        return nullptr;
    auto *menu = new QMenu(parent);
    const auto copy = [](const QString &text) { QGuiApplication::clipboard()->setText(text); };
    if (kind == SchemaTreeModel::NodeKind::Item) {
        const QString name = index.siblingAtColumn(SchemaTreeModel::NameColumn).data().toString();
        menu->addAction(tr("Copy Name"), this, [copy, name] { copy(sqlName(name)); });
        return menu;
    }
    const QString qualified = sqlName(relation->schema) + QLatin1Char('.') + sqlName(relation->name);
    const QString ddl = relationDdl(*relation, *snapshot());
    const quint32 oid = relation->oid;
    const QString diagramName = relation->qualifiedName();
    menu->addAction(tr("Copy Name"), this, [copy, qualified] { copy(qualified); });
    menu->addAction(tr("Copy DDL"), this, [copy, ddl] { copy(ddl); });
    menu->addSeparator();
    menu->addAction(tr("Show in Diagram"), this, [this, diagramName] { emit showInDiagramRequested(diagramName); });
    menu->addAction(tr("Preview Data"), this, [this, oid] {
        showRelation(oid);
        m_tabs->setCurrentWidget(m_data);
    });
    return menu;
}

void SchemaBrowser::showRelation(quint32 oid)
{
    const QModelIndex source = m_model->relationIndex(oid);
    if (!source.isValid())
        return;
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) { // hidden by the search: clear it to show the table
        m_search->clear();
        applySearch();
        index = m_proxy->mapFromSource(source);
    }
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void SchemaBrowser::onCurrentChanged(const QModelIndex &current)
{
    const QVariant oid = current.data(SchemaTreeModel::RelationOidRole);
    if (!oid.isValid() || oid.toUInt() == m_shownOid)
        return;
    m_shownOid = oid.toUInt();
    m_details->showRelation(snapshot(), m_shownOid, m_findings);
    if (m_tabs->currentWidget() == m_data)
        m_data->showRelation(*snapshot()->relation(m_shownOid));
}

} // namespace nrdb
