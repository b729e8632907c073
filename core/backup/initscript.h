#pragma once

#include <QString>

namespace nrdb {

// What turning a schema dump into an init script changed.
struct InitScript {
    QString text;
    int restrictLinesRemoved = 0;   // pg_dump's \restrict / \unrestrict meta-commands
    int ownerStatementsRemoved = 0; // ALTER … OWNER TO …: objects belong to whoever runs the script
    int schemasMadeIdempotent = 0;  // CREATE SCHEMA x -> CREATE SCHEMA IF NOT EXISTS x
};

// Turns `pg_dump --schema-only` output into a clean script that loads into an empty database
// with `psql -v ON_ERROR_STOP=1` as any role allowed to create the objects (NetRaven's
// prepare_init_schema.sh, done in one place and tested).
InitScript toInitScript(const QString &schemaDump);

} // namespace nrdb
