#pragma once

#include <QString>
#include <QStringList>

namespace nrdb {

// The text of resources/sql/<name>.sql, compiled into nrdb_core. Any thread.
// Asserts that the file exists: a missing query is a bug, not a user error.
QString sqlResource(const QString &name);

// Every bundled query's name, for the test that prepares them all against a server.
QStringList sqlResourceNames();

} // namespace nrdb
