#pragma once

#include <QString>

namespace nrdb {

// Where the user said pg_dump, pg_restore and psql are, if not where they are found by themselves
// (the window's settings, which the command line reads too). Empty: discovered (PATH,
// /usr/lib/postgresql/<major>/bin). Any thread; each call reads the settings file.
QString configuredToolsDirectory();
void setConfiguredToolsDirectory(const QString &directory);

} // namespace nrdb
