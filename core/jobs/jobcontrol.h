#pragma once

#include "connection/connectionprofile.h"

#include <QList>
#include <QMutex>
#include <QSet>

#include <atomic>

namespace nrdb {

// The server backend a job's current step runs its queries on, and the server it is on (a step
// may run on another server: a proof's restore in a sandbox).
struct JobBackend {
    int pid = 0; // 0: no connection open
    ConnectionProfile server;
};

// What a running job and whoever cancels it share: the cancel flag, the job's server backend and
// its child processes. Any thread.
struct JobControl {
    std::atomic<bool> cancelRequested{false};
    std::atomic<bool> finished{false};

    void setBackend(JobBackend backend)
    {
        const QMutexLocker lock(&m_mutex);
        m_backend = std::move(backend);
    }
    JobBackend backend() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_backend;
    }

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
    JobBackend m_backend;
};

// Ends what a job is waiting on: terminates its child processes (their process groups; killed
// after a grace period) and cancels its backend's query, repeatedly until the job has finished.
// Blocks; run it on a worker, never the GUI thread.
void interruptJob(JobControl &control);

} // namespace nrdb
