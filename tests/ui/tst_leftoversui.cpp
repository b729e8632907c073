// On connecting, the window finds the temporary databases a killed tool left and offers to drop
// them: a real prompt, a real click, real databases on the test server.
#include "queries.h"
#include "scratchdatabase.h"

#include "connection/temporarydatabase.h"
#include "jobs/jobrunner.h"
#include "leftovercontroller.h"
#include "util/childprocess.h"
#include "util/sqlidentifier.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest/QtTest>

using namespace nrdb;

namespace {

QMessageBox *prompt()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == QLatin1String("leftoverPrompt") && widget->isVisible())
            return qobject_cast<QMessageBox *>(widget);
    }
    return nullptr;
}

} // namespace

class TestLeftoversUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const Result<SandboxState> server = test::fixtureServer();
        if (!server)
            QSKIP("no test server");
        m_server = server.value().profile();
    }

    // One left by a process that is gone is offered and dropped; one whose maker still runs (this
    // test) and one without the marker are neither.
    void whatAKilledToolLeftIsOfferedAndDropped()
    {
        qint64 gonePid = 0;
        ChildCommand child(QStringLiteral("/bin/true"), {});
        child.onStarted = [&gonePid](qint64 pid) { gonePid = pid; };
        QVERIFY(child.run());
        QVERIFY(gonePid > 0);
        const QString pid = QString::number(QCoreApplication::applicationPid());
        const QString leftover = QStringLiteral("nrdb_ui_left_%1_restoring_1").arg(pid);
        const QString running = QStringLiteral("nrdb_ui_running_%1_restoring_1").arg(pid);
        const QString unmarked = QStringLiteral("nrdb_ui_plain_%1_restoring_1").arg(pid);
        temporarydatabase::Marker dead =
            temporarydatabase::Marker::ofThisProcess(QStringLiteral("restore staging"), QStringLiteral("x"));
        dead.pid = gonePid;
        dead.processStart = 0;
        for (const auto &[name, comment] :
             {std::pair{leftover, dead.comment()},
              std::pair{running,
                        temporarydatabase::Marker::ofThisProcess(QStringLiteral("restore staging"), QStringLiteral("x"))
                            .comment()},
              std::pair{unmarked, QString()}}) {
            QVERIFY(
                test::queryValues(m_server, QStringLiteral("CREATE DATABASE %1").arg(quoteIdentifier(name))).isEmpty());
            if (!comment.isEmpty())
                QVERIFY(test::queryValues(m_server, QStringLiteral("COMMENT ON DATABASE %1 IS %2")
                                                        .arg(quoteIdentifier(name), quoteLiteral(comment)))
                            .isEmpty());
        }
        QWidget window;
        JobRunner runner;
        LeftoverController controller(&runner, &window);
        QSignalSpy found(&controller, &LeftoverController::found);
        QSignalSpy dropped(&controller, &LeftoverController::dropped);
        // A check of a server the window has left again is never offered.
        controller.check(m_server);
        controller.forgetServer();
        QVERIFY(runner.waitForIdle(15000));
        QTest::qWait(100);
        QCOMPARE(found.count(), 0);
        QVERIFY(!prompt());

        controller.check(m_server);
        QTRY_COMPARE_WITH_TIMEOUT(found.count(), 1, 15000);
        QStringList names;
        for (const temporarydatabase::Leftover &left : controller.leftovers())
            names << left.database;
        QVERIFY2(names.contains(leftover) && !names.contains(running) && !names.contains(unmarked),
                 qPrintable(names.join(QLatin1Char(' '))));
        QTRY_VERIFY_WITH_TIMEOUT(prompt() != nullptr, 5000);
        QVERIFY2(prompt()->informativeText().contains(leftover), qPrintable(prompt()->informativeText()));
        QPushButton *drop = nullptr;
        for (QAbstractButton *button : prompt()->buttons()) {
            if (button->text() == QLatin1String("Drop Them"))
                drop = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(drop);
        drop->click();
        QTRY_COMPARE_WITH_TIMEOUT(dropped.count(), 1, 15000);
        QVERIFY(dropped.first().at(0).toStringList().contains(leftover));
        const QString exists = QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'");
        QCOMPARE(test::queryValue(m_server, exists.arg(leftover)), QStringLiteral("0"));
        QCOMPARE(test::queryValue(m_server, exists.arg(running)), QStringLiteral("1"));
        QCOMPARE(test::queryValue(m_server, exists.arg(unmarked)), QStringLiteral("1"));
        for (const QString &name : {running, unmarked})
            test::queryValue(m_server, QStringLiteral("DROP DATABASE %1").arg(quoteIdentifier(name)));
    }

private:
    ConnectionProfile m_server;
};

QTEST_MAIN(TestLeftoversUi)
#include "tst_leftoversui.moc"
