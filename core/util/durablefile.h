#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace nrdb {

// Files that are complete on disk before anyone is told so: written in full and fsynced, then
// renamed into place, and the directory fsynced so that the rename survives a crash. A full disk
// or a short write is an error, never a shorter file. Any thread.
namespace durablefile {

// Writes bytes to a unique temporary file beside path, fsyncs it, reads it back to compare, then
// renames it to path (replacing what is there only when replace) and fsyncs the directory.
Status write(const QString &path, const QByteArray &bytes, bool replace);
// Creates path (which must not exist), writes bytes, fsyncs it and reads it back to compare.
Status writeNew(const QString &path, const QByteArray &bytes);
// fsyncs a file, or every file below a directory and the directories themselves.
Status sync(const QString &path);
// Renames from to to, failing (kind Io, "exists already") rather than replacing an existing to;
// then fsyncs to's directory.
Status renameNoReplace(const QString &from, const QString &to);
// Swaps two paths (files or directories) in one step, so that a reader sees one or the other, never
// neither; then fsyncs their directory. Both must exist.
Status exchange(const QString &a, const QString &b);
// Copies the directory from, with everything below it, to to (which must not exist), fsynced.
Status copyTree(const QString &from, const QString &to);
// A name beside finalPath for its work in progress, unique to this call and naming the process
// that writes it: ".<name>.<random>.<pid>-<start>-<host>.partial".
QString partialPathFor(const QString &finalPath);
// Removes the work in progress in directory that processes on this machine left when they were
// killed (their partial names say which; those of running processes and of other machines stay).
// Returns the names removed.
QStringList removeStalePartials(const QString &directory);

} // namespace durablefile
} // namespace nrdb
