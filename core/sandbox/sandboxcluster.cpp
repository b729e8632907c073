#include "sandbox/sandboxcluster.h"

#include "connection/databasesession.h"
#include "sandbox/loopbackport.h"
#include "sandbox/serverinstallation.h"
#include "util/childprocess.h"
#include "util/logging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QThread>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nrdb {

namespace {

const QString kServerSystemUser = QStringLiteral("postgres");
constexpr int kLaunchAttempts = 3;

QString generatePassword()
{
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString password;
    for (int i = 0; i < 32; ++i)
        password += alphabet.at(QRandomGenerator::system()->bounded(alphabet.size()));
    return password;
}

QString logTail(const QString &path, int lines = 15)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(qMax(0, all.size() - lines)).join(QLatin1Char('\n'));
}

// The system user the server must run as: ourselves, or 'postgres' when we are root.
Result<QString> serverSystemUser()
{
    if (::geteuid() != 0)
        return QString();
    if (!::getpwnam(kServerSystemUser.toLocal8Bit().constData()))
        return Error::notFound(
            QStringLiteral("Running as root, and PostgreSQL refuses to run as root; there is no '%1' system "
                           "user to run it as. Create one (adduser --system %1) or run as an ordinary user.")
                .arg(kServerSystemUser));
    return kServerSystemUser;
}

Status giveToUser(const QString &path, const QString &user)
{
    if (user.isEmpty())
        return {};
    const passwd *entry = ::getpwnam(user.toLocal8Bit().constData());
    if (!entry || ::chown(QFile::encodeName(path).constData(), entry->pw_uid, entry->pw_gid) != 0)
        return Error::io(QStringLiteral("Cannot hand %1 to the '%2' user").arg(path, user));
    return {};
}

ChildCommand serverCommand(const SandboxState &state, const QString &tool, const QStringList &arguments)
{
    return ChildCommand(QDir(state.binDir).filePath(tool), arguments, state.runAsUser,
                        environmentWithoutLibpqVariables());
}

Status failedTool(const QString &what, const Result<ChildOutcome> &outcome, const QString &logFile = {})
{
    if (!outcome)
        return outcome.error();
    QString detail = outcome.value().standardError.trimmed();
    if (!logFile.isEmpty()) {
        const QString tail = logTail(logFile);
        if (!tail.isEmpty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral("\n")) + QStringLiteral("Server log:\n") + tail;
    }
    return Error::process(QStringLiteral("%1 failed (exit code %2)").arg(what).arg(outcome.value().exitCode), detail);
}

} // namespace

SandboxCluster::SandboxCluster(SandboxOptions options) : m_options(std::move(options))
{
}

SandboxCluster::~SandboxCluster()
{
    if (m_running && !m_detached) {
        const Status stopped = stop();
        if (!stopped)
            qCWarning(lcSandbox) << "could not stop the sandbox:" << stopped.error().fullText();
    }
}

Status SandboxCluster::start(const ProgressSink &progress)
{
    Q_ASSERT(!m_running);
    const ProgressSink say = [&progress](const QString &line) {
        qCInfo(lcSandbox).noquote() << line;
        if (progress)
            progress(line);
    };
    const Result<ServerInstallation> installation = ServerInstallation::find(m_options.binDir);
    if (!installation)
        return installation.error();
    const Result<QString> runAsUser = serverSystemUser();
    if (!runAsUser)
        return runAsUser.error();
    if (m_options.port != 0 && !loopbackport::isFree(m_options.port))
        return Error::busy(
            QStringLiteral("Port %1 on 127.0.0.1 is already in use. Choose another port, or leave it unset to "
                           "pick a free one.")
                .arg(m_options.port));
    m_state = SandboxState{};
    m_state.binDir = installation.value().binDir;
    m_state.serverVersion = installation.value().versionText;
    m_state.runAsUser = runAsUser.value();
    m_state.password = m_options.password.isEmpty() ? generatePassword() : m_options.password;
    say(QStringLiteral("Using PostgreSQL %1 from %2").arg(m_state.serverVersion, m_state.binDir));

    Status status = prepareDirectory(say);
    if (status)
        status = runInitdb(say);
    if (status)
        status = writeConfiguration();
    if (status)
        status = launch(say);
    if (status)
        status = waitUntilAcceptingConnections();
    if (status)
        status = writePassFile();
    if (!status) {
        if (m_running)
            (void)stopCluster(m_state);
        m_running = false;
        removeDirectory();
        return status;
    }
    say(QStringLiteral("Sandbox server ready on %1:%2").arg(m_state.host).arg(m_state.port));
    return {};
}

