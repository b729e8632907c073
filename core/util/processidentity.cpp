#include "util/processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace nrdb {

qint64 processStartOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0;
}

ProcessIdentity ProcessIdentity::ofThisProcess()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return ProcessIdentity{QSysInfo::machineHostName(), pid, processStartOf(pid)};
}

bool ProcessIdentity::onThisMachine() const
{
    return host == QSysInfo::machineHostName();
}

bool ProcessIdentity::runs() const
{
    // Only "no such process" is gone: a process of another user may be hidden from us (EPERM,
    // or /proc mounted with hidepid), and it runs.
    if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH))
        return false;
    const qint64 now = processStartOf(pid);
    return now == 0 || start == 0 || now == start; // a different start: the pid was given to another process
}

} // namespace nrdb
