#pragma once

#include <QString>

namespace nrdb {

// Where the user said pg_dump, pg_restore and psql are, if not where they are found by themselves
// (QSettings). Empty: discovered (PATH, /usr/lib/postgresql/<major>/bin).
QString configuredToolsDirectory();
void setConfiguredToolsDirectory(const QString &directory);

} // namespace nrdb
