#pragma once

#include "connection/connectionprofile.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace nrdb {

// Everything needed to reach, and later stop, a running sandbox cluster. A plain value type;
// saved as a 0600 JSON file so that another process (the test fixture, the CLI) can stop it.
struct SandboxState {
    QString rootDir; // owns everything below; removed on stop
    QString dataDir;
    QString socketDir;
    QString logFile;
    QString passFile; // a pgpass file for the superuser, for libpq tools
    QString binDir;
    QString serverVersion;
    QString runAsUser; // the system user the server runs as, empty for the current user
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString superuser = QStringLiteral("postgres");
    QString password;

    // A profile for the sandbox's superuser on the given database.
    ConnectionProfile profile(const QString &database = QStringLiteral("postgres")) const;

    QJsonObject toJson() const;
    static Result<SandboxState> fromJson(const QJsonObject &json);

    Status save(const QString &path) const;
    static Result<SandboxState> load(const QString &path);
};

} // namespace nrdb
