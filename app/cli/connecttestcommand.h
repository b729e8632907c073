#pragma once

#include <QStringList>

namespace nrdb::cli {

// `netraven-dbctl connect-test`: arguments after the command name; returns an exit code.
int runConnectTestCommand(const QStringList &arguments);

} // namespace nrdb::cli
