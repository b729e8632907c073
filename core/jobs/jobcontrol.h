#pragma once

#include "connection/connectionprofile.h"

#include <QList>
#include <QMutex>
#include <QSet>

#include <atomic>

namespace nrdb {

// What a running job and whoever cancels it share: the cancel flag, the job's server backend and
// its child processes. Any thread.
struct JobControl {
    std::atomic<bool> cancelRequested{false};
    std::atomic<bool> finished{false};
    std::atomic<int> backendPid{0};

    void addChild(qint64 pid)
    {
        const QMutexLocker lock(&m_mutex);
        m_children.insert(pid);
    }
    void removeChild(qint64 pid)
    {
        const QMutexLocker lock(&m_mutex);
        m_children.remove(pid);
    }
    QList<qint64> children() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_children.values();
    }

private:
    mutable QMutex m_mutex;
    QSet<qint64> m_children;
};

// Ends what a job is waiting on: terminates its child processes (their process groups; killed
// after a grace period) and cancels its backend's query, repeatedly until the job has finished.
// Blocks; run it on a worker, never the GUI thread.
void interruptJob(JobControl &control, const ConnectionProfile &target);

} // namespace nrdb
