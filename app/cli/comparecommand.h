#pragma once

#include <QStringList>

namespace nrdb::cli {

// compare: every difference between two databases (or a pack's model and a database), and the
// script that makes the second like the first; arguments after the command name; returns an exit
// code.
int runCompareCommand(const QStringList &arguments);

} // namespace nrdb::cli
