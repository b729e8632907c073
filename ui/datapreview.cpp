#include "datapreview.h"

#include "activeconnection.h"
#include "jobslot.h"
#include "placeholderstack.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
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

QVariant RowPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_page.columns.value(section);
    return QString::number(m_page.offset + section + 1);
}

DataPreview::DataPreview(JobRunner *runner, const ActiveConnection *connection, QWidget *parent)
    : QWidget(parent), m_pages(new JobSlot(runner, JobSlot::Policy::NewestWins, this)), m_connection(connection),
      m_model(new RowPageModel(this)), m_view(new QTableView), m_stack(new PlaceholderStack(m_view)),
      m_previous(new QPushButton(tr("◀ Previous"), this)), m_next(new QPushButton(tr("Next ▶"), this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("dataPreview"));
    m_view->setObjectName(QStringLiteral("dataView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_previous->setObjectName(QStringLiteral("previousPageButton"));
    m_next->setObjectName(QStringLiteral("nextPageButton"));
    m_status->setObjectName(QStringLiteral("pageStatus"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_previous, &QPushButton::clicked, this,
            [this] { load(qMax<qint64>(0, m_model->page().offset - RowPageJob::kPageSize)); });
    connect(m_next, &QPushButton::clicked, this, [this] { load(m_model->page().offset + RowPageJob::kPageSize); });
    connect(m_connection, &ActiveConnection::opened, this, &DataPreview::clear);
    connect(m_connection, &ActiveConnection::closed, this, &DataPreview::clear);
    clear();
}

void DataPreview::clear()
{
    m_pages->drop();
    m_model->setPage({});
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    m_status->clear();
    m_stack->setPlaceholder(tr("Choose a table or view to see its rows (read-only, 200 at a time)."));
}

void DataPreview::showRelation(const RelationInfo &relation)
{
    m_relation = relation;
    load(0);
}

void DataPreview::load(qint64 offset)
{
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    m_status->setText(tr("Reading %1…").arg(m_relation.qualifiedName()));
    m_pages->start(std::make_shared<RowPageJob>(m_connection->profile(), m_relation, offset),
                   [this](RowPageJob &job, const JobEnd &end) { showPage(job, end); });
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
    const QLocale locale;
    if (page.rows.isEmpty()) {
        m_stack->setPlaceholder(page.offset == 0 ? tr("%1 has no rows.").arg(m_relation.qualifiedName())
                                                 : tr("No more rows."));
    } else {
        m_stack->setPlaceholder({});
    }
    m_status->setText(page.rows.isEmpty()
                          ? QString()
                          : tr("Rows %1–%2%3")
                                .arg(locale.toString(page.offset + 1), locale.toString(page.offset + page.rows.size()),
                                     page.orderedBy.isEmpty() ? QString() : tr(", ordered by %1").arg(page.orderedBy)));
    m_previous->setEnabled(page.offset > 0);
    m_next->setEnabled(page.hasMore);
    emit pageShown();
}

} // namespace nrdb
