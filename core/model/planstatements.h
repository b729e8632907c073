#pragma once

// The pieces of a migration plan's statements that the planner and its parts share: where a
// statement goes in the script, the lock labels, and reading the model's descriptions. Internal
// to core/model. Plain functions; any thread.

#include "model/migrationplan.h"

#include <QString>

namespace nrdb::plan {

// Where a statement goes in the script: each phase needs only what the ones before it made.
enum Phase {
    Schemas,
    Extensions,             // before the types and columns that use them
    DropViews,              // with allowDrop: a view goes before the columns and tables it reads
    DropChangedForeignKeys, // before the changed keys they need
    DropChanged,            // a changed constraint or index goes before it is made again
    Types,                  // enum types and their labels
    Sequences,              // before the tables whose defaults use them
    Tables,                 // new tables, with their columns
    Columns,                // columns added to tables that exist
    ColumnChanges,          // type, default, nullability
    SequenceOwners,
    Keys,    // primary keys, unique and check constraints
    Indexes, // after the keys: an index may be on a key's columns
    ForeignKeys,
    Validations,
    Comments,
    Views, // after every table and column they read
    // With allowDrop only, what holds on to other objects first: foreign keys before the keys
    // they need, keys and indexes before their columns, columns before tables, types last.
    DropForeignKeys,
    DropConstraints,
    DropIndexes,
    DropColumns,
    DropTables,
    DropSequences,
    DropTypes,
    PhaseCount
};

extern const QString kAccessExclusive;
extern const QString kSequenceLock; // what ALTER SEQUENCE takes

// "ACCESS EXCLUSIVE on devices"
QString lockOn(const QString &level, const QString &object);
// "netraven"."devices"
QString qualifiedIn(const QString &schema, const QString &name);

// "integer" of "integer owned by devices.id"
QString sequenceType(const QString &description);
// "devices.id" of "integer owned by devices.id"; empty for a sequence no column owns.
QString sequenceOwner(const QString &description);
bool isVarcharWidening(const QString &from, const QString &to);
// A default PostgreSQL computes per row: adding a column with it rewrites the table.
bool isVolatileDefault(const QString &expression);
// " and netraven.users" of "FOREIGN KEY (owner_id) REFERENCES netraven.users(id)": a foreign key
// locks the table it references too. Empty for a check.
QString referencedTable(const QString &definition);

// The statements that drop what the wanted model does not have, or what is made again.
PlannedStatement dropConstraintStatement(const QString &schema, const DriftItem &item, const QString &hazard);
PlannedStatement dropIndexStatement(const QString &schema, const DriftItem &item, const QString &hazard);
// An extra table, column, view, sequence or enum type, and the phase its drop goes in.
PlannedStatement dropObjectStatement(const QString &schema, const DriftItem &item, Phase &phase);

} // namespace nrdb::plan