Status SandboxCluster::prepareDirectory(const ProgressSink &say)
{
    const QString parent = m_options.parentDir.isEmpty() ? QDir::tempPath() : m_options.parentDir;
    QByteArray pattern = QFile::encodeName(QDir(parent).filePath(QStringLiteral("nrdb-sandbox-XXXXXX")));
    if (!::mkdtemp(pattern.data()))
        return Error::io(QStringLiteral("Cannot create a sandbox directory in %1").arg(parent));
    m_state.rootDir = QFile::decodeName(pattern);
    m_state.dataDir = QDir(m_state.rootDir).filePath(QStringLiteral("data"));
    m_state.socketDir = m_state.rootDir;
    m_state.logFile = QDir(m_state.rootDir).filePath(QStringLiteral("server.log"));
    m_state.passFile = QDir(m_state.rootDir).filePath(QStringLiteral("pgpass"));
    say(QStringLiteral("Created %1").arg(m_state.rootDir));
    if (Status given = giveToUser(m_state.rootDir, m_state.runAsUser); !given)
        return given;
    if (!m_state.runAsUser.isEmpty()) {
        // A private parent (e.g. a home directory) would stop the server user from reaching it.
        const Result<ChildOutcome> reachable =
            ChildCommand{QStringLiteral("/usr/bin/test"), {QStringLiteral("-w"), m_state.rootDir}, m_state.runAsUser}
                .run();
        if (!reachable || reachable.value().exitCode != 0)
            return Error::io(QStringLiteral("The '%1' user cannot reach %2 (a parent directory is private). Set TMPDIR "
                                            "to a directory it can reach, such as /tmp.")
                                 .arg(m_state.runAsUser, m_state.rootDir));
    }
    return {};
}

Status SandboxCluster::runInitdb(const ProgressSink &say)
{
    const QString pwfile = QDir(m_state.rootDir).filePath(QStringLiteral("initdb-password"));
    {
        QFile file(pwfile);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Error::io(QStringLiteral("Cannot write %1").arg(pwfile));
        file.write(m_state.password.toUtf8() + '\n');
    }
    if (Status given = giveToUser(pwfile, m_state.runAsUser); !given)
        return given;
    say(QStringLiteral("Initialising a new cluster (initdb)"));
    const Result<ChildOutcome> outcome =
        serverCommand(m_state, QStringLiteral("initdb"),
                      QStringList{QStringLiteral("--pgdata=") + m_state.dataDir,
                                  QStringLiteral("--username=") + m_state.superuser,
                                  QStringLiteral("--pwfile=") + pwfile, QStringLiteral("--auth-local=trust"),
                                  QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--encoding=UTF8"),
                                  QStringLiteral("--no-locale"), QStringLiteral("--no-sync")} +
                          m_options.extraInitdbArguments)
            .run();
    QFile::remove(pwfile);
    if (!outcome || outcome.value().exitCode != 0 || outcome.value().crashed)
        return failedTool(QStringLiteral("initdb"), outcome);
    return {};
}

Status SandboxCluster::writeConfiguration()
{
    QFile config(QDir(m_state.dataDir).filePath(QStringLiteral("postgresql.conf")));
    if (!config.open(QIODevice::Append))
        return Error::io(QStringLiteral("Cannot configure %1").arg(config.fileName()));
    // Throwaway cluster: loopback only, a private socket directory, durability traded for speed.
    const QString settings = QStringLiteral("\n# netraven-dbadmin sandbox\n"
                                            "listen_addresses = '127.0.0.1'\n"
                                            "unix_socket_directories = '%1'\n"
                                            "fsync = off\n"
                                            "synchronous_commit = off\n"
                                            "full_page_writes = off\n"
                                            "max_connections = 100\n")
                                 .arg(m_state.socketDir);
    config.write(settings.toUtf8());
    return {};
}

