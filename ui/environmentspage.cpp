#include "environmentspage.h"

#include "environmentlistmodel.h"
#include "jobslot.h"
#include "placeholderstack.h"
#include "scheduledialog.h"

#include "backup/toolsettings.h"
#include "jobs/backupjob.h"
#include "jobs/environmentstatusjob.h"
#include "jobs/healthreport.h"
#include "jobs/jobrunner.h"
#include "schedule/scheduleinstaller.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace nrdb {

EnvironmentsPage::EnvironmentsPage(JobRunner *writer, QWidget *parent)
    : QWidget(parent), m_writer(writer), m_statusRunner(new JobRunner(kParallelStatuses, this)),
      m_model(new EnvironmentListModel(this)), m_view(new QTreeView(this)), m_stack(new PlaceholderStack(m_view, this)),
      m_reportLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("environmentsPage"));
    m_view->setObjectName(QStringLiteral("environmentsView"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Each column as wide as what it shows, as statuses come in; what needs attention gets the rest.
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createToolBar());
    layout->addWidget(m_stack, 1);
    m_reportLabel->setObjectName(QStringLiteral("healthReportLabel"));
    m_reportLabel->setOpenExternalLinks(true);
    m_reportLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_reportLabel->hide();
    layout->addWidget(m_reportLabel);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const std::optional<ConnectionProfile> profile = m_model->profileAt(index))
            emit connectRequested(profile->name);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &EnvironmentsPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EnvironmentsPage::updateActions);
    setProfiles({});
}

QWidget *EnvironmentsPage::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("environmentsToolBar"));
    bar->toggleViewAction()->setObjectName(QStringLiteral("toggleEnvironmentsToolBarAction"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto action = [bar](const QString &name, const QString &text, const QString &tip) {
        QAction *created = bar->addAction(text);
        created->setObjectName(name);
        created->setToolTip(tip);
        return created;
    };
    m_refreshAllAction = action(QStringLiteral("refreshEnvironmentsAction"), tr("Refresh All"),
                                tr("Read every environment's status again, %1 at a time").arg(kParallelStatuses));
    m_refreshAction = action(QStringLiteral("refreshEnvironmentAction"), tr("Refresh"),
                             tr("Read the selected environments' status again"));
    bar->addSeparator();
    m_connectAction =
        action(QStringLiteral("connectEnvironmentAction"), tr("Connect"), tr("Connect the window to the environment"));
    m_compareAction = action(QStringLiteral("compareEnvironmentAction"), tr("Compare with Connected"),
                             tr("Every difference between the connected database and this environment's, and the "
                                "script that makes the connected one like it"));
    m_scheduleAction = action(QStringLiteral("scheduleEnvironmentAction"), tr("Schedule Backups…"),
                              tr("Back the environment up on a schedule, pruned and proven, by a systemd timer "
                                 "that needs nothing of ours running"));
    m_backUpAction = action(QStringLiteral("backUpEnvironmentsAction"), tr("Back Up Selected"),
                            tr("Back up each selected environment into the Backups directory, one job each, then "
                               "write the health report"));
    m_verifyAllAction =
        action(QStringLiteral("verifyAllEnvironmentsAction"), tr("Verify All"),
               tr("Verify every environment against its pack, then write the health report to hand over"));
    connect(m_verifyAllAction, &QAction::triggered, this, &EnvironmentsPage::verifyAll);
    connect(m_refreshAllAction, &QAction::triggered, this, &EnvironmentsPage::refreshAll);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        for (const QString &name : selectedNames())
            refresh(name);
    });
    connect(m_connectAction, &QAction::triggered, this, [this] {
        const QStringList names = selectedNames();
        if (names.size() == 1)
            emit connectRequested(names.first());
    });
    connect(m_compareAction, &QAction::triggered, this, [this] {
        const QStringList names = selectedNames();
        if (names.size() == 1)
            emit compareRequested(names.first());
    });
    connect(m_scheduleAction, &QAction::triggered, this, [this] {
        const QStringList names = selectedNames();
        if (names.size() == 1)
            openSchedule(names.first());
    });
    connect(m_backUpAction, &QAction::triggered, this, [this] { backUp(selectedNames()); });
    return bar;
}

void EnvironmentsPage::setProfiles(const QList<ConnectionProfile> &profiles)
{
    const QStringList before = [this] {
        QStringList names;
        for (const ConnectionProfile &profile : m_model->profiles())
            names << profile.name;
        return names;
    }();
    m_model->setProfiles(profiles);
    m_view->expandAll();
    m_stack->setPlaceholder(profiles.isEmpty()
                                ? tr("No saved connections yet.\n\nSave one in the Connect dialog, or with "
                                     "netraven-dbctl profile add, and its status shows here.")
                                : QString());
    for (const ConnectionProfile &profile : profiles) {
        if (m_everRead && !before.contains(profile.name))
            refresh(profile.name); // a new one is read at once; the others keep what they showed
    }
    updateActions();
}

void EnvironmentsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_everRead)
        refreshAll();
}

void EnvironmentsPage::refreshAll()
{
    m_everRead = true;
    for (const ConnectionProfile &profile : m_model->profiles())
        refresh(profile.name);
}

JobSlot *EnvironmentsPage::slotFor(QHash<QString, JobSlot *> &table, JobRunner *runner, const QString &name)
{
    JobSlot *&slot = table[name];
    if (!slot)
        slot = new JobSlot(runner, JobSlot::Policy::NewestWins, this);
    return slot;
}

