// netraven-dbadmin: wiring only; the window and everything behind it live in nrdb_ui and nrdb_core.
#include "mainwindow.h"
#include "windowautomation.h"

#include "connection/profilestore.h"

#include "nrdb/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

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
                                       QStringLiteral("Once connected, run <action>: bootstrap, verify, backup "
                                                      "(into netraven-dbadmin-backups in the temporary directory), "
                                                      "or compare (with the default pack, rehearsed)."),
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

    nrdb::WindowAutomation automation;
    automation.select = parser.value(selectOption);
    automation.diagram = parser.isSet(diagramOption);
    automation.run = parser.value(runOption);
    automation.screenshot = parser.value(screenshotOption);
    automation.openDialog = parser.isSet(dialogOption);
    automation.sandbox = parser.isSet(sandboxOption);
    automation.connecting = automation.sandbox || parser.isSet(profileOption) || !positional.isEmpty();
    nrdb::MainWindow window;
    if (const nrdb::Status automated = nrdb::automate(window, automation); !automated) {
        std::fprintf(stderr, "netraven-dbadmin: %s\n", qPrintable(automated.error().message));
        return 2;
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
    return QApplication::exec();
}
