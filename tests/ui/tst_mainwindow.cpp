// The main window as real widgets under the offscreen platform.
#include "jobrun.h"
#include "queries.h"
#include "scratchdatabase.h"

#include "activeconnection.h"
#include "backupcontroller.h"
#include "backupoptionsdialog.h"
#include "backupspanel.h"
#include "comparedialog.h"
#include "datapreview.h"
#include "logdock.h"
#include "mainwindow.h"
#include "packcontroller.h"
#include "repairdialog.h"
#include "restoredialog.h"
#include "schemabrowser.h"
#include "serversummarypage.h"
#include "settingsdialog.h"

#include "backup/backuplistmodel.h"
#include "backup/toolsettings.h"
#include "connection/connector.h"
#include "connection/databasesession.h"
#include "connection/profilestore.h"
#include "jobs/backupjob.h"
#include "jobs/bootstrapjob.h"
#include "jobs/jobrunner.h"
#include "lifecyclecontroller.h"
#include "log/logmodel.h"
#include "model/modelpack.h"
#include "model/packdirectories.h"
#include "sandbox/serverinstallation.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest/QtTest>

using namespace nrdb;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("NetRavenTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void hasWindowDockAndEmptyState()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.objectName(), QStringLiteral("mainWindow"));
        QVERIFY(window.menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu")));
        QVERIFY(window.findChild<QToolBar *>(QStringLiteral("mainToolBar")));
        QVERIFY(window.statusBar()->isVisible());

        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("logDock"));
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), QStringLiteral("Log"));
        QVERIFY(dock->isVisible());
        // The first run: the empty docks leave the room to the pages.
        QVERIFY2(dock->height() < window.height() / 4, qPrintable(QString::number(dock->height())));

        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("centralPages"));
        QVERIFY(pages);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomePage"));
        auto *button = window.findChild<QPushButton *>(QStringLiteral("startSandboxButton"));
        QVERIFY(button && button->isVisible() && button->isEnabled());
    }

    void everyActionHasAnObjectName()
    {
        MainWindow window;
        const QList<QAction *> actions = window.findChildren<QAction *>();
        QVERIFY(!actions.isEmpty());
        for (const QAction *action : actions) {
            if (action->isSeparator() || action->menu())
                continue;
            QVERIFY2(!action->objectName().isEmpty(),
                     qPrintable(action->text() + QStringLiteral(" has no objectName")));
        }
        // The toolbar's actions all wear the application's own icons, and those draw.
        const QList<QAction *> toolBarActions = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions();
        for (const QAction *action : toolBarActions) {
            if (action->isSeparator())
                continue;
            const QImage drawn = action->icon().pixmap(24).toImage();
            QVERIFY2(!drawn.isNull(), qPrintable(action->objectName()));
            int opaque = 0;
            for (int y = 0; y < drawn.height(); ++y)
                for (int x = 0; x < drawn.width(); ++x)
                    opaque += qAlpha(drawn.pixel(x, y)) > 128 ? 1 : 0;
            QVERIFY2(opaque > 20, qPrintable(action->objectName() + QStringLiteral(" draws nothing")));
        }
    }

    void standardShortcutsWorkAndAreListed()
    {
        test::ScratchDatabase scratch(QStringLiteral("shortcuts"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QMap<QString, QKeySequence> expected{
            {QStringLiteral("connectAction"), QKeySequence(Qt::CTRL | Qt::Key_O)},
            {QStringLiteral("refreshAction"), QKeySequence(Qt::Key_F5)},
            {QStringLiteral("findAction"), QKeySequence(Qt::CTRL | Qt::Key_F)},
            {QStringLiteral("backupAction"), QKeySequence(Qt::CTRL | Qt::Key_B)},
            {QStringLiteral("nextTabAction"), QKeySequence(Qt::CTRL | Qt::Key_Tab)},
            {QStringLiteral("quitAction"), QKeySequence(Qt::CTRL | Qt::Key_Q)},
        };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto *action = window.findChild<QAction *>(it.key());
            QVERIFY2(action && action->shortcuts().contains(it.value()), qPrintable(it.key()));
            QVERIFY2(action->toolTip()
                         .section(QLatin1Char('\n'), 0, 0)
                         .endsWith(QStringLiteral("(%1)").arg(action->shortcut().toString(QKeySequence::NativeText))),
                     qPrintable(action->toolTip())); // under it, when it cannot run, why
        }

        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("backupAction"))->toolTip(),
                 QStringLiteral("Back Up (Ctrl+B)")); // kept through the actions' turning on
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("connectedTabs"));
        const int schemaTab = tabs->currentIndex();
        QTest::keyClick(&window, Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), schemaTab + 1);
        QTest::keyClick(&window, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tabs->currentIndex(), schemaTab);
        tabs->setCurrentIndex(0);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("schemaBrowser"));
        QTRY_COMPARE(QApplication::focusWidget(), window.findChild<QLineEdit *>(QStringLiteral("schemaSearch")));
        tabs->setCurrentWidget(window.findChild<QWidget *>(QStringLiteral("diagramPage")));
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), window.findChild<QLineEdit *>(QStringLiteral("diagramFind")));

        // Help ▸ Keyboard Shortcuts lists them, from the actions themselves.
        QStringList listed;
        QTimer::singleShot(0, [&listed] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            if (auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable")))
                for (int row = 0; row < table->rowCount(); ++row)
                    listed << table->item(row, 0)->text() + QLatin1Char('=') + table->item(row, 1)->text();
            dialog->reject();
        });
        window.findChild<QAction *>(QStringLiteral("shortcutsAction"))->trigger();
        const QString all = listed.join(QLatin1Char('\n'));
        for (const QString &entry :
             {QStringLiteral("Back Up=Ctrl+B"), QStringLiteral("Find=Ctrl+F"), QStringLiteral("Refresh=F5"),
              QStringLiteral("Next Tab=Ctrl+Tab"), QStringLiteral("Zoom In=Ctrl++")})
            QVERIFY2(all.contains(entry), qPrintable(all));
        QVERIFY2(listed.last().endsWith(QLatin1String("=Esc")), qPrintable(all));
    }

    void backupOptionsAreWhatTheDialogSays()
    {
        BackupOptionsDialog dialog(QStringLiteral("netraven"), QStringLiteral("/srv/backups"));
        const BackupOptions defaults = dialog.options();
        QCOMPARE(defaults.outputDirectory, QStringLiteral("/srv/backups"));
        QVERIFY(!defaults.format.has_value()); // automatic
        QCOMPARE(defaults.compression, -1);
        QVERIFY(defaults.excludeTableData.isEmpty());
        QVERIFY(!defaults.shareable);

        dialog.findChild<QComboBox *>(QStringLiteral("backupFormat"))->setCurrentIndex(3);
        dialog.findChild<QSpinBox *>(QStringLiteral("backupCompression"))->setValue(9);
        dialog.findChild<QLineEdit *>(QStringLiteral("backupSchemas"))->setText(QStringLiteral(" netraven , nrdb,"));
        dialog.findChild<QLineEdit *>(QStringLiteral("backupExcludedTables"))
            ->setText(QStringLiteral("netraven.job_log_entries"));
        dialog.findChild<QCheckBox *>(QStringLiteral("backupShareable"))->setChecked(true);
        const BackupOptions chosen = dialog.options();
        QCOMPARE(chosen.format, std::optional<BackupFormat>(BackupFormat::PlainGzip));
        QCOMPARE(chosen.compression, 9);
        QCOMPARE(chosen.includeSchemas, (QStringList{QStringLiteral("netraven"), QStringLiteral("nrdb")}));
        QCOMPARE(chosen.excludeTables, QStringList{QStringLiteral("netraven.job_log_entries")});
        QVERIFY(chosen.shareable); // the job leaves out the secret rows of the pack it detects
    }

    void settingsFindAndTestTheClientTools()
    {
        JobRunner runner;
        SettingsDialog dialog(&runner, 15);
        QSignalSpy tested(&dialog, &SettingsDialog::tested);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 10000); // tests once on opening
        QVERIFY2(dialog.testResult().contains(QLatin1String("PostgreSQL 15.")), qPrintable(dialog.testResult()));
        QVERIFY(dialog.testResult().contains(QLatin1String("The connected server (PostgreSQL 15) gets the 15.")));

        QTemporaryDir empty;
        dialog.findChild<QLineEdit *>(QStringLiteral("toolsDirectory"))->setText(empty.path());
        dialog.test();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, 10000);
        QVERIFY(dialog.testResult().startsWith(empty.path() +
                                               QStringLiteral(" does not hold all of pg_dump, pg_restore and psql.")));
        dialog.accept();
        QCOMPARE(configuredToolsDirectory(), empty.path());
        setConfiguredToolsDirectory({});

        SettingsDialog tooNew(&runner, 99);
        QSignalSpy testedAgain(&tooNew, &SettingsDialog::tested);
        QTRY_COMPARE_WITH_TIMEOUT(testedAgain.count(), 1, 10000);
        QVERIFY2(tooNew.testResult().contains(QLatin1String("needs pg_dump, pg_restore and psql 99 or newer")),
                 qPrintable(tooNew.testResult()));
    }

    // Pack directories: the packs they hold are listed as they are added (a broken one says why),
    // and once accepted every pack list knows them.
    void settingsListThePacksOfTheirDirectories()
    {
        QTemporaryDir packs;
        const auto writeFile = [&packs](const QString &path, const QByteArray &text) {
            QVERIFY(QDir().mkpath(QFileInfo(packs.filePath(path)).path()));
            QFile file(packs.filePath(path));
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
        };
        writeFile(QStringLiteral("shop/pack.json"), R"({"name": "shop", "title": "Shop", "schema": "shop"})");
        writeFile(QStringLiteral("shop/migrations/0001_baseline.sql"), "CREATE SCHEMA shop;\n");
        writeFile(QStringLiteral("broken/pack.json"), "{");
        JobRunner runner;
        SettingsDialog dialog(&runner, 15);
        QVERIFY(dialog.knownPacks().startsWith(QLatin1String("Built in: netraven-v1, netraven-v2.")));
        dialog.addPackDirectory(packs.path());
        const QString known = dialog.knownPacks();
        QVERIFY2(known.contains(QStringLiteral("shop (Shop), in %1").arg(packs.filePath(QStringLiteral("shop")))),
                 qPrintable(known));
        QVERIFY2(known.contains(
                     QStringLiteral("Does not load: Model pack %1: ").arg(packs.filePath(QStringLiteral("broken")))),
                 qPrintable(known));
        QVERIFY(!ModelPack::names().contains(QStringLiteral("shop")));
        QVERIFY(QFile::remove(packs.filePath(QStringLiteral("broken/pack.json"))));
        dialog.accept();
        QCOMPARE(configuredPackDirectories(), QStringList{packs.path()});
        QCOMPARE(ModelPack::names(),
                 (QStringList{QStringLiteral("netraven-v1"), QStringLiteral("netraven-v2"), QStringLiteral("shop")}));
        QCOMPARE(ModelPack::named(QStringLiteral("shop")).value().title, QStringLiteral("Shop"));
        setConfiguredPackDirectories({});
        QVERIFY(!ModelPack::named(QStringLiteral("shop")));
    }

    void geometryAndDockLayoutAreRestored()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 640);
            window.removeDockWidget(window.logDock());
            window.addDockWidget(Qt::RightDockWidgetArea, window.logDock());
            window.logDock()->show();
            QVERIFY(window.close());
        }
        MainWindow restored;
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QCOMPARE(restored.dockWidgetArea(restored.logDock()), Qt::RightDockWidgetArea);
        QCOMPARE(restored.size(), QSize(900, 640));
    }

    // The database actions stay off while a backup runs, though a lifecycle job started beside it
    // ends first: each controller is asked whether it is busy, no flag is shared between them.
    void actionsStayOffWhileAnyJobRuns()
    {
        test::ScratchDatabase scratch(QStringLiteral("busy"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        QVERIFY(test::queryValues(scratch.profile(), QStringLiteral("CREATE TABLE held (id int)")).isEmpty());
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        auto *bootstrap = window.findChild<QAction *>(QStringLiteral("bootstrapAction"));
        QTRY_VERIFY(bootstrap->isEnabled());

        DatabaseSession holder; // pg_dump waits on this lock
        QVERIFY(holder.open(scratch.profile()));
        QSqlQuery lock(holder.database());
        QVERIFY(lock.exec(QStringLiteral("BEGIN")) &&
                lock.exec(QStringLiteral("LOCK TABLE held IN ACCESS EXCLUSIVE MODE")));
        QTemporaryDir backups;
        QSignalSpy backedUp(window.backups(), &BackupController::backedUp);
        window.backups()->backUpTo(backups.path());
        QVERIFY(!bootstrap->isEnabled());
        QSignalSpy submitted(window.jobRunner(), &JobRunner::submitted);
        window.lifecycle()->verify(); // one job of the connection at a time: refused
        window.backups()->backUpTo(backups.path());
        QTest::qWait(200);
        QCOMPARE(submitted.count(), 0); // (the Overview's reads are quiet: not submitted as jobs)
        QVERIFY(!bootstrap->isEnabled());
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QTRY_COMPARE_WITH_TIMEOUT(backedUp.count(), 1, 30000);
        QTRY_VERIFY(bootstrap->isEnabled());
    }

    // Verify's drift, repaired from the Verify tab: the plan, its dialog, and the repair applied.
    void repairTakesTheDriftAway()
    {
        test::ScratchDatabase scratch(QStringLiteral("repair"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        {
            JobRunner runner; // not the window's: its bootstrap would show the generated passwords
            runner.submit(std::make_shared<BootstrapJob>(scratch.profile(), PackChoice::fromCatalog()));
            QVERIFY(runner.waitForIdle(60000));
        }
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QSignalSpy reported(window.lifecycle(), &LifecycleController::verifyReported);
        QVERIFY(test::queryValues(scratch.profile(), QStringLiteral("DROP INDEX ix_devices_hostname")).isEmpty());
        auto *repairButton = window.findChild<QPushButton *>(QStringLiteral("repairButton"));
        window.lifecycle()->verify();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 20000);
        QVERIFY(repairButton->isEnabled());

        std::optional<RepairReport> planned;
        connect(window.lifecycle(), &LifecycleController::repairPlanned, this,
                [&planned](const RepairReport &report) { planned = report; });
        window.lifecycle()->planRepair(false);
        QTRY_VERIFY_WITH_TIMEOUT(planned.has_value(), 20000);
        const RepairReport report = *planned;
        QCOMPARE(report.plan.statements.size(), 1);
        RepairDialog dialog(report, false);
        QVERIFY(dialog.canApply());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("repairApplyButton"))->isDefault());
        QVERIFY2(dialog.summary().startsWith(QStringLiteral("This script of 1 statement brings")),
                 qPrintable(dialog.summary()));
        QVERIFY(dialog.script().contains(QLatin1String("CREATE UNIQUE INDEX CONCURRENTLY ix_devices_hostname")));
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("repairAllowDrop"))->isHidden()); // no extras

        bool repaired = false;
        connect(window.lifecycle(), &LifecycleController::repaired, this, [&repaired] { repaired = true; });
        window.lifecycle()->applyRepair(false);
        QTRY_VERIFY_WITH_TIMEOUT(repaired, 30000);
        QTRY_COMPARE(reported.count(), 2);
        QVERIFY(!reported.last().at(0).value<VerifyReport>().hasDifferences());
        QVERIFY(!repairButton->isEnabled());
    }

    // Compare… with the pack's model: the difference in the tree and on the diagram, Apply only
    // after a clean rehearsal, and nothing left to do after it.
    void compareRehearsesThenApplies()
    {
        test::ScratchDatabase scratch(QStringLiteral("compare"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        {
            JobRunner runner; // not the window's: its bootstrap would show the generated passwords
            runner.submit(std::make_shared<BootstrapJob>(scratch.profile(), PackChoice::fromCatalog()));
            QVERIFY(runner.waitForIdle(60000));
        }
        QVERIFY(test::queryValues(scratch.profile(), QStringLiteral("DROP INDEX ix_devices_hostname")).isEmpty());
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        CompareDialog *dialog = window.openCompare();
        QVERIFY(dialog->selectSource(QStringLiteral("pack netraven-v2")));
        DiagramMarks marks;
        int compared = 0;
        connect(dialog, &CompareDialog::marksChanged, this, [&marks](const DiagramMarks &shown) { marks = shown; });
        connect(dialog, &CompareDialog::compared, this, [&compared] { ++compared; });
        dialog->compare();
        QTRY_COMPARE_WITH_TIMEOUT(compared, 1, 20000);
        auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("compareDifferences"));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0),
                 QStringLiteral("missing index ix_devices_hostname on devices"));
        QCOMPARE(marks.tables.value(QStringLiteral("public.devices")), DiagramStatus::Changed);
        auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("compareApplyButton"));
        QVERIFY(!apply->isEnabled()); // not before a rehearsal

        // Esc cancels a rehearsal under way; the dialog stays, saying so.
        dialog->rehearse();
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->status(), QStringLiteral("The rehearsal was cancelled."), 20000);
        QVERIFY(dialog->isVisible());
        QVERIFY(window.jobRunner()->waitForIdle(20000));

        bool rehearsed = false;
        connect(dialog, &CompareDialog::rehearsed, this, [&rehearsed] { rehearsed = true; });
        // On a backup of the database first: a restore of it, rows and all.
        QTemporaryDir backups;
        BackupOptions options;
        options.outputDirectory = backups.path();
        auto backup = std::make_shared<BackupJob>(scratch.profile(), options);
        QVERIFY(test::runToSuccess(backup));
        dialog->rehearseOn(backup->result().path);
        QTRY_VERIFY_WITH_TIMEOUT(rehearsed, 60000);
        QVERIFY2(dialog->rehearsal()->ok() && dialog->rehearsal()->loadedFrom == backup->result().path,
                 qPrintable(dialog->status()));
        QVERIFY2(dialog->status().startsWith(
                     QStringLiteral("The rehearsal on a copy of %1 ran all 1 statement").arg(backup->result().path)),
                 qPrintable(dialog->status()));
        rehearsed = false;
        dialog->rehearse();
        QTRY_VERIFY_WITH_TIMEOUT(rehearsed, 60000);
        QVERIFY2(dialog->rehearsal()->ok(), qPrintable(dialog->status()));
        QCOMPARE(dialog->findChild<QTreeWidget *>(QStringLiteral("compareRehearsal"))->topLevelItemCount(), 1);
        QVERIFY(apply->isEnabled());
        bool applied = false;
        connect(dialog, &CompareDialog::applied, this, [&applied] { applied = true; });
        dialog->apply();
        QTRY_VERIFY_WITH_TIMEOUT(applied, 30000);
        QVERIFY2(dialog->report()->isEmpty(), qPrintable(dialog->status()));
        QVERIFY2(dialog->status().startsWith(QLatin1String("Applied 1 statement to")), qPrintable(dialog->status()));
        QVERIFY(marks.isEmpty());
        QCOMPARE(test::queryValue(scratch.profile(), QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                                                    "'ix_devices_hostname'")),
                 QStringLiteral("1"));
    }

    // The Overview follows the database: a table made elsewhere shows after a refresh (F5), with
    // the connections to the database and the last verify.
    void theOverviewFollowsTheDatabase()
    {
        test::ScratchDatabase scratch(QStringLiteral("overview"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        auto *page = window.findChild<ServerSummaryPage *>(QStringLiteral("serverSummaryPage"));
        const auto shown = [page] {
            QStringList text;
            for (const QLabel *label : page->findChildren<QLabel *>())
                text << label->text();
            return text.join(QLatin1Char('\n'));
        };
        QSignalSpy overviews(page, &ServerSummaryPage::overviewShown);
        QTRY_VERIFY_WITH_TIMEOUT(overviews.count() >= 1, 20000); // after the first schema read
        QVERIFY2(shown().contains(QLatin1String("This database has no tables yet.")), qPrintable(shown()));
        QVERIFY2(shown().contains(QLatin1String("to this database;")), qPrintable(shown()));
        QVERIFY(test::queryValues(scratch.profile(), QStringLiteral("CREATE TABLE grown (id int)")).isEmpty());
        const auto before = overviews.count();
        window.findChild<SchemaBrowser *>(QStringLiteral("schemaBrowser"))->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(overviews.count() > before, 20000);
        QVERIFY2(shown().contains(QLatin1String("1 table in 1 schema.")), qPrintable(shown()));

        // A backup, then a proof of restore: the Overview says both, from the Backups directory.
        QTemporaryDir backups;
        window.backupsPanel()->setDirectory(backups.path());
        const auto afterEmptyDirectory = overviews.count();
        window.findChild<SchemaBrowser *>(QStringLiteral("schemaBrowser"))->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(overviews.count() > afterEmptyDirectory, 20000);
        QVERIFY2(shown().contains(QLatin1String("none in ") + backups.path()), qPrintable(shown()));
        QVERIFY2(shown().contains(QLatin1String("none: no backup of it has been restored")), qPrintable(shown()));
        QSignalSpy backedUp(window.backups(), &BackupController::backedUp);
        window.backups()->backUpTo(backups.path());
        QTRY_COMPARE_WITH_TIMEOUT(backedUp.count(), 1, 60000);
        const QString backupName = QFileInfo(backedUp.first().at(0).toString()).fileName();
        QTRY_VERIFY_WITH_TIMEOUT(shown().contains(backupName + QLatin1String(", ")), 20000);
        QVERIFY2(shown().contains(QLatin1String("not verified")), qPrintable(shown()));
        QSignalSpy checked(window.backupsPanel(), &BackupsPanel::checked);
        window.backupsPanel()->selectRow(0);
        window.backupsPanel()->proveSelected();
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(shown().contains(backupName + QLatin1String(" restored and checked")), 20000);
        QVERIFY2(shown().contains(QLatin1String("proven restorable")), qPrintable(shown()));
    }

    // The Restore dialog: the backup's summary and tables, the target checked against the server's
    // databases as it is typed, and a restore of some tables that the window then connects to.
    void theRestoreDialogChecksItsTargetAndConnectsAfterwards()
    {
        test::ScratchDatabase scratch(QStringLiteral("restoredialog"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        QVERIFY(test::queryValues(scratch.profile(),
                                  QStringLiteral("CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE child (id int "
                                                 "PRIMARY KEY, parent_id int REFERENCES parent); INSERT INTO parent "
                                                 "VALUES (1); INSERT INTO child SELECT g, 1 FROM generate_series(1, "
                                                 "30) g"))
                    .isEmpty());
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QTemporaryDir backups;
        QSignalSpy backedUp(window.backups(), &BackupController::backedUp);
        window.backups()->backUpTo(backups.path());
        QTRY_COMPARE_WITH_TIMEOUT(backedUp.count(), 1, 60000);
        const QString backup = backedUp.first().at(0).toString();
        const QString database = scratch.profile().database;

        RestoreDialog dialog(window.jobRunner(), scratch.profile(), backup, &window);
        QSignalSpy shown(&dialog, &RestoreDialog::previewShown);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("restoreSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("custom archive")) &&
                     summary.contains(QStringLiteral("Database %1, backed up").arg(database)) &&
                     summary.contains(QLatin1String("2 tables with 31 rows")),
                 qPrintable(summary));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("restoreNewName"));
        auto *restore = dialog.findChild<QPushButton *>(QStringLiteral("restoreButton"));
        QCOMPARE(name->text(), database + QStringLiteral("_restored"));
        QVERIFY2(restore->isEnabled(), qPrintable(dialog.targetCheck()));
        name->setText(database); // exists: refused as it is typed
        QVERIFY2(dialog.targetCheck().contains(QLatin1String("exists on this server")),
                 qPrintable(dialog.targetCheck()));
        QVERIFY(!restore->isEnabled());
        name->setText(QString(70, QLatin1Char('n'))); // longer than PostgreSQL keeps
        QVERIFY2(dialog.targetCheck().contains(QLatin1String("would cut it")), qPrintable(dialog.targetCheck()));
        QVERIFY(!restore->isEnabled());

        dialog.findChild<QRadioButton *>(QStringLiteral("restoreReplace"))->setChecked(true);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("restoreReplacedDatabase"))->currentText(), database);
        QVERIFY(!restore->isEnabled()); // not before its name is typed again
        dialog.findChild<QLineEdit *>(QStringLiteral("restoreConfirmName"))->setText(database);
        QVERIFY(restore->isEnabled());
        QVERIFY(dialog.options().replaceExisting);

        const QString copy = database + QStringLiteral("_child");
        dialog.findChild<QRadioButton *>(QStringLiteral("restoreIntoNew"))->setChecked(true);
        name->setText(copy);
        dialog.findChild<QRadioButton *>(QStringLiteral("restoreSomeTables"))->setChecked(true);
        QVERIFY2(dialog.targetCheck() == QLatin1String("Choose at least one table."), qPrintable(dialog.targetCheck()));
        auto *tables = dialog.findChild<QListWidget *>(QStringLiteral("restoreTables"));
        QCOMPARE(tables->count(), 2);
        tables->findItems(QStringLiteral("public.child"), Qt::MatchExactly).value(0)->setCheckState(Qt::Checked);
        dialog.findChild<QSpinBox *>(QStringLiteral("restoreJobs"))->setValue(2);
        dialog.findChild<QCheckBox *>(QStringLiteral("restoreKeepOwnership"))->setChecked(false);
        QVERIFY(restore->isEnabled());
        const RestoreOptions options = dialog.options();
        QCOMPARE(options.targetDatabase, copy);
        QVERIFY(!options.replaceExisting);
        QCOMPARE(options.tables, QStringList{QStringLiteral("public.child")});
        QCOMPARE(options.jobs, 2);
        QVERIFY(!options.keepOwnership);
        QVERIFY(dialog.connectAfterwards());

        // Restored, then connected to: the child table alone, its foreign key left out with parent.
        window.backups()->restoreWith(options, dialog.connectAfterwards());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, 60000);
        QCOMPARE(window.findChild<ActiveConnection *>()->profile().database, copy);
        ConnectionProfile restored = scratch.profile();
        restored.database = copy;
        QCOMPARE(test::queryValue(restored, QStringLiteral("SELECT count(*) FROM child")), QStringLiteral("30"));
        QCOMPARE(test::queryValue(restored, QStringLiteral("SELECT to_regclass('parent') IS NULL")),
                 QStringLiteral("true"));
        window.findChild<QAction *>(QStringLiteral("disconnectAction"))->trigger();
        QVERIFY(window.jobRunner()->waitForIdle(20000));
        QCOMPARE(
            test::queryValue(scratch.server().profile(), QStringLiteral("DROP DATABASE \"%1\" WITH (FORCE)").arg(copy)),
            QString());
    }

    // Database ▸ Export Model Code… writes models.py and schemas.py of the connected database.
    void exportModelCodeWritesBothFiles()
    {
        test::ScratchDatabase scratch(QStringLiteral("models"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        QVERIFY(test::queryValues(scratch.profile(), QStringLiteral("CREATE TABLE grown (id int PRIMARY KEY, note "
                                                                    "text)"))
                    .isEmpty());
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QTemporaryDir out;
        int exported = 0;
        connect(window.backups(), &BackupController::modelsExported, this, [&exported] { ++exported; });
        window.backups()->exportModelsTo(out.path());
        QTRY_COMPARE_WITH_TIMEOUT(exported, 1, 20000);
        QFile models(out.filePath(QStringLiteral("models.py")));
        QVERIFY(models.open(QIODevice::ReadOnly));
        QVERIFY(models.readAll().contains("class Grown(Base):"));
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("schemas.py"))));
        QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("(1 table)")),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    // The Data tab masks the columns the pack names secret: their values are never read.
    void theDataTabMasksThePacksSecretColumns()
    {
        test::ScratchDatabase scratch(QStringLiteral("masked"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        {
            JobRunner runner; // not the window's: its bootstrap would show the generated passwords
            runner.submit(std::make_shared<BootstrapJob>(scratch.profile(), PackChoice::fromCatalog()));
            QVERIFY(runner.waitForIdle(60000));
        }
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        auto *browser = window.findChild<SchemaBrowser *>(QStringLiteral("schemaBrowser"));
        QTRY_VERIFY_WITH_TIMEOUT(browser->snapshot() != nullptr, 20000);
        const RelationInfo *users = browser->snapshot()->relation(QStringLiteral("public"), QStringLiteral("users"));
        QVERIFY(users);
        browser->showRelation(users->oid);
        auto *data = browser->findChild<DataPreview *>(QStringLiteral("dataPreview"));
        QSignalSpy pages(data, &DataPreview::pageShown);
        browser->findChild<QTabWidget *>(QStringLiteral("relationTabs"))->setCurrentWidget(data);
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 10000);
        const RowPage &page = data->model()->page();
        const auto secret = page.columns.indexOf(QStringLiteral("hashed_password"));
        const auto name = page.columns.indexOf(QStringLiteral("username"));
        QVERIFY(secret >= 0 && name >= 0 && !page.rows.isEmpty());
        QCOMPARE(page.rows.first().at(secret).toString(), RowPageJob::kMask);
        QCOMPARE(page.rows.first().at(name).toString(), QStringLiteral("admin"));
        auto *column = data->findChild<QComboBox *>(QStringLiteral("dataFilterColumn"));
        QCOMPARE(column->findText(QStringLiteral("hashed_password")), -1); // no filter can probe it
        QVERIFY(column->findText(QStringLiteral("username")) >= 0);
    }

    // New Pack from This Database, then Capture as Migration of a change made by hand.
    void aPackIsMadeAndAChangeCaptured()
    {
        test::ScratchDatabase scratch(QStringLiteral("packs"));
        NRDB_REQUIRE_SCRATCH_DATABASE(scratch);
        QVERIFY(test::queryValues(scratch.profile(), QStringLiteral("CREATE TABLE notes (id serial PRIMARY KEY)"))
                    .isEmpty());
        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(scratch.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("newPackAction"))->isEnabled());
        QSignalSpy done(window.packs(), &PackController::done);
        QSignalSpy failed(window.packs(), &PackController::failed);
        QTemporaryDir parent;
        const QString directory = parent.filePath(QStringLiteral("notes"));
        window.packs()->makePack(directory, {});
        QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 1, 20000);
        QVERIFY2(done.count() == 1, qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(done.first().at(0).toString().startsWith(QLatin1String("Made pack notes in ")));
        QVERIFY(
            test::queryValues(scratch.profile(), QStringLiteral("ALTER TABLE notes ADD COLUMN body text")).isEmpty());
        window.packs()->addMigration(scratch.profile(), directory, QStringLiteral("bodies"));
        QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 2, 20000);
        QVERIFY2(done.count() == 2, qPrintable(failed.value(0).value(0).toString()));
        const Result<ModelPack> pack = ModelPack::load(directory);
        QVERIFY(pack && pack.value().headVersion() == 2);
        QVERIFY(pack.value().expectedModel.tables.value(QStringLiteral("notes")).column(QStringLiteral("body")));
    }

    // Compare with another database, then Save as Migration: the source's changes become the next
    // migration of the target's pack on disk.
    void compareSavesTheSourcesChangesAsAMigration()
    {
        test::ScratchDatabase target(QStringLiteral("mig_target"));
        NRDB_REQUIRE_SCRATCH_DATABASE(target);
        test::ScratchDatabase source(QStringLiteral("mig_source"));
        NRDB_REQUIRE_SCRATCH_DATABASE(source);
        const QString table = QStringLiteral("CREATE TABLE notes (id serial PRIMARY KEY)");
        QVERIFY(test::queryValues(target.profile(), table).isEmpty());
        QVERIFY(test::queryValues(source.profile(), table).isEmpty());
        QVERIFY(
            test::queryValues(source.profile(), QStringLiteral("ALTER TABLE notes ADD COLUMN body text")).isEmpty());
        ConnectionProfile saved = source.profile();
        saved.name = QStringLiteral("dev notes");
        saved.password.clear(); // found by the job, as for any saved profile
        QVERIFY(ProfileStore().saveAll({saved}));
        const QByteArray oldPassword = qgetenv("PGPASSWORD");
        qputenv("PGPASSWORD", source.profile().password.toUtf8());
        const auto restore = qScopeGuard([&oldPassword] {
            static_cast<void>(ProfileStore().saveAll({})); // the next tests see no saved profile
            if (oldPassword.isNull())
                qunsetenv("PGPASSWORD");
            else
                qputenv("PGPASSWORD", oldPassword);
        });

        MainWindow window;
        QSignalSpy connected(&window, &MainWindow::connected);
        window.connectTo(target.profile(), RetryPolicy::once());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 20000);
        QSignalSpy made(window.packs(), &PackController::done);
        QTemporaryDir parent;
        const QString directory = parent.filePath(QStringLiteral("notes"));
        window.packs()->makePack(directory, {});
        QTRY_COMPARE_WITH_TIMEOUT(made.count(), 1, 20000);

        CompareDialog *dialog = window.openCompare();
        auto *saveMigration = dialog->findChild<QPushButton *>(QStringLiteral("compareSaveMigrationButton"));
        QVERIFY(!saveMigration->isEnabled()); // nothing compared yet
        QVERIFY(dialog->selectSource(QStringLiteral("dev notes")));
        QSignalSpy compared(dialog, &CompareDialog::compared);
        QSignalSpy failed(dialog, &CompareDialog::failed);
        dialog->compare();
        QTRY_COMPARE_WITH_TIMEOUT(compared.count() + failed.count(), 1, 20000);
        QVERIFY2(compared.count() == 1, qPrintable(dialog->status()));
        QCOMPARE(dialog->report()->differenceCount(), 1);
        QVERIFY(saveMigration->isEnabled());
        QSignalSpy savedMigration(dialog, &CompareDialog::migrationSaved);
        dialog->saveAsMigration(directory, QStringLiteral("bodies"));
        QTRY_COMPARE_WITH_TIMEOUT(savedMigration.count() + failed.count(), 1, 20000);
        QVERIFY2(savedMigration.count() == 1, qPrintable(dialog->status()));
        QVERIFY2(dialog->status().contains(QLatin1String("0002_bodies.sql")), qPrintable(dialog->status()));
        const Result<ModelPack> pack = ModelPack::load(directory);
        QVERIFY(pack && pack.value().headVersion() == 2);
        QVERIFY(pack.value().expectedModel.tables.value(QStringLiteral("notes")).column(QStringLiteral("body")));
        QVERIFY2(pack.value().migration(2)->sql.contains(QLatin1String("ADD COLUMN \"body\" text")),
                 qPrintable(pack.value().migration(2)->sql));

        // A pack as the source has no database to capture.
        QVERIFY(dialog->selectSource(QStringLiteral("pack netraven-v2")));
        dialog->compare();
        QTRY_COMPARE_WITH_TIMEOUT(compared.count() + failed.count(), 2, 20000);
        QVERIFY(!saveMigration->isEnabled());
    }

    void sandboxButtonConnectsAndShowsTheSummary()
    {
        if (!ServerInstallation::find()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL("no PostgreSQL server binaries under CI");
            QSKIP("no PostgreSQL server binaries");
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy connected(&window, &MainWindow::connected);
        QSignalSpy failed(&window, &MainWindow::connectionFailed);
        // The generated admin password is shown once, in a box the user closes.
        bool passwordShown = false;
        QString packOffered;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&passwordShown, &packOffered] {
            QWidget *box = QApplication::activeModalWidget();
            if (box && box->objectName() == QLatin1String("generatedSecretsBox")) {
                passwordShown = qobject_cast<QMessageBox *>(box)->text().contains(QLatin1String("admin_password: "));
                qobject_cast<QMessageBox *>(box)->accept();
            } else if (box && box->objectName() == QLatin1String("bootstrapPackDialog")) {
                packOffered = qobject_cast<QInputDialog *>(box)->textValue(); // what it preselects
                qobject_cast<QInputDialog *>(box)->accept();
            }
        });
        closer.start(50);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("startSandboxButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(connected.count() + failed.count() > 0, 90000);
        QCOMPARE(failed.count(), 0);
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("centralPages"));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("connectedPage"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("connectedTabs"));
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("schemaBrowser"));
        auto *schemaSummary = window.findChild<QLabel *>(QStringLiteral("schemaSummary"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("summaryTitle"))->text().contains(QLatin1String("netraven")));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("connectionStatus"))
                    ->text()
                    .startsWith(QLatin1String("Connected")));
        const QAbstractItemModel *log = window.findChild<QTreeView *>(QStringLiteral("logView"))->model();
        QStringList messages;
        for (int row = 0; row < log->rowCount(); ++row)
            messages << log->index(row, LogModel::MessageColumn).data().toString();
        QVERIFY2(messages.contains(QStringLiteral("Sandbox server ready on 127.0.0.1:%1")
                                       .arg(window.findChild<QLabel *>(QStringLiteral("connectionStatus"))
                                                ->text()
                                                .section(QLatin1Char(':'), -1)
                                                .section(QLatin1Char('/'), 0, 0))),
                 qPrintable(messages.join(QLatin1Char('\n'))));

        // The sandbox is made a verified, seeded NetRaven database without another click.
        auto *bootstrap = window.findChild<QAction *>(QStringLiteral("bootstrapAction"));
        QVERIFY(!bootstrap->isEnabled()); // bootstrapping already: one lifecycle job at a time
        auto *verdict = window.findChild<QLabel *>(QStringLiteral("verifyVerdict"));
        QTRY_COMPARE_WITH_TIMEOUT(verdict->text(),
                                  QStringLiteral("Matches netraven-v2 at version 2 (NetRaven dev 8170400, 2025-05-22)"),
                                  30000);
        QTRY_VERIFY(passwordShown);
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("verifyReport"));
        QTRY_VERIFY_WITH_TIMEOUT(schemaSummary->text().startsWith(QLatin1String("15 tables")), 20000); // 14 + history
        QTRY_VERIFY(bootstrap->isEnabled());

        // Bootstrap again: nothing to do, and no new password.
        passwordShown = false;
        verdict->clear();
        bootstrap->trigger(); // asks which NetRaven (answered by the timer above), then runs
        QVERIFY(!bootstrap->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(verdict->text(),
                                  QStringLiteral("Matches netraven-v2 at version 2 (NetRaven dev 8170400, 2025-05-22)"),
                                  30000);
        QTRY_VERIFY(bootstrap->isEnabled());
        QVERIFY(!passwordShown);
        QVERIFY2(packOffered.startsWith(QLatin1String("NetRaven v2")),
                 qPrintable(packOffered)); // today's NetRaven first

        // Back up, then restore that backup into a new database, as the Database menu does.
        QTemporaryDir backups;
        QSignalSpy backedUp(window.backups(), &BackupController::backedUp);
        QSignalSpy restored(window.backups(), &BackupController::restored);
        window.backups()->backUpTo(backups.path());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("backupAction"))->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(backedUp.count(), 1, 30000);
        const QString path = backedUp.first().at(0).toString();
        QVERIFY(QFile::exists(path) && QFile::exists(path + QStringLiteral(".manifest.json")));

        // The Backups tab lists it; verify it, then prove it restorable, as jobs.
        BackupsPanel *panel = window.backupsPanel();
        QCOMPARE(panel->directory(), QFileInfo(path).absolutePath());
        QCOMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->entry(0).path, path);
        QCOMPARE(panel->model()->index(0, BackupListModel::StateColumn).data().toString(),
                 QStringLiteral("not verified"));
        QSignalSpy checked(panel, &BackupsPanel::checked);
        panel->selectRow(0);
        QTRY_VERIFY(panel->findChild<QAction *>(QStringLiteral("backupsVerifyAction"))->isEnabled());
        panel->verifySelected();
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, 30000);
        QVERIFY2(panel->model()
                     ->index(0, BackupListModel::StateColumn)
                     .data()
                     .toString()
                     .startsWith(QLatin1String("verified ")),
                 qPrintable(panel->model()->index(0, BackupListModel::StateColumn).data().toString()));
        panel->proveSelected();
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 2, 60000);
        QVERIFY(panel->model()
                    ->index(0, BackupListModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("proven restorable ")));
        // Retention never removes the only verified backup.
        QCOMPARE(panel->pruneWith(RetentionRule{1, 0}), QStringList());
        QTRY_VERIFY(window.findChild<QAction *>(QStringLiteral("restoreAction"))->isEnabled());
        window.backups()->restoreFrom(path, QStringLiteral("netraven_copy"));
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 30000);
        QCOMPARE(restored.first().at(0).toString(), QStringLiteral("netraven_copy"));
        QVERIFY(window.statusBar()->currentMessage().startsWith(QLatin1String("Restored into netraven_copy")));

        // The schema as an init script, from the Database menu's action.
        QSignalSpy exported(window.backups(), &BackupController::schemaExported);
        QTRY_VERIFY(window.findChild<QAction *>(QStringLiteral("exportSchemaAction"))->isEnabled());
        window.backups()->exportSchemaTo(backups.filePath(QStringLiteral("init.sql")));
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
        QFile script(backups.filePath(QStringLiteral("init.sql")));
        QVERIFY(script.open(QIODevice::ReadOnly));
        QVERIFY(script.readAll().contains("CREATE TABLE public.devices ("));
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
