#pragma once

#include <QString>

namespace nrdb {

// A PostgreSQL identifier in double quotes with embedded quotes doubled, so any name
// (spaces, unicode, reserved words, quotes) round-trips. Values never go through here:
// they are bound as parameters.
QString quoteIdentifier(const QString &name);

// A string literal with single quotes doubled, for the rare statements that take no parameters
// (COMMENT ON, generated DDL). Values of queries are bound, not quoted.
QString quoteLiteral(const QString &text);

} // namespace nrdb
