#pragma once

// The order of a script's statements, for one schema or several. Internal to core/model. Plain
// functions; any thread.

#include "model/migrationplan.h"

#include <QVector>

namespace nrdb::plan {

// Statements in an order that works: by phase, so that a foreign key to another schema's table
// comes after every table (stable: within a phase each schema's own order holds); a view after
// the views it reads, and dropped before them. Views that read each other in a cycle keep their
// order (PostgreSQL refuses such views anyway).
void orderStatements(QVector<PlannedStatement> &statements);

// Whether a view's definition (pg_get_viewdef's text) reads the view or table schema.name: by
// its qualified name, or by its bare name when it is in the reader's own schema or in public.
bool readsRelation(const QString &definition, const QString &readerSchema, const QString &schema, const QString &name);

} // namespace nrdb::plan