Status SandboxCluster::launch(const ProgressSink &say)
{
    const bool portChosenByUs = m_options.port == 0;
    for (int attempt = 1;; ++attempt) {
        quint16 port = m_options.port;
        if (portChosenByUs) {
            const Result<quint16> free = loopbackport::pickFree();
            if (!free)
                return free.error();
            port = free.value();
        }
        m_state.port = port;
        say(QStringLiteral("Starting the server on 127.0.0.1:%1").arg(port));
        ChildCommand command =
            serverCommand(m_state, QStringLiteral("pg_ctl"),
                          {QStringLiteral("--pgdata=") + m_state.dataDir, QStringLiteral("--log=") + m_state.logFile,
                           QStringLiteral("--options=-p %1").arg(port), QStringLiteral("--wait"),
                           QStringLiteral("--timeout=%1").arg(m_options.startTimeoutSeconds), QStringLiteral("start")});
        command.timeoutMs = (m_options.startTimeoutSeconds + 10) * 1000;
        const Result<ChildOutcome> outcome = command.run();
        if (outcome && outcome.value().exitCode == 0) {
            m_running = true;
            return {};
        }
        const QString log = logTail(m_state.logFile);
        const bool portTaken =
            log.contains(QLatin1String("could not bind")) || log.contains(QLatin1String("Address already in use"));
        if (portTaken && portChosenByUs && attempt < kLaunchAttempts)
            continue; // another process took the port between our check and the server's bind
        if (portTaken)
            return Error::busy(QStringLiteral("Port %1 on 127.0.0.1 is already in use").arg(port), log);
        return failedTool(QStringLiteral("Starting the server (pg_ctl start)"), outcome, m_state.logFile);
    }
}

Status SandboxCluster::waitUntilAcceptingConnections()
{
    QDeadlineTimer deadline(std::chrono::seconds(m_options.startTimeoutSeconds));
    Status last;
    do {
        DatabaseSession session;
        last = session.open(m_state.profile(), 2);
        if (last)
            return {};
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    return Error::timeout(
        QStringLiteral("The server started but accepted no connection within %1 s").arg(m_options.startTimeoutSeconds),
        last.error().message);
}

Status SandboxCluster::writePassFile()
{
    QFile file(m_state.passFile);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error::io(QStringLiteral("Cannot write %1").arg(m_state.passFile));
    file.write(QStringLiteral("%1:%2:*:%3:%4\n")
                   .arg(m_state.host)
                   .arg(m_state.port)
                   .arg(m_state.superuser, m_state.password)
                   .toUtf8());
    return {};
}

void SandboxCluster::removeDirectory()
{
    if (!m_state.rootDir.isEmpty())
        QDir(m_state.rootDir).removeRecursively();
}

Status SandboxCluster::stop(const ProgressSink &progress)
{
    const Status stopped = stopCluster(m_state, progress);
    m_running = false;
    return stopped;
}

Status stopCluster(const SandboxState &state, const ProgressSink &progress)
{
    if (progress)
        progress(QStringLiteral("Stopping the sandbox server on port %1").arg(state.port));
    Status result;
    if (QFile::exists(QDir(state.dataDir).filePath(QStringLiteral("postmaster.pid")))) {
        const Result<ChildOutcome> fast =
            serverCommand(state, QStringLiteral("pg_ctl"),
                          {QStringLiteral("--pgdata=") + state.dataDir, QStringLiteral("--mode=fast"),
                           QStringLiteral("--wait"), QStringLiteral("stop")})
                .run();
        if (!fast || fast.value().exitCode != 0) {
            const Result<ChildOutcome> immediate =
                serverCommand(state, QStringLiteral("pg_ctl"),
                              {QStringLiteral("--pgdata=") + state.dataDir, QStringLiteral("--mode=immediate"),
                               QStringLiteral("--wait"), QStringLiteral("stop")})
                    .run();
            if (!immediate || immediate.value().exitCode != 0)
                result = failedTool(QStringLiteral("Stopping the server (pg_ctl stop)"), immediate, state.logFile);
        }
    }
    if (result && !state.rootDir.isEmpty() && !QDir(state.rootDir).removeRecursively())
        result = Error::io(QStringLiteral("Could not remove %1").arg(state.rootDir));
    return result;
}

} // namespace nrdb
