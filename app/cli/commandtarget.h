#pragma once

#include "connection/connectionprofile.h"
#include "jobs/packchoice.h"
#include "util/result.h"

#include <QCommandLineParser>

#include <optional>

namespace nrdb::cli {

class CommandLine;

// What a lifecycle command works on: the database (resolved, password chosen) and the model pack
// (named with --pack, or the one the database's catalog shows).
struct CommandTarget {
    ConnectionProfile profile;
    PackChoice pack;
};

// --profile, --pack and --json; the connection string is the positional argument.
QList<QCommandLineOption> targetOptions();
QString targetUsage();
// Resolves the target; on bad arguments an Error of kind Usage.
Result<CommandTarget> commandTarget(const QCommandLineParser &parser);
// Resolves command's target into `into`; nullopt to go on, otherwise the exit code to end with.
std::optional<int> resolveTarget(const CommandLine &command, CommandTarget &into);

// The exit code for how a job ended: 3 connection or authentication, 130 cancelled, else 1.
int jobExitCode(const Error &error);
// Prints "netraven-dbctl: <error>" to stderr and returns jobExitCode(error).
int jobFailed(const Error &error);

} // namespace nrdb::cli
