// netraven-dbctl as a user runs it: the real binary, its exit codes, stdout and stderr.
#include "processes.h"
#include "queries.h"
#include "scratchdatabase.h"
#include "sshserver.h"

#include "backup/backupcatalog.h"
#include "backup/clienttools.h"
#include "connection/databasesession.h"
#include "connection/profilestore.h"
#include "jobs/environmentstatusjob.h"
#include "sandbox/loopbackport.h"
#include "sandbox/sandboxstate.h"
#include "util/childprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <array>
#include <csignal>
#include <unistd.h>

using namespace nrdb;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run dbctl(const QStringList &arguments, const QString &runAsUser = {},
          const QProcessEnvironment &environment = environmentWithoutLibpqVariables())
{
    ChildCommand command{QStringLiteral(NRDB_DBCTL_PATH), arguments, runAsUser, environment};
    const Result<ChildOutcome> outcome = command.run();
    if (!outcome)
        return Run{-1, {}, outcome.error().fullText()};
    return Run{outcome.value().exitCode, outcome.value().standardOutput, outcome.value().standardError};
}

// The environment the tool runs in against the fixture server: no PG* variables, its passfile.
QProcessEnvironment environmentFor(const SandboxState &server)
{
    QProcessEnvironment environment = environmentWithoutLibpqVariables();
    environment.insert(QStringLiteral("PGPASSFILE"), server.passFile);
    return environment;
}

// "%%" and "$$" are a literal % and $; any other % or $ starts a specifier or a variable, which
// systemd would replace by something else: here by a mark no argument holds.
QString withSpecifiersResolved(const QString &word)
{
    QString resolved;
    for (qsizetype i = 0; i < word.size(); ++i) {
        const QChar c = word.at(i);
        if ((c == QLatin1Char('%') || c == QLatin1Char('$')) && i + 1 < word.size() && word.at(i + 1) == c)
            resolved += word.at(++i);
        else if (c == QLatin1Char('%') || c == QLatin1Char('$'))
            resolved += QStringLiteral("<expanded>");
        else
            resolved += c;
    }
    return resolved;
}

// The words of a systemd unit's ExecStart= or Environment= value, as systemd reads them:
// double-quoted with C escapes, "%%" and "$$" for a literal % and $.
QStringList systemdWords(const QString &value)
{
    QStringList words;
    QString word;
    bool quoted = false;
    bool inWord = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (quoted && c == QLatin1Char('\\') && i + 1 < value.size())
            word += value.at(++i);
        else if (c == QLatin1Char('"'))
            quoted = !quoted, inWord = true;
        else if (c == QLatin1Char(' ') && !quoted && inWord)
            words << std::exchange(word, QString()), inWord = false;
        else if (c != QLatin1Char(' ') || quoted)
            word += c, inWord = true;
    }
    if (inWord)
        words << word;
    for (QString &each : words)
        each = withSpecifiersResolved(each);
    return words;
}

// What a systemd service runs, read from its file: ExecStart='s command in Environment='s variables
// over base. The test runs it as the timer would.
ChildCommand unitCommand(const QString &servicePath, QProcessEnvironment base)
{
    QFile file(servicePath);
    if (!file.open(QIODevice::ReadOnly))
        return ChildCommand({}, {});
    QStringList exec;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Environment="))) {
            for (const QString &assignment : systemdWords(line.mid(12)))
                base.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
        } else if (line.startsWith(QLatin1String("ExecStart="))) {
            exec = systemdWords(line.mid(10));
        }
    }
    return ChildCommand(exec.value(0), exec.mid(1), {}, base);
}

Run ran(const ChildCommand &command)
{
    const Result<ChildOutcome> outcome = command.run();
    if (!outcome)
        return Run{-1, {}, outcome.error().fullText()};
    return Run{outcome.value().exitCode, outcome.value().standardOutput, outcome.value().standardError};
}

// Sends signal to the running tool and waits for its end: SIGKILL kills it outright; any other
// cancels its job, saying so, and it exits 130.
void stopBy(QProcess &tool, int signal)
{
    ::kill(static_cast<pid_t>(tool.processId()), signal);
    QVERIFY(tool.waitForFinished(15000));
    if (signal == SIGKILL) {
        QCOMPARE(tool.exitStatus(), QProcess::CrashExit);
        return;
    }
    const QString err = QString::fromUtf8(tool.readAllStandardError());
    QVERIFY2(tool.exitCode() == 130, qPrintable(err));
    const QString said = signal == SIGINT    ? QStringLiteral("Ctrl-C")
                         : signal == SIGTERM ? QStringLiteral("SIGTERM")
                                             : QStringLiteral("SIGHUP");
    QVERIFY2(err.contains(QStringLiteral("Cancelling (%1)").arg(said)), qPrintable(err));
}

// Rows "<command>, SIGINT|SIGTERM|SIGKILL" for a test that stops each command with each signal.
void addSignalRows(const QStringList &commands)
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("signal");
    for (const QString &command : commands) {
        QTest::addRow("%s, SIGINT", qPrintable(command)) << command << int(SIGINT);
        QTest::addRow("%s, SIGTERM", qPrintable(command)) << command << int(SIGTERM);
        QTest::addRow("%s, SIGKILL", qPrintable(command)) << command << int(SIGKILL);
    }
}

} // namespace

class TestDbctl : public QObject {
    Q_OBJECT
private slots:
    void helpGoesToStdout()
    {
        const Run run = dbctl({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QLatin1String("Usage: netraven-dbctl")));
        QVERIFY(run.out.contains(QLatin1String("Exit codes")));
        QCOMPARE(run.err, QString());
    }

