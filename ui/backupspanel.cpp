#include "backupspanel.h"

#include "activeconnection.h"
#include "errorpresenter.h"
#include "jobslot.h"
#include "placeholderstack.h"
#include "productionconfirm.h"

#include "backup/backuplistmodel.h"
#include "backup/toolsettings.h"
#include "connection/profilestore.h"
#include "jobs/provejob.h"
#include "jobs/verifybackupsjob.h"
#include "util/counting.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace nrdb {

BackupsPanel::BackupsPanel(JobRunner *runner, const ActiveConnection *connection, QWidget *parent)
    : QWidget(parent), m_slot(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_connection(connection),
      m_model(new BackupListModel(this)), m_view(new QTableView(this)), m_stack(new PlaceholderStack(m_view, this))
{
    setObjectName(QStringLiteral("backupsPanel"));
    m_view->setObjectName(QStringLiteral("backupsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(BackupListModel::NameColumn, 280);
    m_view->setColumnWidth(BackupListModel::CreatedColumn, 150);
    m_view->setColumnWidth(BackupListModel::DatabaseColumn, 260);

    m_directoryLabel = new QLabel(this);
    m_directoryLabel->setObjectName(QStringLiteral("backupsDirectory"));
    m_directoryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_directoryLabel->setSizePolicy(QSizePolicy::Ignored,
                                    QSizePolicy::Preferred); // a long path must not widen the window
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createButtons());
    layout->addWidget(m_directoryLabel);
    layout->addWidget(m_stack, 1);

    connect(m_slot, &JobSlot::busyChanged, this, &BackupsPanel::updateButtons);
    connect(m_connection, &ActiveConnection::opened, this, &BackupsPanel::updateButtons);
    connect(m_connection, &ActiveConnection::closed, this, &BackupsPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BackupsPanel::updateButtons);
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { emit restoreRequested(m_model->entry(index.row()).path); });
    setDirectory(configuredBackupDirectory());
}

// A tool bar rather than a row of buttons: when the window is narrow, what does not fit goes
// into its overflow menu instead of widening the window.
QWidget *BackupsPanel::createButtons()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("backupsToolBar"));
    bar->toggleViewAction()->setObjectName(QStringLiteral("toggleBackupsToolBarAction"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto action = [this, bar](const QString &name, const QString &text, const QString &tip) {
        QAction *created = bar->addAction(text);
        created->setObjectName(name);
        created->setToolTip(tip);
        return created;
    };
    connect(
        action(QStringLiteral("backupsChooseAction"), tr("Directory…"), tr("Show the backups of another directory")),
        &QAction::triggered, this, &BackupsPanel::chooseDirectory);
    connect(action(QStringLiteral("backupsRefreshAction"), tr("Refresh"), tr("Read the directory again")),
            &QAction::triggered, this, &BackupsPanel::refresh);
    bar->addSeparator();
    m_verifyAction =
        action(QStringLiteral("backupsVerifyAction"), tr("Verify"),
               tr("Check the selected backups' SHA-256 against their manifests, and the archives themselves"));
    m_proveAction =
        action(QStringLiteral("backupsProveAction"), tr("Prove Restorable"),
               tr("Restore the selected backup into a scratch database, verify it, compare row counts, drop it"));
    m_restoreAction = action(QStringLiteral("backupsRestoreAction"), tr("Restore…"), tr("Restore the selected backup"));
    m_pruneAction = action(QStringLiteral("backupsPruneAction"), tr("Prune…"),
                           tr("Remove old backups: keep the newest N and/or those younger than D days"));
    connect(m_verifyAction, &QAction::triggered, this, &BackupsPanel::verifySelected);
    connect(m_proveAction, &QAction::triggered, this, &BackupsPanel::proveSelected);
    connect(m_restoreAction, &QAction::triggered, this, [this] {
        const QStringList paths = selectedPaths();
        if (paths.size() == 1)
            emit restoreRequested(paths.first());
    });
    connect(m_pruneAction, &QAction::triggered, this, &BackupsPanel::pruneInteractively);
    return bar;
}

void BackupsPanel::setDirectory(const QString &directory)
{
    m_directory = directory;
    m_directoryLabel->setText(tr("Backups in %1").arg(directory));
    m_directoryLabel->setToolTip(directory);
    refresh();
}

void BackupsPanel::refresh()
{
    m_model->setEntries(backupcatalog::list(m_directory));
    m_stack->setPlaceholder(
        m_model->rowCount() > 0
            ? QString()
            : tr("No backups in %1 yet.\n\nDatabase ▸ Back Up… writes one, with a manifest beside it.")
                  .arg(m_directory));
    updateButtons();
}

void BackupsPanel::selectRow(int row)
{
    m_view->selectRow(row);
}

QStringList BackupsPanel::selectedPaths() const
{
    QStringList paths;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        paths << m_model->entry(row.row()).path;
    return paths;
}

void BackupsPanel::updateButtons()
{
    const int selected = int(selectedPaths().size());
    const bool idle = !m_slot->isBusy();
    m_verifyAction->setEnabled(idle && selected > 0);
    m_proveAction->setEnabled(idle && selected == 1 && m_connection->isOpen());
    m_restoreAction->setEnabled(selected == 1 && m_connection->isOpen());
    m_pruneAction->setEnabled(idle && m_model->rowCount() > 1);
}

void BackupsPanel::chooseDirectory()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Show the Backups Of"), m_directory);
    if (chosen.isEmpty())
        return;
    setConfiguredBackupDirectory(chosen);
    setDirectory(chosen);
}

