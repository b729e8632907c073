#pragma once

#include "util/result.h"

#include <QString>

namespace nrdb {

// "Through SSH host H": the host a profile's server is reached through, as OpenSSH's client
// takes it. Only host is needed; the rest, when empty, comes from the ssh configuration (a Host
// alias may say all of it). A plain value type, any thread.
struct SshHop {
    QString host;         // a host name, an address, or a Host alias of the ssh configuration
    QString user;         // empty: the configuration's, else the local user
    QString port;         // empty: the configuration's, else 22
    QString identityFile; // empty: the agent and the configuration's keys
    QString configFile;   // empty: ~/.ssh/config

    bool isSet() const { return !host.isEmpty(); }
    // [user@]host[:port]
    QString displayName() const;
    // Reads [user@]host[:port]; a bad port, or white space, is an Error of kind Usage.
    static Result<SshHop> parse(const QString &text);
    // OpenSSH's options for this hop, before the host: -p, -l, -i (IdentitiesOnly), -F.
    QStringList clientOptions() const;

    friend bool operator==(const SshHop &a, const SshHop &b)
    {
        return a.host == b.host && a.user == b.user && a.port == b.port && a.identityFile == b.identityFile &&
               a.configFile == b.configFile;
    }
    friend bool operator!=(const SshHop &a, const SshHop &b) { return !(a == b); }
};

} // namespace nrdb
