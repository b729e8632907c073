#include "settingsdialog.h"

#include "appearance.h"
#include "jobslot.h"

#include "backup/toolsettings.h"
#include "jobs/findtoolsjob.h"
#include "model/modelpack.h"
#include "model/packdirectories.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace nrdb {

SettingsDialog::SettingsDialog(JobRunner *runner, int serverMajorVersion, QWidget *parent)
    : QDialog(parent), m_tests(new JobSlot(runner, JobSlot::Policy::Exclusive, this)),
      m_appearance(new QComboBox(this)), m_serverMajorVersion(serverMajorVersion),
      m_directory(new QLineEdit(configuredToolsDirectory(), this)), m_testButton(new QPushButton(tr("Test"), this)),
      m_result(new QLabel(this)), m_packDirectories(new QListWidget(this)), m_knownPacks(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_appearance->setObjectName(QStringLiteral("appearanceChoice"));
    for (Appearance look : {Appearance::System, Appearance::Light, Appearance::Dark})
        m_appearance->addItem(appearanceLabel(look), int(look));
    m_appearance->setCurrentIndex(m_appearance->findData(int(savedAppearance())));
    m_appearance->setToolTip(tr("System follows the desktop; Light and Dark look the same on every desktop"));
    m_directory->setObjectName(QStringLiteral("toolsDirectory"));
    m_directory->setPlaceholderText(tr("found by themselves (PATH, /usr/lib/postgresql/<version>/bin)"));
    m_directory->setClearButtonEnabled(true);
    m_testButton->setObjectName(QStringLiteral("testToolsButton"));
    m_result->setObjectName(QStringLiteral("toolsTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Directory of pg_dump, pg_restore and psql"),
                                                                 m_directory->text());
        if (!chosen.isEmpty())
            m_directory->setText(chosen);
    });
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::test);

    auto *row = new QHBoxLayout;
    row->addWidget(m_directory, 1);
    row->addWidget(browse);
    row->addWidget(m_testButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Appearance:"), m_appearance);
    form->addRow(new QLabel(tr("<b>PostgreSQL client tools</b> (backups, restores, schema export)"), this));
    form->addRow(tr("Directory:"), row);
    form->addRow(m_result);
    form->addRow(
        new QLabel(tr("<b>Model packs</b> besides the built-in ones (a pack, or a directory of packs)"), this));
    form->addRow(createPackDirectories());
    form->addRow(m_knownPacks);
    form->addRow(buttons);
    resize(640, sizeHint().height());
    test();
}

QString SettingsDialog::toolsDirectory() const
{
    return m_directory->text().trimmed();
}

void SettingsDialog::test()
{
    const auto showFound = [this](FindToolsJob &job, const JobEnd &end) {
        m_result->setText(end.succeeded() ? job.result() : end.error.fullText());
        m_testButton->setEnabled(true);
        emit tested();
    };
    if (!m_tests->start(std::make_shared<FindToolsJob>(toolsDirectory(), m_serverMajorVersion), showFound))
        return;
    m_testButton->setEnabled(false);
    m_result->setText(tr("Looking for pg_dump, pg_restore and psql…"));
}

QString SettingsDialog::testResult() const
{
    return m_result->text();
}

QLayout *SettingsDialog::createPackDirectories()
{
    m_packDirectories->setObjectName(QStringLiteral("packDirectories"));
    m_packDirectories->addItems(configuredPackDirectories());
    m_packDirectories->setMaximumHeight(fontMetrics().height() * 5);
    m_knownPacks->setObjectName(QStringLiteral("knownPacks"));
    m_knownPacks->setWordWrap(true);
    m_knownPacks->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *add = new QPushButton(tr("Add…"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setEnabled(false);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("A model pack, or a directory of packs"));
        if (!chosen.isEmpty())
            addPackDirectory(chosen);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_packDirectories->currentItem();
        showKnownPacks();
    });
    connect(m_packDirectories, &QListWidget::currentRowChanged, remove,
            [remove](int row) { remove->setEnabled(row >= 0); });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_packDirectories, 1);
    row->addLayout(buttons);
    showKnownPacks();
    return row;
}

QStringList SettingsDialog::packDirectories() const
{
    QStringList directories;
    for (int row = 0; row < m_packDirectories->count(); ++row)
        directories << m_packDirectories->item(row)->text();
    return directories;
}

void SettingsDialog::addPackDirectory(const QString &directory)
{
    if (!packDirectories().contains(directory))
        m_packDirectories->addItem(directory);
    showKnownPacks();
}

void SettingsDialog::showKnownPacks()
{
    QStringList lines{tr("Built in: %1.").arg(ModelPack::builtIn().join(QStringLiteral(", ")))};
    for (const QString &directory : packsInDirectories(packDirectories())) {
        const Result<ModelPack> pack = ModelPack::load(directory);
        lines << (pack ? tr("%1 (%2), in %3").arg(pack.value().name, pack.value().title, directory)
                       : tr("Does not load: %1").arg(pack.error().message)); // it names the directory
    }
    if (lines.size() == 1 && m_packDirectories->count() > 0)
        lines << tr("No pack in these directories (a pack is a directory with a pack.json).");
    m_knownPacks->setText(lines.join(QLatin1Char('\n')));
}

QString SettingsDialog::knownPacks() const
{
    return m_knownPacks->text();
}

void SettingsDialog::accept()
{
    setConfiguredToolsDirectory(toolsDirectory());
    setConfiguredPackDirectories(packDirectories());
    const auto look = Appearance(m_appearance->currentData().toInt());
    if (look != savedAppearance()) {
        saveAppearance(look);
        applyAppearance(look);
    }
    QDialog::accept();
}

} // namespace nrdb
