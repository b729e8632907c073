#include "connection/sshtunnel.h"

#include "sandbox/loopbackport.h"
#include "util/backgroundchild.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nrdb {

namespace {

constexpr int kServerAliveSeconds = 15;

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// Whether something accepts connections on the loopback port. An empty connection, closed at
// once, is all the server behind sees: PostgreSQL does not even log it.
bool acceptsConnections(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const sockaddr_in address = loopback(port);
    const bool accepted = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return accepted;
}

// The client's lines that say something: not the notices it writes on every first connection.
QStringList meaningfulLines(const QString &standardError)
{
    QStringList lines;
    for (const QString &line : standardError.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1String("Warning: Permanently added")) &&
            !trimmed.startsWith(QLatin1Char('@')))
            lines << trimmed;
    }
    return lines;
}

} // namespace

Result<QString> sshForwardTarget(const QString &host, const QString &port)
{
    if (host.contains(QLatin1Char(',')) || port.contains(QLatin1Char(',')))
        return Error::usage(QStringLiteral("A list of hosts (%1) cannot be reached through one SSH host").arg(host));
    const QString serverPort = port.isEmpty() ? QStringLiteral("5432") : port;
    if (host.startsWith(QLatin1Char('/')))
        return QString(host + QStringLiteral("/.s.PGSQL.") + serverPort);
    const QString serverHost = host.isEmpty() ? QStringLiteral("localhost") : host;
    const QString bracketed =
        serverHost.contains(QLatin1Char(':')) ? QLatin1Char('[') + serverHost + QLatin1Char(']') : serverHost;
    return QString(bracketed + QLatin1Char(':') + serverPort);
}

QStringList sshTunnelArguments(const SshHop &hop, quint16 localPort, const QString &target, int timeoutSeconds)
{
    QStringList arguments{QStringLiteral("-n"), QStringLiteral("-N")};
    for (const QString &option :
         {QStringLiteral("BatchMode=yes"), QStringLiteral("ExitOnForwardFailure=yes"),
          QStringLiteral("ConnectTimeout=%1").arg(timeoutSeconds),
          QStringLiteral("ServerAliveInterval=%1").arg(kServerAliveSeconds), QStringLiteral("ServerAliveCountMax=3"),
          QStringLiteral("ControlMaster=no"), QStringLiteral("ControlPath=none")})
        arguments << QStringLiteral("-o") << option;
    arguments << hop.clientOptions();
    arguments << QStringLiteral("-L") << QStringLiteral("127.0.0.1:%1:%2").arg(localPort).arg(target);
    arguments << QStringLiteral("--") << hop.host;
    return arguments;
}

Error sshFailure(const SshHop &hop, const QString &standardError)
{
    const QString host = hop.displayName();
    const QStringList lines = meaningfulLines(standardError);
    const QString said = lines.isEmpty() ? QStringLiteral("ssh ended without a word") : lines.join(QLatin1Char(' '));
    if (standardError.contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED")))
        return Error::connection(
            QStringLiteral("The SSH host key of %1 has changed since known_hosts recorded it: someone may be "
                           "in the middle. If the host was rebuilt, check its new key and replace the old one "
                           "(ssh-keygen -R %2)")
                .arg(host, hop.host),
            said);
    if (standardError.contains(QLatin1String("Host key verification failed")) ||
        standardError.contains(QLatin1String("host key is known")))
        return Error::connection(QStringLiteral("The SSH host key of %1 is not known: connect once with ssh %2 at a "
                                                "terminal, check the key it shows and accept it")
                                     .arg(host, hop.host),
                                 said);
    if (standardError.contains(QLatin1String("Permission denied")))
        return Error::authentication(
            QStringLiteral("%1 refused the SSH login: load the key into the agent (ssh-add) or name an "
                           "identity file; a key with a passphrase and no agent cannot be used here")
                .arg(host),
            said);
    if (standardError.contains(QLatin1String("Could not resolve hostname")))
        return Error::connection(QStringLiteral("The SSH host %1 is not known to the name service").arg(host), said);
    return Error::connection(QStringLiteral("Could not reach the server through SSH host %1: %2").arg(host, said));
}

Result<std::shared_ptr<SshTunnel>> SshTunnel::open(const SshHop &hop, const QString &target, int timeoutSeconds)
{
    constexpr int kAttempts = 3; // another process may take the free port before ssh binds it
    for (int attempt = 1;; ++attempt) {
        const Result<quint16> free = loopbackport::pickFree();
        if (!free)
            return free.error();
        const quint16 port = free.value();
        Result<std::unique_ptr<BackgroundChild>> client =
            BackgroundChild::start(QStringLiteral("ssh"), sshTunnelArguments(hop, port, target, timeoutSeconds),
                                   QProcessEnvironment::systemEnvironment());
        if (!client)
            return client.error().kind == ErrorKind::NotFound
                       ? Error::notFound(QStringLiteral("OpenSSH's client (ssh) is not installed: it is needed to "
                                                        "reach the server through %1")
                                             .arg(hop.displayName()))
                       : client.error();
        const QDeadlineTimer deadline(std::chrono::seconds(timeoutSeconds + 5));
        while (!client.value()->hasEnded() && !acceptsConnections(port) && !deadline.hasExpired())
            QThread::msleep(25);
        BackgroundChild &started = *client.value();
        if (!started.hasEnded() && acceptsConnections(port))
            return std::shared_ptr<SshTunnel>(new SshTunnel(hop, port, std::move(client).value()));
        const QString said = started.standardError();
        if (started.hasEnded() && said.contains(QLatin1String("Address already in use")) && attempt < kAttempts)
            continue;
        if (!started.hasEnded())
            return Error::timeout(QStringLiteral("The SSH host %1 did not open the tunnel in %2 s")
                                      .arg(hop.displayName())
                                      .arg(timeoutSeconds + 5),
                                  meaningfulLines(said).join(QLatin1Char(' ')));
        return sshFailure(hop, said);
    }
}

SshTunnel::SshTunnel(SshHop hop, quint16 localPort, std::unique_ptr<BackgroundChild> client)
    : m_hop(std::move(hop)), m_localPort(localPort), m_client(std::move(client))
{
}

SshTunnel::~SshTunnel() = default;

bool SshTunnel::isRunning() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return !m_client->hasEnded();
}

QString SshTunnel::messages() const
{
    return meaningfulLines(m_client->standardError()).join(QLatin1Char('\n'));
}

} // namespace nrdb
