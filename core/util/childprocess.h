#pragma once

#include "util/result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace nrdb {

// What a finished child process left behind.
struct ChildOutcome {
    int exitCode = -1;
    bool crashed = false; // ended by a signal
    QString standardOutput;
    QString standardError;
};

// A command line to run to completion, optionally as another system user. Any thread.
struct ChildCommand {
    ChildCommand(QString program_, QStringList arguments_, QString runAsUser_ = {},
                 QProcessEnvironment environment_ = QProcessEnvironment::systemEnvironment())
        : program(std::move(program_)), arguments(std::move(arguments_)), runAsUser(std::move(runAsUser_)),
          environment(std::move(environment_))
    {
    }

    QString program;
    QStringList arguments;
    QString runAsUser; // empty: the current user; otherwise run through runuser(1)
    QProcessEnvironment environment;
    int timeoutMs = 120000; // -1: no limit
    // Called on the running thread right after the child started, with its pid. The child
    // leads its own process group, so killing -pid reaches whatever it spawned.
    std::function<void(qint64 pid)> onStarted;
    // Called with each line the child writes to stderr, as it comes; the outcome then holds
    // no standardError.
    std::function<void(const QString &line)> onStandardErrorLine;
    // With onStandardErrorLine: called about every 100 ms while the child runs (to poll progress).
    std::function<void()> onWaiting;
    // Supplies the child's standard input chunk by chunk; an empty chunk closes it.
    std::function<QByteArray()> nextInputChunk;

    // Runs the command and waits for it. An Error only when it could not start or timed out;
    // a non-zero exit is reported in the outcome.
    Result<ChildOutcome> run() const;
};

// The environment without the PG* variables that would steer PostgreSQL tools elsewhere.
QProcessEnvironment environmentWithoutLibpqVariables();

} // namespace nrdb
