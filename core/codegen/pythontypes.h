#pragma once

#include "catalog/schemasnapshot.h"

#include <QString>

namespace nrdb {

// A column type as SQLAlchemy writes it (types of sqlalchemy.dialects.postgresql, which 1.4 and 2.0
// both have) and as Python holds its values (for Pydantic).
struct MappedType {
    QString sqlalchemy; // "postgresql.VARCHAR(36)", "device_source" (an enum defined in the module)
    QString python;     // "str", "datetime.datetime", "Literal[\"a\", \"b\"]", "Any"
    bool exact = true;  // false: written by its SQL name (_SqlType), Python sees no more than Any
};

// formatType as format_type() writes it; enumVariable names the module's ENUM for an enum type
// (empty when it is none).
MappedType mapColumnType(const QString &formatType, const SchemaSnapshot &snapshot, const QString &tableSchema,
                         const std::function<QString(const EnumInfo &)> &enumVariable);

} // namespace nrdb
