#pragma once

#include <QStringList>

namespace nrdb::cli {

// netraven-dbctl environments: the status of every saved profile, read in parallel.
int runEnvironmentsCommand(const QStringList &arguments);

} // namespace nrdb::cli
