#pragma once

#include <QString>

namespace nrdb {

// Where the user said pg_dump, pg_restore and psql are, if not where they are found by themselves
// (the window's settings, which the command line reads too). Empty: discovered (PATH,
// /usr/lib/postgresql/<major>/bin). Any thread; each call reads the settings file.
QString configuredToolsDirectory();
void setConfiguredToolsDirectory(const QString &directory);

// Where backups were last written or looked at (the Backups tab's directory), and so where an
// environment's backups are looked for; ~/netraven-backups until one was chosen.
QString configuredBackupDirectory();
void setConfiguredBackupDirectory(const QString &directory);

} // namespace nrdb
