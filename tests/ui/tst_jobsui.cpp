// The Log dock and the Jobs panel as real widgets, and a GUI thread that never waits for a job.
#include "jobspanel.h"
#include "logdock.h"
#include "mainwindow.h"
#include "scratchdatabase.h"
#include "statementjob.h"

#include "jobs/jobrunner.h"
#include "jobs/jobtablemodel.h"
#include "log/logmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QtTest/QtTest>

using namespace nrdb;

class TestJobsUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        NRDB_REQUIRE_SCRATCH_DATABASE(m_scratch);
    }

    // The GUI thread's timer keeps ticking while a job waits on the server for seconds.
    void guiThreadNeverBlocksOnAJob()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QElapsedTimer sinceLastTick;
        qint64 largestGapMs = 0;
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        ticker.setTimerType(Qt::PreciseTimer);
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (sinceLastTick.isValid())
                largestGapMs = qMax(largestGapMs, sinceLastTick.elapsed());
            sinceLastTick.start();
            ++ticks;
        });
        JobRunner *runner = window.jobRunner();
        QSignalSpy finished(runner, &JobRunner::finished);
        ticker.start();
        runner->submit(std::make_shared<test::StatementJob>(
            QStringLiteral("Sleep on the server"), JobAccess::ReadOnly, m_scratch.profile(),
            QStringList{QStringLiteral("SELECT pg_sleep(1)"), QStringLiteral("SELECT pg_sleep(1)"),
                        QStringLiteral("SELECT pg_sleep(1)")}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        ticker.stop();
        QCOMPARE(finished.first().at(1).value<JobState>(), JobState::Succeeded);
        QVERIFY(ticks > 100);
        qInfo("largest gap between GUI timer ticks during a 3 s server-side job: %lld ms (%d ticks)", largestGapMs,
              ticks);
        QVERIFY2(largestGapMs < 50, qPrintable(QStringLiteral("largest gap %1 ms").arg(largestGapMs)));
    }

    void cancelFromThePanelEndsTheJob()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        JobsPanel *panel = window.jobsPanel();
        QAction *cancel = panel->cancelAction();
        QVERIFY(!cancel->isEnabled());
        const JobId id = window.jobRunner()->submit(
            std::make_shared<test::StatementJob>(QStringLiteral("Long sleep"), JobAccess::ReadOnly, m_scratch.profile(),
                                                 QStringList{QStringLiteral("SELECT pg_sleep(60)")}));
        QTRY_COMPARE(window.jobRunner()->state(id), JobState::Running);
        QTRY_VERIFY(cancel->isEnabled()); // the newest job is selected
        QTest::qWait(300);
        cancel->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.jobRunner()->state(id), JobState::Cancelled, 10000);
        const JobTableModel *model = panel->model();
        QCOMPARE(model->data(model->index(0, JobTableModel::StateColumn)).toString(), QStringLiteral("cancelled"));
        QVERIFY(!cancel->isEnabled());
    }

    void logDockFiltersFollowsCopiesAndSaves()
    {
        LogModel model;
        LogDock dock(&model);
        dock.resize(800, 200);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        auto *view = dock.findChild<QTreeView *>(QStringLiteral("logView"));
        auto *placeholder = dock.findChild<QLabel *>(QStringLiteral("placeholderLabel"));
        QVERIFY(placeholder->isVisible());
        QVERIFY(placeholder->text().startsWith(QLatin1String("Nothing logged yet")));

        for (int i = 0; i < 300; ++i) {
            const LogLevel level = i % 30 == 0 ? LogLevel::Error : i % 10 == 0 ? LogLevel::Warning : LogLevel::Info;
            model.append(LogRecord(level, QStringLiteral("message %1").arg(i), 1, QStringLiteral("Backup")));
        }
        QVERIFY(view->isVisible());
        QCOMPARE(view->model()->rowCount(), 300);
        QVERIFY(dock.isFollowing());
        QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
        QVERIFY(!view->model()->index(0, LogModel::LevelColumn).data(Qt::DecorationRole).value<QIcon>().isNull());

        // Scrolling up pauses following; new records do not pull the view down.
        view->verticalScrollBar()->setValue(0);
        QVERIFY(!dock.isFollowing());
        model.append(LogRecord(LogLevel::Info, QStringLiteral("while reading")));
        QCoreApplication::processEvents();
        QCOMPARE(view->verticalScrollBar()->value(), 0);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QVERIFY(dock.isFollowing());

        auto *level = dock.findChild<QComboBox *>(QStringLiteral("logLevelFilter"));
        level->setCurrentIndex(3); // errors only
        QCOMPARE(view->model()->rowCount(), 10);
        auto *text = dock.findChild<QLineEdit *>(QStringLiteral("logTextFilter"));
        text->setText(QStringLiteral("message 270"));
        QCOMPARE(view->model()->rowCount(), 1);
        dock.findChild<QToolButton *>(QStringLiteral("logCopyButton"))->click();
        QVERIFY(QApplication::clipboard()->text().endsWith(QLatin1String("[Backup #1] message 270")));
        text->setText(QStringLiteral("no such message"));
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(), QStringLiteral("No message matches the filter."));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved.log"));
        QVERIFY(dock.saveTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(saved.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 301); // the whole log, not just what the filter shows
        QVERIFY(lines.last().endsWith(QLatin1String("while reading")));

        dock.findChild<QToolButton *>(QStringLiteral("logClearButton"))->click();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(placeholder->text().startsWith(QLatin1String("Nothing logged yet")));
    }

private:
    test::ScratchDatabase m_scratch;
};

QTEST_MAIN(TestJobsUi)
#include "tst_jobsui.moc"
