#include "jobslot.h"

#include "jobs/jobrunner.h"

namespace nrdb {

JobSlot::JobSlot(JobRunner *runner, Policy policy, QObject *parent)
    : QObject(parent), m_runner(runner), m_policy(policy)
{
    connect(m_runner, &JobRunner::finished, this, &JobSlot::onJobFinished);
    connect(m_runner, &JobRunner::progressChanged, this, &JobSlot::onProgress);
}

bool JobSlot::submit(std::shared_ptr<Job> job, std::function<void(const JobEnd &)> onEnd)
{
    if (isBusy()) {
        if (m_policy == Policy::Exclusive)
            return false;
        cancelRunning();
    }
    m_onEnd = std::move(onEnd);
    m_reportedPhase.clear();
    m_id = m_runner->submit(std::move(job));
    reportBusy();
    return true;
}

void JobSlot::drop()
{
    cancelRunning();
    reportBusy();
}

void JobSlot::cancel()
{
    if (m_id != 0)
        m_runner->cancel(m_id);
}

void JobSlot::onProgress(JobId id, const JobProgress &progress)
{
    if (id == 0 || id != m_id || progress.phase == m_reportedPhase)
        return;
    m_reportedPhase = progress.phase;
    emit phaseChanged(m_reportedPhase);
}

void JobSlot::cancelRunning()
{
    // Forgotten before the cancel: a queued job's end is announced within cancel() itself.
    const JobId running = std::exchange(m_id, 0);
    m_onEnd = nullptr;
    if (running != 0)
        m_runner->cancel(running);
}

void JobSlot::onJobFinished(JobId id, JobState state, const Error &error)
{
    if (id == 0 || id != m_id)
        return;
    m_id = 0;
    const std::function<void(const JobEnd &)> onEnd = std::exchange(m_onEnd, nullptr);
    onEnd(JobEnd{state, error}); // may start the next job
    reportBusy();
}

void JobSlot::reportBusy()
{
    if (m_reportedBusy == isBusy())
        return;
    m_reportedBusy = isBusy();
    emit busyChanged(m_reportedBusy);
}

} // namespace nrdb
