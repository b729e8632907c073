#include "restoredialog.h"

#include "jobslot.h"

#include "backup/backupcatalog.h"
#include "backup/toolsettings.h"
#include "connection/databaseadmin.h"
#include "util/counting.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nrdb {

RestoreDialog::RestoreDialog(JobRunner *runner, const ConnectionProfile &server, const QString &backupPath,
                             QWidget *parent)
    : QDialog(parent), m_reads(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_backupPath(backupPath),
      m_summary(new QLabel(tr("Reading %1…").arg(QFileInfo(backupPath).fileName()), this)),
      m_intoNew(new QRadioButton(tr("Into a new database:"), this)), m_newName(new QLineEdit(this)),
      m_replace(new QRadioButton(tr("Replace a database:"), this)), m_replaced(new QComboBox(this)),
      m_confirm(new QLineEdit(this)), m_targetCheck(new QLabel(this)), m_jobs(new QSpinBox(this)),
      m_keepOwnership(
          new QCheckBox(tr("Keep the backup's owners and privileges (where this server has the roles)"), this)),
      m_allTables(new QRadioButton(tr("All of it"), this)),
      m_someTables(new QRadioButton(tr("Only these tables, each with its keys, indexes and data:"), this)),
      m_tables(new QListWidget(this)),
      m_connectAfter(new QCheckBox(tr("Connect to the restored database afterwards"), this)),
      m_restore(new QPushButton(tr("Restore"), this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore %1").arg(QFileInfo(backupPath).fileName()));
    m_summary->setObjectName(QStringLiteral("restoreSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_jobs->setObjectName(QStringLiteral("restoreJobs"));
    m_jobs->setRange(0, 32);
    m_jobs->setSpecialValueText(tr("Automatic (the server's cores and free connections)"));
    m_keepOwnership->setObjectName(QStringLiteral("restoreKeepOwnership"));
    m_keepOwnership->setChecked(true);
    m_connectAfter->setObjectName(QStringLiteral("restoreConnectAfter"));
    m_connectAfter->setChecked(true);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_restore->setDefault(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_restore, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("Target:"), createTargetChoice());
    form->addRow(tr("Parallel jobs:"), m_jobs);
    form->addRow(tr("Ownership:"), m_keepOwnership);
    form->addRow(tr("Tables:"), createTableChoice());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(8);
    layout->addLayout(form, 1);
    layout->addWidget(m_connectAfter);
    layout->addWidget(buttons);
    resize(620, 560);
    updateState();

    m_reads->start(std::make_shared<RestorePreviewJob>(server, backupPath),
                   [this](RestorePreviewJob &job, const JobEnd &end) {
                       if (end.succeeded())
                           showPreview(job.result());
                       else
                           m_summary->setText(end.state == JobState::Cancelled
                                                  ? tr("Reading the backup was cancelled.")
                                                  : tr("The backup cannot be restored: %1").arg(end.error.message));
                       updateState();
                       emit previewShown();
                   });
}

QLayout *RestoreDialog::createTargetChoice()
{
    m_intoNew->setObjectName(QStringLiteral("restoreIntoNew"));
    m_intoNew->setChecked(true);
    m_newName->setObjectName(QStringLiteral("restoreNewName"));
    m_replace->setObjectName(QStringLiteral("restoreReplace"));
    m_replaced->setObjectName(QStringLiteral("restoreReplacedDatabase"));
    m_confirm->setObjectName(QStringLiteral("restoreConfirmName"));
    m_confirm->setPlaceholderText(tr("type its name again to replace it"));
    m_targetCheck->setObjectName(QStringLiteral("restoreTargetCheck"));
    m_targetCheck->setWordWrap(true);
    auto *targets = new QButtonGroup(this); // apart from the choice of tables, though on the same dialog
    for (QRadioButton *choice : {m_intoNew, m_replace}) {
        targets->addButton(choice);
        connect(choice, &QRadioButton::toggled, this, &RestoreDialog::updateState);
    }
    for (QLineEdit *edit : {m_newName, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &RestoreDialog::updateState);
    connect(m_replaced, &QComboBox::currentTextChanged, this, &RestoreDialog::updateState);

    auto *grid = new QGridLayout;
    grid->addWidget(m_intoNew, 0, 0);
    grid->addWidget(m_newName, 0, 1);
    grid->addWidget(m_replace, 1, 0);
    grid->addWidget(m_replaced, 1, 1);
    grid->addWidget(m_confirm, 2, 1);
    grid->addWidget(m_targetCheck, 3, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    return grid;
}

QLayout *RestoreDialog::createTableChoice()
{
    m_allTables->setObjectName(QStringLiteral("restoreAllTables"));
    m_allTables->setChecked(true);
    m_someTables->setObjectName(QStringLiteral("restoreSomeTables"));
    m_someTables->setToolTip(tr("What the chosen tables need comes too (their schema, types and sequences); a "
                                "foreign key to a table left out is left out"));
    m_tables->setObjectName(QStringLiteral("restoreTables"));
    auto *scope = new QButtonGroup(this);
    scope->addButton(m_allTables);
    scope->addButton(m_someTables);
    connect(m_someTables, &QRadioButton::toggled, this, &RestoreDialog::updateState);
    connect(m_tables, &QListWidget::itemChanged, this, &RestoreDialog::updateState);
    auto *column = new QVBoxLayout;
    column->addWidget(m_allTables);
    column->addWidget(m_someTables);
    column->addWidget(m_tables, 1);
    return column;
}

void RestoreDialog::showPreview(const RestorePreview &preview)
{
    m_preview = preview;
    m_summary->setText(summaryText(preview));
    m_replaced->clear();
    m_replaced->addItems(preview.databases);
    const QString database = preview.manifest ? preview.manifest->database
                                              : QFileInfo(preview.path).fileName().section(QLatin1Char('_'), 0, 0);
    m_newName->setText(freeName(database + QStringLiteral("_restored")));
    if (preview.databases.contains(database))
        m_replaced->setCurrentText(database);
    for (const QString &table : preview.tables) {
        auto *item = new QListWidgetItem(table, m_tables);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

QString RestoreDialog::summaryText(const RestorePreview &preview) const
{
    const QLocale locale;
    QStringList lines;
    lines << tr("%1: %2, %3.")
                 .arg(QFileInfo(preview.path).fileName(), sourceKindName(preview.kind),
                      locale.formattedDataSize(preview.sizeBytes));
    if (preview.manifest) {
        const BackupManifest &manifest = *preview.manifest;
        qint64 rows = 0;
        for (qint64 count : manifest.rowCounts)
            rows += count;
        lines << tr("Database %1, backed up %2 from PostgreSQL %3 by pg_dump %4.")
                     .arg(manifest.database, locale.toString(manifest.startedAt.toLocalTime(), QLocale::ShortFormat),
                          manifest.serverVersion, manifest.pgDumpVersion);
        if (!manifest.modelPack.isEmpty())
            lines << tr("Model %1 at version %2.").arg(manifest.modelPack).arg(manifest.modelVersion);
        lines << tr("%1 with %2.")
                     .arg(counted(manifest.rowCounts.size(), tr("table"), tr("tables")),
                          counted(rows, tr("row"), tr("rows")));
        BackupEntry entry;
        entry.hasManifest = true;
        entry.manifest = manifest;
        lines << (entry.isVerified() ? tr("Checked: its last verify or proof of restore succeeded.")
                                     : tr("Not checked since it was made (Backups ▸ Verify or Prove Restorable)."));
    } else {
        lines << tr("No manifest beside it: its checksum cannot be checked, only its content.");
    }
    if (!preview.contentsProblem.isEmpty())
        lines << tr("Its table of contents cannot be read: %1").arg(preview.contentsProblem);
    return lines.join(QLatin1Char('\n'));
}

QString RestoreDialog::freeName(const QString &base) const
{
    QString name = base;
    for (int n = 2; m_preview && m_preview->databases.contains(name); ++n)
        name = QStringLiteral("%1_%2").arg(base).arg(n);
    return name;
}

QString RestoreDialog::targetProblem() const
{
    if (!m_preview)
        return tr("Reading the backup…");
    if (m_intoNew->isChecked()) {
        const QString name = m_newName->text().trimmed();
        if (name.isEmpty())
            return tr("Name the new database.");
        if (Status valid = databaseadmin::validateName(name); !valid)
            return valid.error().message;
        if (m_preview->databases.contains(name))
            return tr("A database named %1 exists on this server: choose another name, or replace it.").arg(name);
    } else {
        if (m_replaced->currentText().isEmpty())
            return tr("This server has no database to replace.");
        if (m_confirm->text() != m_replaced->currentText())
            return tr("Type “%1” again to replace it.").arg(m_replaced->currentText());
    }
    if (m_someTables->isChecked()) {
        bool any = false;
        for (int row = 0; row < m_tables->count(); ++row)
            any = any || m_tables->item(row)->checkState() == Qt::Checked;
        if (!any)
            return tr("Choose at least one table.");
    }
    return {};
}

QString RestoreDialog::targetCheck() const
{
    return m_targetCheck->text();
}

void RestoreDialog::updateState()
{
    const bool archive = m_preview && m_preview->isArchive() && !m_preview->tables.isEmpty();
    m_newName->setEnabled(m_intoNew->isChecked());
    m_replaced->setEnabled(m_replace->isChecked());
    m_confirm->setEnabled(m_replace->isChecked());
    m_someTables->setEnabled(archive);
    if (!archive)
        m_allTables->setChecked(true);
    m_tables->setEnabled(archive && m_someTables->isChecked());
    m_jobs->setEnabled(!m_preview || m_preview->isArchive()); // psql restores a plain backup in one session
    const QString problem = targetProblem();
    m_restore->setEnabled(problem.isEmpty());
    if (!problem.isEmpty())
        m_targetCheck->setText(problem);
    else if (m_intoNew->isChecked())
        m_targetCheck->setText(tr("%1 will be created; nothing on the server is changed until the restore is "
                                  "complete.")
                                   .arg(m_newName->text().trimmed()));
    else
        m_targetCheck->setText(tr("%1 will be backed up first, and replaced only once the restore succeeded.")
                                   .arg(m_replaced->currentText()));
}

RestoreOptions RestoreDialog::options() const
{
    RestoreOptions options;
    options.source = m_backupPath;
    options.replaceExisting = m_replace->isChecked();
    options.targetDatabase = options.replaceExisting ? m_replaced->currentText() : m_newName->text().trimmed();
    options.confirmedName = options.replaceExisting ? m_confirm->text() : QString();
    options.safetyBackupDirectory = QFileInfo(m_backupPath).absolutePath();
    options.toolsDirectory = configuredToolsDirectory();
    options.jobs = m_jobs->value();
    options.keepOwnership = m_keepOwnership->isChecked();
    if (m_someTables->isChecked())
        for (int row = 0; row < m_tables->count(); ++row)
            if (m_tables->item(row)->checkState() == Qt::Checked)
                options.tables << m_tables->item(row)->text();
    return options;
}

bool RestoreDialog::connectAfterwards() const
{
    return m_connectAfter->isChecked();
}

} // namespace nrdb
