#include "jobslot.h"

#include "jobs/jobrunner.h"

namespace nrdb {

JobSlot::JobSlot(JobRunner *runner, QObject *parent) : QObject(parent), m_runner(runner)
{
    connect(m_runner, &JobRunner::finished, this, &JobSlot::onJobFinished);
}

void JobSlot::start(std::shared_ptr<Job> job)
{
    Q_ASSERT(!isBusy());
    m_job = std::move(job);
    m_jobId = m_runner->submit(m_job);
    emit busyChanged(true);
}

void JobSlot::onJobFinished(JobId id, JobState state, const Error &error)
{
    if (id != m_jobId)
        return;
    m_jobId = 0;
    const std::shared_ptr<Job> job = std::move(m_job);
    emit busyChanged(false);
    emit finished(job, state, error);
}

} // namespace nrdb
