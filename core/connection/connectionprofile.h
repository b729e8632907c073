#pragma once

#include "connection/sshhop.h"
#include "util/result.h"

#include <QMap>
#include <QMetaType>
#include <QString>

#include <memory>

namespace nrdb {

class SshTunnel;

// How careful a DBA must be with a server; production is marked in the window title.
enum class DeploymentTier { Development, Staging, Production };

QString deploymentTierName(DeploymentTier tier); // "dev", "staging", "prod"
Result<DeploymentTier> deploymentTierFromName(const QString &name);

// Where and as whom to connect, in libpq's terms: host may be a name, an address, a unix-socket
// directory or a comma-separated list; port may be a list too. A plain value type, any thread.
// The password is transient: nothing here ever writes it out (see ProfileStore, SecretStore).
struct ConnectionProfile {
    QString name;
    DeploymentTier tier = DeploymentTier::Development;
    QString host;
    QString port;
    QString database;
    QString user;
    QString password;
    QString sslMode; // disable, allow, prefer, require, verify-ca, verify-full; empty: libpq's default
    QString sslRootCert;
    QString sslCert;
    QString sslKey;
    QString service;                     // a pg_service.conf section, expanded by resolveProfile()
    QString applicationName;             // empty: DatabaseSession names the product
    QMap<QString, QString> otherOptions; // any other libpq keyword, kept so that nothing is lost
    SshHop ssh;                          // set: the server is reached through this SSH host
    // While set, connections go to the tunnel's loopback port instead of host and port, which
    // still say which server this is (for known_hosts-like checks, TLS names and ~/.pgpass).
    // Transient: every copy holds the tunnel open, and it ends with the last one.
    std::shared_ptr<const SshTunnel> tunnel;

    // Where libpq connects: the tunnel's loopback address and port while one is open, else
    // host (or nothing, libpq's default) and port.
    QString connectHostAddress() const;
    QString connectPort() const;
    // Goes through an SSH host and has no tunnel yet: resolveConnection() opens it. Nothing
    // connects to such a profile, lest it reach whatever answers at host and port from here.
    bool needsTunnel() const { return ssh.isSet() && !tunnel; }
    Status refuseWithoutTunnel() const;

    // user@host:port/database (and " through SSH host"); never the password.
    QString displayName() const;
    // host:port/database: which database this is, whoever connects to it.
    QString databaseKey() const;
    bool isProduction() const { return tier == DeploymentTier::Production; }

    // Reads a libpq URI (postgresql://…) or keyword string (host=… dbname=…) exactly as libpq
    // does, with libpq's message on bad input. The tier and name are not part of either form.
    static Result<ConnectionProfile> parse(const QString &connectionString);
    // A postgresql:// URI with every set field, percent-encoded; without the password.
    QString toUri() const;
    // A keyword string (host='…' port=…), values quoted as libpq wants; without the password.
    QString toKeywordString() const;

    // The libpq keywords and values this profile sets (password included when set), e.g. for
    // a child process's PG* environment. Empty fields are left out.
    QMap<QString, QString> libpqKeywords() const;
    // Sets a field from a libpq keyword; unknown keywords go to otherOptions.
    void setLibpqKeyword(const QString &keyword, const QString &value);

    friend bool operator==(const ConnectionProfile &a, const ConnectionProfile &b);
};

} // namespace nrdb

Q_DECLARE_METATYPE(nrdb::ConnectionProfile)
