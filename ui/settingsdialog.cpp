#include "settingsdialog.h"

#include "jobslot.h"

#include "backup/toolsettings.h"
#include "jobs/findtoolsjob.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace nrdb {

SettingsDialog::SettingsDialog(JobRunner *runner, int serverMajorVersion, QWidget *parent)
    : QDialog(parent), m_tests(new JobSlot(runner, JobSlot::Policy::Exclusive, this)),
      m_serverMajorVersion(serverMajorVersion), m_directory(new QLineEdit(configuredToolsDirectory(), this)),
      m_testButton(new QPushButton(tr("Test"), this)), m_result(new QLabel(this))
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

void SettingsDialog::accept()
{
    setConfiguredToolsDirectory(toolsDirectory());
    QDialog::accept();
}

} // namespace nrdb
