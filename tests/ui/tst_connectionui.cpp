// The connection dialog, production marking and recent connections, as real widgets.
#include "activeconnection.h"
#include "connectionbanner.h"
#include "connectioncontroller.h"
#include "connectiondialog.h"
#include "errorpresenter.h"
#include "mainwindow.h"
#include "queries.h"
#include "scratchdatabase.h"
#include "sshserver.h"
#include "tcprelay.h"

#include "connection/databasesession.h"
#include "connection/profilestore.h"
#include "jobs/jobrunner.h"
#include "model/modelpack.h"
#include "sandbox/loopbackport.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

// A connection dialog as the window opens it, with a controller that connects for it.
struct DialogUnderTest {
    JobRunner runner;
    ActiveConnection active{nullptr};
    ConnectionController controller{&runner, &active, nullptr};
    ConnectionDialog dialog{&runner, &controller};
};

// A main window connected to profile, with its first schema read done.
bool connectWindow(MainWindow &window, const ConnectionProfile &profile)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QSignalSpy connected(&window, &MainWindow::connected);
    window.connectTo(profile, RetryPolicy::once());
    return connected.wait(20000) && window.jobRunner()->waitForIdle(20000);
}

// Answers the next password prompt (within 10 s) with password, keeping its question in *asked.
void answerPasswordPrompt(const QString &password, QString *asked, int triesLeft = 100)
{
    QTimer::singleShot(100, [password, asked, triesLeft] {
        auto *prompt = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!prompt) {
            if (triesLeft > 0)
                answerPasswordPrompt(password, asked, triesLeft - 1);
            return;
        }
        *asked = prompt->labelText();
        prompt->setTextValue(password);
        prompt->accept();
    });
}

} // namespace

class TestConnectionUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("NetRavenTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectionui"));
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
    }

    void importsConnectionStrings()
    {
        DialogUnderTest under;
        ConnectionDialog &dialog = under.dialog;
        const int before = static_cast<int>(dialog.profiles().size());
        QString message;
        QVERIFY(!dialog.importConnectionString(QStringLiteral("host=db colour=blue"), &message));
        QVERIFY2(message.contains(QLatin1String("colour")), qPrintable(message));
        QCOMPARE(dialog.profiles().size(), before);
        QVERIFY(
            dialog.importConnectionString(QStringLiteral("postgresql://dba@db.prod:6432/netraven?sslmode=require")));
        const ConnectionProfile &imported = dialog.profiles().last();
        QCOMPARE(imported.name, QStringLiteral("netraven on db.prod"));
        QCOMPARE(imported.port, QStringLiteral("6432"));
        QCOMPARE(imported.sslMode, QStringLiteral("require"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(), QStringLiteral("db.prod"));
    }

    void anSshHopThatRefusesSaysWhyInTheDialog()
    {
        test::SshServer ssh;
        const Status started = ssh.start();
        QVERIFY2(started, qPrintable(started.error().fullText()));
        DialogUnderTest under;
        ConnectionDialog &dialog = under.dialog;
        QVERIFY(dialog.importConnectionString(m_scratch.profile().toUri()));
        // A host nobody has accepted the key of: ssh would ask, BatchMode makes it say so instead.
        dialog.findChild<QLineEdit *>(QStringLiteral("sshHostEdit"))
            ->setText(QStringLiteral("127.0.0.1:%1").arg(ssh.port()));
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        dialog.testConnection();
        QCOMPARE(dialog.chosenProfile().ssh.port, QString::number(ssh.port()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(finished.first().at(1).toString().contains(QLatin1String("is not known: connect once with ssh")),
                 qPrintable(finished.first().at(1).toString()));
    }

    void testConnectionReportsServerAndSchema()
    {
        DialogUnderTest under;
        ConnectionDialog &dialog = under.dialog;
        QVERIFY(dialog.importConnectionString(m_scratch.profile().toUri()));
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(m_scratch.profile().password);
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QString summary = finished.first().at(1).toString();
        QVERIFY2(summary.contains(QLatin1String("PostgreSQL 1")) && summary.contains(QLatin1String("superuser")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("An empty database: no tables yet")), qPrintable(summary));

        // Tables as NetRaven v2's own migration makes them: told from the catalog.
        DatabaseSession session;
        QVERIFY(session.open(m_scratch.profile()));
        const ModelPack v2 = ModelPack::builtIn(QStringLiteral("netraven-v2")).value();
        QVERIFY(QSqlQuery(session.database()).exec(v2.migration(1)->sql));
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        summary = finished.last().at(1).toString();
        QVERIFY2(summary.contains(QLatin1String("netraven-v2: 12 of its 12 required tables in schema public")),
                 qPrintable(summary));

        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("wrong-one"));
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY2(finished.last().at(1).toString().contains(QLatin1String("refused user")),
                 qPrintable(finished.last().at(1).toString()));
        // The sentence in the panel, the server's own words behind Details.
        QVERIFY(dialog.messagePanel()->showsError());
        QVERIFY2(dialog.messagePanel()->detailsText().contains(QLatin1String("password authentication failed")),
                 qPrintable(dialog.messagePanel()->detailsText()));
        QVERIFY(!dialog.messagePanel()->text().contains(QLatin1String("password authentication failed")));
    }

    void aFailedConnectKeepsTheDialogOpenWithTheReason()
    {
        DialogUnderTest under;
        ConnectionDialog &dialog = under.dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        ConnectionProfile nothingThere = m_scratch.profile();
        nothingThere.port = QString::number(loopbackport::pickFree().value());
        QVERIFY(dialog.importConnectionString(nothingThere.toUri()));
        QSignalSpy failed(&dialog, &ConnectionDialog::connectFailed);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("dialogConnectButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        // Nothing listens there: said at once, not tried again for half a minute.
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(dialog.isVisible());
        QVERIFY(!under.active.isOpen());
        QVERIFY2(dialog.messagePanel()->text().startsWith(QLatin1String("Nothing accepts connections at")),
                 qPrintable(dialog.messagePanel()->text()));
        QVERIFY(dialog.messagePanel()->detailsText().contains(QLatin1String("Connection refused")));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("dialogConnectButton"))->isEnabled());
    }

    void aServerThatIsFullIsTriedAgainWithACountdownAndCancel()
    {
        // A role allowed no connection at all is told "too many connections": the server is
        // there, so that is tried again.
        const QString role = QStringLiteral("nrdb_connectionui_full");
        QCOMPARE(test::queryValue(m_scratch.profile(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)), QString());
        QCOMPARE(test::queryValue(
                     m_scratch.profile(),
                     QStringLiteral("CREATE ROLE %1 LOGIN CONNECTION LIMIT 0 PASSWORD 'Full-House-4'").arg(role)),
                 QString());
        ConnectionProfile limited = m_scratch.profile();
        limited.user = role;
        limited.password = QStringLiteral("Full-House-4");

        DialogUnderTest under;
        ConnectionDialog &dialog = under.dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.importConnectionString(limited.toUri()));
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(limited.password);
        QSignalSpy failed(&dialog, &ConnectionDialog::connectFailed);
        dialog.connectToChosen();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messagePanel()->text().contains(QLatin1String("trying again in")), 20000);
        QVERIFY2(dialog.messagePanel()->text().contains(QLatin1String("no free connection slots")) &&
                     dialog.messagePanel()->text().contains(QLatin1String("(attempt 2 of 5)")),
                 qPrintable(dialog.messagePanel()->text()));
        const QString countdown = dialog.messagePanel()->text();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messagePanel()->text() != countdown, 3000); // it counts down
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("dialogConnectButton"))->isEnabled());

        // Esc stops the attempt; the dialog stays, saying so.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
        QCOMPARE(failed.first().at(0).value<Error>().kind, ErrorKind::Cancelled);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.messagePanel()->text(), QStringLiteral("Connecting was cancelled."));

        // Tried again, and the server makes room while it waits: connected, and the dialog closes.
        dialog.connectToChosen();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messagePanel()->text().contains(QLatin1String("trying again in")), 20000);
        QCOMPARE(test::queryValue(m_scratch.profile(), QStringLiteral("ALTER ROLE %1 CONNECTION LIMIT -1").arg(role)),
                 QString());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 20000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(under.active.isOpen());
        QCOMPARE(under.active.profile().user, role);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(test::queryValue(m_scratch.profile(), QStringLiteral("DROP ROLE %1").arg(role)), QString());
    }

    void aLostConnectionShowsABannerAndReconnects()
    {
        // The window reaches the server through a relay that goes away and comes back, as a
        // server that stops and starts again would; the sandbox serves the other tests meanwhile.
        test::TcpRelay relay(m_scratch.profile().port.toUShort());
        QVERIFY(relay.start());
        ConnectionProfile profile = m_scratch.profile();
        profile.name.clear(); // a connection from a URI alone, as on the command line
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = QString::number(relay.port());
        MainWindow window;
        QVERIFY(connectWindow(window, profile));
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QMetaObject::invokeMethod(recent, "aboutToShow");
        QCOMPARE(recent->actions().value(0)->text(), profile.displayName()); // in Recent, by its URI
        auto *banner = window.findChild<ConnectionBanner *>(QStringLiteral("connectionBanner"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionStatus"));
        auto *verify = window.findChild<QAction *>(QStringLiteral("verifyAction"));
        QVERIFY(!banner->isVisible());
        QVERIFY(verify->isEnabled());

        // A verify, then the server goes: the next verify finds it gone; no box, the banner says it,
        // and the Verify tab marks its report as older.
        auto *verdict = window.findChild<QLabel *>(QStringLiteral("verifyVerdict"));
        verify->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!verdict->text().isEmpty(), 20000);
        const QString verdictBefore = verdict->text();
        QVERIFY(window.jobRunner()->waitForIdle(20000));
        relay.stop();
        verify->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY2(verdict->text().startsWith(QLatin1String("Verify could not run")) &&
                     verdict->text().endsWith(verdictBefore),
                 qPrintable(verdict->text()));
        QVERIFY2(banner->message()->text().contains(QLatin1String("connection was lost")) &&
                     banner->message()->text().contains(QLatin1String("Nothing accepts connections at 127.0.0.1")),
                 qPrintable(banner->message()->text()));
        QVERIFY2(banner->message()->detailsText().contains(QLatin1String("Connection refused")),
                 qPrintable(banner->message()->detailsText()));
        QVERIFY2(status->text().startsWith(QLatin1String("Connection lost")), qPrintable(status->text()));
        QVERIFY(!verify->isEnabled());
        QVERIFY2(verify->toolTip().endsWith(QLatin1String("the connection was lost. Reconnect (F5) first.")),
                 qPrintable(verify->toolTip())); // why it cannot run

        // Reconnecting while the server is still away says so, and the banner stays.
        QSignalSpy failed(&window, &MainWindow::connectionFailed);
        QSignalSpy connected(&window, &MainWindow::connected);
        auto *reconnect = banner->findChild<QPushButton *>(QStringLiteral("reconnectButton"));
        reconnect->click();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY2(banner->message()->text().startsWith(QLatin1String("Reconnecting failed")),
                 qPrintable(banner->message()->text()));
        QVERIFY(banner->isVisible());
        QVERIFY(reconnect->isEnabled());

        // The server is back: Reconnect reaches it, the banner goes, jobs can run again.
        QVERIFY(relay.start());
        reconnect->click();
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QVERIFY(!banner->isVisible());
        QVERIFY2(status->text().startsWith(QLatin1String("Connected")), qPrintable(status->text()));
        QVERIFY(verify->isEnabled());
        QCOMPARE(verify->toolTip(), QStringLiteral("Verify")); // its own again
        QCOMPARE(failed.count(), 1);
    }

    void aChangedPasswordIsAskedForOnReconnect()
    {
        const QString role = QStringLiteral("nrdb_connectionui_moved");
        QCOMPARE(test::queryValue(m_scratch.profile(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)), QString());
        QCOMPARE(test::queryValue(m_scratch.profile(),
                                  QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'First-Key-1'").arg(role)),
                 QString());
        ConnectionProfile profile = m_scratch.profile();
        profile.user = role;
        profile.password = QStringLiteral("First-Key-1");
        {
            MainWindow window;
            QVERIFY(connectWindow(window, profile));
            auto *banner = window.findChild<ConnectionBanner *>(QStringLiteral("connectionBanner"));

            // The server's administrator changes the password: the next read is refused.
            QCOMPARE(test::queryValue(m_scratch.profile(),
                                      QStringLiteral("ALTER ROLE %1 PASSWORD 'Second-Key-2'").arg(role)),
                     QString());
            QTest::keyClick(&window, Qt::Key_F5);
            QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
            QVERIFY2(banner->message()->text().contains(QLatin1String("The server refused user \"%1\"").arg(role)),
                     qPrintable(banner->message()->text()));
            QVERIFY2(banner->message()->detailsText().contains(QLatin1String("password authentication failed")),
                     qPrintable(banner->message()->detailsText()));

            // Reconnect (F5 too) asks for the new password, naming where, and connects with it.
            QSignalSpy connected(&window, &MainWindow::connected);
            QString asked;
            answerPasswordPrompt(QStringLiteral("Second-Key-2"), &asked);
            QTest::keyClick(&window, Qt::Key_F5);
            QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
            QVERIFY2(asked.contains(role) && asked.contains(profile.port) && asked.contains(profile.database),
                     qPrintable(asked));
            QVERIFY(!banner->isVisible());
            QCOMPARE(window.findChild<ActiveConnection *>()->profile().user, role);
            window.findChild<QAction *>(QStringLiteral("disconnectAction"))->trigger();
            QVERIFY(window.jobRunner()->waitForIdle(20000));
        }
        QCOMPARE(test::queryValue(m_scratch.profile(), QStringLiteral("DROP ROLE %1").arg(role)), QString());
    }

    void productionIsMarkedAndRecentIsRemembered()
    {
        ConnectionProfile profile = m_scratch.profile();
        profile.name = QStringLiteral("NetRaven production");
        profile.tier = DeploymentTier::Production;
        ConnectionProfile saved = profile;
        saved.password.clear();
        QVERIFY(ProfileStore().saveAll({saved}));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The empty page lists the saved profile under its tier; a double-click connects (asking for the password).
        auto *environments = window.findChild<QTreeView *>(QStringLiteral("environmentsView"));
        QVERIFY(environments->isVisible());
        const QModelIndex production = environments->model()->index(0, 0);
        QCOMPARE(production.data().toString(), QStringLiteral("Production (1)"));
        QCOMPARE(environments->model()->index(0, 0, production).data().toString(),
                 QStringLiteral("NetRaven production"));
        QSignalSpy connected(&window, &MainWindow::connected);
        QString asked;
        answerPasswordPrompt(profile.password, &asked);
        emit environments->activated(environments->model()->index(0, 0, production));
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QVERIFY2(window.windowTitle().startsWith(QLatin1String("[PRODUCTION] NetRaven production")),
                 qPrintable(window.windowTitle()));
        auto *badge = window.findChild<QLabel *>(QStringLiteral("tierBadge"));
        QVERIFY(badge->isVisible());
        QCOMPARE(badge->text().trimmed(), QStringLiteral("PRODUCTION"));
        // The window is tinted toward red, the menus and pages with it.
        const QColor plain = QApplication::palette().color(QPalette::Window);
        const QColor tinted = window.palette().color(QPalette::Window);
        QVERIFY2(tinted.red() - tinted.green() > plain.red() - plain.green() + 10, qPrintable(tinted.name()));
        QCOMPARE(window.findChild<QTabWidget *>(QStringLiteral("connectedTabs"))->palette().color(QPalette::Window),
                 tinted);
        QCOMPARE(ProfileStore().recent().value(0), QStringLiteral("NetRaven production"));

        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QMetaObject::invokeMethod(recent, "aboutToShow");
        QVERIFY(recent->findChild<QAction *>(QStringLiteral("recentConnection:NetRaven production")));

        window.findChild<QAction *>(QStringLiteral("disconnectAction"))->trigger();
        QVERIFY(!badge->isVisible());
        QVERIFY(!window.windowTitle().contains(QLatin1String("PRODUCTION")));
        QCOMPARE(window.palette().color(QPalette::Window), plain);

        QFile settings(QSettings(QSettings::IniFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                                 QStringLiteral("netraven-dbadmin"))
                           .fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(profile.password.toUtf8()));
    }

private:
    QTemporaryDir m_settingsDir;
    test::ScratchDatabase m_scratch;
};

QTEST_MAIN(TestConnectionUi)
#include "tst_connectionui.moc"
