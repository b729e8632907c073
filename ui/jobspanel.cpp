#include "jobspanel.h"

#include "actionicon.h"

#include "placeholderstack.h"
#include "progressdelegate.h"

#include "jobs/jobrunner.h"
#include "jobs/jobtablemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace nrdb {

JobsPanel::JobsPanel(JobRunner *runner, QWidget *parent)
    : QDockWidget(tr("Jobs"), parent), m_runner(runner), m_model(new JobTableModel(runner, this)),
      m_view(new QTreeView), m_stack(new PlaceholderStack(m_view)),
      m_cancelAction(new QAction(actionIcon(QStringLiteral("cancel")), tr("Cancel Job"), this)),
      m_clearAction(new QAction(style()->standardIcon(QStyle::SP_DialogResetButton), tr("Clear Finished"), this)),
      m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("jobsDock"));
    m_cancelAction->setObjectName(QStringLiteral("cancelJobAction"));
    m_cancelAction->setToolTip(tr("Cancel the selected job: stops its query on the server and any tool it runs"));
    m_clearAction->setObjectName(QStringLiteral("clearFinishedJobsAction"));

    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setItemDelegateForColumn(JobTableModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(true); // the phase, or a failed job's error
    m_view->header()->resizeSection(JobTableModel::TitleColumn, 160);
    m_view->header()->resizeSection(JobTableModel::StateColumn, 80);
    m_view->header()->resizeSection(JobTableModel::ProgressColumn, 100);
    m_view->header()->resizeSection(JobTableModel::ElapsedColumn, 70);
    m_view->header()->resizeSection(JobTableModel::RemainingColumn, 80);

    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("jobsToolBar"));
    toolBar->toggleViewAction()->setObjectName(QStringLiteral("toggleJobsToolBarAction"));
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_cancelAction);
    toolBar->addAction(m_clearAction);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_stack, 1);
    setWidget(content);

    connect(m_cancelAction, &QAction::triggered, this, &JobsPanel::cancelSelected);
    connect(m_clearAction, &QAction::triggered, m_model, &JobTableModel::clearFinished);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        m_view->setCurrentIndex(m_model->index(first, 0)); // the newest job is the one to watch
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsPanel::updateActions);
    connect(m_clock, &QTimer::timeout, this, &JobsPanel::updateClock);
    m_clock->setInterval(1000);
    updateActions();
}

void JobsPanel::cancelSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_runner->cancel(m_model->jobId(current.row()));
}

void JobsPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool active =
        current.isValid() && !isFinished(static_cast<JobState>(current.data(JobTableModel::StateRole).toInt()));
    m_cancelAction->setEnabled(active);
    m_clearAction->setEnabled(m_model->rowCount() > m_model->activeCount());
    m_stack->setPlaceholder(m_model->rowCount() > 0 ? QString()
                                                    : tr("No jobs yet. Whatever you start (a sandbox server, a "
                                                         "verify, a backup) is listed here with its progress."));
    if (m_model->activeCount() > 0 && !m_clock->isActive())
        m_clock->start();
}

void JobsPanel::updateClock()
{
    m_model->refreshClock();
    if (m_model->activeCount() == 0)
        m_clock->stop();
}

} // namespace nrdb
