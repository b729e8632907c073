#pragma once

#include <QStringList>

namespace nrdb::cli {

// repair: the script that brings a database back to its pack's model; arguments after the
// command name; returns an exit code.
int runRepairCommand(const QStringList &arguments);

} // namespace nrdb::cli
