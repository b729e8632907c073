#pragma once

#include "catalog/schemalint.h"
#include "catalog/schemasnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace nrdb {

// The whole snapshot as JSON (what `netraven-dbctl inspect --json` prints): schemas, relations
// with their columns, constraints and indexes, sequences, types and extensions.
QJsonObject snapshotToJson(const SchemaSnapshot &snapshot);

// Lint findings as JSON, one object each.
QJsonArray findingsToJson(const QVector<LintFinding> &findings);

} // namespace nrdb
