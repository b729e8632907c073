#include "activeconnection.h"

#include "jobslot.h"

#include "jobs/jobrunner.h"

#include <algorithm>
#include <utility>

namespace nrdb {

ActiveConnection::ActiveConnection(QObject *parent) : QObject(parent)
{
}

const ConnectionProfile &ActiveConnection::profile() const
{
    static const ConnectionProfile none;
    return m_current ? m_current->profile : none;
}

void ActiveConnection::open(const Connected &connection)
{
    close();
    m_current = connection;
    emit opened(*m_current);
}

void ActiveConnection::close()
{
    if (!m_current)
        return;
    m_current.reset();
    m_lost.reset();
    emit closed();
}

void ActiveConnection::markLost(const Error &reason)
{
    if (!m_current || m_lost)
        return;
    m_lost = reason;
    emit lost(reason);
}

void ActiveConnection::watch(JobRunner *runner)
{
    connect(runner, &JobRunner::failedOn, this, [this](const ConnectionProfile &target, const Error &error) {
        const bool unreachable = error.kind == ErrorKind::Connection || error.kind == ErrorKind::Authentication;
        if (unreachable && isOpen() && target.databaseKey() == profile().databaseKey())
            markLost(error);
    });
}

void ActiveConnection::addWriter(JobSlot *slot)
{
    m_writers.append(slot);
    connect(slot, &JobSlot::busyChanged, this, [this] {
        const bool busy = isBusy();
        if (busy != std::exchange(m_reportedBusy, busy))
            emit busyChanged(busy);
    });
    connect(slot, &QObject::destroyed, this, [this, slot] { m_writers.removeAll(slot); });
}

bool ActiveConnection::isBusy() const
{
    return std::any_of(m_writers.cbegin(), m_writers.cend(), [](const JobSlot *slot) { return slot->isBusy(); });
}

} // namespace nrdb
