#pragma once

#include "connection/sshhop.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>

namespace nrdb {

class BackgroundChild;

// OpenSSH's own client holding a loopback port open to a PostgreSQL server behind an SSH host:
// ssh -N -L 127.0.0.1:LOCAL:TARGET HOST. The ssh configuration (~/.ssh/config or the hop's
// file), the agent and known_hosts are the client's own; BatchMode, so it never waits on a prompt
// nobody can answer; a connection of its own (no ControlMaster), so that stopping it stops only
// it. The tunnel ends when its last holder lets it go, and with this process. Any thread.
class SshTunnel {
public:
    // Starts the client and waits until the port carries connections (the host key was accepted
    // and the login succeeded), or fails with what went wrong: an unknown or changed host key,
    // a refused login, a host that cannot be reached. target is where the SSH host itself
    // reaches the server: HOST:PORT, or a socket file's path. Blocks: worker threads only.
    static Result<std::shared_ptr<SshTunnel>> open(const SshHop &hop, const QString &target, int timeoutSeconds);
    ~SshTunnel();
    SshTunnel(const SshTunnel &) = delete;
    SshTunnel &operator=(const SshTunnel &) = delete;

    const SshHop &hop() const { return m_hop; }
    QString localPort() const { return QString::number(m_localPort); }
    // Whether the client still runs (it ends when the SSH connection breaks).
    bool isRunning() const;
    // What the client has written since it started, e.g. "open failed: connect failed: ...".
    QString messages() const;

private:
    SshTunnel(SshHop hop, quint16 localPort, std::unique_ptr<BackgroundChild> client);

    SshHop m_hop;
    quint16 m_localPort;
    mutable std::mutex m_mutex; // guards m_client's reaping
    std::unique_ptr<BackgroundChild> m_client;
};

// Where the SSH host reaches a server given as libpq's host and port: "HOST:PORT" (localhost for
// an empty host), or the socket file in a socket directory. A list of hosts cannot go through
// one tunnel: an Error of kind Usage.
Result<QString> sshForwardTarget(const QString &host, const QString &port);
// The client's arguments for a tunnel from 127.0.0.1:localPort to target.
QStringList sshTunnelArguments(const SshHop &hop, quint16 localPort, const QString &target, int timeoutSeconds);
// What the client's standard error means, as an Error a DBA can act on (kind Authentication for
// a refused login, Connection for the rest).
Error sshFailure(const SshHop &hop, const QString &standardError);

} // namespace nrdb
