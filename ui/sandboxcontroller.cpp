#include "sandboxcontroller.h"

#include "jobslot.h"

#include "jobs/startsandboxjob.h"
#include "sandbox/sandboxcluster.h"

namespace nrdb {

SandboxController::SandboxController(JobRunner *runner, QObject *parent)
    : QObject(parent), m_slot(new JobSlot(runner, JobSlot::Policy::Exclusive, this))
{
}

SandboxController::~SandboxController()
{
    // Stopping takes a moment; it happens once, as the window closes.
    if (m_cluster && m_cluster->isRunning())
        (void)m_cluster->stop();
}

void SandboxController::start()
{
    if (isStarting() || (m_cluster && m_cluster->isRunning()))
        return;
    m_cluster = std::make_shared<SandboxCluster>();
    m_slot->start(std::make_shared<StartSandboxJob>(m_cluster, QStringLiteral("netraven")),
                  [this](StartSandboxJob &job, const JobEnd &end) {
                      if (end.succeeded())
                          emit ready(job.result());
                      else
                          emit failed(end.state == JobState::Cancelled ? tr("cancelled") : end.error.fullText());
                  });
}

bool SandboxController::isStarting() const
{
    return m_slot->isBusy();
}

} // namespace nrdb
