#pragma once

#include "model/drift.h"
#include "model/schemamodel.h"

#include <QStringList>
#include <QVector>

namespace nrdb {

// A missing table and an extra one with the same columns, a missing column and an extra one of
// the same type on one table, or a missing index and an extra one alike but for the name, are
// likely renames: "table devices_old may be devices renamed: ALTER TABLE … would keep its rows".
// Only said, never planned: a guess turned into DDL could be wrong. drift is
// compareModels(wanted, current). Any thread.
QStringList renameHints(const SchemaModel &wanted, const SchemaModel &current, const QVector<DriftItem> &drift);

} // namespace nrdb
