// The connection dialog, production marking and recent connections, as real widgets.
#include "connectiondialog.h"
#include "mainwindow.h"
#include "scratchdatabase.h"

#include "connection/databasesession.h"
#include "connection/profilestore.h"
#include "jobs/jobrunner.h"
#include "model/modelpack.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace nrdb;

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
        JobRunner runner;
        ConnectionDialog dialog(&runner);
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

    void testConnectionReportsServerAndSchema()
    {
        JobRunner runner;
        ConnectionDialog dialog(&runner);
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
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(profile, RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QVERIFY2(window.windowTitle().startsWith(QLatin1String("[PRODUCTION] NetRaven production")),
                 qPrintable(window.windowTitle()));
        auto *badge = window.findChild<QLabel *>(QStringLiteral("tierBadge"));
        QVERIFY(badge->isVisible());
        QCOMPARE(badge->text().trimmed(), QStringLiteral("PRODUCTION"));
        QCOMPARE(ProfileStore().recent().value(0), QStringLiteral("NetRaven production"));

        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QMetaObject::invokeMethod(recent, "aboutToShow");
        QVERIFY(recent->findChild<QAction *>(QStringLiteral("recentConnection:NetRaven production")));

        window.findChild<QAction *>(QStringLiteral("disconnectAction"))->trigger();
        QVERIFY(!badge->isVisible());
        QVERIFY(!window.windowTitle().contains(QLatin1String("PRODUCTION")));

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
