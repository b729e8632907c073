#include "backupoptionsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace nrdb {

namespace {

QStringList listOf(const QLineEdit *edit)
{
    QStringList items;
    for (const QString &item : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    return items;
}

QLineEdit *patternEdit(QWidget *parent, const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

BackupOptionsDialog::BackupOptionsDialog(const QString &database, const QString &directory, QWidget *parent)
    : QDialog(parent), m_directory(new QLineEdit(directory, this)), m_format(new QComboBox(this)),
      m_compression(new QSpinBox(this)), m_jobs(new QSpinBox(this)),
      m_schemas(patternEdit(this, QStringLiteral("backupSchemas"), tr("every schema"))),
      m_excludedSchemas(patternEdit(this, QStringLiteral("backupExcludedSchemas"), tr("none"))),
      m_tables(
          patternEdit(this, QStringLiteral("backupTables"), tr("every table, e.g. netraven.devices, netraven.job_*"))),
      m_excludedTables(patternEdit(this, QStringLiteral("backupExcludedTables"), tr("none"))),
      m_shareable(new QCheckBox(tr("Shareable: leave out the rows of credentials (passwords)"), this))
{
    setObjectName(QStringLiteral("backupOptionsDialog"));
    setWindowTitle(tr("Back Up %1").arg(database));
    m_directory->setObjectName(QStringLiteral("backupDirectory"));
    m_format->setObjectName(QStringLiteral("backupFormat"));
    m_format->addItem(tr("Automatic: custom, or directory with parallel jobs above 256 MiB"));
    m_format->addItem(tr("Custom archive (.dump)"), int(BackupFormat::Custom));
    m_format->addItem(tr("Directory archive, parallel jobs (.dir)"), int(BackupFormat::Directory));
    m_format->addItem(tr("Plain SQL, gzip (.sql.gz, as NetRaven's own script writes)"), int(BackupFormat::PlainGzip));
    m_compression->setObjectName(QStringLiteral("backupCompression"));
    m_compression->setRange(-1, 9);
    m_compression->setValue(-1);
    m_compression->setSpecialValueText(tr("automatic (1: fast)"));
    m_compression->setToolTip(tr("gzip level: 1 is fastest, 9 smallest, 0 none"));
    m_jobs->setObjectName(QStringLiteral("backupJobs"));
    m_jobs->setRange(0, 32);
    m_jobs->setSpecialValueText(tr("sized to the cores and free connections"));
    m_shareable->setObjectName(QStringLiteral("backupShareable"));
    const auto updateJobs = [this] {
        m_jobs->setEnabled(m_format->currentIndex() == 0 || m_format->currentIndex() == 2);
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, updateJobs);
    updateJobs();

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Back Up Into"), m_directory->text());
        if (!chosen.isEmpty())
            m_directory->setText(chosen);
    });
    auto *where = new QHBoxLayout;
    where->addWidget(m_directory, 1);
    where->addWidget(browse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Back Up"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_directory, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_directory->text().trimmed().isEmpty());
    });

    auto *form = new QFormLayout(this);
    form->addRow(tr("Into:"), where);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Compression:"), m_compression);
    form->addRow(tr("Parallel jobs:"), m_jobs);
    form->addRow(tr("Only schemas:"), m_schemas);
    form->addRow(tr("Leave out schemas:"), m_excludedSchemas);
    form->addRow(tr("Only tables:"), m_tables);
    form->addRow(tr("Leave out tables:"), m_excludedTables);
    form->addRow(m_shareable);
    form->addRow(buttons);
    resize(620, sizeHint().height());
}

BackupOptions BackupOptionsDialog::options() const
{
    BackupOptions options;
    options.outputDirectory = m_directory->text().trimmed();
    if (m_format->currentIndex() > 0)
        options.format = static_cast<BackupFormat>(m_format->currentData().toInt());
    options.compression = m_compression->value();
    options.jobs = m_jobs->value();
    options.includeSchemas = listOf(m_schemas);
    options.excludeSchemas = listOf(m_excludedSchemas);
    options.includeTables = listOf(m_tables);
    options.excludeTables = listOf(m_excludedTables);
    options.shareable = m_shareable->isChecked();
    return options;
}

} // namespace nrdb
