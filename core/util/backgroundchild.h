#pragma once

#include "util/result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace nrdb {

class MemoryFile;

// A child process that runs beside this one for as long as its owner holds it (a tunnel, say),
// whichever thread started it. It dies with this process, even a killed one, and not before:
// PR_SET_PDEATHSIG fires when the thread that forked ends, so every such child is forked on one
// thread that lives as long as the process. Its standard input and output are /dev/null; its
// standard error goes to a file in memory that standardError() reads at any time. Any thread;
// one owner at a time.
class BackgroundChild {
public:
    // The program is looked up on PATH; a missing one is an Error of kind NotFound.
    static Result<std::unique_ptr<BackgroundChild>> start(const QString &program, const QStringList &arguments,
                                                          const QProcessEnvironment &environment);
    // SIGTERM, then SIGKILL after two seconds; reaped either way.
    ~BackgroundChild();
    BackgroundChild(const BackgroundChild &) = delete;
    BackgroundChild &operator=(const BackgroundChild &) = delete;

    qint64 pid() const { return m_pid; }
    // Whether it has ended (reaping it when it has); exitCode() then says how.
    bool hasEnded();
    // Its exit status, or 128 + the signal that ended it; -1 while it runs.
    int exitCode() const { return m_exitCode; }
    // All it has written to standard error so far.
    QString standardError() const;

private:
    BackgroundChild(qint64 pid, std::shared_ptr<MemoryFile> standardError)
        : m_pid(pid), m_standardError(std::move(standardError))
    {
    }

    qint64 m_pid;
    int m_exitCode = -1;
    std::shared_ptr<MemoryFile> m_standardError;
};

} // namespace nrdb
