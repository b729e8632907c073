#include "sandboxcontroller.h"

#include "jobs/jobrunner.h"
#include "jobs/startsandboxjob.h"
#include "sandbox/sandboxcluster.h"

namespace nrdb {

SandboxController::SandboxController(JobRunner *runner, QObject *parent) : QObject(parent), m_runner(runner)
{
    connect(m_runner, &JobRunner::finished, this, &SandboxController::onJobFinished);
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
    m_job = std::make_shared<StartSandboxJob>(m_cluster, QStringLiteral("netraven"));
    m_jobId = m_runner->submit(m_job);
}

void SandboxController::onJobFinished(JobId id, JobState state, const Error &error)
{
    if (id != m_jobId)
        return;
    m_jobId = 0;
    if (state == JobState::Succeeded)
        emit ready(m_job->result());
    else
        emit failed(state == JobState::Cancelled ? tr("cancelled") : error.fullText());
}

} // namespace nrdb
