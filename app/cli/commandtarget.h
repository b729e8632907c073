#pragma once

#include "commandline.h"

#include "connection/connectionprofile.h"
#include "jobs/packchoice.h"
#include "util/result.h"

#include <QCommandLineParser>

#include <optional>

namespace nrdb::cli {

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
// A command that works on a database and a model pack: its command line with the target options
// beside its own, and the target, resolved as it parses.
class TargetCommand : public CommandLine {
public:
    using CommandLine::CommandLine;

    // Parses and resolves the target; nullopt to go on, otherwise the exit code to end with.
    std::optional<int> parse(const QStringList &arguments, const QList<QCommandLineOption> &options = {});
    // Before the command changes the target: a production one wants its name (confirmProductionWrite).
    std::optional<int> confirmWrite(const QString &action) const;

    CommandTarget target;
};

// The exit code for how a job ended: 3 connection or authentication, 130 cancelled, else 1.
int jobExitCode(const Error &error);
// Prints "netraven-dbctl: <error>" to stderr and returns jobExitCode(error).
int jobFailed(const Error &error);

} // namespace nrdb::cli
