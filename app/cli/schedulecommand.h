#pragma once

#include <QStringList>

namespace nrdb::cli {

// `netraven-dbctl schedule install|list|remove|run`: scheduled backups that prove themselves.
int runScheduleCommand(const QStringList &arguments);

} // namespace nrdb::cli
