#include "scheduledialog.h"

#include "productionconfirm.h"

#include "backup/toolsettings.h"
#include "schedule/scheduleinstaller.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimeEdit>
#include <QToolButton>

namespace nrdb {

namespace {

enum Cadence { Daily, EveryHours };

QSpinBox *spinBox(const QString &name, int maximum, const QString &zeroText, const QString &suffix, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, maximum);
    box->setSpecialValueText(zeroText);
    box->setSuffix(suffix);
    return box;
}

} // namespace

ScheduleDialog::ScheduleDialog(const ConnectionProfile &profile, const QString &dbctl, QWidget *parent)
    : QDialog(parent), m_profile(profile), m_dbctl(dbctl), m_cadence(new QComboBox(this)), m_at(new QTimeEdit(this)),
      m_everyHours(new QSpinBox(this)), m_directory(new QLineEdit(this)),
      m_keep(spinBox(QStringLiteral("scheduleKeep"), 100000, tr("every backup"), tr(" newest"), this)),
      m_keepDays(spinBox(QStringLiteral("scheduleKeepDays"), 100000, tr("no age limit"), tr(" days"), this)),
      m_proveEvery(spinBox(QStringLiteral("scheduleProveEvery"), 100000, tr("never"), tr(" backups"), this)),
      m_state(new QLabel(this)), m_install(new QPushButton(tr("Install"), this)),
      m_remove(new QPushButton(tr("Remove"), this))
{
    setWindowTitle(tr("Scheduled Backups of %1").arg(profile.name));
    m_cadence->setObjectName(QStringLiteral("scheduleCadence"));
    m_cadence->addItem(tr("Daily at"), Daily);
    m_cadence->addItem(tr("Every N hours, at minute"), EveryHours);
    m_at->setObjectName(QStringLiteral("scheduleAt"));
    m_at->setDisplayFormat(QStringLiteral("HH:mm"));
    m_everyHours->setObjectName(QStringLiteral("scheduleEveryHours"));
    m_everyHours->setRange(1, 23);
    m_everyHours->setSuffix(tr(" hours"));
    m_directory->setObjectName(QStringLiteral("scheduleDirectory"));
    m_state->setObjectName(QStringLiteral("scheduleState"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_install->setObjectName(QStringLiteral("scheduleInstallButton"));
    m_remove->setObjectName(QStringLiteral("scheduleRemoveButton"));

    auto *when = new QHBoxLayout;
    when->addWidget(m_cadence);
    when->addWidget(m_at);
    when->addWidget(m_everyHours);
    auto *where = new QHBoxLayout;
    auto *browse = new QToolButton(this);
    browse->setText(QStringLiteral("…"));
    where->addWidget(m_directory, 1);
    where->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("When:"), when);
    form->addRow(tr("Into:"), where);
    form->addRow(tr("Keep:"), m_keep);
    form->addRow(tr("Keep younger than:"), m_keepDays);
    form->addRow(tr("Prove restorable every:"), m_proveEvery);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_install, QDialogButtonBox::ActionRole);
    buttons->addButton(m_remove, QDialogButtonBox::DestructiveRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_state);
    layout->addWidget(buttons);

    connect(m_cadence, &QComboBox::currentIndexChanged, this,
            [this] { m_everyHours->setVisible(m_cadence->currentData().toInt() == EveryHours); });
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Back Up Into"), m_directory->text());
        if (!chosen.isEmpty())
            m_directory->setText(chosen);
    });
    connect(m_install, &QPushButton::clicked, this, &ScheduleDialog::install);
    connect(m_remove, &QPushButton::clicked, this, &ScheduleDialog::remove);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    BackupSchedule defaults;
    defaults.at = QTime(2, 30);
    defaults.directory = configuredBackupDirectory();
    defaults.retention = {14, 0};
    defaults.proveEvery = 7;
    showSchedule(ScheduleStore().schedule(profile.name).value_or(defaults));
    showState();
}

