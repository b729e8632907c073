#pragma once

#include <QString>

namespace nrdb {

// A PostgreSQL identifier in double quotes with embedded quotes doubled, so any name
// (spaces, unicode, reserved words, quotes) round-trips. Values never go through here:
// they are bound as parameters.
QString quoteIdentifier(const QString &name);

} // namespace nrdb
