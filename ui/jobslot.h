#pragma once

#include "jobs/jobtypes.h"
#include "util/result.h"

#include <QObject>

#include <functional>
#include <memory>

namespace nrdb {

class Job;
class JobRunner;

// How a job ended, as the callback given with it sees it.
struct JobEnd {
    JobState state = JobState::Succeeded;
    Error error; // set when the job failed

    bool succeeded() const { return state == JobState::Succeeded; }
    bool failed() const { return state == JobState::Failed; }
};

// The one way ui/ runs background work: a job goes to the runner with a callback, and the
// callback gets the job back, of its own type, when it ends. The slot's policy says what a start
// does while a job is running:
//   Exclusive   the start is refused (a second backup, a second init);
//   NewestWins  the running job is cancelled and its end goes unreported (a newer page of rows,
//               a newer schema refresh, a check of another server).
// drop() cancels the running job the same way, for a connection that went away; cancel() is the
// user's Cancel, whose end the callback hears. A callback may
// start the slot's next job. GUI thread only.
class JobSlot : public QObject {
    Q_OBJECT
public:
    enum class Policy { Exclusive, NewestWins };

    JobSlot(JobRunner *runner, Policy policy, QObject *parent);

    bool isBusy() const { return m_id != 0; }

    // Submits job; when it ends, calls onEnd(JobType &job, const JobEnd &end). Returns false, and
    // submits nothing, when the slot is Exclusive and busy.
    template <typename JobType, typename OnEnd>
    bool start(std::shared_ptr<JobType> job, OnEnd onEnd)
    {
        std::shared_ptr<Job> base = job;
        return submit(std::move(base),
                      [job = std::move(job), onEnd = std::move(onEnd)](const JobEnd &end) { onEnd(*job, end); });
    }

    // Cancels the running job, if any; its end is not reported.
    void drop();
    // Cancels the running job, if any; its end is reported, as Cancelled, like any other.
    void cancel();

signals:
    void busyChanged(bool busy);
    // The running job's phase, as it says it (e.g. "Connecting to …").
    void phaseChanged(const QString &phase);

private:
    bool submit(std::shared_ptr<Job> job, std::function<void(const JobEnd &)> onEnd);
    void cancelRunning();
    void onJobFinished(JobId id, JobState state, const Error &error);
    void onProgress(JobId id, const JobProgress &progress);
    void reportBusy();

    JobRunner *m_runner;
    Policy m_policy;
    JobId m_id = 0;
    std::function<void(const JobEnd &)> m_onEnd;
    bool m_reportedBusy = false;
    QString m_reportedPhase;
};

} // namespace nrdb
