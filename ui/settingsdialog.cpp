#include "settingsdialog.h"

#include "backup/clienttools.h"
#include "backup/toolsettings.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent>

namespace nrdb {

namespace {

// What discovery finds, in words; runs the tools' --version, so on a worker.
QString describeTools(const QString &directory, int serverMajorVersion)
{
    const QVector<ClientTools> found = ClientTools::discover(directory);
    QStringList lines;
    for (const ClientTools &tools : found)
        lines << QStringLiteral("• PostgreSQL %1 tools in %2").arg(tools.versionText, tools.binDir);
    if (lines.isEmpty())
        lines << QStringLiteral("No pg_dump, pg_restore and psql were found together. Install postgresql-client.");
    if (!directory.isEmpty() && std::none_of(found.cbegin(), found.cend(), [&directory](const ClientTools &tools) {
            return QDir(tools.binDir) == QDir(directory);
        }))
        lines.prepend(QStringLiteral("%1 does not hold all of pg_dump, pg_restore and psql.").arg(directory));
    if (serverMajorVersion > 0) {
        const Result<ClientTools> chosen = ClientTools::forServer(serverMajorVersion, directory);
        lines << (chosen ? QStringLiteral("The connected server (PostgreSQL %1) gets the %2 tools in %3.")
                               .arg(serverMajorVersion)
                               .arg(chosen.value().versionText, chosen.value().binDir)
                         : chosen.error().message);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

SettingsDialog::SettingsDialog(int serverMajorVersion, QWidget *parent)
    : QDialog(parent), m_serverMajorVersion(serverMajorVersion),
      m_directory(new QLineEdit(configuredToolsDirectory(), this)), m_testButton(new QPushButton(tr("Test"), this)),
      m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
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
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &SettingsDialog::showFound);

    auto *row = new QHBoxLayout;
    row->addWidget(m_directory, 1);
    row->addWidget(browse);
    row->addWidget(m_testButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(tr("<b>PostgreSQL client tools</b> (backups, restores, schema export)"), this));
    form->addRow(tr("Directory:"), row);
    form->addRow(m_result);
    form->addRow(buttons);
    resize(640, sizeHint().height());
    test();
}

SettingsDialog::~SettingsDialog()
{
    m_watcher.waitForFinished();
}

QString SettingsDialog::toolsDirectory() const
{
    return m_directory->text().trimmed();
}

void SettingsDialog::test()
{
    if (m_watcher.isRunning())
        return;
    m_testButton->setEnabled(false);
    m_result->setText(tr("Looking for pg_dump, pg_restore and psql…"));
    m_watcher.setFuture(QtConcurrent::run(describeTools, toolsDirectory(), m_serverMajorVersion));
}

void SettingsDialog::showFound()
{
    m_result->setText(m_watcher.result());
    m_testButton->setEnabled(true);
    emit tested();
}

QString SettingsDialog::testResult() const
{
    return m_result->text();
}

void SettingsDialog::accept()
{
    setConfiguredToolsDirectory(toolsDirectory());
    QDialog::accept();
}

} // namespace nrdb
