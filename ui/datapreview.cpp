#include "datapreview.h"

#include "activeconnection.h"
#include "errorpresenter.h"
#include "jobslot.h"
#include "placeholderstack.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace nrdb {

void RowPageModel::setPage(RowPage page)
{
    beginResetModel();
    m_page = std::move(page);
    endResetModel();
}

int RowPageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_page.rows.size());
}

int RowPageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_page.columns.size());
}

QVariant RowPageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant &value = m_page.rows.at(index.row()).at(index.column());
    if (role == Qt::DisplayRole)
        return value.isNull() ? QStringLiteral("NULL") : value.toString();
    if (role == Qt::ForegroundRole && value.isNull())
        return QPalette().color(QPalette::Disabled, QPalette::Text);
    return {};
}

void RowPageModel::sort(int column, Qt::SortOrder order)
{
    emit sortRequested(m_page.columns.value(column), order);
}

QVariant RowPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_page.columns.value(section);
    return QString::number(m_page.offset + section + 1);
}

DataPreview::DataPreview(JobRunner *runner, const ActiveConnection *connection, QWidget *parent)
    : QWidget(parent), m_pages(new JobSlot(runner, JobSlot::Policy::NewestWins, this)),
      m_counts(new JobSlot(runner, JobSlot::Policy::NewestWins, this)), m_connection(connection),
      m_model(new RowPageModel(this)), m_view(new QTableView), m_stack(new PlaceholderStack(m_view)),
      m_previous(new QPushButton(tr("◀ Previous"), this)), m_next(new QPushButton(tr("Next ▶"), this)),
      m_count(new QPushButton(tr("Count Exactly"), this)), m_status(new QLabel(this)),
      m_filterColumn(new QComboBox(this)), m_filterText(new QLineEdit(this))
{
    setObjectName(QStringLiteral("dataPreview"));
    m_view->setObjectName(QStringLiteral("dataView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true); // a header click asks the model, which asks the server
    m_previous->setObjectName(QStringLiteral("previousPageButton"));
    m_next->setObjectName(QStringLiteral("nextPageButton"));
    m_status->setObjectName(QStringLiteral("pageStatus"));
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long line does not widen the window
    m_count->setObjectName(QStringLiteral("countRowsButton"));
    m_count->setToolTip(tr("Count the rows exactly (count(*) reads the whole table: a job you can cancel)"));
    m_filterColumn->setObjectName(QStringLiteral("dataFilterColumn"));
    m_filterColumn->setToolTip(tr("The column the filter looks in"));

    m_filterText->setObjectName(QStringLiteral("dataFilterText"));
    m_filterText->setPlaceholderText(tr("Filter: rows whose value contains…"));
    m_filterText->setClearButtonEnabled(true);

    // The filter over the rows, the paging and the total under them: neither row widens the window.
    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filterColumn);
    filterBar->addWidget(m_filterText, 1);
    auto *pageBar = new QHBoxLayout;
    pageBar->addWidget(m_previous);
    pageBar->addWidget(m_next);
    pageBar->addWidget(m_status, 1);
    pageBar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterBar);
    layout->addWidget(m_stack, 1);
    layout->addLayout(pageBar);

    connect(m_previous, &QPushButton::clicked, this,
            [this] { load(qMax<qint64>(0, m_model->page().offset - RowPageJob::kPageSize)); });
    connect(m_next, &QPushButton::clicked, this, [this] { load(m_model->page().offset + RowPageJob::kPageSize); });
    connect(m_model, &RowPageModel::sortRequested, this, &DataPreview::sortBy);
    connect(m_count, &QPushButton::clicked, this, &DataPreview::countExactly);
    // Typing is not a query per keystroke: the filter applies once the typing pauses, or on Enter.
    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(400);
    const auto applyFilter = [this, typing] {
        typing->stop();
        setFilter(m_filterColumn->currentText(), m_filterText->text());
    };
    connect(m_filterText, &QLineEdit::textEdited, typing, qOverload<>(&QTimer::start));
    connect(m_filterText, &QLineEdit::returnPressed, this, applyFilter);
    connect(typing, &QTimer::timeout, this, applyFilter);
    connect(m_filterColumn, &QComboBox::activated, this, applyFilter);
    connect(m_connection, &ActiveConnection::opened, this, &DataPreview::learnSecrets);
    connect(m_connection, &ActiveConnection::closed, this, [this] {
        m_pack.reset();
        clear();
    });
    clear();
}

void DataPreview::learnSecrets(const Connected &connection)
{
    m_pack.reset();
    if (connection.pack.recognised()) {
        if (Result<ModelPack> pack = ModelPack::named(connection.pack.pack))
            m_pack = std::move(pack).value();
    }
    clear();
}

void DataPreview::clear()
{
    m_pages->drop();
    forgetCount();
    m_model->setPage({});
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    m_filterColumn->clear();
    m_filterColumn->setEnabled(false);
    m_filterText->clear();
    m_filterText->setEnabled(false);
    m_status->clear();
    m_stack->setPlaceholder(tr("Choose a table or view to see its rows (read-only, 200 at a time)."));
}

