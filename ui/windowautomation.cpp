#include "windowautomation.h"

#include "backupcontroller.h"
#include "comparedialog.h"
#include "diagrampage.h"
#include "environmentlistmodel.h"
#include "environmentspage.h"
#include "lifecyclecontroller.h"
#include "mainwindow.h"
#include "schemabrowser.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace nrdb {

namespace {

// When the picture is taken: once the schema of the new connection is read (or connecting
// failed), or at once when there is no connection to wait for.
enum class ScreenshotMoment { EnvironmentsRead, SchemaRead, DiagramDrawn, VerifyReported, BackedUp };

// Saves widget's picture to path and quits, saying where it went.
void saveAndQuit(QWidget *widget, const QString &path, const char *what)
{
    const bool saved = widget && widget->grab().save(path);
    std::fprintf(saved ? stdout : stderr, "%s %s to %s\n", saved ? "Saved a screenshot of the" : "Could not save the",
                 what, qPrintable(path));
    QApplication::exit(saved ? 0 : 1);
}

ScreenshotMoment momentFor(const WindowAutomation &automation)
{
    if (!automation.connecting)
        return ScreenshotMoment::EnvironmentsRead;
    if (automation.run == QLatin1String("backup"))
        return ScreenshotMoment::BackedUp;
    if (!automation.run.isEmpty() || automation.sandbox) // a sandbox is bootstrapped
        return ScreenshotMoment::VerifyReported;
    return automation.diagram ? ScreenshotMoment::DiagramDrawn : ScreenshotMoment::SchemaRead;
}

void scheduleScreenshot(MainWindow &window, const QString &path, ScreenshotMoment moment)
{
    const auto capture = [&window, path] {
        // Let the layout and the last status messages paint first.
        QTimer::singleShot(400, &window, [&window, path] { saveAndQuit(&window, path, "window"); });
    };
    switch (moment) {
    case ScreenshotMoment::EnvironmentsRead:
        if (window.environmentsPage()->model()->profiles().isEmpty()) {
            capture();
            return;
        }
        QObject::connect(window.environmentsPage(), &EnvironmentsPage::allRead, &window, capture);
        break;
    case ScreenshotMoment::SchemaRead:
        QObject::connect(window.schemaBrowser(), &SchemaBrowser::snapshotLoaded, &window, capture);
        break;
    case ScreenshotMoment::DiagramDrawn:
        QObject::connect(window.diagram(), &DiagramPage::diagramReady, &window, capture);
        break;
    case ScreenshotMoment::VerifyReported:
        QObject::connect(window.lifecycle(), &LifecycleController::verifyReported, &window, capture);
        break;
    case ScreenshotMoment::BackedUp:
        QObject::connect(window.backups(), &BackupController::backedUp, &window, capture);
        break;
    }
    QObject::connect(&window, &MainWindow::connectionFailed, &window, capture);
    // A question the window asks on the way (create the missing database? the password?) would
    // wait for ever for an answer: the picture is of the question instead.
    auto *questions = new QTimer(&window);
    QObject::connect(questions, &QTimer::timeout, &window, [path] {
        if (QWidget *question = QApplication::activeModalWidget())
            saveAndQuit(question, path, "question");
    });
    questions->start(500);
}

void showOnceRead(MainWindow &window, const WindowAutomation &automation)
{
    SchemaBrowser *browser = window.schemaBrowser();
    if (!automation.select.isEmpty()) {
        QObject::connect(browser, &SchemaBrowser::snapshotLoaded, browser, [browser, wanted = automation.select] {
            const auto *relation = browser->snapshot()->relation(wanted.section(QLatin1Char('.'), 0, 0),
                                                                 wanted.section(QLatin1Char('.'), 1));
            if (relation)
                browser->showRelation(relation->oid);
        });
    }
    if (automation.diagram) {
        QObject::connect(browser, &SchemaBrowser::snapshotLoaded, &window, [&window] { window.showDiagram(); });
        if (!automation.select.isEmpty())
            QObject::connect(window.diagram(), &DiagramPage::diagramReady, &window,
                             [&window, wanted = automation.select] { window.diagram()->findTable(wanted); });
    }
}

// Compare… with the default pack's model, and the script rehearsed when there is one; the picture
// is of the dialog, once that is done.
void compareWithThePack(MainWindow &window, const QString &screenshot)
{
    CompareDialog *dialog = window.openCompare();
    dialog->selectSource(QStringLiteral("pack ") + ModelPack::defaultName());
    const auto capture = [dialog, screenshot] {
        if (!screenshot.isEmpty())
            QTimer::singleShot(400, dialog,
                               [dialog, screenshot] { saveAndQuit(dialog, screenshot, "compare dialog"); });
    };
    QObject::connect(dialog, &CompareDialog::compared, dialog, [dialog, capture] {
        if (dialog->report()->plan.isEmpty())
            capture();
        else
            dialog->rehearse();
    });
    QObject::connect(dialog, &CompareDialog::rehearsed, dialog, capture);
    QObject::connect(dialog, &CompareDialog::failed, dialog, capture);
    dialog->compare();
}

void runOnceConnected(MainWindow &window, const QString &action, const QString &screenshot)
{
    QObject::connect(&window, &MainWindow::connected, window.lifecycle(), [&window, action, screenshot] {
        if (action == QLatin1String("compare"))
            compareWithThePack(window, screenshot);
        else if (action == QLatin1String("bootstrap"))
            window.lifecycle()->bootstrap();
        else if (action == QLatin1String("verify"))
            window.lifecycle()->verify();
        else
            window.backups()->backUpTo(QDir::temp().filePath(QStringLiteral("netraven-dbadmin-backups")));
    });
    QObject::connect(window.backups(), &BackupController::backedUp, &window, [&window] { window.showBackups(); });
}

void openTheDialog(MainWindow &window, const QString &screenshot)
{
    QTimer::singleShot(0, &window, [&window, screenshot] {
        if (!screenshot.isEmpty()) // a picture of the dialog, for the documentation
            QTimer::singleShot(600, &window,
                               [screenshot] { saveAndQuit(QApplication::activeModalWidget(), screenshot, "dialog"); });
        window.showConnectionDialog();
    });
}

} // namespace

Status automate(MainWindow &window, const WindowAutomation &automation)
{
    const QStringList actions{QStringLiteral("bootstrap"), QStringLiteral("verify"), QStringLiteral("backup"),
                              QStringLiteral("compare")};
    if (!automation.run.isEmpty() && !actions.contains(automation.run))
        return Error::usage(QStringLiteral("--run takes bootstrap, verify, backup or compare"));
    showOnceRead(window, automation);
    if (!automation.run.isEmpty())
        runOnceConnected(window, automation.run, automation.screenshot);
    if (automation.openDialog)
        openTheDialog(window, automation.screenshot);
    else if (!automation.screenshot.isEmpty() && automation.run != QLatin1String("compare")) // its own picture
        scheduleScreenshot(window, automation.screenshot, momentFor(automation));
    return {};
}

} // namespace nrdb
