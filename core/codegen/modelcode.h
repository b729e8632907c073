#pragma once

#include "catalog/schemasnapshot.h"

#include <QDateTime>
#include <QStringList>

namespace nrdb {

struct ModelCodeOptions {
    QStringList schemas;       // empty: every schema that holds a table (this tool's own history aside)
    QStringList tables;        // "schema.table" or "table"; empty: every table of those schemas
    QStringList secretColumns; // "schema.table.column": marked, and left out of the read schemas
    QString source;            // what the code is generated from, for its header (no password)
    QDateTime generatedAt;
};

// models.py and schemas.py for a snapshot's tables. A plain value type.
struct ModelCode {
    QString models;           // SQLAlchemy declarative, Column() style: runs on 1.4 and 2.0
    QString schemas;          // Pydantic: <Class>Read with every column but the secret, <Class>Create without
                              // what the server fills in
    QStringList notExpressed; // what SQLAlchemy cannot say of the source, one line each (in both headers)
    int tableCount = 0;
};

// SQLAlchemy models and Pydantic schemas, faithful to the catalog: types with their length and
// precision, server defaults, nullability, primary, unique, check and foreign keys (ON DELETE and
// ON UPDATE) and indexes under their real names (expression and partial ones as text), enums by
// their real type name, comments, schemas other than public, identity, serial and standalone
// sequences; relationships from the foreign keys, named so that two keys to one table do not
// clash, and association tables (two foreign keys forming the primary key) as secondary. A table
// without a primary key is a Table, not a class. Any thread.
ModelCode generateModelCode(const SchemaSnapshot &snapshot, const ModelCodeOptions &options);

} // namespace nrdb