void EnvironmentsPage::refresh(const QString &name)
{
    const QModelIndex index = m_model->indexOf(name);
    const std::optional<ConnectionProfile> profile = m_model->profileAt(index);
    if (!profile)
        return;
    m_model->setReading(name, true);
    // A scheduled profile's backups are where its schedule puts them.
    const std::optional<BackupSchedule> schedule = ScheduleStore().schedule(name);
    m_model->setSchedule(name, schedule ? std::optional<ScheduleHealth>(
                                              scheduleinstaller::currentHealth(*schedule, QDateTime::currentDateTime()))
                                        : std::nullopt);
    auto job =
        std::make_shared<EnvironmentStatusJob>(*profile, schedule ? schedule->directory : configuredBackupDirectory());
    slotFor(m_statusSlots, m_statusRunner, name)
        ->start(job, [this, name](EnvironmentStatusJob &read, const JobEnd &end) {
            if (end.succeeded())
                m_model->setStatus(read.result());
            else
                m_model->setReading(name, false);
            if (!isReading())
                emit allRead();
            reportWhenDone();
        });
}

bool EnvironmentsPage::isReading() const
{
    return std::any_of(m_statusSlots.cbegin(), m_statusSlots.cend(),
                       [](const JobSlot *slot) { return slot->isBusy(); });
}

void EnvironmentsPage::backUp(const QStringList &names)
{
    for (const QString &name : names) {
        const std::optional<ConnectionProfile> profile = m_model->profileAt(m_model->indexOf(name));
        JobSlot *slot = m_backupSlots.value(name);
        if (!profile || (slot && slot->isBusy()))
            continue;
        BackupOptions options;
        options.outputDirectory = configuredBackupDirectory();
        options.toolsDirectory = configuredToolsDirectory();
        slot = slotFor(m_backupSlots, m_writer, name);
        slot->start(std::make_shared<BackupJob>(*profile, options), [this, name](BackupJob &backup, const JobEnd &end) {
            if (end.succeeded())
                emit backedUp(name, backup.result().path);
            else if (end.failed())
                emit backUpFailed(name, end.error.fullText());
            refresh(name);
            reportWhenDone();
        });
        m_reportWhenDone = true;
    }
}

void EnvironmentsPage::verifyAll()
{
    m_reportWhenDone = true;
    refreshAll();
}

bool EnvironmentsPage::isBackingUp() const
{
    return std::any_of(m_backupSlots.cbegin(), m_backupSlots.cend(),
                       [](const JobSlot *slot) { return slot->isBusy(); });
}

void EnvironmentsPage::reportWhenDone()
{
    if (!m_reportWhenDone || isReading() || isBackingUp())
        return;
    m_reportWhenDone = false;
    HealthReport report{QDateTime::currentDateTimeUtc(), {}};
    for (const ConnectionProfile &profile : m_model->profiles()) {
        if (const EnvironmentStatus *status = m_model->statusOf(profile.name))
            report.environments << *status;
    }
    const Result<QString> saved = report.saveIn(QDir(configuredBackupDirectory()).filePath(QStringLiteral("health")));
    m_reportLabel->show();
    if (!saved) {
        m_reportLabel->setText(tr("Could not write the health report: %1").arg(saved.error().message.toHtmlEscaped()));
        emit healthReportFailed(saved.error().fullText());
        return;
    }
    m_reportLabel->setText(
        tr("Health report, %1: %2. <a href=\"%3\">Open</a> (and %4 beside it)")
            .arg(QLocale().toString(report.madeAt.toLocalTime().time(), QLocale::ShortFormat),
                 report.summary().toHtmlEscaped(), QUrl::fromLocalFile(saved.value()).toString(),
                 QFileInfo(saved.value()).completeBaseName().toHtmlEscaped() + QStringLiteral(".json")));
    emit healthReported(saved.value());
}

void EnvironmentsPage::openSchedule(const QString &name)
{
    const std::optional<ConnectionProfile> profile = m_model->profileAt(m_model->indexOf(name));
    if (!profile)
        return;
    auto *dialog = new ScheduleDialog(*profile, ScheduleDialog::locateDbctl(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScheduleDialog::changed, this, &EnvironmentsPage::refresh);
    dialog->open();
}

QStringList EnvironmentsPage::selectedNames() const
{
    QStringList names;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const std::optional<ConnectionProfile> profile = m_model->profileAt(index))
            names << profile->name;
    }
    return names;
}

void EnvironmentsPage::updateActions()
{
    const QStringList names = selectedNames();
    m_refreshAction->setEnabled(!names.isEmpty());
    m_connectAction->setEnabled(names.size() == 1);
    m_compareAction->setEnabled(names.size() == 1);
    m_scheduleAction->setEnabled(names.size() == 1);
    m_backUpAction->setEnabled(!names.isEmpty());
    m_refreshAllAction->setEnabled(!m_model->profiles().isEmpty());
    m_verifyAllAction->setEnabled(!m_model->profiles().isEmpty());
}

void EnvironmentsPage::showContextMenu(const QPoint &where)
{
    const QModelIndex index = m_view->indexAt(where);
    if (!m_model->profileAt(index))
        return;
    if (!m_view->selectionModel()->isRowSelected(index.row(), index.parent()))
        m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    menu.addAction(m_connectAction);
    menu.addAction(m_compareAction);
    menu.addAction(m_refreshAction);
    menu.addAction(m_backUpAction);
    menu.addAction(m_scheduleAction);
    menu.exec(m_view->viewport()->mapToGlobal(where));
}

} // namespace nrdb
