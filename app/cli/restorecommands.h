#pragma once

#include <QStringList>

namespace nrdb::cli {

// `netraven-dbctl restore` and `prove-restorable`: arguments after the command name.
int runRestoreCommand(const QStringList &arguments);
int runProveRestorableCommand(const QStringList &arguments);
// `netraven-dbctl cleanup`.
int runCleanupCommand(const QStringList &arguments);

} // namespace nrdb::cli
