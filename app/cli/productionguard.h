#pragma once

#include "connection/connectionprofile.h"

#include <QCommandLineOption>

#include <optional>

namespace nrdb::cli {

class CommandLine;

// --yes-production NAME: what a script passes to write to a production database.
QCommandLineOption yesProductionOption();
QString yesProductionUsage();

// target is production: its profile says so, or a saved production profile names the same
// host, port and database (a URI typed for a production database is no less production).
bool isProduction(const ConnectionProfile &target);

// Before a command changes target: goes on at once unless it is production. Then it wants the
// database's name, from --yes-production or typed at the terminal; without either (a script
// that did not say it) the command stops with a usage error before anything is touched.
// nullopt: go on; otherwise the exit code to end with.
std::optional<int> confirmProductionWrite(const CommandLine &command, const ConnectionProfile &target,
                                          const QString &action);

} // namespace nrdb::cli