    // Every command the usage lists answers its own --help, on stdout, with its own synopsis.
    void everyListedCommandHasItsHelp()
    {
        const Run run = dbctl({QStringLiteral("--help")});
        const QString commandList =
            run.out.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        QSet<QString> commands;
        for (const QString &line : commandList.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            commands << line.simplified().section(QLatin1Char(' '), 0, 0);
        QVERIFY2(commands.size() >= 16, qPrintable(commandList));
        for (const QString &command : std::as_const(commands)) {
            const Run help = dbctl({command, QStringLiteral("--help")});
            QVERIFY2(help.exitCode == 0 && help.err.isEmpty(), qPrintable(command + QLatin1Char(' ') + help.err));
            QVERIFY2(help.out.startsWith(QStringLiteral("Usage: netraven-dbctl %1").arg(command)),
                     qPrintable(help.out));
        }
    }

    void versionIsPrinted()
    {
        const Run run = dbctl({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^netraven-dbctl \d+\.\d+\.\d+\n$)")).match(run.out).hasMatch(),
                 qPrintable(run.out));
    }

    void badArgumentsExitTwoWithUsageOnStderr_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command given");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                        << QStringLiteral("unknown option '--frobnicate'");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("unknown sandbox option")
            << QStringList{QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--bogus")}
            << QStringLiteral("Unknown option 'bogus'");
        QTest::newRow("bad port") << QStringList{QStringLiteral("sandbox"), QStringLiteral("start"),
                                                 QStringLiteral("--port"), QStringLiteral("99999")}
                                  << QStringLiteral("--port wants a number from 1 to 65535");
    }

    void badArgumentsExitTwoWithUsageOnStderr()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, complaint);
        const Run run = dbctl(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.contains(complaint), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("Usage: netraven-dbctl")), qPrintable(run.err));
    }

    void sandboxLifecycle()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(QStringLiteral("sandbox.json"));
        const Run started =
            dbctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--state-file"), stateFile});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY(started.out.contains(QLatin1String("Sandbox server: PostgreSQL")));
        const Result<SandboxState> state = SandboxState::load(stateFile);
        QVERIFY(state);
        QVERIFY2(!started.out.contains(state.value().password), "the password must not be printed");
        QCOMPARE(QFile::permissions(stateFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        const Run again =
            dbctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--state-file"), stateFile});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("already runs")), qPrintable(again.err));

        QCOMPARE(dbctl({QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--state-file"), stateFile})
                     .exitCode,
                 0);
        const Run stopped =
            dbctl({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--state-file"), stateFile});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QVERIFY(!QFile::exists(stateFile));
        QVERIFY(!QDir(state.value().rootDir).exists());
        QCOMPARE(dbctl({QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--state-file"), stateFile})
                     .exitCode,
                 1);
    }

    void connectTestWithAUriAndJson()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        QProcessEnvironment environment = environmentWithoutLibpqVariables();
        environment.insert(QStringLiteral("PGPASSWORD"), server.value().password);
        const Run run =
            dbctl({QStringLiteral("connect-test"), server.value().profile().toUri(), QStringLiteral("--json")}, {},
                  environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(result.value(QStringLiteral("user")).toString(), QStringLiteral("postgres"));
        QCOMPARE(result.value(QStringLiteral("superuser")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("password_from")).toString(), QStringLiteral("PGPASSWORD"));
        QVERIFY(!run.out.contains(server.value().password));
        QVERIFY(!run.err.contains(server.value().password));
    }

    void connectTestFromTheEnvironmentAndPgpass()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        QProcessEnvironment environment = environmentWithoutLibpqVariables();
        environment.insert(QStringLiteral("PGHOST"), server.value().host);
        environment.insert(QStringLiteral("PGPORT"), QString::number(server.value().port));
        environment.insert(QStringLiteral("PGUSER"), server.value().superuser);
        environment.insert(QStringLiteral("PGDATABASE"), QStringLiteral("postgres"));
        environment.insert(QStringLiteral("PGPASSFILE"), server.value().passFile);
        const Run run = dbctl({QStringLiteral("connect-test")}, {}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(
            run.out.startsWith(QStringLiteral("Connected to postgres@127.0.0.1:%1/postgres").arg(server.value().port)));
        QVERIFY(run.err.contains(QLatin1String("Using the password from the password file")));
    }

    // A profile saved by the GUI (same settings file) is found by name; its password is not in it.
    void connectTestWithASavedProfile()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        QTemporaryDir home;
        QProcessEnvironment environment = environmentWithoutLibpqVariables();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        environment.insert(QStringLiteral("PGPASSFILE"), server.value().passFile);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.path());
        QCoreApplication::setOrganizationName(QStringLiteral("NetRaven"));
        ConnectionProfile saved = server.value().profile();
        saved.name = QStringLiteral("Sandbox");
        saved.password.clear();
        QVERIFY(ProfileStore().saveAll({saved}));
        const Run run = dbctl({QStringLiteral("connect-test"), QStringLiteral("--profile"), QStringLiteral("Sandbox")},
                              {}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.contains(QLatin1String("PostgreSQL")));
    }

    void connectTestFailuresHaveTheirExitCodes()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        QProcessEnvironment environment = environmentWithoutLibpqVariables();
        environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("wrong-password"));
        const Run wrong = dbctl({QStringLiteral("connect-test"), server.value().profile().toUri()}, {}, environment);
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY2(wrong.err.contains(QLatin1String("refused user \"postgres\"")), qPrintable(wrong.err));

        const Run bad = dbctl({QStringLiteral("connect-test"), QStringLiteral("postgresql://[::1/x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("IPv6")), qPrintable(bad.err));

        const Run inArgv = dbctl({QStringLiteral("connect-test"), QStringLiteral("postgresql://u:secret@h/d")});
        QCOMPARE(inArgv.exitCode, 2);
        QVERIFY(inArgv.err.contains(QLatin1String("process list")));

        const Run noProfile =
            dbctl({QStringLiteral("connect-test"), QStringLiteral("--profile"), QStringLiteral("nope")});
        QCOMPARE(noProfile.exitCode, 2);
        QVERIFY(noProfile.err.contains(QLatin1String("no saved connection profile named \"nope\"")));
    }

    void bootstrapThenVerifyThenDrift()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString database = QStringLiteral("nrdb_cli_bootstrap_%1").arg(QCoreApplication::applicationPid());
        const QString uri = server.value().profile(database).toUri();

        // NetRaven's key file, as its container mounts it: the default device credential is seeded.
        QTemporaryDir keys;
        QFile keyFile(keys.filePath(QStringLiteral("fernet.key")));
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write("the-master-key-of-this-netraven\n");
        keyFile.close();
        const Run bootstrapped =
            dbctl({QStringLiteral("bootstrap"), uri, QStringLiteral("--json"), QStringLiteral("--secret-file"),
                   QStringLiteral("encryption_key=") + keyFile.fileName()},
                  {}, environment);
        QVERIFY2(bootstrapped.exitCode == 0, qPrintable(bootstrapped.err));
        const QJsonObject report = QJsonDocument::fromJson(bootstrapped.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("created_database")).toBool(), true);
        QCOMPARE(report[QStringLiteral("init")][QStringLiteral("pack")].toString(),
                 QStringLiteral("netraven-v2")); // an empty database
        QCOMPARE(report[QStringLiteral("seed")][QStringLiteral("tables")][2][QStringLiteral("table")].toString(),
                 QStringLiteral("credentials"));
        QCOMPARE(report[QStringLiteral("seed")][QStringLiteral("tables")][2][QStringLiteral("inserted")].toInt(), 1);
        QVERIFY(!bootstrapped.err.contains(QLatin1String("the-master-key-of-this-netraven")));
        const QString password =
            report[QStringLiteral("seed")][QStringLiteral("generated_secrets")][QStringLiteral("admin_password")]
                .toString();
        QCOMPARE(password.size(), 20);
        QVERIFY2(!bootstrapped.err.contains(password), "the generated password must not reach the log");

        const Run verified = dbctl({QStringLiteral("verify"), uri}, {}, environment);
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(verified.out.contains(QLatin1String("pack netraven-v2 (recorded in nrdb.schema_history)")),
                 qPrintable(verified.out));
        QVERIFY(verified.out.contains(QLatin1String("Alembic: alembic_version = a3992da91329")));
        // Named, the other NetRaven is compared (reading), and is plainly not this database.
        const Run asV1 = dbctl({QStringLiteral("verify"), uri, QStringLiteral("--pack"), QStringLiteral("netraven-v1")},
                               {}, environment);
        QCOMPARE(asV1.exitCode, 4);
        QVERIFY2(
            asV1.out.startsWith(QLatin1String("Not a netraven-v1 database: 11 of its 11 required tables are missing")),
            qPrintable(asV1.out));
        const Run again = dbctl({QStringLiteral("bootstrap"), uri}, {}, environment);
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.startsWith(QLatin1String("Nothing to do")));

        const Run dropped = dbctl({QStringLiteral("connect-test"), uri}, {}, environment);
        QCOMPARE(dropped.exitCode, 0);
        ChildCommand psql(QDir(server.value().binDir).filePath(QStringLiteral("psql")),
                          {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), uri, QStringLiteral("-c"),
                           QStringLiteral("DROP INDEX public.ix_devices_hostname")},
                          {}, environment);
        QCOMPARE(psql.run().value().exitCode, 0);
        const Run drift = dbctl({QStringLiteral("verify"), uri, QStringLiteral("--json")}, {}, environment);
        QCOMPARE(drift.exitCode, 4);
        const QJsonArray items =
            QJsonDocument::fromJson(drift.out.toUtf8()).object().value(QStringLiteral("drift")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()[QStringLiteral("object")].toString(), QStringLiteral("ix_devices_hostname"));
        QCOMPARE(items.first()[QStringLiteral("kind")].toString(), QStringLiteral("missing"));

        const Run dryRun = dbctl({QStringLiteral("migrate"), QStringLiteral("dry-run"), uri}, {}, environment);
        QCOMPARE(dryRun.exitCode, 0);
        QCOMPARE(dryRun.out, QString()); // nothing pending
        QCOMPARE(dbctl({QStringLiteral("migrate"), QStringLiteral("sideways"), uri}, {}, environment).exitCode, 2);
    }

    // profile add|list|remove: the profiles the window uses, never with a password.
    void profilesAreAddedListedAndRemoved()
    {
        QTemporaryDir config;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const QString prod = QStringLiteral("postgresql://dba@db.prod/netraven");
        const Run added = dbctl({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Production"), prod,
                                 QStringLiteral("--tier"), QStringLiteral("prod")},
                                {}, environment);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.out, QStringLiteral("Saved profile \"Production\": dba@db.prod/netraven (prod)\n"));
        QCOMPARE(dbctl({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Production"), prod}, {},
                       environment)
                     .exitCode,
                 1); // exists: --replace to change it
        const Run secret = dbctl({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Laptop"),
                                  QStringLiteral("postgresql://dba:S3cret@localhost/netraven")},
                                 {}, environment);
        QCOMPARE(secret.exitCode, 2);
        QVERIFY(secret.err.contains(QLatin1String("holds a password")));
        QCOMPARE(dbctl({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Laptop"),
                        QStringLiteral("host=localhost dbname=netraven")},
                       {}, environment)
                     .exitCode,
                 0);
        const Run listed =
            dbctl({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")}, {}, environment);
        const QJsonArray profiles = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0)[QStringLiteral("tier")].toString(), QStringLiteral("prod"));
        QCOMPARE(profiles.at(0)[QStringLiteral("connection")].toString(), prod);
        // The window's own store reads the same file.
        QCOMPARE(ProfileStore(config.filePath(QStringLiteral("NetRaven/netraven-dbadmin.ini"))).profiles().size(), 2);
        QCOMPARE(
            dbctl({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("Production")}, {}, environment)
                .exitCode,
            0);
        QCOMPARE(
            dbctl({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("Production")}, {}, environment)
                .exitCode,
            1);
        const Run remaining = dbctl({QStringLiteral("profile"), QStringLiteral("list")}, {}, environment);
        QCOMPARE(remaining.out, QStringLiteral("Laptop  dev      localhost/netraven\n"));
    }

    // environments reads every saved profile at once, production first: a live NetRaven with its
    // backup, a port nothing listens on and one that accepts and never answers, each of which costs
    // its own row the timeout and no one else anything.
    void environmentsReadEveryProfileAtOnce()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        QTemporaryDir config;
        QTemporaryDir backups;
        QProcessEnvironment environment = environmentFor(server.value());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const QString uri =
            server.value().profile(QStringLiteral("nrdb_cli_env_%1").arg(QCoreApplication::applicationPid())).toUri();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), uri}, {}, environment).exitCode, 0);
        QCOMPARE(
            dbctl({QStringLiteral("backup"), uri, QStringLiteral("--dir"), backups.path()}, {}, environment).exitCode,
            0);
        const Result<quint16> refused = loopbackport::pickFree();
        QVERIFY(refused);
        QTcpServer silent; // the kernel completes each connection; nothing ever answers on it
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QList<std::pair<QString, QString>> profiles{
            {QStringLiteral("dead"),
             QStringLiteral("postgresql://postgres@127.0.0.1:%1/netraven").arg(refused.value())},
            {QStringLiteral("silent"),
             QStringLiteral("postgresql://postgres@127.0.0.1:%1/netraven").arg(silent.serverPort())},
            {QStringLiteral("live"), uri}};
        for (const auto &[name, connection] : profiles) {
            const QString tier = name == QLatin1String("live") ? QStringLiteral("prod") : QStringLiteral("dev");
            QCOMPARE(dbctl({QStringLiteral("profile"), QStringLiteral("add"), name, connection,
                            QStringLiteral("--tier"), tier},
                           {}, environment)
                         .exitCode,
                     0);
        }
        QElapsedTimer clock;
        clock.start();
        const Run read = dbctl(
            {QStringLiteral("environments"), QStringLiteral("--json"), QStringLiteral("--backups"), backups.path()}, {},
            environment);
        // The two dead ones wait out their timeouts side by side, not one after the other.
        QVERIFY2(clock.elapsed() < 2 * EnvironmentStatusJob::kConnectTimeoutSeconds * 1000,
                 qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(read.exitCode == 3, qPrintable(read.err)); // one could not be reached
        const QJsonArray statuses = QJsonDocument::fromJson(read.out.toUtf8()).array();
        QCOMPARE(statuses.size(), 3);
        const QJsonObject live = statuses.at(0).toObject(); // production first
        QCOMPARE(live[QStringLiteral("name")].toString(), QStringLiteral("live"));
        QVERIFY(live[QStringLiteral("reached")].toBool());
        QCOMPARE(live[QStringLiteral("pack")].toString(), QStringLiteral("netraven-v2"));
        QVERIFY(live[QStringLiteral("pack_version")].toString().startsWith(QLatin1String("version 2")));
        QCOMPARE(live[QStringLiteral("alembic_revision")].toString(), QStringLiteral("a3992da91329"));
        QCOMPARE(live[QStringLiteral("differences")].toInt(), 0);
        QVERIFY(live[QStringLiteral("database_size_bytes")].toInteger() > 0);
        QVERIFY(live[QStringLiteral("connections")].toInt() >= 1);
        QVERIFY(live[QStringLiteral("last_backup")].toObject()[QStringLiteral("name")].toString().startsWith(
            QStringLiteral("nrdb_cli_env_")));
        QVERIFY(live[QStringLiteral("last_proof")].isNull());
        QCOMPARE(live[QStringLiteral("concern")].toString(), QStringLiteral("no backup proven restorable"));
        for (const QJsonValue &value : statuses) {
            const QJsonObject status = value.toObject();
            if (status[QStringLiteral("name")] == QLatin1String("live"))
                continue;
            QVERIFY(!status[QStringLiteral("reached")].toBool());
            const QString message = status[QStringLiteral("error")][QStringLiteral("message")].toString();
            QVERIFY2(message.contains(status[QStringLiteral("name")] == QLatin1String("silent")
                                          ? QLatin1String("timed out")
                                          : QLatin1String("Nothing accepts connections")),
                     qPrintable(message));
        }
        const QString reports = backups.filePath(QStringLiteral("reports"));
        const Run table = dbctl({QStringLiteral("environments"), QStringLiteral("live"), QStringLiteral("--backups"),
                                 backups.path(), QStringLiteral("--report"), reports},
                                {}, environment);
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith(QLatin1String("NAME ")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QLatin1String("live: no backup proven restorable")), qPrintable(table.out));
        // A quiet read logs nothing unless something went wrong; the report is said.
        QVERIFY2(table.err.startsWith(QStringLiteral("Health report: %1/netraven-health-").arg(reports)) &&
                     table.err.endsWith(QLatin1String(".html (1 environment, 1 needs attention)\n")),
                 qPrintable(table.err));
        QCOMPARE(QDir(reports).entryList(QDir::Files).size(), 2);
        QCOMPARE(dbctl({QStringLiteral("environments"), QStringLiteral("nosuch")}, {}, environment).exitCode, 2);
    }

    // A write to a production database (its profile's tier, or a URI naming a saved production
    // database) wants the database's name: from --yes-production in a script, where nothing is
    // touched without it; a read wants nothing.
    void productionWritesWantTheDatabaseNamed()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        QTemporaryDir config;
        QTemporaryDir backups;
        QProcessEnvironment environment = environmentFor(server.value());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const QString database = QStringLiteral("nrdb_cli_prod_%1").arg(QCoreApplication::applicationPid());
        ConnectionProfile production = server.value().profile(database);
        production.password.clear();
        const QString uri = production.toUri();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), uri}, {}, environment).exitCode, 0);
        for (int backup = 0; backup < 2; ++backup) {
            if (backup > 0)
                QTest::qWait(1100); // backups are named by the second
            QCOMPARE(dbctl({QStringLiteral("backup"), uri, QStringLiteral("--dir"), backups.path()}, {}, environment)
                         .exitCode,
                     0);
        }
        QCOMPARE(dbctl({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("prod"), uri,
                        QStringLiteral("--tier"), QStringLiteral("prod")},
                       {}, environment)
                     .exitCode,
                 0);
        const QStringList byProfile{QStringLiteral("--profile"), QStringLiteral("prod")};

        const Run seed = dbctl(QStringList{QStringLiteral("seed")} + byProfile, {}, environment);
        QCOMPARE(seed.exitCode, 2);
        QVERIFY2(seed.err.contains(QStringLiteral("pass --yes-production %1").arg(database)), qPrintable(seed.err));
        const Run byUri = dbctl({QStringLiteral("init"), uri}, {}, environment);
        QCOMPARE(byUri.exitCode, 2); // the URI names the saved production database
        const Run wrong = dbctl(QStringList{QStringLiteral("init")} + byProfile +
                                    QStringList{QStringLiteral("--yes-production"), QStringLiteral("netraven")},
                                {}, environment);
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(QLatin1String("names \"netraven\"")), qPrintable(wrong.err));
        const Run prune = dbctl({QStringLiteral("backups"), QStringLiteral("prune"), backups.path(),
                                 QStringLiteral("--keep"), QStringLiteral("1")},
                                {}, environment);
        QCOMPARE(prune.exitCode, 2);
        QCOMPARE(backupcatalog::list(backups.path()).size(), 2); // nothing was removed

        const Run confirmed = dbctl(QStringList{QStringLiteral("init")} + byProfile +
                                        QStringList{QStringLiteral("--yes-production"), database},
                                    {}, environment);
        QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
        QVERIFY2(confirmed.out.startsWith(QLatin1String("Nothing to do")), qPrintable(confirmed.out));
        QCOMPARE(dbctl(QStringList{QStringLiteral("verify")} + byProfile, {}, environment).exitCode, 0);
        QCOMPARE(dbctl({QStringLiteral("backups"), QStringLiteral("prune"), backups.path(), QStringLiteral("--keep"),
                        QStringLiteral("1"), QStringLiteral("--yes-production"), database},
                       {}, environment)
                     .exitCode,
                 0);
        QCOMPARE(backupcatalog::list(backups.path()).size(), 1);
    }

    // A scheduled backup is a systemd timer and service that systemd itself accepts; what the
    // service runs backs up, prunes to the retention, proves every second backup and records how it
    // went, and schedule list says so; a run that cannot reach its server is recorded as failed.
    void profilesBehindAnSshHostAreBackedUpThroughIt()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        test::SshServer ssh;
        const Status started = ssh.start();
        QVERIFY2(started, qPrintable(started.error().fullText()));
        QTemporaryDir home;
        QProcessEnvironment environment = environmentFor(server.value());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        const QString database = QStringLiteral("nrdb_cli_ssh_%1").arg(QCoreApplication::applicationPid());
        ConnectionProfile site = server.value().profile(database);
        site.password.clear();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), site.toUri()}, {}, environment).exitCode, 0);
        const auto addProfile = [&](const QString &name, const QString &alias) {
            return dbctl({QStringLiteral("profile"), QStringLiteral("add"), name, site.toUri(), QStringLiteral("--ssh"),
                          alias, QStringLiteral("--ssh-config"), ssh.configFile()},
                         {}, environment);
        };
        const Run added = addProfile(QStringLiteral("site"), QStringLiteral("bastion"));
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QLatin1String("through SSH bastion")), qPrintable(added.out));
        const QJsonArray listed =
            QJsonDocument::fromJson(
                dbctl({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")}, {}, environment)
                    .out.toUtf8())
                .array();
        QCOMPARE(listed.first()[QLatin1String("ssh")][QLatin1String("host")].toString(), QStringLiteral("bastion"));

        const QString backups = home.filePath(QStringLiteral("backups"));
        const Run backedUp = dbctl({QStringLiteral("backup"), QStringLiteral("--profile"), QStringLiteral("site"),
                                    QStringLiteral("--dir"), backups},
                                   {}, environment);
        QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err + ssh.log()));
        const QVector<BackupEntry> made = backupcatalog::list(backups);
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.first().manifest.origin, site.databaseKey()); // the server's name, not the tunnel's port
        const Run verified =
            dbctl({QStringLiteral("verify"), QStringLiteral("--profile"), QStringLiteral("site")}, {}, environment);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
        QVERIFY(test::processesNaming(ssh.configFile(), QStringLiteral("ssh")).isEmpty()); // stopped when done

        QCOMPARE(addProfile(QStringLiteral("unknown key"), QStringLiteral("stranger")).exitCode, 0);
        const Run refused =
            dbctl({QStringLiteral("connect-test"), QStringLiteral("--profile"), QStringLiteral("unknown key")}, {},
                  environment);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QLatin1String("host key of stranger is not known")), qPrintable(refused.err));
    }

    void scheduledBackupsRunWhatTheirUnitsSay()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        QTemporaryDir home;
        QProcessEnvironment environment = environmentFor(server.value());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        const QString database = QStringLiteral("nrdb_cli_sched_%1").arg(QCoreApplication::applicationPid());
        ConnectionProfile production = server.value().profile(database);
        production.password.clear();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), production.toUri()}, {}, environment).exitCode, 0);
        const QString name = QStringLiteral("Site A/50%");
        QCOMPARE(dbctl({QStringLiteral("profile"), QStringLiteral("add"), name, production.toUri(),
                        QStringLiteral("--tier"), QStringLiteral("prod")},
                       {}, environment)
                     .exitCode,
                 0);
        const QString backups = home.filePath(QStringLiteral("backups 100%"));
        const QStringList install{QStringLiteral("schedule"),
                                  QStringLiteral("install"),
                                  name,
                                  QStringLiteral("--at"),
                                  QStringLiteral("02:30"),
                                  QStringLiteral("--dir"),
                                  backups,
                                  QStringLiteral("--keep"),
                                  QStringLiteral("2"),
                                  QStringLiteral("--prove-every"),
                                  QStringLiteral("2"),
                                  QStringLiteral("--with"),
                                  QStringLiteral("systemd")};
        const Run unconfirmed = dbctl(install, {}, environment);
        QVERIFY2(unconfirmed.exitCode == 2, qPrintable(unconfirmed.err)); // production's backups get pruned
        const Run installed =
            dbctl(install + QStringList{QStringLiteral("--yes-production"), database}, {}, environment);
        QVERIFY2(installed.exitCode == 0, qPrintable(installed.err));
        QVERIFY2(installed.out.contains(QLatin1String("daily at 02:30")), qPrintable(installed.out));

        const QString units = home.filePath(QStringLiteral("config/systemd/user/"));
        const QString service = units + QStringLiteral("netraven-backup-Site\\x20A-50\\x25.service");
        const QString timer = units + QStringLiteral("netraven-backup-Site\\x20A-50\\x25.timer");
        QVERIFY(QFileInfo(units + QStringLiteral("timers.target.wants/netraven-backup-Site\\x20A-50\\x25.timer"))
                    .isSymLink());
        ChildCommand verify(QStringLiteral("/usr/bin/systemd-analyze"), {QStringLiteral("verify"), service, timer});
        const Run verified = ran(verify);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));

        const ChildCommand scheduled = unitCommand(service, environmentWithoutLibpqVariables());
        QVERIFY2(scheduled.arguments.contains(QLatin1String("--yes-production")), qPrintable(scheduled.program));
        for (int run = 0; run < 3; ++run) {
            if (run > 0)
                QTest::qWait(1100); // backups are named by the second
            const Run backedUp = ran(scheduled);
            QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
        }
        const QVector<BackupEntry> kept = backupcatalog::list(backups);
        QCOMPARE(kept.size(), 2); // the oldest went with the third
        const std::optional<BackupEntry> proven = backupcatalog::lastProven(kept);
        QVERIFY(proven);
        QCOMPARE(proven->path, kept.last().path); // the second run's, proven; the third waits its turn
        QVERIFY(proven->isVerified());

        const Run listed =
            dbctl({QStringLiteral("schedule"), QStringLiteral("list"), QStringLiteral("--json")}, {}, environment);
        const QJsonObject entry = QJsonDocument::fromJson(listed.out.toUtf8()).array().first().toObject();
        QCOMPARE(entry[QStringLiteral("state")].toString(), QStringLiteral("ok"));
        QCOMPARE(entry[QStringLiteral("onCalendar")].toString(), QStringLiteral("*-*-* 02:30:00"));
        const QDateTime next = QDateTime::fromString(entry[QStringLiteral("nextRun")].toString(), Qt::ISODate);
        QVERIFY(next > QDateTime::currentDateTime() && next < QDateTime::currentDateTime().addDays(1));
        QCOMPARE(next.time(), QTime(2, 30));
        const QJsonObject record = entry[QStringLiteral("record")].toObject();
        QCOMPARE(record[QStringLiteral("lastBackupPath")].toString(), kept.first().path);
        QCOMPARE(record[QStringLiteral("runsSinceProof")].toInt(), 1);
        QVERIFY(
            record[QStringLiteral("lastMessage")].toString().contains(QLatin1String("removed 1 past the retention")));
        // The environments command looks for its backups where the schedule puts them, and says how it stands.
        const Run environments =
            dbctl({QStringLiteral("environments"), name, QStringLiteral("--json")}, {}, environment);
        const QJsonObject status = QJsonDocument::fromJson(environments.out.toUtf8()).array().first().toObject();
        QCOMPARE(status[QStringLiteral("schedule")][QLatin1String("state")].toString(), QStringLiteral("ok"));
        QCOMPARE(status[QStringLiteral("backup_directory")].toString(), backups);

        const Result<quint16> refused = loopbackport::pickFree();
        QVERIFY(refused);
        QCOMPARE(dbctl({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("gone"),
                        QStringLiteral("postgresql://postgres@127.0.0.1:%1/netraven").arg(refused.value())},
                       {}, environment)
                     .exitCode,
                 0);
        QCOMPARE(dbctl({QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("gone"),
                        QStringLiteral("--every-hours"), QStringLiteral("6"), QStringLiteral("--dir"), backups,
                        QStringLiteral("--with"), QStringLiteral("systemd")},
                       {}, environment)
                     .exitCode,
                 0);
        const Run failed = ran(
            unitCommand(units + QStringLiteral("netraven-backup-gone.service"), environmentWithoutLibpqVariables()));
        QCOMPARE(failed.exitCode, 3);
        const Run afterFailure = dbctl({QStringLiteral("schedule"), QStringLiteral("list")}, {}, environment);
        QVERIFY2(afterFailure.out.contains(QLatin1String("FAILED: failed at")) &&
                     afterFailure.out.contains(QLatin1String("Nothing accepts connections")),
                 qPrintable(afterFailure.out));

        QCOMPARE(dbctl({QStringLiteral("schedule"), QStringLiteral("remove"), name}, {}, environment).exitCode, 0);
        QVERIFY(!QFileInfo::exists(service) && !QFileInfo::exists(timer));
        QCOMPARE(backupcatalog::list(backups).size(), 2); // its backups stay
        QCOMPARE(dbctl({QStringLiteral("schedule"), QStringLiteral("remove"), name}, {}, environment).exitCode, 1);
    }

    // export-models writes both files, some tables only when asked, and wants --out.
    void exportModelsWritesTheModelCode()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString uri = server.value()
                                .profile(QStringLiteral("nrdb_cli_models_%1").arg(QCoreApplication::applicationPid()))
                                .toUri();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), uri}, {}, environment).exitCode, 0);
        QTemporaryDir out;
        const Run exported = dbctl({QStringLiteral("export-models"), uri, QStringLiteral("--out"), out.path(),
                                    QStringLiteral("--tables"), QStringLiteral("devices,device_tag_association")},
                                   {}, environment);
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QCOMPARE(exported.out, QStringLiteral("Wrote %1/models.py and %1/schemas.py (2 tables)\n").arg(out.path()));
        QFile models(out.filePath(QStringLiteral("models.py")));
        QVERIFY(models.open(QIODevice::ReadOnly));
        const QByteArray code = models.readAll();
        QVERIFY(code.contains("class Devices(Base):") && code.contains("class DeviceTagAssociation(Base):"));
        QVERIFY(!code.contains("class Tags(Base):"));
        QVERIFY2(exported.err.contains(QLatin1String("Not expressed: foreign key device_tag_association_tag_id_fkey of "
                                                     "public.device_tag_association refers to public.tags")),
                 qPrintable(exported.err));                                                   // left out, and said
        QCOMPARE(dbctl({QStringLiteral("export-models"), uri}, {}, environment).exitCode, 2); // no --out
        QCOMPARE(dbctl({QStringLiteral("export-models"), uri, QStringLiteral("--out"), out.path(),
                        QStringLiteral("--schema"), QStringLiteral("nowhere")},
                       {}, environment)
                     .exitCode,
                 1);
    }

    void backupWritesACheckedArchiveAndManifest()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString uri = server.value()
                                .profile(QStringLiteral("nrdb_cli_backup_%1").arg(QCoreApplication::applicationPid()))
                                .toUri();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), uri}, {}, environment).exitCode, 0);
        QTemporaryDir dir;
        const Run backup =
            dbctl({QStringLiteral("backup"), uri, QStringLiteral("--dir"), dir.path(), QStringLiteral("--format"),
                   QStringLiteral("plain-gzip"), QStringLiteral("--shareable")},
                  {}, environment);
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
        const QString path = backup.out.trimmed();
        QVERIFY2(
            QRegularExpression(QStringLiteral(R"(/nrdb_cli_backup_\d+_\d{8}_\d{6}\.sql\.gz$)")).match(path).hasMatch(),
            qPrintable(path));
        QFile manifestFile(path + QStringLiteral(".manifest.json"));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
        QCOMPARE(manifest[QStringLiteral("model")][QStringLiteral("pack")].toString(), QStringLiteral("netraven-v2"));
        QCOMPARE(manifest[QStringLiteral("model")][QStringLiteral("version")].toInt(), 2);
        QVERIFY2(backup.err.contains(QLatin1String("Shareable: the rows of credentials stay out")),
                 qPrintable(backup.err));
        QVERIFY(!backup.err.contains(server.value().password));
        const Run badFormat = dbctl({QStringLiteral("backup"), uri, QStringLiteral("--dir"), dir.path(),
                                     QStringLiteral("--format"), QStringLiteral("zip")},
                                    {}, environment);
        QCOMPARE(badFormat.exitCode, 2);
        QCOMPARE(dbctl({QStringLiteral("backup"), uri}, {}, environment).exitCode, 2); // no --dir

        // The client tools the window's settings name are the ones the command line runs.
        QTemporaryDir config;
        const QString tools = config.filePath(QStringLiteral("tools"));
        QVERIFY(QDir().mkpath(tools));
        for (const QString &tool : {QStringLiteral("pg_dump"), QStringLiteral("pg_restore"), QStringLiteral("psql")})
            QVERIFY(QFile::link(ClientTools::forServer(15).value().binDir + QLatin1Char('/') + tool,
                                tools + QLatin1Char('/') + tool));
        QSettings(config.filePath(QStringLiteral("NetRaven/netraven-dbadmin.conf")), QSettings::IniFormat)
            .setValue(QStringLiteral("tools/directory"), tools);
        QProcessEnvironment configured = environment;
        configured.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const Run withTools =
            dbctl({QStringLiteral("backup"), uri, QStringLiteral("--dir"), config.path()}, {}, configured);
        QVERIFY2(withTools.exitCode == 0, qPrintable(withTools.err));
        QVERIFY2(withTools.err.contains(QStringLiteral("from %1,").arg(tools)), qPrintable(withTools.err));

        // Restore into a new database, prove the backup, and refuse to replace without the name.
        const QString into = QStringLiteral("nrdb_cli_restored_%1").arg(QCoreApplication::applicationPid());
        const QString serverUri = server.value().profile().toUri();
        const Run restored =
            dbctl({QStringLiteral("restore"), path, serverUri, QStringLiteral("--into"), into}, {}, environment);
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QCOMPARE(restored.out, QStringLiteral("Restored into %1.\n").arg(into));
        const Run again =
            dbctl({QStringLiteral("restore"), path, serverUri, QStringLiteral("--into"), into}, {}, environment);
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QLatin1String("exists")));
        const Run proved = dbctl({QStringLiteral("prove-restorable"), path, serverUri}, {}, environment);
        QVERIFY2(proved.exitCode == 0, qPrintable(proved.err));
        QVERIFY(proved.out.startsWith(QLatin1String("Restorable: restored on the server")));
        QVERIFY2(proved.out.contains(QLatin1String("Matches netraven-v2 at version 2")), qPrintable(proved.out));
        QCOMPARE(dbctl({QStringLiteral("restore"), dir.filePath(QStringLiteral("none.dump")), serverUri,
                        QStringLiteral("--into"), into},
                       {}, environment)
                     .exitCode,
                 1);

        // Some tables of an archive alone, with parallel jobs and without the owners.
        const QString some = into + QStringLiteral("_some");
        const Run someTables =
            dbctl({QStringLiteral("restore"), withTools.out.trimmed(), serverUri, QStringLiteral("--into"), some,
                   QStringLiteral("--table"), QStringLiteral("public.tags"), QStringLiteral("--table"),
                   QStringLiteral("public.devices"), QStringLiteral("--jobs"), QStringLiteral("2"),
                   QStringLiteral("--no-owner")},
                  {}, environment);
        QVERIFY2(someTables.exitCode == 0, qPrintable(someTables.err));
        QCOMPARE(test::queryValues(server.value().profile(some),
                                   QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                                  "table_schema = 'public' ORDER BY 1")),
                 (QStringList{QStringLiteral("devices"), QStringLiteral("tags")}));
        const Run plainSome =
            dbctl({QStringLiteral("restore"), path, serverUri, QStringLiteral("--into"), some + QStringLiteral("_2"),
                   QStringLiteral("--table"), QStringLiteral("public.tags")},
                  {}, environment);
        QCOMPARE(plainSome.exitCode, 1); // refused by the restore, as an existing target is
        QVERIFY2(plainSome.err.contains(QLatin1String("Only a custom or directory archive")),
                 qPrintable(plainSome.err));
        QCOMPARE(dbctl({QStringLiteral("restore"), path, serverUri, QStringLiteral("--into"), some,
                        QStringLiteral("--jobs"), QStringLiteral("many")},
                       {}, environment)
                     .exitCode,
                 2);

        const Run listed = dbctl({QStringLiteral("backups"), QStringLiteral("list"), dir.path()}, {}, environment);
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QLatin1String("plain-gzip  verified")), qPrintable(listed.out)); // proven above
        QCOMPARE(dbctl({QStringLiteral("backups"), QStringLiteral("verify"), dir.path()}, {}, environment).exitCode, 0);
        const Run pruned = dbctl({QStringLiteral("backups"), QStringLiteral("prune"), dir.path(),
                                  QStringLiteral("--keep"), QStringLiteral("1")},
                                 {}, environment);
        QCOMPARE(pruned.exitCode, 0);
        QCOMPARE(pruned.out, QString()); // one backup, and it is the only verified one
        QCOMPARE(dbctl({QStringLiteral("backups"), QStringLiteral("prune"), dir.path()}, {}, environment).exitCode, 2);
    }

    // A database of no known pack gets one line, not a list of every table it lacks.
    void aDatabaseOfNoPackGetsOneLine()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString name = QStringLiteral("nrdb_cli_neither_%1").arg(QCoreApplication::applicationPid());
        const QString psqlPath = QDir(server.value().binDir).filePath(QStringLiteral("psql"));
        for (const auto &[database, sql] :
             {std::pair{server.value().profile().toUri(), QStringLiteral("CREATE DATABASE %1").arg(name)},
              std::pair{server.value().profile(name).toUri(), QStringLiteral("CREATE TABLE users (id int)")}}) {
            ChildCommand psql(
                psqlPath,
                {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), database, QStringLiteral("-c"), sql},
                {}, environment);
            QCOMPARE(psql.run().value().exitCode, 0);
        }
        const QString uri = server.value().profile(name).toUri();
        const QString line = QStringLiteral(
            "Not a database of any known pack: the closest is netraven-v2, with 1 of its 12 required tables");
        const Run verified = dbctl({QStringLiteral("verify"), uri}, {}, environment);
        QCOMPARE(verified.exitCode, 4);
        QCOMPARE(verified.out, line + QLatin1Char('\n'));
        const Run adopted = dbctl({QStringLiteral("adopt"), uri}, {}, environment);
        QCOMPARE(adopted.exitCode, 1);
        QVERIFY2(adopted.err.contains(line), qPrintable(adopted.err));
        const Run initialised = dbctl({QStringLiteral("init"), uri}, {}, environment);
        QCOMPARE(initialised.exitCode, 1);
        QVERIFY(initialised.err.contains(QLatin1String("Name the pack with --pack")));
    }

    void inspectLintAndExportSchema()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString uri = server.value()
                                .profile(QStringLiteral("nrdb_cli_inspect_%1").arg(QCoreApplication::applicationPid()))
                                .toUri();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), uri, QStringLiteral("--pack"), QStringLiteral("netraven-v1")}, {},
                       environment)
                     .exitCode,
                 0);

        const Run summary = dbctl({QStringLiteral("inspect"), uri}, {}, environment);
        QCOMPARE(summary.exitCode, 0);
        QVERIFY2(summary.out.startsWith(QLatin1String("netraven: 13 tables, 0 views")), qPrintable(summary.out));
        QVERIFY(summary.out.contains(QLatin1String("Extensions: pgcrypto")));
        QVERIFY2(
            summary.out.contains(QLatin1String("Pack: netraven-v1: 11 of its 11 required tables in schema netraven")),
            qPrintable(summary.out));
        const Run json = dbctl({QStringLiteral("inspect"), uri, QStringLiteral("--schema"), QStringLiteral("netraven"),
                                QStringLiteral("--json")},
                               {}, environment);
        QCOMPARE(json.exitCode, 0);
        const QJsonArray relations =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("relations")).toArray();
        QCOMPARE(relations.size(), 13);
        const auto devices = std::find_if(relations.cbegin(), relations.cend(), [](const QJsonValue &relation) {
            return relation[QStringLiteral("name")].toString() == QLatin1String("devices");
        });
        QVERIFY(devices != relations.cend());
        QCOMPARE((*devices)[QStringLiteral("columns")].toArray().first()[QStringLiteral("name")].toString(),
                 QStringLiteral("id"));
        const Run noSchema = dbctl({QStringLiteral("inspect"), uri, QStringLiteral("--schema"), QStringLiteral("nope")},
                                   {}, environment);
        QCOMPARE(noSchema.exitCode, 1);
        QVERIFY(noSchema.err.contains(QLatin1String("There is no schema named nope")));

        const Run lint = dbctl({QStringLiteral("lint"), uri, QStringLiteral("--schema"), QStringLiteral("netraven"),
                                QStringLiteral("--json")},
                               {}, environment);
        QCOMPARE(lint.exitCode, 0);
        const QJsonArray findings = QJsonDocument::fromJson(lint.out.toUtf8()).array();
        QCOMPARE(findings.size(), 32); // the known defects of NetRaven's schema, as verify reports them
        QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const QJsonValue &finding) {
            return finding[QStringLiteral("rule")].toString() == QLatin1String("fk-without-index") &&
                   finding[QStringLiteral("fix_sql")].toString().startsWith(QLatin1String("CREATE INDEX"));
        }));
        const Run fixes = dbctl({QStringLiteral("lint"), uri, QStringLiteral("--fix-sql")}, {}, environment);
        QVERIFY(fixes.out.contains(QLatin1String("CREATE INDEX")) &&
                !fixes.out.contains(QLatin1String("isolated-table")));

        // The init script loads into an empty database with ON_ERROR_STOP, and is NetRaven's baseline.
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("init.sql"));
        const Run exported =
            dbctl({QStringLiteral("export-schema"), uri, QStringLiteral("--output"), script}, {}, environment);
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile file(script);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(!text.contains(QLatin1String("OWNER TO")) && !text.contains(QLatin1String("\\restrict")));
        QVERIFY(text.contains(QLatin1String("CREATE SCHEMA IF NOT EXISTS netraven;")));
        QVERIFY(!text.contains(QLatin1String("schema_history"))); // this tool's bookkeeping stays out
        const QString empty =
            server.value().profile(QStringLiteral("nrdb_cli_init_%1").arg(QCoreApplication::applicationPid())).toUri();
        const QString psqlPath = QDir(server.value().binDir).filePath(QStringLiteral("psql"));
        ChildCommand create(
            psqlPath,
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), server.value().profile().toUri(),
             QStringLiteral("-c"),
             QStringLiteral("CREATE DATABASE nrdb_cli_init_%1").arg(QCoreApplication::applicationPid())},
            {}, environment);
        QCOMPARE(create.run().value().exitCode, 0);
        ChildCommand load(psqlPath,
                          {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                           QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), empty, QStringLiteral("-f"),
                           script},
                          {}, environment);
        const ChildOutcome loaded = load.run().value();
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.standardError));
        const Run verified = dbctl({QStringLiteral("verify"), empty}, {}, environment);
        QVERIFY2(verified.out.startsWith(
                     QLatin1String("Matches netraven-v1 at version 1, but has no migration history yet")),
                 qPrintable(verified.out));
        const Run toStdout =
            dbctl({QStringLiteral("export-schema"), uri, QStringLiteral("--schema"), QStringLiteral("netraven")}, {},
                  environment);
        QCOMPARE(toStdout.exitCode, 0);
        QVERIFY(toStdout.out.contains(QLatin1String("CREATE TABLE netraven.devices")));
    }

    // SIGINT, SIGTERM and SIGHUP cancel a backup cleanly (exit 130, nothing left in the directory);
    // SIGKILL of the tool takes its pg_dump with it. pg_dump is held on a table lock meanwhile (one
    // without column defaults: reading those opens the table, and the catalog read would wait too).
    void signalsStopABackupAndItsPgDump_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGHUP") << int(SIGHUP);
        QTest::newRow("SIGKILL") << int(SIGKILL);
    }

    void signalsStopABackupAndItsPgDump()
    {
        QFETCH(int, signal);
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString database = QStringLiteral("nrdb_cli_signal_%1").arg(QCoreApplication::applicationPid());
        const QString uri = server.value().profile(database).toUri();
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), uri}, {}, environment).exitCode, 0);
        DatabaseSession holder;
        QVERIFY(holder.open(server.value().profile(database)));
        QSqlQuery lock(holder.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")) &&
                lock.exec(QStringLiteral("LOCK TABLE public.device_tag_association IN ACCESS EXCLUSIVE MODE")));

        QTemporaryDir dir;
        QProcess tool;
        tool.setProcessEnvironment(environment);
        tool.start(QStringLiteral(NRDB_DBCTL_PATH), {QStringLiteral("backup"), uri, QStringLiteral("--dir"), dir.path(),
                                                     QStringLiteral("--format"), QStringLiteral("custom")});
        QVERIFY(tool.waitForStarted());
        const auto dumpsRunning = [&dir] { return test::processesNaming(dir.path(), QStringLiteral("pg_dump")); };
        QTRY_VERIFY_WITH_TIMEOUT(!dumpsRunning().isEmpty(), 20000);
        QTest::qWait(300);
        stopBy(tool, signal);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(dumpsRunning().isEmpty(), 10000);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        const auto files = [&dir] {
            return QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        };
        if (signal != SIGKILL) {
            QCOMPARE(files(), QStringList());
            return;
        }
        // A killed tool cannot remove its partial file; the next backup into the directory does.
        const QStringList left = files();
        QCOMPARE(left.size(), 1);
        QVERIFY2(left.first().endsWith(QLatin1String(".partial")), qPrintable(left.first()));
        const Run next = dbctl({QStringLiteral("backup"), uri, QStringLiteral("--dir"), dir.path(),
                                QStringLiteral("--format"), QStringLiteral("custom")},
                               {}, environment);
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QVERIFY2(next.err.contains(QStringLiteral("Removed %1, left by a backup that was killed").arg(left.first())),
                 qPrintable(next.err));
        QCOMPARE(files().filter(QStringLiteral(".partial")), QStringList());
        QCOMPARE(files().size(), 2); // the new archive and its manifest
    }

    // A restore over a database, and a proof of restore, stopped while pg_restore copies rows:
    // SIGINT and SIGTERM cancel (exit 130) and the staging or scratch copy is dropped; a SIGKILLed
    // tool leaves its copy, which carries this tool's marker, and the next run of cleanup finds it
    // and drops it. The database being replaced keeps its rows throughout.
    void signalsDuringARestoreLeaveTheTargetAndNoCopy_data()
    {
        addSignalRows(QStringList{QStringLiteral("restore"), QStringLiteral("prove-restorable")});
    }

    void signalsDuringARestoreLeaveTheTargetAndNoCopy()
    {
        QFETCH(QString, command);
        QFETCH(int, signal);
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString victim = QStringLiteral("nrdb_cli_victim_%1").arg(QCoreApplication::applicationPid());
        const QString serverUri = server.value().profile().toUri();
        if (m_largeBackup.isEmpty())
            QVERIFY(makeLargeBackup(server.value(), environment, victim));
        const QStringList arguments = command == QLatin1String("restore")
                                          ? QStringList{command,
                                                        m_largeBackup,
                                                        serverUri,
                                                        QStringLiteral("--into"),
                                                        victim,
                                                        QStringLiteral("--replace"),
                                                        victim,
                                                        QStringLiteral("--safety-dir"),
                                                        m_safetyDir.path()}
                                          : QStringList{command, m_largeBackup, serverUri};
        const auto copies = [&] {
            return test::queryValues(
                server.value().profile(),
                QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE '%1\\_restoring\\_%' "
                               "OR datname LIKE 'nrdb\\_prove\\_%' ORDER BY 1")
                    .arg(victim));
        };
        const QStringList before = copies(); // a failed run of this test may have left some
        QProcess tool;
        tool.setProcessEnvironment(environment);
        tool.start(QStringLiteral(NRDB_DBCTL_PATH), arguments);
        QVERIFY(tool.waitForStarted());
        const auto restoring = [&] { return test::processesNaming(m_largeBackup, QStringLiteral("pg_restore")); };
        QTRY_VERIFY_WITH_TIMEOUT(!restoring().isEmpty() && copies().size() > before.size(), 120000);
        const qint64 pid = tool.processId();
        ::kill(static_cast<pid_t>(pid), signal);
        QVERIFY(tool.waitForFinished(20000));
        const QString err = QString::fromUtf8(tool.readAllStandardError());
        QTRY_VERIFY_WITH_TIMEOUT(restoring().isEmpty(), 10000);
        QCOMPARE(test::queryValue(server.value().profile(victim), QStringLiteral("SELECT count(*) FROM public.bulk")),
                 QStringLiteral("1500001"));
        if (signal != SIGKILL) {
            QVERIFY2(tool.exitCode() == 130, qPrintable(err));
            const QStringList after = copies();
            QVERIFY2(
                after == before,
                qPrintable(QStringLiteral("left %1; the tool said:\n%2").arg(after.join(QStringLiteral(", ")), err)));
            return;
        }
        QStringList left = copies();
        for (const QString &old : before)
            left.removeOne(old);
        QCOMPARE(left.size(), 1);
        const Run listed =
            dbctl({QStringLiteral("cleanup"), serverUri, QStringLiteral("--dry-run"), QStringLiteral("--json")}, {},
                  environment);
        QCOMPARE(listed.exitCode, 0);
        QJsonObject ours;
        for (const QJsonValue &leftover :
             QJsonDocument::fromJson(listed.out.toUtf8()).object().value(QStringLiteral("leftovers")).toArray()) {
            if (leftover[QStringLiteral("database")].toString() == left.first())
                ours = leftover.toObject();
        }
        QVERIFY2(!ours.isEmpty(), qPrintable(listed.out));
        QCOMPARE(ours[QStringLiteral("pid")].toInteger(), pid);
        const QString purpose =
            command == QLatin1String("restore") ? QStringLiteral("restore staging") : QStringLiteral("proof scratch");
        QCOMPARE(ours[QStringLiteral("purpose")].toString(), purpose);
        QCOMPARE(copies().size(), before.size() + 1); // a dry run drops nothing
        const Run cleaned = dbctl({QStringLiteral("cleanup"), serverUri}, {}, environment);
        QVERIFY2(
            cleaned.exitCode == 0 &&
                cleaned.out.contains(left.first() + QStringLiteral(": the ") + purpose + QStringLiteral(" for ")) &&
                cleaned.out.contains(QLatin1String(" (dropped)")),
            qPrintable(cleaned.out + cleaned.err));
        QCOMPARE(copies(), QStringList());
        QCOMPARE(dbctl({QStringLiteral("cleanup"), serverUri}, {}, environment).out,
                 QStringLiteral("Nothing left over.\n"));
    }

    // A migration or a seed stopped half-way, while its transaction waits on a lock another
    // session holds: SIGINT and SIGTERM cancel it (exit 130), a SIGKILL ends the tool; either way
    // the server rolls the transaction back, and the database is as it was before the command.
    void signalsDuringAMigrationOrASeedChangeNothing_data()
    {
        addSignalRows(QStringList{QStringLiteral("migrate"), QStringLiteral("seed")});
    }

    void signalsDuringAMigrationOrASeedChangeNothing()
    {
        QFETCH(QString, command);
        QFETCH(int, signal);
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString database =
            QStringLiteral("nrdb_cli_fault_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_faultRuns);
        const ConnectionProfile profile = server.value().profile(database);
        const QString uri = profile.toUri();
        // migrate: version 1 of netraven-v2, so that 0002 (job_runs, with a key to users) is pending;
        // seed: every migration, no rows yet.
        QStringList prepare{QStringLiteral("init"), uri};
        if (command == QLatin1String("migrate"))
            prepare << QStringLiteral("--to") << QStringLiteral("1");
        QVERIFY(
            test::queryValues(server.value().profile(), QStringLiteral("CREATE DATABASE %1").arg(database)).isEmpty());
        QCOMPARE(dbctl(prepare, {}, environment).exitCode, 0);
        const auto state = [&] {
            return test::queryValues(
                profile, QStringLiteral("SELECT (SELECT max(version) FROM nrdb.schema_history)::text || ' ' || "
                                        "(SELECT count(*) FROM pg_tables WHERE tablename = 'job_runs') || ' ' || "
                                        "(SELECT count(*) FROM public.users)"));
        };
        const QStringList before = state();

        DatabaseSession holder; // SHARE: the catalog reads pass, a key to users or a row into it waits
        QVERIFY(holder.open(profile));
        QSqlQuery lock(holder.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")) &&
                lock.exec(QStringLiteral("LOCK TABLE public.users IN SHARE MODE")));
        QProcess tool;
        tool.setProcessEnvironment(environment);
        tool.start(QStringLiteral(NRDB_DBCTL_PATH), command == QLatin1String("migrate")
                                                        ? QStringList{command, QStringLiteral("up"), uri}
                                                        : QStringList{command, uri});
        QVERIFY(tool.waitForStarted());
        const auto waitingJobs = [&] {
            return test::queryValue(
                profile,
                QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                               "AND application_name LIKE 'netraven-dbadmin job%' AND wait_event_type = 'Lock'"));
        };
        QTRY_COMPARE_WITH_TIMEOUT(waitingJobs(), QStringLiteral("1"), 30000);
        ::kill(static_cast<pid_t>(tool.processId()), signal);
        QVERIFY(tool.waitForFinished(15000));
        const QString err = QString::fromUtf8(tool.readAllStandardError());
        if (signal != SIGKILL)
            QVERIFY2(tool.exitCode() == 130, qPrintable(err));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QTRY_COMPARE_WITH_TIMEOUT(
            test::queryValue(profile,
                             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                            "AND application_name LIKE 'netraven-dbadmin job%'")),
            QStringLiteral("0"), 15000);
        QCOMPARE(state(), before);
        QVERIFY(
            test::queryValues(server.value().profile(), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(database))
                .isEmpty());
    }

    // The connection ended by the server in the middle of a migration: the tool says so in its own
    // words, and none of Qt's own warnings (QSqlQuery::prepare: database not open) reach stderr.
    void aConnectionEndedMidMigrationIsSaidWithoutQtsWarnings()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString database = QStringLiteral("nrdb_cli_ended_%1").arg(QCoreApplication::applicationPid());
        const ConnectionProfile profile = server.value().profile(database);
        QVERIFY(
            test::queryValues(server.value().profile(), QStringLiteral("CREATE DATABASE %1").arg(database)).isEmpty());
        QCOMPARE(dbctl({QStringLiteral("init"), profile.toUri(), QStringLiteral("--to"), QStringLiteral("1")}, {},
                       environment)
                     .exitCode,
                 0);
        DatabaseSession holder; // SHARE on users: migration 0002's key to it waits
        QVERIFY(holder.open(profile));
        QSqlQuery lock(holder.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")) &&
                lock.exec(QStringLiteral("LOCK TABLE public.users IN SHARE MODE")));
        QProcess tool;
        tool.setProcessEnvironment(environment);
        tool.start(QStringLiteral(NRDB_DBCTL_PATH), {QStringLiteral("migrate"), QStringLiteral("up"), profile.toUri()});
        QVERIFY(tool.waitForStarted());
        const QString waiting = QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                                               "AND application_name LIKE 'netraven-dbadmin job%' AND wait_event_type "
                                               "= 'Lock'");
        QStringList pid;
        QTRY_VERIFY_WITH_TIMEOUT(!(pid = test::queryValues(profile, waiting)).isEmpty(), 30000);
        QCOMPARE(test::queryValue(profile, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.first())),
                 QStringLiteral("true"));
        QVERIFY(tool.waitForFinished(30000));
        const QString err = QString::fromUtf8(tool.readAllStandardError());
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QVERIFY2(tool.exitCode() == 3, qPrintable(QString::number(tool.exitCode()) + QLatin1Char(' ') + err));
        QVERIFY2(err.contains(QLatin1String("netraven-dbctl: Migration 0002_job_runs failed: the connection to the "
                                            "server was lost")),
                 qPrintable(err));
        static const QRegularExpression qtsOwn(QStringLiteral("(^|\\n)Q[A-Z][A-Za-z]+(::|: )"));
        QVERIFY2(!qtsOwn.match(err).hasMatch(), qPrintable(err));
        QVERIFY(
            test::queryValues(server.value().profile(), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(database))
                .isEmpty());
    }

    // Two seeds of one database at once, from two processes: the pack's lock takes them in turn,
    // both succeed, and every row is there once.
    void twoSeedsAtOnceSeedOnce()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString database = QStringLiteral("nrdb_cli_seeds_%1").arg(QCoreApplication::applicationPid());
        const ConnectionProfile profile = server.value().profile(database);
        QVERIFY(
            test::queryValues(server.value().profile(), QStringLiteral("CREATE DATABASE %1").arg(database)).isEmpty());
        QCOMPARE(dbctl({QStringLiteral("init"), profile.toUri()}, {}, environment).exitCode, 0);
        std::array<QProcess, 2> seeds;
        for (QProcess &seed : seeds) {
            seed.setProcessEnvironment(environment);
            seed.start(QStringLiteral(NRDB_DBCTL_PATH), {QStringLiteral("seed"), profile.toUri()});
        }
        for (QProcess &seed : seeds) {
            QVERIFY(seed.waitForFinished(60000));
            QVERIFY2(seed.exitCode() == 0, seed.readAllStandardError().constData());
        }
        QCOMPARE(test::queryValue(profile, QStringLiteral("SELECT count(*) FROM public.users")), QStringLiteral("1"));
        QCOMPARE(test::queryValue(profile, QStringLiteral("SELECT count(*) FROM public.tags")), QStringLiteral("1"));
        QVERIFY(
            test::queryValues(server.value().profile(), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(database))
                .isEmpty());
    }

    // Two restores into one new name at once, from two processes: one restores, the other says
    // the name is taken (exit 1), and no staging copy is left.
    void twoRestoresIntoOneNameAtOnce()
    {
        const Result<SandboxState> server = test::fixtureServer();
        QVERIFY(server);
        const QProcessEnvironment environment = environmentFor(server.value());
        const QString source = QStringLiteral("nrdb_cli_twice_src_%1").arg(QCoreApplication::applicationPid());
        const QString target = QStringLiteral("nrdb_cli_twice_%1").arg(QCoreApplication::applicationPid());
        QCOMPARE(dbctl({QStringLiteral("bootstrap"), server.value().profile(source).toUri()}, {}, environment).exitCode,
                 0);
        QTemporaryDir dir;
        const Run backup = dbctl(
            {QStringLiteral("backup"), server.value().profile(source).toUri(), QStringLiteral("--dir"), dir.path()}, {},
            environment);
        QCOMPARE(backup.exitCode, 0);
        std::array<QProcess, 2> restores;
        for (QProcess &restore : restores) {
            restore.setProcessEnvironment(environment);
            restore.start(QStringLiteral(NRDB_DBCTL_PATH),
                          {QStringLiteral("restore"), backup.out.trimmed(), server.value().profile().toUri(),
                           QStringLiteral("--into"), target});
        }
        QList<int> codes;
        QString refusal;
        for (QProcess &restore : restores) {
            QVERIFY(restore.waitForFinished(60000));
            codes << restore.exitCode();
            if (restore.exitCode() != 0)
                refusal = QString::fromUtf8(restore.readAllStandardError());
        }
        std::sort(codes.begin(), codes.end());
        QCOMPARE(codes, (QList<int>{0, 1}));
        QVERIFY2(refusal.contains(target) && (refusal.contains(QLatin1String("exists")) ||
                                              refusal.contains(QLatin1String("nothing was changed"))),
                 qPrintable(refusal));
        QCOMPARE(test::queryValues(
                     server.value().profile(),
                     QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE '%1%' ORDER BY 1").arg(target)),
                 QStringList{target});
    }

    // Ctrl-C cancels the running job, as the GUI's Cancel does, and exits 130.
    // compare: exit 4 and the script when two databases differ, the script in a file with --sql,
    // JSON, and exit 0 once psql has run the script; a bad pack version is a usage error.
    void compareTwoDatabasesAndAlignThem()
    {
        test::ScratchDatabase source(QStringLiteral("clisource"));
        test::ScratchDatabase target(QStringLiteral("clitarget"));
        QVERIFY(source.create());
        QVERIFY(target.create());
        for (const QString &statement :
             {QStringLiteral("CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)"),
              QStringLiteral("CREATE INDEX notes_body_idx ON notes (body)")})
            QCOMPARE(test::queryValues(source.profile(), statement), QStringList());
        const QProcessEnvironment environment = environmentFor(source.server());
        const QString from = source.profile().toUri();
        const QString to = target.profile().toUri();

        const Run differs = dbctl({QStringLiteral("compare"), from, to}, {}, environment);
        QCOMPARE(differs.exitCode, 4);
        QVERIFY2(differs.out.contains(QLatin1String("CREATE TABLE \"public\".\"notes\"")), qPrintable(differs.out));
        QVERIFY2(differs.out.contains(QLatin1String("  missing table notes\n")), qPrintable(differs.out));
        QTemporaryDir directory;
        const QString script = directory.filePath(QStringLiteral("align.sql"));
        const Run json =
            dbctl({QStringLiteral("compare"), from, to, QStringLiteral("--json"), QStringLiteral("--sql"), script}, {},
                  environment);
        QCOMPARE(json.exitCode, 4);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("differenceCount")).toInt(), 1);
        QCOMPARE(report[QStringLiteral("schemas")][0][QStringLiteral("schema")].toString(), QStringLiteral("public"));
        QVERIFY(QFileInfo(script).size() > 0);
        const Run rehearsed =
            dbctl({QStringLiteral("compare"), from, to, QStringLiteral("--rehearse")}, {}, environment);
        QCOMPARE(rehearsed.exitCode, 4); // rehearsed only: the target still differs
        QVERIFY2(rehearsed.out.contains(QLatin1String("Rehearsal on a copy of the schema of")) &&
                     rehearsed.out.contains(QLatin1String("held: ACCESS EXCLUSIVE on public.notes")),
                 qPrintable(rehearsed.out));

        ChildCommand psql(QDir(source.server().binDir).filePath(QStringLiteral("psql")),
                          {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                           QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), to, QStringLiteral("-f"), script},
                          {}, environment);
        const Result<ChildOutcome> ran = psql.run();
        QVERIFY2(ran && ran.value().exitCode == 0, qPrintable(ran ? ran.value().standardError : QString()));
        const Run alike = dbctl({QStringLiteral("compare"), from, to}, {}, environment);
        QCOMPARE(alike.exitCode, 0);
        QVERIFY2(alike.out.endsWith(QLatin1String(" are alike.\n")), qPrintable(alike.out));
        QCOMPARE(test::queryValues(source.profile(), QStringLiteral("ALTER TABLE notes ADD COLUMN seen boolean")),
                 QStringList());
        const Run applied = dbctl({QStringLiteral("compare"), from, to, QStringLiteral("--apply")}, {}, environment);
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        QVERIFY2(applied.out.contains(QLatin1String(" is now like ")), qPrintable(applied.out));
        QCOMPARE(dbctl({QStringLiteral("compare"), from, to}, {}, environment).exitCode, 0);

        QCOMPARE(dbctl({QStringLiteral("compare"), from}, {}, environment).exitCode, 2);
        const Run badVersion =
            dbctl({QStringLiteral("compare"), QStringLiteral("pack:netraven-v2@x"), to}, {}, environment);
        QCOMPARE(badVersion.exitCode, 2);
        QVERIFY2(badVersion.err.contains(QLatin1String("the version after @ is a number")), qPrintable(badVersion.err));
    }

    // A signal while the apply's statement waits for a table lock another client holds: SIGINT
    // and SIGTERM cancel it on the server (exit 130); SIGKILL leaves it to the server, which ends
    // it within a second or two once it finds the client gone. Either way the statement never
    // runs when the lock is freed, and the one before it stays applied.
    void signalsStopACompareApply_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGKILL") << int(SIGKILL);
    }

    void signalsStopACompareApply()
    {
        QFETCH(int, signal);
        test::ScratchDatabase source(QStringLiteral("applysource"));
        test::ScratchDatabase target(QStringLiteral("applytarget"));
        QVERIFY(source.create());
        QVERIFY(target.create());
        const QString notes = QStringLiteral("CREATE TABLE notes (id serial PRIMARY KEY, body text)");
        for (const QString &statement : {notes, QStringLiteral("ALTER TABLE notes ADD COLUMN seen boolean"),
                                         QStringLiteral("CREATE TABLE later (id integer)")})
            QCOMPARE(test::queryValues(source.profile(), statement), QStringList());
        QCOMPARE(test::queryValues(target.profile(), notes), QStringList());
        DatabaseSession holder;
        QVERIFY(holder.open(target.profile()));
        QSqlQuery lock(holder.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")) &&
                lock.exec(QStringLiteral("LOCK TABLE public.notes IN ACCESS SHARE MODE")));

        QProcess tool;
        tool.setProcessEnvironment(environmentFor(source.server()));
        tool.start(QStringLiteral(NRDB_DBCTL_PATH),
                   {QStringLiteral("compare"), source.profile().toUri(), target.profile().toUri(),
                    QStringLiteral("--apply"), QStringLiteral("--lock-timeout"), QStringLiteral("600000")});
        QVERIFY(tool.waitForStarted());
        const QString waiting = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = '%1' AND query "
                                               "LIKE 'ALTER TABLE \"public\".\"notes\" ADD COLUMN%' AND "
                                               "state = 'active'")
                                    .arg(target.name());
        QTRY_COMPARE_WITH_TIMEOUT(test::queryValue(target.profile(), waiting), QStringLiteral("1"), 60000);
        stopBy(tool, signal);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(test::queryValue(target.profile(), waiting), QStringLiteral("0"), 10000);
        QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        QTest::qWait(200);
        QCOMPARE(test::queryValue(target.profile(),
                                  QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                                                 "'notes' AND column_name = 'seen'")),
                 QStringLiteral("0"));
        QCOMPARE(test::queryValue(target.profile(), QStringLiteral("SELECT to_regclass('public.later') IS NOT NULL")),
                 QStringLiteral("true"));
    }

    // pack new: a pack of a database, which that database then verifies against, named or found
    // in the pack directories (--pack-dir, the window's setting).
    void packNewMakesAPackItsDatabaseMatches()
    {
        test::ScratchDatabase source(QStringLiteral("clipack"));
        QVERIFY(source.create());
        QCOMPARE(test::queryValues(source.profile(), QStringLiteral("CREATE TABLE notes (id serial PRIMARY KEY)")),
                 QStringList());
        const QProcessEnvironment environment = environmentFor(source.server());
        QTemporaryDir parent;
        const QString directory = parent.filePath(QStringLiteral("notes-pack"));
        const Run made = dbctl({QStringLiteral("pack"), QStringLiteral("new"), directory, QStringLiteral("--from"),
                                source.profile().toUri()},
                               {}, environment);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(made.out.startsWith(QLatin1String("Made pack notes-pack in ")), qPrintable(made.out));
        const QString uri = source.profile().toUri();
        const Run before = dbctl({QStringLiteral("verify"), uri, QStringLiteral("--pack"), directory}, {}, environment);
        QVERIFY2(before.out.contains(QLatin1String("but has no migration history yet: adopt it")),
                 qPrintable(before.out));
        const Run adopted = dbctl({QStringLiteral("adopt"), uri, QStringLiteral("--pack"), directory}, {}, environment);
        QVERIFY2(adopted.exitCode == 0, qPrintable(adopted.out + adopted.err));
        const Run verified =
            dbctl({QStringLiteral("verify"), uri, QStringLiteral("--pack"), directory}, {}, environment);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        QCOMPARE(dbctl({QStringLiteral("pack"), QStringLiteral("new"), directory}, {}, environment).exitCode, 2);

        // Unnamed, the pack is found where the run or the window's settings say packs are.
        const Run unknown = dbctl({QStringLiteral("verify"), uri}, {}, environment);
        QVERIFY2(unknown.exitCode != 0 && !unknown.out.contains(QLatin1String("notes-pack")),
                 qPrintable(unknown.out + unknown.err));
        const Run found =
            dbctl({QStringLiteral("--pack-dir"), parent.path(), QStringLiteral("verify"), uri}, {}, environment);
        QVERIFY2(found.exitCode == 0 && found.err.contains(QLatin1String("Model pack notes-pack")),
                 qPrintable(found.out + found.err));
        QTemporaryDir config;
        QSettings(config.filePath(QStringLiteral("NetRaven/netraven-dbadmin.conf")), QSettings::IniFormat)
            .setValue(QStringLiteral("packs/directories"), QStringList{directory});
        QProcessEnvironment configured = environment;
        configured.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const Run configuredRun = dbctl({QStringLiteral("verify"), uri}, {}, configured);
        QVERIFY2(configuredRun.exitCode == 0, qPrintable(configuredRun.out + configuredRun.err));
        QCOMPARE(dbctl({QStringLiteral("--pack-dir"), parent.filePath(QStringLiteral("nowhere")),
                        QStringLiteral("verify"), uri},
                       {}, environment)
                     .exitCode,
                 2);
    }

    void interruptCancelsWithExit130()
    {
        QProcess process;
        process.setProcessEnvironment(environmentWithoutLibpqVariables());
        process.start(QStringLiteral(NRDB_DBCTL_PATH),
                      {QStringLiteral("connect-test"), QStringLiteral("postgresql://x@127.0.0.1:1/x"),
                       QStringLiteral("--wait"), QStringLiteral("60")});
        QVERIFY(process.waitForStarted());
        QTest::qWait(1000);
        QElapsedTimer clock;
        clock.start();
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10000));
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(process.readAllStandardError().contains("Cancelled"));
    }

    // As root the server runs as 'postgres'; here the whole tool runs as that ordinary user.
    void sandboxWorksForAnOrdinaryUser()
    {
        if (::geteuid() != 0)
            QSKIP("this run is already an ordinary user's (see sandboxLifecycle)");
        const Result<ChildOutcome> reachable = ChildCommand{QStringLiteral("/usr/bin/test"),
                                                            {QStringLiteral("-x"), QStringLiteral(NRDB_DBCTL_PATH)},
                                                            QStringLiteral("postgres")}
                                                   .run();
        if (!reachable || reachable.value().exitCode != 0)
            QSKIP("the build directory is not reachable by the postgres user");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFileDevice::ExeOther |
                                              QFileDevice::WriteOther | QFileDevice::ReadOther);
        const QString stateFile = dir.filePath(QStringLiteral("sandbox.json"));
        const Run started =
            dbctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--state-file"), stateFile},
                  QStringLiteral("postgres"));
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        const Run stopped =
            dbctl({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--state-file"), stateFile},
                  QStringLiteral("postgres"));
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QVERIFY(!QFile::exists(stateFile));
    }

