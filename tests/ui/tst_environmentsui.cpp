// The Environments view as real widgets: every saved profile's status read at once, a dead or
// silent server timing out on its own row, Back Up Selected, and connecting from it.
#include "appearance.h"
#include "comparedialog.h"
#include "environmentlistmodel.h"
#include "environmentspage.h"
#include "jobrun.h"
#include "mainwindow.h"
#include "queries.h"
#include "scheduledialog.h"
#include "scratchdatabase.h"

#include "backup/toolsettings.h"
#include "connection/profilestore.h"
#include "jobs/bootstrapjob.h"
#include "jobs/environmentstatusjob.h"
#include "jobs/jobrunner.h"
#include "sandbox/loopbackport.h"
#include "schedule/scheduleinstaller.h"
#include "schedule/schedulestore.h"
#include "util/jsonfile.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

QString cell(const EnvironmentListModel &model, const QString &name, int column)
{
    return model.indexOf(name, column).data().toString();
}

ConnectionProfile savedAs(ConnectionProfile profile, const QString &name, DeploymentTier tier)
{
    profile.name = name;
    profile.tier = tier;
    profile.password.clear(); // as the window saves it: the password comes from ~/.pgpass
    return profile;
}

} // namespace

class TestEnvironmentsUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("NetRavenTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_environmentsui"));
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
        qputenv("PGPASSFILE", m_scratch.server().passFile.toLocal8Bit());
        QVERIFY(test::runToSuccess(std::make_shared<BootstrapJob>(m_scratch.profile(), PackChoice())));
    }

    void scheduledBackupsShowTheirNextRunAndRedWhenTheyFail()
    {
        QTemporaryDir home;
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
        const QString scheduled = QStringLiteral("Nightly");
        QVERIFY(ProfileStore().saveAll(
            {savedAs(m_scratch.profile(), scheduled, DeploymentTier::Staging),
             savedAs(m_scratch.profile(), QStringLiteral("By hand"), DeploymentTier::Development)}));
        BackupSchedule nightly;
        nightly.profile = scheduled;
        nightly.at = QTime(2, 30);
        nightly.directory = home.filePath(QStringLiteral("nightly backups"));
        nightly.installedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(ScheduleStore().save(nightly));
        const Result<QStringList> installed = scheduleinstaller::install(
            nightly, scheduleinstaller::runCommand(QStringLiteral("/usr/bin/netraven-dbctl"), scheduled, {}));
        QVERIFY2(installed, installed ? "" : qPrintable(installed.error().fullText()));
        ScheduleRecord failedRun;
        failedRun.lastStartedAt = QDateTime::currentDateTimeUtc();
        failedRun.lastFinishedAt = failedRun.lastStartedAt;
        failedRun.lastMessage = QStringLiteral("pg_dump: could not write: No space left on device");
        QVERIFY(ScheduleStore::writeRecord(scheduled, failedRun));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EnvironmentsPage *page = window.environmentsPage();
        const EnvironmentListModel &model = *page->model();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isReading(), (EnvironmentStatusJob::kConnectTimeoutSeconds + 5) * 1000);
        const QModelIndex next = model.indexOf(scheduled, EnvironmentListModel::ScheduleColumn);
        const QString nextRun =
            QLocale().toString(nightly.nextRunAfter(QDateTime::currentDateTime()), QStringLiteral("ddd HH:mm"));
        QCOMPARE(next.data().toString(), QStringLiteral("FAILED, next %1").arg(nextRun));
        QCOMPARE(next.data(Qt::ForegroundRole).value<QColor>(), toneColor(Tone::Bad, QGuiApplication::palette()));
        QVERIFY(next.data(Qt::ToolTipRole).toString().contains(QLatin1String("No space left on device")));
        // Its backups are looked for where its schedule puts them.
        QCOMPARE(cell(model, scheduled, EnvironmentListModel::ConcernColumn),
                 QStringLiteral("never backed up in %1").arg(nightly.directory));
        const QModelIndex unscheduled = model.indexOf(QStringLiteral("By hand"), EnvironmentListModel::ScheduleColumn);
        QCOMPARE(unscheduled.data().toString(), QStringLiteral("not scheduled"));
        QVERIFY(!unscheduled.data(Qt::ForegroundRole).isValid());

        // A good run since: the next run, in the ordinary colour. Gone units: red again.
        ScheduleRecord goodRun = failedRun;
        goodRun.lastOk = true;
        goodRun.lastMessage = QStringLiteral("backed up");
        QVERIFY(ScheduleStore::writeRecord(scheduled, goodRun));
        page->refreshAll();
        QCOMPARE(next.data().toString(), QStringLiteral("next %1").arg(nextRun));
        QVERIFY(!next.data(Qt::ForegroundRole).isValid());
        QVERIFY(scheduleinstaller::uninstall(nightly));
        page->refreshAll();
        QCOMPARE(next.data().toString(), QStringLiteral("NOT INSTALLED"));
        QCOMPARE(next.data(Qt::ForegroundRole).value<QColor>(), toneColor(Tone::Bad, QGuiApplication::palette()));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isReading(), (EnvironmentStatusJob::kConnectTimeoutSeconds + 5) * 1000);
        QVERIFY(ScheduleStore().remove(scheduled));
        qunsetenv("XDG_CONFIG_HOME");
        qunsetenv("XDG_DATA_HOME");
    }

    void backupsAreScheduledFromTheView()
    {
        QTemporaryDir home;
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
        const QString name = QStringLiteral("Six-hourly");
        QVERIFY(ProfileStore().saveAll({savedAs(m_scratch.profile(), name, DeploymentTier::Staging)}));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EnvironmentsPage *page = window.environmentsPage();
        page->view()->setCurrentIndex(page->model()->indexOf(name));
        window.findChild<QAction *>(QStringLiteral("scheduleEnvironmentAction"))->trigger();
        ScheduleDialog *opened = page->findChild<ScheduleDialog *>();
        QVERIFY(opened && opened->isVisible());
        QVERIFY2(opened->status().startsWith(QLatin1String("Not scheduled")), qPrintable(opened->status()));
        opened->close();

        ScheduleDialog dialog(page->model()->profileAt(page->model()->indexOf(name)).value(),
                              QStringLiteral("/usr/bin/netraven-dbctl"));
        auto *cadence = dialog.findChild<QComboBox *>(QStringLiteral("scheduleCadence"));
        cadence->setCurrentIndex(cadence->findText(QStringLiteral("Every N hours, at minute")));
        dialog.findChild<QSpinBox *>(QStringLiteral("scheduleEveryHours"))->setValue(6);
        dialog.findChild<QTimeEdit *>(QStringLiteral("scheduleAt"))->setTime(QTime(0, 15));
        const QString backups = home.filePath(QStringLiteral("six-hourly"));
        dialog.findChild<QLineEdit *>(QStringLiteral("scheduleDirectory"))->setText(backups);
        dialog.findChild<QSpinBox *>(QStringLiteral("scheduleKeep"))->setValue(4);
        dialog.install();
        QVERIFY2(dialog.status().startsWith(QLatin1String("Installed.")), qPrintable(dialog.status()));
        const std::optional<BackupSchedule> saved = ScheduleStore().schedule(name);
        QVERIFY(saved);
        QCOMPARE(saved->everyHours, 6);
        QCOMPARE(saved->at, QTime(0, 15));
        QCOMPARE(saved->retention.keepNewest, 4);
        QCOMPARE(saved->directory, backups);
        QVERIFY(scheduleinstaller::isInstalled(*saved));
        QVERIFY2(dialog.status().contains(QLatin1String("Next run:")), qPrintable(dialog.status()));
        page->refresh(name);
        const QModelIndex next = page->model()->indexOf(name, EnvironmentListModel::ScheduleColumn);
        QVERIFY2(next.data().toString().startsWith(QLatin1String("next ")), qPrintable(next.data().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isReading(), (EnvironmentStatusJob::kConnectTimeoutSeconds + 5) * 1000);

        dialog.remove();
        QVERIFY2(dialog.status().startsWith(QLatin1String("Removed")), qPrintable(dialog.status()));
        QVERIFY(!ScheduleStore().schedule(name));
        QVERIFY(!scheduleinstaller::isInstalled(*saved));
        QVERIFY(QFileInfo(backups).isDir()); // what it made stays
        qunsetenv("XDG_CONFIG_HOME");
        qunsetenv("XDG_DATA_HOME");
    }

    void comparesTheConnectedDatabaseWithAnEnvironment()
    {
        test::ScratchDatabase drifted(QStringLiteral("drifted"));
        NRDB_REQUIRE_SCRATCH_DATABASE(drifted);
        QVERIFY(test::runToSuccess(std::make_shared<BootstrapJob>(drifted.profile(), PackChoice())));
        QVERIFY(test::queryValues(drifted.profile(), QStringLiteral("DROP INDEX ix_devices_hostname")).isEmpty());
        const QString reference = QStringLiteral("Reference");
        QVERIFY(ProfileStore().saveAll({savedAs(m_scratch.profile(), reference, DeploymentTier::Staging)}));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(drifted.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        EnvironmentsPage *page = window.environmentsPage();
        page->view()->setCurrentIndex(page->model()->indexOf(reference));
        QAction *compare = window.findChild<QAction *>(QStringLiteral("compareEnvironmentAction"));
        QVERIFY(compare->isEnabled());
        compare->trigger();
        auto *dialog = window.findChild<CompareDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->report().has_value(), 20000);
        auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("compareDifferences"));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0),
                 QStringLiteral("missing index ix_devices_hostname on devices"));
        QVERIFY(window.jobRunner()->waitForIdle(20000));
    }

    void everyEnvironmentIsReadAtOnceAndTheDeadWaitAlone()
    {
        QTemporaryDir backups;
        setConfiguredBackupDirectory(backups.path());
        const Result<quint16> refused = loopbackport::pickFree();
        QVERIFY(refused);
        QTcpServer silent; // the kernel completes each connection; nothing ever answers on it
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ConnectionProfile nowhere = m_scratch.profile();
        nowhere.host = QStringLiteral("127.0.0.1");
        nowhere.port = QString::number(refused.value());
        ConnectionProfile quiet = nowhere;
        quiet.port = QString::number(silent.serverPort());
        const QString live = QStringLiteral("Site A");
        QVERIFY(ProfileStore().saveAll({savedAs(quiet, QStringLiteral("Silent"), DeploymentTier::Development),
                                        savedAs(nowhere, QStringLiteral("Broken"), DeploymentTier::Staging),
                                        savedAs(m_scratch.profile(), live, DeploymentTier::Production)}));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EnvironmentsPage *page = window.environmentsPage();
        QVERIFY(page->isVisible()); // the start page holds it
        const EnvironmentListModel &model = *page->model();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Production (1)"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Staging (1)"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Development (1)"));

        // The live one is read while the silent one still waits: no row waits on another.
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(model, live, EnvironmentListModel::RoundTripColumn).endsWith(QLatin1String(" ms")),
            (EnvironmentStatusJob::kConnectTimeoutSeconds - 1) * 1000);
        QCOMPARE(cell(model, QStringLiteral("Silent"), EnvironmentListModel::RoundTripColumn),
                 QStringLiteral("reading…"));
        QVERIFY(
            cell(model, live, EnvironmentListModel::PackColumn).startsWith(QLatin1String("netraven-v2, version 2")));
        QCOMPARE(cell(model, live, EnvironmentListModel::DifferencesColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, live, EnvironmentListModel::BackupColumn), QStringLiteral("none"));
        QCOMPARE(cell(model, live, EnvironmentListModel::ConcernColumn),
                 QStringLiteral("never backed up in %1").arg(backups.path()));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isReading(), (EnvironmentStatusJob::kConnectTimeoutSeconds + 5) * 1000);
        QCOMPARE(cell(model, QStringLiteral("Silent"), EnvironmentListModel::RoundTripColumn),
                 QStringLiteral("unreachable"));
        QVERIFY(cell(model, QStringLiteral("Silent"), EnvironmentListModel::ConcernColumn)
                    .contains(QLatin1String("timed out")));
        QVERIFY(cell(model, QStringLiteral("Broken"), EnvironmentListModel::ConcernColumn)
                    .startsWith(QLatin1String("Nothing accepts connections")));

        // Back Up Selected: a job on the window's runner, then the row read again.
        page->view()->setCurrentIndex(model.indexOf(live));
        QSignalSpy backedUp(page, &EnvironmentsPage::backedUp);
        QSignalSpy failed(page, &EnvironmentsPage::backUpFailed);
        QSignalSpy reported(page, &EnvironmentsPage::healthReported);
        QSignalSpy notReported(page, &EnvironmentsPage::healthReportFailed);
        window.findChild<QAction *>(QStringLiteral("backUpEnvironmentsAction"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(backedUp.count() + failed.count(), 1, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        QVERIFY(QFile::exists(backedUp.first().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(cell(model, live, EnvironmentListModel::BackupColumn).startsWith(QLatin1String("20")),
                                 20000);
        QCOMPARE(cell(model, live, EnvironmentListModel::ProofColumn), QStringLiteral("never"));
        QCOMPARE(cell(model, live, EnvironmentListModel::ConcernColumn), QStringLiteral("no backup proven restorable"));

        // It ends in the health report, HTML and JSON, beside the backups.
        QTRY_COMPARE_WITH_TIMEOUT(reported.count() + notReported.count(), 1, 20000);
        QVERIFY2(notReported.isEmpty(), qPrintable(notReported.value(0).value(0).toString()));
        const QString html = reported.first().at(0).toString();
        QVERIFY2(html.startsWith(backups.path() + QStringLiteral("/health/netraven-health-")), qPrintable(html));
        QFile reportFile(html);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(reportFile.readAll());
        QVERIFY(written.contains(QLatin1String("3 environments, 3 need attention")));
        QVERIFY(written.contains(QLatin1String("<td class=\"bad\">never proven</td>")));
        const Result<QJsonObject> json =
            readJsonObject(html.chopped(4) + QStringLiteral("json"), QStringLiteral("report"));
        QVERIFY(json);
        QCOMPARE(json.value()[QStringLiteral("environments")].toArray().size(), 3);
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("healthReportLabel"))->text().contains(QLatin1String("Open")));

        // Verify All reads every environment again, the dead ones too, and reports once they are in.
        window.findChild<QAction *>(QStringLiteral("verifyAllEnvironmentsAction"))->trigger();
        QVERIFY(page->isReading());
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 2, (EnvironmentStatusJob::kConnectTimeoutSeconds + 10) * 1000);
        QVERIFY(!page->isReading());

        // A double-click connects; the view is then a tab of the window, and the start page's again after.
        QSignalSpy connected(&window, &MainWindow::connected);
        emit page->view()->activated(model.indexOf(live));
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("connectedTabs"));
        QCOMPARE(tabs->tabText(tabs->indexOf(page)), QStringLiteral("Environments"));
        QVERIFY(window.jobRunner()->waitForIdle(20000));
        window.findChild<QAction *>(QStringLiteral("disconnectAction"))->trigger();
        QCOMPARE(tabs->indexOf(page), -1);
        QVERIFY(page->isVisible());
    }

private:
    QTemporaryDir m_settingsDir;
    test::ScratchDatabase m_scratch;
};

QTEST_MAIN(TestEnvironmentsUi)
#include "tst_environmentsui.moc"
