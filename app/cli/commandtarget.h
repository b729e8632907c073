#pragma once

#include "connection/connectionprofile.h"
#include "jobs/packchoice.h"
#include "util/result.h"

#include <QCommandLineParser>

namespace nrdb::cli {

// What a lifecycle command works on: the database (resolved, password chosen) and the model pack
// (named with --pack, or the one the database's catalog shows).
struct CommandTarget {
    ConnectionProfile profile;
    PackChoice pack;
};

// Adds --profile, --pack and --json; the connection string is the positional argument.
void addTargetOptions(QCommandLineParser &parser);
QString targetUsage();
// Resolves the target; on bad arguments an Error of kind Usage.
Result<CommandTarget> commandTarget(const QCommandLineParser &parser);

// The exit code for how a job ended: 3 connection or authentication, 130 cancelled, else 1.
int jobExitCode(const Error &error);
// Prints "netraven-dbctl: <error>" to stderr and returns jobExitCode(error).
int jobFailed(const Error &error);

} // namespace nrdb::cli
