#pragma once

#include "connection/sshhop.h"
#include "util/result.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace nrdb::test {

// A real OpenSSH server on a loopback port with throwaway keys, and an ssh configuration file
// (SshHop::configFile) whose Host aliases reach it in the ways a DBA meets:
//   bastion      its host key known, the client's key authorized: the tunnel opens
//   stranger     its host key unknown (an empty known_hosts)
//   impostor     known_hosts holds another key for it: the key has "changed"
//   locked-out   the client offers only a key the server does not authorize
// Test thread only; the server stops with this object.
class SshServer {
public:
    SshServer() = default;
    ~SshServer();
    SshServer(const SshServer &) = delete;
    SshServer &operator=(const SshServer &) = delete;

    // Makes the keys, writes both configurations, starts sshd and waits until it listens.
    Status start();
    quint16 port() const { return m_port; }
    QString configFile() const { return m_dir.filePath(QStringLiteral("ssh_config")); }
    // One of the aliases above, through this configuration.
    SshHop hop(const QString &alias) const;
    // What sshd said (its log), to show when a test fails.
    QString log() const;

private:
    Status makeKeys();
    Status writeServerConfiguration();
    Status writeClientConfiguration();

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
};

} // namespace nrdb::test
