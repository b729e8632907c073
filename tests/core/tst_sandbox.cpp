// The sandbox cluster: a real initdb + pg_ctl lifecycle, and each way it can fail, leaving nothing behind.
#include "scratchdatabase.h"

#include "connection/databasesession.h"
#include "connection/serverinfo.h"
#include "sandbox/sandboxcluster.h"
#include "sandbox/serverinstallation.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <unistd.h>

using namespace nrdb;

namespace {

// A parent directory the server user (postgres, when we are root) can reach.
QTemporaryDir *makeReachableParent()
{
    auto *dir = new QTemporaryDir;
    QFile::setPermissions(dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                           QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                           QFileDevice::ExeGroup);
    return dir;
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const Result<ServerInstallation> installation = ServerInstallation::find();
        if (!installation) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(installation.error().fullText()));
            QSKIP(qPrintable(installation.error().fullText()));
        }
    }

    void startsServesAndRemovesEverything()
    {
        std::unique_ptr<QTemporaryDir> parent(makeReachableParent());
        SandboxOptions options;
        options.parentDir = parent->path();
        QStringList progress;
        SandboxCluster cluster(options);
        const Status started = cluster.start([&progress](const QString &line) { progress << line; });
        QVERIFY2(started, qPrintable(started ? QString() : started.error().fullText()));
        QVERIFY(cluster.isRunning());
        QVERIFY(cluster.state().port != 0);
        QVERIFY(QDir(cluster.state().dataDir).exists());
        QVERIFY(!progress.isEmpty());

        {
            DatabaseSession session;
            QVERIFY(session.open(cluster.state().profile()));
            const Result<ServerInfo> info = ServerInfo::read(session.database());
            QVERIFY(info);
            QVERIFY(
                info.value().serverVersion.startsWith(cluster.state().serverVersion.section(QLatin1Char('.'), 0, 0)));
        }
        QCOMPARE(QFile::permissions(cluster.state().passFile) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());

        const Status stopped = cluster.stop();
        QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().fullText()));
        QVERIFY(!cluster.isRunning());
        QCOMPARE(entriesOf(parent->path()), QStringList());
        DatabaseSession session;
        QVERIFY(!session.open(cluster.state().profile(), 2));
    }

    void destructionStopsTheServer()
    {
        std::unique_ptr<QTemporaryDir> parent(makeReachableParent());
        SandboxState state;
        {
            SandboxOptions options;
            options.parentDir = parent->path();
            SandboxCluster cluster(options);
            QVERIFY(cluster.start());
            state = cluster.state();
        }
        QCOMPARE(entriesOf(parent->path()), QStringList());
        DatabaseSession session;
        QVERIFY(!session.open(state.profile(), 2));
    }

    void busyPortIsRefusedClearly()
    {
        const Result<SandboxState> fixture = test::fixtureServer();
        if (!fixture)
            QSKIP("needs the fixture server, whose port is taken");
        std::unique_ptr<QTemporaryDir> parent(makeReachableParent());
        SandboxOptions options;
        options.parentDir = parent->path();
        options.port = fixture.value().port;
        SandboxCluster cluster(options);
        const Status started = cluster.start();
        QVERIFY(!started);
        QCOMPARE(started.error().kind, ErrorKind::Busy);
        QVERIFY2(started.error().message.contains(QString::number(options.port)) &&
                     started.error().message.contains(QLatin1String("already in use")),
                 qPrintable(started.error().message));
        QCOMPARE(entriesOf(parent->path()), QStringList());
    }

    void missingBinariesAreNamed()
    {
        QTemporaryDir emptyBinDir;
        SandboxOptions options;
        options.binDir = emptyBinDir.path();
        SandboxCluster cluster(options);
        const Status started = cluster.start();
        QVERIFY(!started);
        QCOMPARE(started.error().kind, ErrorKind::NotFound);
        QVERIFY(started.error().message.contains(QLatin1String("initdb")));
        QVERIFY2(started.error().detail.contains(emptyBinDir.path()), qPrintable(started.error().detail));
    }

    void failingInitdbIsReportedAndCleanedUp()
    {
        std::unique_ptr<QTemporaryDir> parent(makeReachableParent());
        SandboxOptions options;
        options.parentDir = parent->path();
        options.extraInitdbArguments = {QStringLiteral("--encoding=NO_SUCH_ENCODING")};
        SandboxCluster cluster(options);
        const Status started = cluster.start();
        QVERIFY(!started);
        QCOMPARE(started.error().kind, ErrorKind::Process);
        QVERIFY2(started.error().message.startsWith(QLatin1String("initdb failed")),
                 qPrintable(started.error().message));
        QVERIFY2(started.error().detail.contains(QLatin1String("NO_SUCH_ENCODING")),
                 qPrintable(started.error().detail));
        QCOMPARE(entriesOf(parent->path()), QStringList());
    }

    void privateParentIsRefusedWhenRunningAsRoot()
    {
        if (::geteuid() != 0)
            QSKIP("only root hands the cluster to another user");
        QTemporaryDir privateParent; // 0700, owned by root
        SandboxOptions options;
        options.parentDir = privateParent.path();
        SandboxCluster cluster(options);
        const Status started = cluster.start();
        QVERIFY(!started);
        QCOMPARE(started.error().kind, ErrorKind::Io);
        QVERIFY2(started.error().message.contains(QLatin1String("cannot reach")), qPrintable(started.error().message));
        QCOMPARE(entriesOf(privateParent.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
