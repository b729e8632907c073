#include "leftovercontroller.h"

#include "jobslot.h"

#include "jobs/cleanupjob.h"

#include <QMessageBox>
#include <QPushButton>

namespace nrdb {

LeftoverController::LeftoverController(JobRunner *runner, QWidget *dialogParent)
    : QObject(dialogParent), m_checks(new JobSlot(runner, JobSlot::Policy::NewestWins, this)),
      m_drops(new JobSlot(runner, JobSlot::Policy::Exclusive, this)), m_dialogParent(dialogParent)
{
}

void LeftoverController::check(const ConnectionProfile &server)
{
    m_server = server;
    m_leftovers.clear();
    m_checks->start(std::make_shared<CleanupJob>(server, true), [this](CleanupJob &cleanup, const JobEnd &end) {
        if (!end.succeeded() || !cleanup.hasResult())
            return; // the log says why; nothing to offer
        m_leftovers = cleanup.result().leftovers;
        if (m_leftovers.isEmpty())
            return;
        emit found(m_leftovers);
        if (m_asking)
            offer();
    });
}

void LeftoverController::forgetServer()
{
    m_checks->drop();
    m_server = {};
    m_leftovers.clear();
}

void LeftoverController::drop()
{
    QStringList databases;
    for (const temporarydatabase::Leftover &leftover : std::as_const(m_leftovers))
        databases << leftover.database;
    dropConfirmed(m_server, databases);
}

void LeftoverController::dropConfirmed(const ConnectionProfile &server, const QStringList &databases)
{
    if (databases.isEmpty())
        return;
    m_drops->start(std::make_shared<CleanupJob>(server, false, databases),
                   [this](CleanupJob &cleanup, const JobEnd &end) {
                       if (end.succeeded() && cleanup.hasResult())
                           emit dropped(cleanup.result().dropped, cleanup.result().failed);
                   });
}

void LeftoverController::offer()
{
    QStringList lines{tr("On %1:").arg(m_server.displayName())};
    QStringList databases;
    for (const temporarydatabase::Leftover &leftover : std::as_const(m_leftovers)) {
        lines << leftover.description();
        databases << leftover.database;
    }
    // Not modal to the application: the window stays usable, and nothing waits on the answer.
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Left-over temporary databases"),
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
    // What the box shows is what a click drops, on the server it names, however late the click.
    connect(box, &QMessageBox::buttonClicked, this,
            [this, dropButton, server = m_server, databases](QAbstractButton *clicked) {
                if (clicked == dropButton)
                    dropConfirmed(server, databases);
            });
    box->open();
}

} // namespace nrdb
