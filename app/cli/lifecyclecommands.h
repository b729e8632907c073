#pragma once

#include <QStringList>

namespace nrdb::cli {

// The schema lifecycle: arguments after the command name; each returns an exit code.
int runInitCommand(const QStringList &arguments);
int runMigrateCommand(const QStringList &arguments);
int runVerifyCommand(const QStringList &arguments);
int runAdoptCommand(const QStringList &arguments);
int runSeedCommand(const QStringList &arguments);
int runBootstrapCommand(const QStringList &arguments);

} // namespace nrdb::cli
