// Reaching a server through an SSH host with OpenSSH's own client, against a real sshd on a
// loopback port with throwaway keys: sessions and client tools through the tunnel, the tunnel's
// end with its last holder, and the refusals a DBA meets (unknown or changed host key, a refused
// login, no SSH server) as messages that say what to do, never a prompt waited on.
#include "processes.h"
#include "scratchdatabase.h"
#include "sshserver.h"

#include "backup/clientenvironment.h"
#include "connection/databasesession.h"
#include "connection/profilestore.h"
#include "connection/resolvedconnection.h"
#include "connection/sshtunnel.h"
#include "sandbox/loopbackport.h"
#include "util/childprocess.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <csignal>
#include <optional>

using namespace nrdb;

namespace {

// What went wrong, for a failed check's message (empty on success).
template <typename T>
QByteArray why(const Result<T> &result, const QString &more = {})
{
    return result ? QByteArray() : (result.error().fullText() + more).toUtf8();
}

bool accepts(const QString &port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port.toUShort());
    return socket.waitForConnected(500);
}

QString queried(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
}

} // namespace

class TestSshTunnel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        const Status started = m_ssh.start();
        QVERIFY2(started, qPrintable(started.error().fullText()));
    }

    void readsHopsAndTargets()
    {
        const Result<SshHop> full = SshHop::parse(QStringLiteral("dba@bastion.example:2222"));
        QVERIFY(full);
        QCOMPARE(full.value().user, QStringLiteral("dba"));
        QCOMPARE(full.value().host, QStringLiteral("bastion.example"));
        QCOMPARE(full.value().port, QStringLiteral("2222"));
        QCOMPARE(SshHop::parse(QStringLiteral("[::1]:22")).value().host, QStringLiteral("::1"));
        QCOMPARE(SshHop::parse(QStringLiteral("bastion")).value().displayName(), QStringLiteral("bastion"));
        QCOMPARE(SshHop::parse(QStringLiteral("bastion:0")).error().kind, ErrorKind::Usage);
        QCOMPARE(SshHop::parse(QStringLiteral("-oProxyCommand=x")).error().kind, ErrorKind::Usage);
        QCOMPARE(SshHop::parse(QStringLiteral("two words")).error().kind, ErrorKind::Usage);

        QCOMPARE(sshForwardTarget({}, {}).value(), QStringLiteral("localhost:5432"));
        QCOMPARE(sshForwardTarget(QStringLiteral("db.internal"), QStringLiteral("5433")).value(),
                 QStringLiteral("db.internal:5433"));
        QCOMPARE(sshForwardTarget(QStringLiteral("fd00::5"), {}).value(), QStringLiteral("[fd00::5]:5432"));
        QCOMPARE(sshForwardTarget(QStringLiteral("/var/run/postgresql"), QStringLiteral("5433")).value(),
                 QStringLiteral("/var/run/postgresql/.s.PGSQL.5433"));
        QCOMPARE(sshForwardTarget(QStringLiteral("a,b"), {}).error().kind, ErrorKind::Usage);
    }

    void savedProfilesKeepTheirHop()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("settings.ini")));
        ConnectionProfile behind = m_scratch.profile();
        behind.name = QStringLiteral("behind the bastion");
        behind.password.clear();
        behind.ssh = SshHop{QStringLiteral("bastion"), QStringLiteral("dba"), QStringLiteral("2222"),
                            QStringLiteral("/keys/id_ed25519"), QStringLiteral("/etc/ssh/site.conf")};
        ConnectionProfile direct = behind;
        direct.name = QStringLiteral("direct");
        direct.ssh = {};
        QVERIFY(store.saveAll({behind, direct}));
        const QList<ConnectionProfile> read = ProfileStore(dir.filePath(QStringLiteral("settings.ini"))).profiles();
        QCOMPARE(read.size(), 2);
        QVERIFY(read.at(0).ssh == behind.ssh);
        QVERIFY(!read.at(1).ssh.isSet());
        QVERIFY(read.at(0) == behind);
    }

    void sessionsAndToolsGoThroughTheTunnelWhileItIsHeld()
    {
        ConnectionProfile profile = m_scratch.profile();
        profile.ssh = m_ssh.hop(QStringLiteral("bastion"));
        const QString key = profile.databaseKey();
        {
            const Result<ResolvedConnection> resolved = resolveConnection(profile);
            QVERIFY2(resolved, why(resolved, m_ssh.log()).constData());
            const ConnectionProfile &through = resolved.value().profile;
            QVERIFY(through.tunnel);
            QVERIFY(through.connectPort() != through.port);
            QCOMPARE(through.databaseKey(), key); // still the server it is, for backups and production checks
            QVERIFY2(through.displayName().endsWith(QLatin1String(" through SSH bastion")),
                     qPrintable(through.displayName()));

            DatabaseSession session;
            const Status opened = session.open(through, 5);
            QVERIFY2(opened, qPrintable(opened.error().fullText()));
            QCOMPARE(queried(session.database(), QStringLiteral("select current_database()")), m_scratch.name());

            const Result<ClientEnvironment> client =
                ClientEnvironment::create(through, QStringLiteral("tst_sshtunnel"));
            QVERIFY(client);
            QCOMPARE(client.value().environment().value(QStringLiteral("PGPORT")), through.connectPort());
            QCOMPARE(client.value().environment().value(QStringLiteral("PGHOSTADDR")), QStringLiteral("127.0.0.1"));
            ChildCommand psql(
                QStringLiteral("psql"),
                {QStringLiteral("-XAt"), QStringLiteral("-c"), QStringLiteral("select current_database()")}, {},
                client.value().environment());
            const Result<ChildOutcome> ran = psql.run();
            QVERIFY(ran);
            QVERIFY2(ran.value().exitCode == 0, qPrintable(ran.value().standardError));
            QCOMPARE(ran.value().standardOutput.trimmed(), m_scratch.name());

            // The session's own bytes go through ssh: with the client gone, so is the session.
            const QList<qint64> clients = test::processesNaming(m_ssh.configFile(), QStringLiteral("ssh"));
            QCOMPARE(clients.size(), 1);
            ConnectionProfile copy = through; // a copy holds the tunnel as well
            QVERIFY(accepts(copy.connectPort()));
            ::kill(static_cast<pid_t>(clients.first()), SIGKILL);
            QTRY_VERIFY(!copy.tunnel->isRunning());
            QSqlQuery afterwards(session.database());
            QVERIFY(!afterwards.exec(QStringLiteral("select 1")));
        }
        QTRY_VERIFY(test::processesNaming(m_ssh.configFile(), QStringLiteral("ssh")).isEmpty());
    }

    void theTunnelEndsWithItsLastHolder()
    {
        ConnectionProfile profile = m_scratch.profile();
        profile.ssh = m_ssh.hop(QStringLiteral("bastion"));
        std::optional<ConnectionProfile> held;
        QString port;
        {
            const Result<ResolvedConnection> resolved = resolveConnection(profile);
            QVERIFY2(resolved, why(resolved).constData());
            held = resolved.value().profile;
            port = held->connectPort();
        }
        QVERIFY(accepts(port)); // the copy holds it
        QCOMPARE(test::processesNaming(m_ssh.configFile(), QStringLiteral("ssh")).size(), 1);
        {
            // Resolving a resolved profile again reuses its tunnel rather than tunnelling through it.
            const Result<ResolvedConnection> again = resolveConnection(*held);
            QVERIFY(again);
            QCOMPARE(again.value().profile.connectPort(), port);
            held.reset();
            QVERIFY(accepts(port)); // the second resolution holds it now
            QCOMPARE(test::processesNaming(m_ssh.configFile(), QStringLiteral("ssh")).size(), 1);
        }
        QTRY_VERIFY(test::processesNaming(m_ssh.configFile(), QStringLiteral("ssh")).isEmpty());
        QVERIFY(!accepts(port));
    }

    void refusalsSayWhatToDo_data()
    {
        QTest::addColumn<QString>("alias");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown host key")
            << "stranger" << int(ErrorKind::Connection) << "host key of stranger is not known";
        QTest::newRow("changed host key")
            << "impostor" << int(ErrorKind::Connection) << "host key of impostor has changed";
        QTest::newRow("login refused") << "locked-out" << int(ErrorKind::Authentication) << "refused the SSH login";
        QTest::newRow("no SSH server") << "" << int(ErrorKind::Connection) << "Could not reach the server through SSH";
    }

    void refusalsSayWhatToDo()
    {
        QFETCH(QString, alias);
        QFETCH(int, kind);
        QFETCH(QString, says);
        ConnectionProfile profile = m_scratch.profile();
        if (alias.isEmpty()) {
            const Result<quint16> nobody = loopbackport::pickFree();
            QVERIFY(nobody);
            profile.ssh =
                SshHop{QStringLiteral("127.0.0.1"), {}, QString::number(nobody.value()), {}, m_ssh.configFile()};
        } else {
            profile.ssh = m_ssh.hop(alias);
        }
        QElapsedTimer timer;
        timer.start();
        const Result<ResolvedConnection> refused = resolveConnection(profile);
        QVERIFY(!refused);
        QVERIFY2(timer.elapsed() < 10000, "BatchMode: nothing waits on a prompt");
        QCOMPARE(int(refused.error().kind), kind);
        QVERIFY2(refused.error().message.contains(says), qPrintable(refused.error().fullText()));
        QVERIFY(test::processesNaming(m_ssh.configFile(), QStringLiteral("ssh")).isEmpty());
    }

private:
    test::ScratchDatabase m_scratch{QStringLiteral("ssh")};
    test::SshServer m_ssh;
};

QTEST_GUILESS_MAIN(TestSshTunnel)
#include "tst_sshtunnel.moc"
