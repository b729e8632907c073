#pragma once

#include <QStringList>

namespace nrdb::cli {

// `netraven-dbctl backup`: arguments after the command name; returns an exit code.
int runBackupCommand(const QStringList &arguments);
// `netraven-dbctl backups list|verify|prune DIR`.
int runBackupsCommand(const QStringList &arguments);

} // namespace nrdb::cli
