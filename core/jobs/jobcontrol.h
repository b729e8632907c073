#pragma once

#include "connection/connectionprofile.h"

#include <QList>
#include <QMutex>
#include <QPair>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
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
    // Tells this job's sessions on a server apart from those of another job of the same id (ids
    // restart in each runner, and in each process). Set once; read on any thread.
    const quint32 token = QRandomGenerator::system()->generate();
    std::atomic<bool> cancelRequested{false};
    std::atomic<bool> finished{false};

    // Each of a job's contexts (its own, and those of its nested steps) adds its connection's
    // backend when it opens it and removes it when it closes; a cancel aims at the newest one
    // still open, in whatever order they open and close.
    void addBackend(const void *owner, JobBackend backend)
    {
        const QMutexLocker lock(&m_mutex);
        m_backends.append({owner, std::move(backend)});
    }
    void removeBackend(const void *owner)
    {
        const QMutexLocker lock(&m_mutex);
        m_backends.erase(std::remove_if(m_backends.begin(), m_backends.end(),
                                        [owner](const auto &entry) { return entry.first == owner; }),
                         m_backends.end());
    }
    JobBackend backend() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_backends.isEmpty() ? JobBackend{} : m_backends.last().second;
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
    QList<QPair<const void *, JobBackend>> m_backends;
};

// Ends what a job is waiting on: terminates its child processes (their process groups; killed
// after a grace period) and cancels its backend's query, repeatedly until the job has finished.
// Blocks; run it on a worker, never the GUI thread.
void interruptJob(JobControl &control);

} // namespace nrdb
