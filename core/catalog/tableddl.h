#pragma once

#include "catalog/schemasnapshot.h"

#include <QString>

namespace nrdb {

// The SQL that creates a relation as the snapshot describes it: columns (defaults, identity,
// generated), constraints, partitioning, indexes that back no constraint, and comments; for a
// view or materialized view, its definition. Every name is quoted, so any name round-trips.
// Any thread.
QString relationDdl(const RelationInfo &relation, const SchemaSnapshot &snapshot);

} // namespace nrdb