QString ScheduleDialog::locateDbctl()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {here.filePath(QStringLiteral("netraven-dbctl")), here.filePath(QStringLiteral("../cli/netraven-dbctl"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("netraven-dbctl"));
}

QString ScheduleDialog::status() const
{
    return m_state->text();
}

BackupSchedule ScheduleDialog::scheduleInForm() const
{
    BackupSchedule schedule;
    schedule.profile = m_profile.name;
    const bool daily = m_cadence->currentData().toInt() == Daily;
    schedule.everyHours = daily ? 0 : m_everyHours->value();
    schedule.at = daily ? m_at->time() : QTime(0, m_at->time().minute());
    schedule.directory = QDir::cleanPath(QDir().absoluteFilePath(m_directory->text().trimmed()));
    schedule.retention = {m_keep->value(), m_keepDays->value()};
    schedule.proveEvery = m_proveEvery->value();
    schedule.installedAt = QDateTime::currentDateTimeUtc();
    const Result<ScheduleMechanism> mechanism = scheduleinstaller::availableMechanism();
    schedule.mechanism = mechanism ? mechanism.value() : ScheduleMechanism::Systemd; // it starts with the manager
    return schedule;
}

void ScheduleDialog::showSchedule(const BackupSchedule &schedule)
{
    m_cadence->setCurrentIndex(m_cadence->findData(schedule.everyHours > 0 ? EveryHours : Daily));
    m_everyHours->setVisible(schedule.everyHours > 0);
    m_everyHours->setValue(qMax(1, schedule.everyHours));
    m_at->setTime(schedule.at);
    m_directory->setText(schedule.directory);
    m_keep->setValue(schedule.retention.keepNewest);
    m_keepDays->setValue(schedule.retention.keepDays);
    m_proveEvery->setValue(schedule.proveEvery);
}

void ScheduleDialog::showState(const QString &outcome)
{
    const std::optional<BackupSchedule> schedule = ScheduleStore().schedule(m_profile.name);
    m_install->setText(schedule ? tr("Update") : tr("Install"));
    m_remove->setEnabled(schedule.has_value());
    QStringList lines;
    if (!outcome.isEmpty())
        lines << outcome;
    if (!schedule) {
        lines << tr("Not scheduled: its backups happen when someone starts one.");
    } else {
        const ScheduleHealth health = scheduleinstaller::currentHealth(*schedule, QDateTime::currentDateTime());
        lines << tr("Next run: %1 (%2).")
                     .arg(QLocale().toString(health.nextRun, QLocale::LongFormat), schedule->cadenceText());
        lines << (health.isBad() ? tr("%1: %2.").arg(ScheduleHealth::stateName(health.state).toUpper(), health.summary)
                                 : tr("Last: %1.").arg(health.summary));
    }
    m_state->setText(lines.join(QLatin1Char('\n')));
}

void ScheduleDialog::install()
{
    const BackupSchedule schedule = scheduleInForm();
    if (m_dbctl.isEmpty()) {
        showState(tr("netraven-dbctl was not found beside this program or on PATH: the units run it."));
        return;
    }
    const bool prunes = !schedule.retention.keepsAll();
    if (prunes && !confirmProductionWrite(this, m_profile, tr("Prune on a schedule the backups of"))) {
        showState(tr("Not installed: the database name was not typed."));
        return;
    }
    const QString yesProduction = prunes && m_profile.isProduction() ? m_profile.database : QString();
    const Result<QStringList> notes =
        scheduleinstaller::addSchedule(schedule, scheduleinstaller::runCommand(m_dbctl, m_profile.name, yesProduction));
    if (!notes) {
        showState(tr("Not installed: %1").arg(notes.error().fullText()));
        return;
    }
    showState((QStringList{tr("Installed.")} + notes.value()).join(QLatin1Char(' ')));
    emit changed(m_profile.name);
}

void ScheduleDialog::remove()
{
    const Result<QStringList> notes = scheduleinstaller::removeSchedule(m_profile.name);
    if (!notes) {
        showState(tr("Not removed: %1").arg(notes.error().fullText()));
        return;
    }
    showState(tr("Removed; the backups it made stay where they are."));
    emit changed(m_profile.name);
}

} // namespace nrdb
