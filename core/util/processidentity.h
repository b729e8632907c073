#pragma once

#include <QString>

#include <optional>

namespace nrdb {

// Which process, on which machine, made something that may outlive it (a temporary database, a
// partial file): enough to tell later whether that process still runs. The start time guards
// against a pid the system has since given to another process. A plain value type, any thread.
struct ProcessIdentity {
    QString host;
    qint64 pid = 0;
    qint64 start = 0; // clock ticks since boot (/proc/PID/stat, field 22); 0: not known

    static ProcessIdentity ofThisProcess();
    bool onThisMachine() const;
    // On this machine: whether the process still runs (the same one, when its start is known and
    // readable). A process that cannot be looked at counts as running.
    bool runs() const;
};

// When process pid started, in clock ticks since boot; 0 if it is not running.
qint64 processStartOf(qint64 pid);

} // namespace nrdb
