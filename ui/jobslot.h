#pragma once

#include "jobs/jobtypes.h"
#include "util/result.h"

#include <QObject>

#include <memory>

namespace nrdb {

class Job;
class JobRunner;

// Runs one job at a time on a runner for a controller, and hands the job back when it ends.
// GUI thread only.
class JobSlot : public QObject {
    Q_OBJECT
public:
    JobSlot(JobRunner *runner, QObject *parent);

    bool isBusy() const { return m_jobId != 0; }
    void start(std::shared_ptr<Job> job);

signals:
    void busyChanged(bool busy);
    void finished(const std::shared_ptr<nrdb::Job> &job, nrdb::JobState state, const nrdb::Error &error);

private:
    void onJobFinished(JobId id, JobState state, const Error &error);

    JobRunner *m_runner;
    std::shared_ptr<Job> m_job;
    JobId m_jobId = 0;
};

} // namespace nrdb
