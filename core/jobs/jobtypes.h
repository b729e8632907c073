#pragma once

#include "util/duration.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace nrdb {

using JobId = quint64;

// Write jobs on one database run one after the other; read-only jobs may run beside them.
enum class JobAccess { ReadOnly, Write };

enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };

QString jobStateName(JobState state);
inline bool isFinished(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
}

// Where a job is: a phase name and, where known, done out of total (total 0: unknown).
struct JobProgress {
    QString phase;
    qint64 done = 0;
    qint64 total = 0;

    // 0..100, or -1 when the total is unknown.
    int percent() const;
    // Linear estimate from the time spent in this phase so far; empty when it cannot be known.
    std::optional<qint64> remainingMs(qint64 elapsedInPhaseMs) const;
};

} // namespace nrdb

Q_DECLARE_METATYPE(nrdb::JobProgress)
Q_DECLARE_METATYPE(nrdb::JobState)