void BackupsPanel::verifySelected()
{
    const QStringList paths = selectedPaths();
    if (!paths.isEmpty() && !m_slot->isBusy())
        m_slot->start(std::make_shared<VerifyBackupsJob>(paths, configuredToolsDirectory()),
                      [this](const Job &job, const JobEnd &end) { showChecked(job, end); });
}

void BackupsPanel::proveSelected()
{
    const QStringList paths = selectedPaths();
    if (paths.size() == 1 && !m_slot->isBusy() && m_connection->isOpen())
        m_slot->start(std::make_shared<ProveRestorableJob>(m_connection->profile(), paths.first(), false,
                                                           configuredToolsDirectory()),
                      [this](const Job &job, const JobEnd &end) { showChecked(job, end); });
}

void BackupsPanel::showChecked(const Job &job, const JobEnd &end)
{
    const QStringList selected = selectedPaths();
    refresh();
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (selected.contains(m_model->entry(row).path))
            m_view->selectionModel()->select(m_model->index(row, 0),
                                             QItemSelectionModel::Select | QItemSelectionModel::Rows);
    if (end.failed())
        showError(this, job.title(), end.error);
    emit checked();
}

QStringList BackupsPanel::pruneWith(const RetentionRule &rule)
{
    QStringList removed;
    for (const BackupEntry &entry : backupcatalog::toPrune(m_model->entries(), rule, QDateTime::currentDateTimeUtc())) {
        if (Status gone = backupcatalog::remove(entry); !gone) {
            QMessageBox::warning(this, tr("Prune"), gone.error().message);
            break;
        }
        removed << entry.name;
    }
    refresh();
    return removed;
}

void BackupsPanel::pruneInteractively()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Prune Backups"));
    auto *keepNewest = new QSpinBox(&dialog);
    keepNewest->setRange(0, 10000);
    keepNewest->setValue(7);
    keepNewest->setSpecialValueText(tr("no limit"));
    auto *keepDays = new QSpinBox(&dialog);
    keepDays->setRange(0, 36500);
    keepDays->setValue(30);
    keepDays->setSpecialValueText(tr("no limit"));
    keepDays->setSuffix(tr(" days"));
    auto *preview = new QLabel(&dialog);
    preview->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Remove"));
    const auto update = [&] {
        const RetentionRule rule{keepNewest->value(), keepDays->value()};
        const QVector<BackupEntry> doomed =
            rule.keepsAll() ? QVector<BackupEntry>()
                            : backupcatalog::toPrune(m_model->entries(), rule, QDateTime::currentDateTimeUtc());
        QStringList names;
        for (const BackupEntry &entry : doomed)
            names << entry.name;
        preview->setText(doomed.isEmpty() ? tr("Nothing would be removed.")
                                          : tr("Would remove %1: %2")
                                                .arg(counted(doomed.size(), tr("backup"), tr("backups")),
                                                     names.join(QStringLiteral(", "))));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!doomed.isEmpty());
    };
    connect(keepNewest, qOverload<int>(&QSpinBox::valueChanged), &dialog, update);
    connect(keepDays, qOverload<int>(&QSpinBox::valueChanged), &dialog, update);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Keep the newest:"), keepNewest);
    form->addRow(tr("Keep those younger than:"), keepDays);
    form->addRow(new QLabel(tr("A backup is kept if either rule keeps it. The only verified backup is never removed."),
                            &dialog));
    form->addRow(preview);
    form->addRow(buttons);
    update();
    if (dialog.exec() != QDialog::Accepted)
        return;
    const RetentionRule rule{keepNewest->value(), keepDays->value()};
    if (confirmPruneOfProduction(backupcatalog::toPrune(m_model->entries(), rule, QDateTime::currentDateTimeUtc())))
        pruneWith(rule);
}

bool BackupsPanel::confirmPruneOfProduction(const QVector<BackupEntry> &doomed)
{
    const ProfileStore store;
    for (const BackupEntry &entry : doomed) {
        if (const std::optional<ConnectionProfile> production = store.productionProfileFor(entry.manifest.origin))
            return confirmProductionWrite(this, *production, tr("Prune the backups of"));
    }
    return true;
}

} // namespace nrdb
