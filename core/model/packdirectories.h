#pragma once

#include <QStringList>

namespace nrdb {

// Where model packs are found besides the built-in ones: a team's own packs (made with `pack new`),
// kept on disk. Each directory is a pack itself (it holds a pack.json) or holds packs, one a
// subdirectory. From the window's settings, which the command line reads too, and from the
// command line's --pack-dir for one run. Any thread.
QStringList packDirectories();

// The window's setting.
QStringList configuredPackDirectories();
void setConfiguredPackDirectories(const QStringList &directories);

// For this run of the program only (--pack-dir), before any job starts.
void addPackDirectoryForThisRun(const QString &directory);

// The packs the directories hold, as directories with a pack.json, in the order found.
QStringList packsInDirectories(const QStringList &directories);

} // namespace nrdb