private:
    // A backup of victim holding 1,500,000 rows in public.bulk, uncompressed so pg_restore spends its
    // time copying them; victim itself then has one row more, to tell it from a restored copy.
    bool makeLargeBackup(const SandboxState &server, const QProcessEnvironment &environment, const QString &victim)
    {
        const QString uri = server.profile(victim).toUri();
        const Run bootstrap = dbctl({QStringLiteral("bootstrap"), uri}, {}, environment);
        const QStringList filled = bootstrap.exitCode != 0
                                       ? QStringList{bootstrap.err}
                                       : test::queryValues(server.profile(victim),
                                                           QStringLiteral("CREATE TABLE public.bulk AS SELECT g AS id, "
                                                                          "md5(g::text) AS a, md5((g * 7)::text) AS b "
                                                                          "FROM generate_series(1, 1500000) g"));
        if (!filled.isEmpty()) {
            qWarning("making the large database: %s", qPrintable(filled.join(QLatin1Char('\n'))));
            return false;
        }
        const Run backup = dbctl({QStringLiteral("backup"), uri, QStringLiteral("--dir"), m_backupDir.path(),
                                  QStringLiteral("--format"), QStringLiteral("custom"), QStringLiteral("--compress"),
                                  QStringLiteral("0")},
                                 {}, environment);
        if (backup.exitCode != 0)
            qWarning("backing up the large database: %s", qPrintable(backup.err));
        m_largeBackup = backup.out.trimmed();
        return backup.exitCode == 0 &&
               test::queryValues(server.profile(victim), QStringLiteral("INSERT INTO public.bulk VALUES (0, 'a', 'b')"))
                   .isEmpty();
    }

    int m_faultRuns = 0;
    QTemporaryDir m_backupDir;
    QTemporaryDir m_safetyDir;
    QString m_largeBackup;
};

QTEST_GUILESS_MAIN(TestDbctl)
#include "tst_dbctl.moc"
