#include "sandboxcommand.h"

#include "cliusage.h"
#include "commandline.h"
#include "exitcode.h"

#include "connection/databasesession.h"
#include "sandbox/sandboxcluster.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace nrdb::cli {

namespace {

QString defaultStateFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("sandbox.json"));
}

QString sandboxUsage()
{
    return QStringLiteral(
               "Usage: netraven-dbctl sandbox start [--port N] [--state-file FILE] [--replace]\n"
               "       netraven-dbctl sandbox stop [--state-file FILE]\n"
               "       netraven-dbctl sandbox status [--state-file FILE]\n"
               "\n"
               "A throwaway PostgreSQL cluster in a temporary directory, listening on 127.0.0.1 only, with a\n"
               "generated superuser password. 'start' leaves it running and records how to reach it in the\n"
               "state file (mode 0600; it holds the password); 'stop' stops it and removes every file it made.\n"
               "\n"
               "Options:\n"
               "  --port N           listen on port N (default: a free port)\n"
               "  --state-file FILE  where the sandbox is recorded (default: %1)\n"
               "  --replace          with start: first stop the sandbox the state file records\n")
        .arg(defaultStateFile());
}

bool isAlive(const SandboxState &state)
{
    return QFile::exists(QDir(state.dataDir).filePath(QStringLiteral("postmaster.pid")));
}

void printHowToConnect(const SandboxState &state, const QString &stateFile)
{
    writeOut(QStringLiteral("Sandbox server: PostgreSQL %1 on %2:%3\n"
                            "  connect:  PGPASSFILE=%4 psql 'postgresql://%5@%2:%3/postgres'\n"
                            "  files:    %6\n"
                            "  state:    %7 (holds the password; stop with 'netraven-dbctl sandbox stop')\n")
                 .arg(state.serverVersion, state.host)
                 .arg(state.port)
                 .arg(state.passFile, state.superuser, state.rootDir, stateFile));
}

int start(const CommandLine &command, const QString &stateFile)
{
    SandboxOptions options;
    if (command.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = command.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return command.usageError(QStringLiteral("--port wants a number from 1 to 65535, not '%1'")
                                          .arg(command.value(QStringLiteral("port"))));
        options.port = static_cast<quint16>(port);
    }
    if (const Result<SandboxState> previous = SandboxState::load(stateFile); previous) {
        if (isAlive(previous.value()) && !command.isSet(QStringLiteral("replace"))) {
            writeErr(QStringLiteral("netraven-dbctl: a sandbox already runs on port %1 (recorded in %2); stop it "
                                    "with 'netraven-dbctl sandbox stop' or pass --replace\n")
                         .arg(previous.value().port)
                         .arg(stateFile));
            return ExitFailed;
        }
        if (Status stopped = stopCluster(previous.value()); !stopped)
            writeErr(QStringLiteral("warning: %1\n").arg(stopped.error().fullText()));
    }
    SandboxCluster cluster(options);
    const Status started = cluster.start([](const QString &line) { writeErr(line + QLatin1Char('\n')); });
    if (!started) {
        writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(started.error().fullText()));
        return ExitFailed;
    }
    QDir().mkpath(QFileInfo(stateFile).absolutePath());
    if (Status saved = cluster.state().save(stateFile); !saved) {
        writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(saved.error().fullText()));
        return ExitFailed; // the cluster is stopped and removed on return: nothing would know of it
    }
    cluster.detach();
    printHowToConnect(cluster.state(), stateFile);
    return ExitOk;
}

int stop(const QString &stateFile)
{
    const Result<SandboxState> state = SandboxState::load(stateFile);
    if (!state) {
        writeOut(QStringLiteral("No sandbox is recorded in %1; nothing to stop.\n").arg(stateFile));
        return ExitOk;
    }
    const Status stopped = stopCluster(state.value(), [](const QString &line) { writeErr(line + QLatin1Char('\n')); });
    if (!stopped) {
        writeErr(QStringLiteral("netraven-dbctl: %1\n").arg(stopped.error().fullText()));
        return ExitFailed;
    }
    QFile::remove(stateFile);
    writeOut(QStringLiteral("Sandbox stopped and removed.\n"));
    return ExitOk;
}

int status(const QString &stateFile)
{
    const Result<SandboxState> state = SandboxState::load(stateFile);
    if (!state || !isAlive(state.value())) {
        writeOut(QStringLiteral("No sandbox is running (state file: %1).\n").arg(stateFile));
        return ExitFailed;
    }
    DatabaseSession session;
    if (Status reached = session.open(state.value().profile(), 3); !reached) {
        writeErr(QStringLiteral("netraven-dbctl: the sandbox's files exist but the server does not answer: %1\n")
                     .arg(reached.error().message));
        return ExitConnection;
    }
    printHowToConnect(state.value(), stateFile);
    return ExitOk;
}

} // namespace

int runSandboxCommand(const QStringList &arguments)
{
    CommandLine command(QStringLiteral("sandbox"), sandboxUsage());
    if (arguments.isEmpty())
        return command.usageError(QStringLiteral("sandbox wants one of: start, stop, status"));
    const QString action = arguments.first();
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        writeOut(command.usage());
        return ExitOk;
    }
    if (const std::optional<int> ended = command.parse(
            arguments.mid(1), {
                                  {QStringLiteral("port"), QStringLiteral("Port."), QStringLiteral("N")},
                                  {QStringLiteral("state-file"), QStringLiteral("State file."), QStringLiteral("FILE")},
                                  {QStringLiteral("replace"), QStringLiteral("Replace a running sandbox.")},
                              }))
        return *ended;
    if (!command.positional().isEmpty())
        return command.usageError(QStringLiteral("unexpected argument '%1'").arg(command.positional().first()));
    const QString stateFile = command.isSet(QStringLiteral("state-file"))
                                  ? QFileInfo(command.value(QStringLiteral("state-file"))).absoluteFilePath()
                                  : defaultStateFile();
    const bool isStart = action == QLatin1String("start");
    if (!isStart && (command.isSet(QStringLiteral("port")) || command.isSet(QStringLiteral("replace"))))
        return command.usageError(QStringLiteral("--port and --replace go with 'sandbox start' only"));
    if (isStart)
        return start(command, stateFile);
    if (action == QLatin1String("stop"))
        return stop(stateFile);
    if (action == QLatin1String("status"))
        return status(stateFile);
    return command.usageError(QStringLiteral("unknown sandbox action '%1' (start, stop or status)").arg(action));
}

} // namespace nrdb::cli