void DataPreview::showRelation(const RelationInfo &relation)
{
    m_relation = relation;
    m_query = RowQuery{};
    forgetCount();
    if (m_pack)
        m_query.maskedColumns = m_pack->secretColumnsOf(relation);
    m_filterColumn->clear();
    for (const ColumnInfo &column : relation.columns) {
        if (!m_query.maskedColumns.contains(column.name)) // a filter would tell a secret's value
            m_filterColumn->addItem(column.name);
    }
    m_filterColumn->setEnabled(m_filterColumn->count() > 0);
    m_filterText->clear();
    m_filterText->setEnabled(m_filterColumn->count() > 0);
    const QSignalBlocker quiet(m_model); // the indicator goes back to the key's order without a query
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    load(0);
}

void DataPreview::setFilter(const QString &column, const QString &text)
{
    m_filterColumn->setCurrentIndex(m_filterColumn->findText(column)); // what is shown is what applies
    if (m_filterText->text() != text)
        m_filterText->setText(text);
    m_query.filterColumn = column;
    m_query.filterText = text;
    forgetCount();
    load(0);
}

void DataPreview::sortBy(const QString &column, Qt::SortOrder order)
{
    m_query.sortColumn = column;
    m_query.descending = order == Qt::DescendingOrder;
    if (!m_relation.name.isEmpty())
        load(0);
}

void DataPreview::load(qint64 offset)
{
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    m_status->setText(tr("Reading %1…").arg(m_relation.qualifiedName()));
    m_pages->start(std::make_shared<RowPageJob>(m_connection->profile(), m_relation, offset, m_query),
                   [this](RowPageJob &job, const JobEnd &end) { showPage(job, end); });
}

void DataPreview::forgetCount()
{
    m_counts->drop();
    m_exactCount.reset();
    m_count->setEnabled(false);
    m_count->setText(tr("Count Exactly"));
}

void DataPreview::countExactly()
{
    if (m_relation.name.isEmpty() || m_counts->isBusy())
        return;
    m_count->setEnabled(false);
    m_count->setText(tr("Counting…"));
    m_counts->start(std::make_shared<RowCountJob>(m_connection->profile(), m_relation, m_query),
                    [this](RowCountJob &job, const JobEnd &end) {
                        m_count->setText(tr("Count Exactly"));
                        if (end.succeeded())
                            m_exactCount = job.result();
                        else if (end.failed())
                            showError(this, job.title(), end.error);
                        m_count->setEnabled(!m_model->page().rows.isEmpty() && !m_exactCount);
                        m_status->setText(totalText(m_model->page()));
                    });
}

void DataPreview::showPage(RowPageJob &job, const JobEnd &end)
{
    if (!end.succeeded()) {
        m_stack->setPlaceholder(end.state == JobState::Cancelled ? tr("Cancelled.") : end.error.fullText());
        m_status->clear();
        return;
    }
    const RowPage &page = job.result();
    m_model->setPage(page);
    const bool filtered = !m_query.filterText.isEmpty();
    if (page.rows.isEmpty()) {
        m_stack->setPlaceholder(page.offset > 0 ? tr("No more rows.")
                                : filtered
                                    ? tr("No row of %1 has “%2” in %3.")
                                          .arg(m_relation.qualifiedName(), m_query.filterText, m_query.filterColumn)
                                    : tr("%1 has no rows.").arg(m_relation.qualifiedName()));
    } else {
        m_stack->setPlaceholder({});
        fitColumns();
    }
    m_status->setText(totalText(page));
    m_count->setEnabled(!page.rows.isEmpty() && !m_counts->isBusy() && !m_exactCount);
    m_previous->setEnabled(page.offset > 0);
    m_next->setEnabled(page.hasMore);
    emit pageShown();
}

QString DataPreview::totalText(const RowPage &page) const
{
    if (page.rows.isEmpty())
        return {};
    const QLocale locale;
    const bool filtered = !m_query.filterText.isEmpty();
    // The estimate is of the whole table: said only when no filter narrows it. An exact count is
    // of the rows the query selects.
    const QString total =
        m_exactCount ? tr(" of %1").arg(locale.toString(*m_exactCount))
        : filtered || m_relation.rowEstimate < 0
            ? QString()
            : tr(" of about %1").arg(locale.toString(qMax(m_relation.rowEstimate, page.offset + page.rows.size())));
    return tr("Rows %1–%2%3%4%5")
        .arg(locale.toString(page.offset + 1), locale.toString(page.offset + page.rows.size()), total,
             filtered ? tr(" with “%1” in %2").arg(m_query.filterText, m_query.filterColumn) : QString(),
             page.orderedBy.isEmpty() ? QString() : tr(", ordered by %1").arg(page.orderedBy));
}

// Each column as wide as what it shows (a UUID, a timestamp), but none wider than a third of the view.
void DataPreview::fitColumns()
{
    m_view->resizeColumnsToContents();
    const int widest = qMax(160, m_view->viewport()->width() / 3);
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_view->setColumnWidth(column, qMin(m_view->columnWidth(column), widest));
}

} // namespace nrdb
