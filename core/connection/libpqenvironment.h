#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>

namespace nrdb {

// Fills in what a profile leaves unset the way libpq does, in libpq's order: the service's
// definition (profile.service, else PGSERVICE) from the user's service file, else the system's;
// then the PG* variables; then libpq's defaults (port 5432, the system user name, a database
// named like the user). PGPASSWORD is left to choosePassword(), which knows the keychain too.
// Any thread.
Result<ConnectionProfile>
resolveProfile(const ConnectionProfile &profile,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// The keywords of one service in pg_service.conf: $PGSERVICEFILE or ~/.pg_service.conf first,
// then $PGSYSCONFDIR/pg_service.conf (Debian: /etc/postgresql-common/pg_service.conf).
Result<QMap<QString, QString>> serviceDefinition(const QString &service, const QProcessEnvironment &environment);

} // namespace nrdb
