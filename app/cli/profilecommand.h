#pragma once

#include <QStringList>

namespace nrdb::cli {

// netraven-dbctl profile add|list|remove: the saved connection profiles the window uses.
int runProfileCommand(const QStringList &arguments);

} // namespace nrdb::cli
