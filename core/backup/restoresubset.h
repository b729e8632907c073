#pragma once

#include "backup/dumparchive.h"
#include "util/result.h"

#include <QList>
#include <QStringList>

namespace nrdb {

// Some of an archive's tables, restored whole and alone: each chosen table's definition and data,
// what it needs (its schema, its types, the sequences its defaults draw from), and what hangs on
// the chosen tables alone (keys, indexes, defaults, triggers, comments, grants, and foreign keys
// between chosen tables). A foreign key to a table left out is left out with it, so the restore
// does not fail on it. Plain functions over an archive's table of contents; any thread.
namespace restoresubset {

// "schema.name" of every table the archive holds, in its order.
QStringList tablesOf(const QList<dumparchive::Entry> &entries);
// The dump ids that restore tables ("schema.name"); fails naming a table the archive lacks.
Result<QList<int>> dumpIdsFor(const QList<dumparchive::Entry> &entries, const QStringList &tables);
// Of pg_restore --list's lines, those of ids, in the list's order: what --use-list reads.
QStringList linesFor(const QStringList &listLines, const QList<int> &ids);

} // namespace restoresubset
} // namespace nrdb
