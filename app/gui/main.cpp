// netraven-dbadmin: wiring only; the window and everything behind it live in nrdb_ui and nrdb_core.
#include "backupcontroller.h"
#include "diagrampage.h"
#include "lifecyclecontroller.h"
#include "mainwindow.h"
#include "schemabrowser.h"

#include "connection/profilestore.h"

#include "nrdb/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

// Saves a picture of the window, then quits: once the schema of the new connection is read (or
// connecting failed), or at once when there is no connection to wait for.
enum class ScreenshotMoment { AtOnce, SchemaRead, DiagramDrawn, VerifyReported, BackedUp };

void scheduleScreenshot(nrdb::MainWindow &window, const QString &path, ScreenshotMoment moment)
{
    const auto capture = [&window, path] {
        // Let the layout and the last status messages paint first.
        QTimer::singleShot(400, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            std::fprintf(saved ? stdout : stderr, "%s %s\n",
                         saved ? "Saved a screenshot of the window to" : "Could not write", qPrintable(path));
            QApplication::exit(saved ? 0 : 1);
        });
    };
    switch (moment) {
    case ScreenshotMoment::AtOnce:
        capture();
        return;
    case ScreenshotMoment::SchemaRead:
        QObject::connect(window.schemaBrowser(), &nrdb::SchemaBrowser::snapshotLoaded, &window, capture);
        break;
    case ScreenshotMoment::DiagramDrawn:
        QObject::connect(window.diagram(), &nrdb::DiagramPage::diagramReady, &window, capture);
        break;
    case ScreenshotMoment::VerifyReported:
        QObject::connect(window.lifecycle(), &nrdb::LifecycleController::verifyReported, &window, capture);
        break;
    case ScreenshotMoment::BackedUp:
        QObject::connect(window.backups(), &nrdb::BackupController::backedUp, &window, capture);
        break;
    }
    QObject::connect(&window, &nrdb::MainWindow::connectionFailed, &window, capture);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NetRaven"));
    QApplication::setApplicationName(QStringLiteral("netraven-dbadmin"));
    QApplication::setApplicationDisplayName(QStringLiteral(NRDB_PRODUCT_NAME));
    QApplication::setApplicationVersion(QStringLiteral(NRDB_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("org.netraven.DbAdmin"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/nrdb/icons/app/netraven-dbadmin.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inspect, initialise, verify, back up and restore NetRaven's "
                                                    "PostgreSQL database."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QStringLiteral("Start a throwaway local server and connect to it."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Once connected (or failed), save a picture of the window to <file> and quit."),
        QStringLiteral("file"));
    const QCommandLineOption profileOption(QStringLiteral("profile"), QStringLiteral("Connect with a saved profile."),
                                           QStringLiteral("name"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QStringLiteral("Once the schema is read, show the table <schema.table> (in the diagram with --diagram)."),
        QStringLiteral("schema.table"));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       QStringLiteral("Once connected, run <action>: bootstrap, verify, or backup "
                                                      "(into netraven-dbadmin-backups in the temporary directory)."),
                                       QStringLiteral("action"));
    const QCommandLineOption diagramOption(QStringLiteral("diagram"),
                                           QStringLiteral("Once the schema is read, show the relationship diagram."));
    const QCommandLineOption dialogOption(QStringLiteral("connect-dialog"),
                                          QStringLiteral("Open the connection dialog at start."));
    parser.addOption(sandboxOption);
    parser.addOption(profileOption);
    parser.addOption(dialogOption);
    parser.addOption(selectOption);
    parser.addOption(diagramOption);
    parser.addOption(runOption);
    parser.addOption(screenshotOption);
    parser.addPositionalArgument(QStringLiteral("connection"),
                                 QStringLiteral("A libpq URI or keyword string to connect to (no password: it would "
                                                "be visible to other users)."),
                                 QStringLiteral("[connection]"));
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 ||
        (positional.size() == 1 && (parser.isSet(profileOption) || parser.isSet(sandboxOption))))
        parser.showHelp(2);

    const bool connecting = parser.isSet(sandboxOption) || parser.isSet(profileOption) || !positional.isEmpty();
    nrdb::MainWindow window;
    if (parser.isSet(selectOption)) {
        const QString wanted = parser.value(selectOption);
        nrdb::SchemaBrowser *browser = window.schemaBrowser();
        QObject::connect(browser, &nrdb::SchemaBrowser::snapshotLoaded, browser, [browser, wanted] {
            const auto *relation = browser->snapshot()->relation(wanted.section(QLatin1Char('.'), 0, 0),
                                                                 wanted.section(QLatin1Char('.'), 1));
            if (relation)
                browser->showRelation(relation->oid);
        });
    }
    if (parser.isSet(diagramOption)) {
        QObject::connect(window.schemaBrowser(), &nrdb::SchemaBrowser::snapshotLoaded, &window,
                         [&window] { window.showDiagram(); });
        if (parser.isSet(selectOption))
            QObject::connect(window.diagram(), &nrdb::DiagramPage::diagramReady, &window,
                             [&window, wanted = parser.value(selectOption)] { window.diagram()->findTable(wanted); });
    }
    const QString action = parser.value(runOption);
    const QStringList actions{QStringLiteral("bootstrap"), QStringLiteral("verify"), QStringLiteral("backup")};
    if (!action.isEmpty() && !actions.contains(action)) {
        std::fprintf(stderr, "netraven-dbadmin: --run takes bootstrap, verify or backup\n");
        return 2;
    }
    if (!action.isEmpty()) {
        QObject::connect(&window, &nrdb::MainWindow::connected, window.lifecycle(), [&window, action] {
            if (action == QLatin1String("bootstrap"))
                window.lifecycle()->bootstrap();
            else if (action == QLatin1String("verify"))
                window.lifecycle()->verify();
            else
                window.backups()->backUpTo(QDir::temp().filePath(QStringLiteral("netraven-dbadmin-backups")));
        });
        QObject::connect(window.backups(), &nrdb::BackupController::backedUp, &window,
                         [&window] { window.showBackups(); });
    }
    if (parser.isSet(screenshotOption) && !parser.isSet(dialogOption)) {
        const ScreenshotMoment moment =
            !connecting                         ? ScreenshotMoment::AtOnce
            : action == QLatin1String("backup") ? ScreenshotMoment::BackedUp
            : !action.isEmpty() || parser.isSet(sandboxOption) // a sandbox is bootstrapped
                ? ScreenshotMoment::VerifyReported
                : parser.isSet(diagramOption) ? ScreenshotMoment::DiagramDrawn : ScreenshotMoment::SchemaRead;
        scheduleScreenshot(window, parser.value(screenshotOption), moment);
    }
    window.show();
    if (parser.isSet(sandboxOption)) {
        window.startSandbox();
    } else if (parser.isSet(profileOption)) {
        const nrdb::Result<nrdb::ConnectionProfile> profile = nrdb::ProfileStore().profile(parser.value(profileOption));
        if (!profile) {
            std::fprintf(stderr, "netraven-dbadmin: %s\n", qPrintable(profile.error().message));
            return 2;
        }
        window.connectTo(profile.value());
    } else if (!positional.isEmpty()) {
        const nrdb::Result<nrdb::ConnectionProfile> profile = nrdb::ConnectionProfile::parse(positional.first());
        if (!profile || !profile.value().password.isEmpty()) {
            std::fprintf(stderr, "netraven-dbadmin: %s\n",
                         profile ? "the connection string holds a password; use ~/.pgpass, PGPASSWORD or the "
                                   "keychain instead"
                                 : qPrintable(profile.error().message));
            return 2;
        }
        window.connectTo(profile.value());
    }
    if (parser.isSet(dialogOption)) {
        QTimer::singleShot(0, &window, [&window, &parser, &screenshotOption] {
            if (parser.isSet(screenshotOption)) // a picture of the dialog, for the documentation
                QTimer::singleShot(600, &window, [path = parser.value(screenshotOption)] {
                    QWidget *dialog = QApplication::activeModalWidget();
                    const bool saved = dialog && dialog->grab().save(path);
                    std::fprintf(saved ? stdout : stderr, "%s %s\n",
                                 saved ? "Saved a screenshot of the dialog to" : "Could not write", qPrintable(path));
                    QApplication::exit(saved ? 0 : 1);
                });
            window.showConnectionDialog();
        });
    }
    return QApplication::exec();
}
