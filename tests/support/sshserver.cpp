#include "sshserver.h"

#include "sandbox/loopbackport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace nrdb::test {

namespace {

const QString kSshd = QStringLiteral("/usr/sbin/sshd");

Status writeText(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        return Error::io(QStringLiteral("Could not write %1").arg(path));
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

Status keygen(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                QStringLiteral("-N"), QString(), QStringLiteral("-f"), path});
    if (!keygen.waitForFinished(30000) || keygen.exitCode() != 0)
        return Error::process(
            QStringLiteral("ssh-keygen failed: %1").arg(QString::fromLocal8Bit(keygen.readAllStandardError())));
    return {};
}

// "type base64" of a public key file: a known_hosts or authorized_keys entry's key part.
QString publicKey(const QString &path)
{
    return readText(path + QStringLiteral(".pub")).section(QLatin1Char(' '), 0, 1);
}

bool listens(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(200);
}

} // namespace

SshServer::~SshServer()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        if (!m_server.waitForFinished(5000))
            m_server.kill();
        m_server.waitForFinished(5000);
    }
}

Status SshServer::start()
{
    if (!m_dir.isValid())
        return Error::io(QStringLiteral("No temporary directory for the SSH server"));
    if (!QFile::exists(kSshd))
        return Error::notFound(
            QStringLiteral("%1 is missing: scripts/install-dependencies.sh installs openssh-server").arg(kSshd));
    const Result<quint16> port = loopbackport::pickFree();
    if (!port)
        return port.error();
    m_port = port.value();
    for (Status step : {makeKeys(), writeServerConfiguration(), writeClientConfiguration()}) {
        if (!step)
            return step;
    }
    // As root, sshd wants its privilege separation directory, which only its service unit makes.
    if (::geteuid() == 0 && !QDir(QStringLiteral("/run/sshd")).exists() && !QDir().mkpath(QStringLiteral("/run/sshd")))
        return Error::io(QStringLiteral("Could not make /run/sshd"));
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.setStandardOutputFile(m_dir.filePath(QStringLiteral("sshd.log")));
    m_server.start(kSshd, {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                           m_dir.filePath(QStringLiteral("sshd_config"))});
    const QDeadlineTimer deadline(10000);
    while (!listens(m_port) && m_server.state() != QProcess::NotRunning && !deadline.hasExpired())
        QThread::msleep(50);
    if (!listens(m_port))
        return Error::process(QStringLiteral("sshd did not come up: %1").arg(log()));
    return {};
}

Status SshServer::makeKeys()
{
    for (const char *name : {"host_key", "other_host_key", "client_key", "unauthorized_key"}) {
        if (Status made = keygen(m_dir.filePath(QLatin1String(name))); !made)
            return made;
    }
    return writeText(m_dir.filePath(QStringLiteral("authorized_keys")),
                     publicKey(m_dir.filePath(QStringLiteral("client_key"))) + QLatin1Char('\n'));
}

Status SshServer::writeServerConfiguration()
{
    const QString text = QStringLiteral("Port %1\n"
                                        "ListenAddress 127.0.0.1\n"
                                        "HostKey %2/host_key\n"
                                        "AuthorizedKeysFile %2/authorized_keys\n"
                                        "PidFile %2/sshd.pid\n"
                                        "PasswordAuthentication no\n"
                                        "KbdInteractiveAuthentication no\n"
                                        "PermitRootLogin prohibit-password\n"
                                        "StrictModes no\n"
                                        "UsePAM no\n"
                                        "AllowTcpForwarding yes\n"
                                        "LogLevel VERBOSE\n")
                             .arg(m_port)
                             .arg(m_dir.path());
    return writeText(m_dir.filePath(QStringLiteral("sshd_config")), text);
}

Status SshServer::writeClientConfiguration()
{
    const QString entry = QStringLiteral("[127.0.0.1]:%1 ").arg(m_port);
    for (const auto &[file, key] :
         {std::pair{"known_hosts", "host_key"}, std::pair{"wrong_known_hosts", "other_host_key"}}) {
        if (Status written = writeText(m_dir.filePath(QLatin1String(file)),
                                       entry + publicKey(m_dir.filePath(QLatin1String(key))) + QLatin1Char('\n'));
            !written)
            return written;
    }
    if (Status written = writeText(m_dir.filePath(QStringLiteral("empty_known_hosts")), {}); !written)
        return written;
    const passwd *self = ::getpwuid(::geteuid());
    const QString user = QString::fromLocal8Bit(self ? self->pw_name : "root");
    auto host = [&](const QString &alias, const QString &knownHosts, const QString &key) {
        return QStringLiteral("Host %1\n  HostName 127.0.0.1\n  Port %2\n  User %3\n  IdentityFile %4/%5\n"
                              "  IdentitiesOnly yes\n  UserKnownHostsFile %4/%6\n  GlobalKnownHostsFile /dev/null\n"
                              "  StrictHostKeyChecking yes\n\n")
            .arg(alias)
            .arg(m_port)
            .arg(user, m_dir.path(), key, knownHosts);
    };
    const QString text =
        host(QStringLiteral("bastion"), QStringLiteral("known_hosts"), QStringLiteral("client_key")) +
        host(QStringLiteral("stranger"), QStringLiteral("empty_known_hosts"), QStringLiteral("client_key")) +
        host(QStringLiteral("impostor"), QStringLiteral("wrong_known_hosts"), QStringLiteral("client_key")) +
        host(QStringLiteral("locked-out"), QStringLiteral("known_hosts"), QStringLiteral("unauthorized_key"));
    return writeText(configFile(), text);
}

SshHop SshServer::hop(const QString &alias) const
{
    SshHop hop;
    hop.host = alias;
    hop.configFile = configFile();
    return hop;
}

QString SshServer::log() const
{
    return readText(m_dir.filePath(QStringLiteral("sshd.log")));
}

} // namespace nrdb::test
