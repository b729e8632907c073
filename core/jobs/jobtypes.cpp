#include "jobs/jobtypes.h"

#include <QCoreApplication>

namespace nrdb {

QString jobStateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return QCoreApplication::translate("nrdb", "queued");
    case JobState::Running:
        return QCoreApplication::translate("nrdb", "running");
    case JobState::Succeeded:
        return QCoreApplication::translate("nrdb", "succeeded");
    case JobState::Failed:
        return QCoreApplication::translate("nrdb", "failed");
    case JobState::Cancelled:
        return QCoreApplication::translate("nrdb", "cancelled");
    }
    return {};
}

int JobProgress::percent() const
{
    if (total <= 0)
        return -1;
    return static_cast<int>(qBound(qint64(0), done * 100 / total, qint64(100)));
}

std::optional<qint64> JobProgress::remainingMs(qint64 elapsedInPhaseMs) const
{
    if (total <= 0 || done <= 0 || elapsedInPhaseMs < 500)
        return std::nullopt;
    if (done >= total)
        return 0;
    return static_cast<qint64>(static_cast<double>(elapsedInPhaseMs) * static_cast<double>(total - done) /
                               static_cast<double>(done));
}

} // namespace nrdb
