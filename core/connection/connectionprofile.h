#pragma once

#include <QString>

namespace nrdb {

// Where and as whom to connect. A plain value type; the password is never persisted from here.
struct ConnectionProfile {
    QString name;
    QString host = QStringLiteral("localhost");
    quint16 port = 5432;
    QString database;
    QString user;
    QString password;
    QString applicationName = QStringLiteral("netraven-dbadmin");

    // host:port/database as user, for titles and logs; never contains the password.
    QString displayName() const;
};

} // namespace nrdb
