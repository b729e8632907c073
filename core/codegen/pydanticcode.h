#pragma once

#include "codegen/tablecode.h"

namespace nrdb {

// schemas.py, after its header: for each table <Class>Read, with every column but the secret ones
// ("schema.table.column"), and <Class>Create, without what the server fills in (defaults,
// identity, generated columns); names Pydantic cannot take get aliases; READ_SCHEMAS maps each
// table (by SQLAlchemy's Table.fullname) to its read schema. Any thread.
QString pydanticModule(const QVector<TableCode> &tables, const SchemaSnapshot &snapshot,
                       const QStringList &secretColumns);

} // namespace nrdb
