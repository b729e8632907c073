// netraven-dbctl as a user runs it: the real binary, its exit codes, stdout and stderr.
#include "sandbox/sandboxstate.h"
#include "util/childprocess.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <unistd.h>

using namespace nrdb;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run dbctl(const QStringList &arguments, const QString &runAsUser = {})
{
    ChildCommand command{QStringLiteral(NRDB_DBCTL_PATH), arguments, runAsUser};
    const Result<ChildOutcome> outcome = command.run();
    if (!outcome)
        return Run{-1, {}, outcome.error().fullText()};
    return Run{outcome.value().exitCode, outcome.value().standardOutput, outcome.value().standardError};
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
        const Run started = dbctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--state-file"), stateFile});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY(started.out.contains(QLatin1String("Sandbox server: PostgreSQL")));
        const Result<SandboxState> state = SandboxState::load(stateFile);
        QVERIFY(state);
        QVERIFY2(!started.out.contains(state.value().password), "the password must not be printed");
        QCOMPARE(QFile::permissions(stateFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        const Run again = dbctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--state-file"), stateFile});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("already runs")), qPrintable(again.err));

        QCOMPARE(dbctl({QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--state-file"), stateFile}).exitCode, 0);
        const Run stopped = dbctl({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--state-file"), stateFile});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QVERIFY(!QFile::exists(stateFile));
        QVERIFY(!QDir(state.value().rootDir).exists());
        QCOMPARE(dbctl({QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--state-file"), stateFile}).exitCode, 1);
    }

    // As root the server runs as 'postgres'; here the whole tool runs as that ordinary user.
    void sandboxWorksForAnOrdinaryUser()
    {
        if (::geteuid() != 0)
            QSKIP("this run is already an ordinary user's (see sandboxLifecycle)");
        const Result<ChildOutcome> reachable =
            ChildCommand{QStringLiteral("/usr/bin/test"), {QStringLiteral("-x"), QStringLiteral(NRDB_DBCTL_PATH)},
                         QStringLiteral("postgres")}
                .run();
        if (!reachable || reachable.value().exitCode != 0)
            QSKIP("the build directory is not reachable by the postgres user");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFile::permissions(dir.path()) | QFileDevice::ExeOther | QFileDevice::WriteOther |
                                              QFileDevice::ReadOther);
        const QString stateFile = dir.filePath(QStringLiteral("sandbox.json"));
        const Run started = dbctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--state-file"), stateFile},
                                  QStringLiteral("postgres"));
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        const Run stopped = dbctl({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--state-file"), stateFile},
                                  QStringLiteral("postgres"));
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QVERIFY(!QFile::exists(stateFile));
    }
};

QTEST_GUILESS_MAIN(TestDbctl)
#include "tst_dbctl.moc"
