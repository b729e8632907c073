#pragma once

#include "connection/connectionprofile.h"

#include <QString>
#include <QStringList>

namespace nrdb::test {

// The first column of every row sql returns on its own connection; on failure, the error text
// as the only value (so a comparison shows it).
QStringList queryValues(const ConnectionProfile &profile, const QString &sql);
// The first column of the first row (empty without rows).
QString queryValue(const ConnectionProfile &profile, const QString &sql);

} // namespace nrdb::test
