#include "leftovercontroller.h"

#include "jobslot.h"

#include "jobs/cleanupjob.h"

#include <QMessageBox>
#include <QPushButton>

namespace nrdb {

LeftoverController::LeftoverController(JobRunner *runner, QWidget *dialogParent)
    : QObject(dialogParent), m_slot(new JobSlot(runner, this)), m_dialogParent(dialogParent)
{
    connect(m_slot, &JobSlot::finished, this, &LeftoverController::onJobFinished);
}

void LeftoverController::check(const ConnectionProfile &server)
{
    if (m_slot->isBusy())
        return;
    m_server = server;
    m_slot->start(std::make_shared<CleanupJob>(server, true));
}

void LeftoverController::drop()
{
    if (!m_slot->isBusy() && !m_leftovers.isEmpty())
        m_slot->start(std::make_shared<CleanupJob>(m_server, false));
}

void LeftoverController::onJobFinished(const std::shared_ptr<Job> &job, JobState state, const Error &)
{
    const auto cleanup = std::dynamic_pointer_cast<CleanupJob>(job);
    if (state != JobState::Succeeded || !cleanup || !cleanup->hasResult())
        return; // the log says why; nothing to offer
    const CleanupReport &report = cleanup->result();
    if (job->access() == JobAccess::Write) {
        m_leftovers.clear();
        emit dropped(report.dropped, report.failed);
        return;
    }
    m_leftovers = report.leftovers;
    if (m_leftovers.isEmpty())
        return;
    emit found(m_leftovers);
    if (m_asking)
        offer();
}

void LeftoverController::offer()
{
    QStringList lines;
    for (const temporarydatabase::Leftover &leftover : std::as_const(m_leftovers))
        lines << tr("%1: the %2 for %3, %4").arg(leftover.database, leftover.marker.purpose, leftover.marker.forDatabase, leftover.why);
    // Not modal to the application: the window stays usable, and nothing waits on the answer.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Left-over temporary databases"),
                                m_leftovers.size() == 1
                                    ? tr("A restore or a proof of restore that did not finish left a database on this server. "
                                         "It is a copy this tool made, not your data.")
                                    : tr("Restores or proofs of restore that did not finish left %1 databases on this server. "
                                         "They are copies this tool made, not your data.")
                                          .arg(m_leftovers.size()),
                                QMessageBox::NoButton, m_dialogParent);
    box->setObjectName(QStringLiteral("leftoverPrompt"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(lines.join(QLatin1Char('\n')));
    QPushButton *dropButton = box->addButton(tr("Drop Them"), QMessageBox::AcceptRole);
    box->addButton(tr("Keep for Now"), QMessageBox::RejectRole);
    box->setDefaultButton(dropButton);
    connect(box, &QMessageBox::buttonClicked, this, [this, dropButton](QAbstractButton *clicked) {
        if (clicked == dropButton)
            drop();
    });
    box->open();
}

} // namespace nrdb
