#include "lifecyclecontroller.h"

#include "activeconnection.h"
#include "errorpresenter.h"
#include "jobslot.h"
#include "productionconfirm.h"
#include "repairdialog.h"

#include "jobs/adoptjob.h"
#include "jobs/bootstrapjob.h"
#include "jobs/initjob.h"
#include "jobs/repairjob.h"
#include "jobs/seedjob.h"
#include "jobs/verifyjob.h"

#include <QInputDialog>
#include <QMessageBox>

#include <utility>

namespace nrdb {

LifecycleController::LifecycleController(JobRunner *runner, ActiveConnection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_slot(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_connection(connection),
      m_dialogParent(dialogParent)
{
    m_connection->addWriter(m_slot);
}

const ConnectionProfile &LifecycleController::profile() const
{
    return m_connection->profile();
}

bool LifecycleController::confirmWrite(const QString &action)
{
    return confirmProductionWrite(m_dialogParent, profile(), action);
}

bool LifecycleController::succeeded(const Job &job, const JobEnd &end)
{
    if (end.failed() && !m_connection->isLost()) // a lost connection has its banner, not a box per job
        showError(m_dialogParent, job.title(), end.error);
    return end.succeeded();
}

void LifecycleController::startBootstrap(std::shared_ptr<BootstrapJob> job)
{
    m_slot->start(std::move(job), [this](BootstrapJob &bootstrap, const JobEnd &end) {
        if (!succeeded(bootstrap, end))
            return;
        emit schemaChanged();
        emit verifyReported(bootstrap.result().verify);
        showGeneratedSecrets(bootstrap.result().seed.generatedSecrets);
    });
}

void LifecycleController::startSeed(std::shared_ptr<SeedJob> job)
{
    m_slot->start(std::move(job), [this](SeedJob &seed, const JobEnd &end) {
        if (!succeeded(seed, end))
            return;
        emit schemaChanged();
        showGeneratedSecrets(seed.result().generatedSecrets);
    });
}

void LifecycleController::startAdopt(std::shared_ptr<AdoptJob> job)
{
    m_slot->start(std::move(job), [this](AdoptJob &adopt, const JobEnd &end) {
        if (!succeeded(adopt, end))
            return;
        if (adopt.result().waitingForConsent) {
            emit verifyReported(adopt.result().before);
            askToAdoptAnyway(adopt.result().before);
            return;
        }
        emit schemaChanged();
    });
}

std::optional<ModelPack> LifecycleController::askForPack()
{
    Result<QVector<ModelPack>> known = ModelPack::all();
    if (!known) {
        QMessageBox::warning(m_dialogParent, tr("Bootstrap"), known.error().message);
        return std::nullopt;
    }
    QVector<ModelPack> packs;
    for (ModelPack &pack : known.value()) {
        if (pack.name == ModelPack::defaultName())
            packs.prepend(std::move(pack));
        else
            packs.append(std::move(pack));
    }
    QStringList titles;
    for (const ModelPack &pack : std::as_const(packs))
        titles << pack.title;
    QInputDialog dialog(m_dialogParent);
    dialog.setObjectName(QStringLiteral("bootstrapPackDialog"));
    dialog.setWindowTitle(tr("Bootstrap"));
    dialog.setLabelText(
        tr("Which NetRaven is %1 for? A database that is one already keeps its own.").arg(profile().database));
    dialog.setComboBoxItems(titles);
    dialog.setTextValue(titles.first());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return packs.at(std::max<qsizetype>(0, titles.indexOf(dialog.textValue())));
}

void LifecycleController::bootstrap()
{
    if (isBusy())
        return;
    const std::optional<ModelPack> pack = askForPack();
    if (pack && confirmWrite(tr("Bootstrap")))
        startBootstrap(std::make_shared<BootstrapJob>(profile(), *pack));
}

void LifecycleController::bootstrapDefault()
{
    if (!isBusy() && confirmWrite(tr("Bootstrap")))
        startBootstrap(std::make_shared<BootstrapJob>(profile(), PackChoice::fromCatalog()));
}

void LifecycleController::init()
{
    if (isBusy() || !confirmWrite(tr("Init")))
        return;
    m_slot->start(std::make_shared<InitJob>(profile(), m_pack), [this](InitJob &init, const JobEnd &end) {
        if (succeeded(init, end))
            emit schemaChanged();
    });
}

void LifecycleController::seed()
{
    if (!isBusy() && confirmWrite(tr("Seed")))
        startSeed(std::make_shared<SeedJob>(profile(), m_pack));
}

void LifecycleController::resetSettings()
{
    if (isBusy())
        return;
    const auto answer =
        QMessageBox::question(m_dialogParent, tr("Reset Settings to Defaults"),
                              tr("Put NetRaven's default values back into every admin setting that was changed on %1?")
                                  .arg(profile().database));
    if (answer == QMessageBox::Yes && confirmWrite(tr("Reset settings")))
        startSeed(std::make_shared<SeedJob>(profile(), m_pack, QMap<QString, QString>{}, true));
}

void LifecycleController::adopt()
{
    if (!isBusy() && confirmWrite(tr("Adopt")))
        startAdopt(std::make_shared<AdoptJob>(profile(), m_pack));
}

void LifecycleController::askToAdoptAnyway(const VerifyReport &before)
{
    QStringList lines;
    for (const DriftItem &item : before.drift)
        lines << item.describe();
    QMessageBox box(QMessageBox::Question, tr("Adopt"),
                    tr("%1 is %2 %3 with %4 difference(s). Nothing was stamped.\n\nAdopt it anyway, "
                       "recording these differences as intended?")
                        .arg(profile().database, before.pack, before.modelVersionText)
                        .arg(before.drift.size()),
                    QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box.setObjectName(QStringLiteral("adoptAnywayBox"));
    box.setDetailedText(lines.join(QLatin1Char('\n')));
    if (box.exec() == QMessageBox::Yes)
        startAdopt(std::make_shared<AdoptJob>(profile(), m_pack, true));
}

void LifecycleController::verify()
{
    if (isBusy())
        return;
    m_slot->start(std::make_shared<VerifyJob>(profile(), m_pack), [this](VerifyJob &verify, const JobEnd &end) {
        if (succeeded(verify, end))
            emit verifyReported(verify.result());
        else if (end.failed())
            emit verifyFailed(end.error);
    });
}

void LifecycleController::repair()
{
    m_asking = true;
    planRepair(false);
}

void LifecycleController::planRepair(bool allowDrop)
{
    if (isBusy())
        return;
    PlanOptions options;
    options.allowDrop = allowDrop;
    m_slot->start(std::make_shared<RepairJob>(profile(), m_pack, options, false),
                  [this, allowDrop](RepairJob &job, const JobEnd &end) {
                      const bool asking = std::exchange(m_asking, false);
                      if (!succeeded(job, end))
                          return;
                      emit repairPlanned(job.result(), allowDrop);
                      if (asking)
                          offerRepair(job.result(), allowDrop);
                  });
}

void LifecycleController::offerRepair(const RepairReport &report, bool allowDrop)
{
    RepairDialog dialog(report, allowDrop, m_dialogParent);
    const int outcome = dialog.exec();
    if (outcome == RepairDialog::Replan) {
        m_asking = true;
        planRepair(!allowDrop);
    } else if (outcome == QDialog::Accepted && confirmWrite(tr("Repair"))) {
        applyRepair(allowDrop);
    }
}

void LifecycleController::applyRepair(bool allowDrop)
{
    if (isBusy())
        return;
    PlanOptions options;
    options.allowDrop = allowDrop;
    m_slot->start(std::make_shared<RepairJob>(profile(), m_pack, options, true),
                  [this](RepairJob &job, const JobEnd &end) {
                      if (end.state != JobState::Cancelled)
                          emit schemaChanged(); // statements before a failure stay applied
                      if (!succeeded(job, end))
                          return;
                      emit repaired(job.result());
                      emit verifyReported(job.result().after ? *job.result().after : job.result().before);
                  });
}

bool LifecycleController::isBusy() const
{
    return m_connection->isBusy();
}

void LifecycleController::showGeneratedSecrets(const QMap<QString, QString> &secrets)
{
    if (secrets.isEmpty())
        return;
    QString text = tr("These were generated and are shown only now. Store them before you close this window.\n\n");
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        text += QStringLiteral("%1: %2\n").arg(it.key(), it.value());
    QMessageBox box(QMessageBox::Information, tr("Generated Passwords"), text, QMessageBox::Ok, m_dialogParent);
    box.setObjectName(QStringLiteral("generatedSecretsBox"));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

} // namespace nrdb
