#pragma once

#include <QStringList>

namespace nrdb::cli {

// `netraven-dbctl sandbox start|stop|status`: arguments after "sandbox"; returns an exit code.
int runSandboxCommand(const QStringList &arguments);

} // namespace nrdb::cli
